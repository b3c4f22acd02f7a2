"""The one library object every face uses: ``load()`` a model, ``Tagger.tag()`` a note."""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol

from spacy.language import Language

from . import __version__
from .cleaning import DEFAULT_MAX_CHARS, CleanText, clean, clean_eml, decode_bytes, validate_text
from .errors import InputError, ModelLoadError
from .long_notes import pool_factors
from .pipeline import build_pipeline, load_pipeline
from .result import doc_to_result
from .schema import Cleaning, Hypothesis, ModelInfo, TagResult

log = logging.getLogger("tagger")

REPO_MODELS = Path(__file__).resolve().parent.parent / "models"
DEFAULT_MODEL_NAME = "default"


class HypothesisModel(Protocol):
    """What the Tagger needs from a trained classifier (see ``tagger.classifier``)."""

    labels_: list[str]

    def hypotheses(self, result: TagResult) -> list[Hypothesis]: ...

    def hypotheses_many(self, results: list[TagResult], *, evidence: bool = True) -> list[list[Hypothesis]]: ...


@dataclass(frozen=True)
class RowError:
    """A row of ``tag_many(..., errors="return")`` that could not be tagged."""

    index: int
    code: str
    message: str


class Tagger:
    """Text in, ``TagResult`` out: cleaning, the spaCy pipeline, then the classifier."""

    def __init__(self, nlp: Language, classifier: HypothesisModel | None = None, *, name: str = "rules-only",
                 version: str = __version__, card: dict[str, Any] | None = None, max_chars: int = DEFAULT_MAX_CHARS):
        self.nlp = nlp
        self.classifier = classifier
        self.info = ModelInfo(name=name, version=version)
        self.card = card or {"name": name, "version": version, "classifier": None}
        self.max_chars = max_chars

    @property
    def labels(self) -> list[str]:
        return list(self.classifier.labels_) if self.classifier is not None else []

    # -- single texts ----------------------------------------------------------
    def tag(self, text: str, *, clean_input: bool = True) -> TagResult:
        """Tag one note or pasted email. Raises ``InputError`` for input that cannot be tagged."""
        prepared = self._prepare(text, clean_input)
        return self._finish(self.nlp(prepared.text), prepared)

    def tag_eml(self, data: bytes) -> TagResult:
        """Tag an uploaded ``.eml`` (RFC 822) message."""
        if len(data) > self.max_chars * 4:
            raise InputError(f"the email is {len(data):,} bytes; the limit is {self.max_chars * 4:,}")
        prepared = clean_eml(data)
        validate_text(prepared.text, self.max_chars)
        return self._finish(self.nlp(prepared.text), prepared)

    def tag_bytes(self, data: bytes) -> TagResult:
        """Tag uploaded bytes: UTF-8 (or UTF-16 with a BOM) text or an RFC 822 message."""
        return self.tag(decode_bytes(data, self.max_chars))

    # -- many texts --------------------------------------------------------------
    def tag_many(self, texts: Iterable[Any], *, batch_size: int = 64, n_process: int = 1,
                 errors: Literal["raise", "return"] = "raise", clean_input: bool = True,
                 evidence: bool = True) -> Iterator[TagResult | RowError]:
        """Stream results in input order. With ``errors="return"`` a row that cannot be tagged
        yields a ``RowError`` in its place, so there is always one output per input.

        Hypotheses are computed ``batch_size`` results at a time (one matrix per batch is
        several times faster than one call per note); ``evidence=False`` leaves each
        hypothesis's evidence empty, for bulk runs that only need the probabilities.
        """
        results = self._results_in_order(texts, batch_size, n_process, errors, clean_input)
        if self.classifier is None:
            # Nothing to compute per batch: hand each result on at once, so the caller can let it
            # go before the next is made (a batch of results held back outlives the collector's
            # young generations, and every 25% growth of the old one costs a full collection).
            yield from results
            return
        pending: list[TagResult | RowError] = []
        for item in results:
            pending.append(item)
            if len(pending) >= batch_size:
                yield from self._with_hypotheses(pending, evidence)
                pending = []
        yield from self._with_hypotheses(pending, evidence)

    def _results_in_order(self, texts: Iterable[Any], batch_size: int, n_process: int,
                          errors: Literal["raise", "return"], clean_input: bool) -> Iterator[TagResult | RowError]:
        """Entities only (no hypotheses yet), with failures in their input positions."""
        prepared: dict[int, CleanText] = {}
        failures: dict[int, RowError] = {}

        def good_texts() -> Iterator[tuple[str, int]]:
            for i, text in enumerate(texts):
                try:
                    prepared[i] = self._prepare(text, clean_input)
                except InputError as exc:
                    if errors == "raise":
                        raise
                    failures[i] = RowError(i, exc.code, exc.message)
                    continue
                yield prepared[i].text, i

        next_index = 0
        for doc, i in self.nlp.pipe(good_texts(), as_tuples=True, batch_size=batch_size, n_process=n_process):
            while next_index < i:
                yield failures.pop(next_index)
                next_index += 1
            item = prepared.pop(i)
            yield doc_to_result(doc, item.cleaning, self.info, item.warnings, text=item.text)
            next_index = i + 1
        while failures:
            yield failures.pop(next_index)
            next_index += 1

    def _with_hypotheses(self, items: list[TagResult | RowError], evidence: bool) -> list[TagResult | RowError]:
        if self.classifier is None:
            return items
        results = [item for item in items if isinstance(item, TagResult)]
        for result, hypotheses in zip(results, self.classifier.hypotheses_many(results, evidence=evidence), strict=True):
            result.hypotheses = hypotheses
            pool_factors(result, lambda texts: self._read_parts(texts, evidence))
        return items

    def _read_parts(self, texts: list[str], evidence: bool) -> list[list[Hypothesis]]:
        """Hypotheses for parts of a long note, each tagged as a note of its own (see ``long_notes``)."""
        assert self.classifier is not None
        parts = [doc_to_result(doc, Cleaning(source="input"), self.info, text=text)
                 for doc, text in zip(self.nlp.pipe(texts), texts, strict=True)]
        return self.classifier.hypotheses_many(parts, evidence=evidence)

    # -- internals ---------------------------------------------------------------
    def _prepare(self, text: Any, clean_input: bool) -> CleanText:
        text = validate_text(text, self.max_chars)
        if not clean_input:
            return CleanText(text, Cleaning(source="input"))
        prepared = clean(text)
        validate_text(prepared.text, self.max_chars)
        return prepared

    def _finish(self, doc, prepared: CleanText) -> TagResult:
        """One note the way ``tag_many`` does a batch of them, so both give the same result."""
        result = doc_to_result(doc, prepared.cleaning, self.info, prepared.warnings, text=prepared.text)
        self._with_hypotheses([result], evidence=True)
        return result


def default_model_path() -> Path | None:
    env = os.environ.get("TAGGER_MODEL")
    if env:
        return Path(env)
    candidate = REPO_MODELS / DEFAULT_MODEL_NAME
    return candidate if (candidate / "card.json").exists() else None


def load(path: str | Path | None = None, *, trusted: list[str] | None = None, max_chars: int = DEFAULT_MAX_CHARS) -> Tagger:
    """Load a model directory (default: the shipped ``models/default``; without one, the rules alone).

    ``trusted`` lists extra types a classifier file may contain; a file holding any other
    type is refused (see ``tagger.classifier.persistence``).
    """
    model_dir = Path(path) if path is not None else default_model_path()
    if model_dir is None:
        return Tagger(build_pipeline(), max_chars=max_chars)
    if not model_dir.is_dir():
        raise ModelLoadError(f"model directory {model_dir} does not exist")
    card_path = model_dir / "card.json"
    card = json.loads(card_path.read_text(encoding="utf-8")) if card_path.exists() else {}
    nlp = load_pipeline(model_dir / "pipeline") if (model_dir / "pipeline").is_dir() else build_pipeline()
    classifier = None
    if (model_dir / "classifier.skops").exists():
        from .classifier.persistence import load_classifier

        expected = card.get("files", {}).get("classifier.skops", {}).get("sha256")
        classifier = load_classifier(model_dir / "classifier.skops", trusted=trusted, expected_sha256=expected)
    name = card.get("name", model_dir.name)
    version = card.get("version", __version__)
    log.info("loaded model %s %s from %s", name, version, model_dir)
    return Tagger(nlp, classifier, name=name, version=version, card=card or None, max_chars=max_chars)

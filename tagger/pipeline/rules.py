"""Reading and writing the JSONL rule files that sit in ``data/`` beside the components."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import srsly
from spacy.language import Language
from spacy.tokens import Doc

from .docview import DocView, view

DATA_DIR = Path(__file__).parent / "data"
logger = logging.getLogger("tagger")


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    rows = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.strip()
            if not line or line.startswith("//"):
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path.name} line {lineno}: not valid JSON ({exc.msg})") from exc
    return rows


def data_file(name: str) -> Path:
    return DATA_DIR / name


def rules_to_disk(path: Path, rules: list[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    srsly.write_jsonl(path, rules)


class RulesComponent:
    """Shared plumbing of a component whose rules are one JSONL file: read from ``data/`` at
    ``initialize``, saved beside the pipeline by ``to_disk`` and read back by ``from_disk``.
    A subclass names its ``rules_file``, builds its matchers in ``_set`` and sets its attributes
    in ``run``, which ``clinical_attributes`` calls with the view and entities it shares
    between steps; called as a component of its own, the step makes them itself."""

    rules_file = ""
    # A step added after pipelines were first saved: one saved without its rules file keeps the
    # output it was evaluated with (the step runs with no rules) instead of failing to load.
    optional_on_disk = False

    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.vocab = nlp.vocab
        self.rules: list[dict[str, Any]] = []
        self._set([])

    def initialize(self, get_examples=None, *, nlp: Language | None = None) -> None:
        self._set(read_jsonl(data_file(self.rules_file)))

    def _set(self, rules: list[dict[str, Any]]) -> None:
        raise NotImplementedError

    def run(self, doc: Doc, v: DocView, ents: list[tuple[int, int, str, int]]) -> list[tuple[int, int, str, int]]:
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        v = view(doc)
        self.run(doc, v, v.entities(doc))
        return doc

    def to_disk(self, path, *, exclude=()) -> None:
        rules_to_disk(Path(path) / self.rules_file, self.rules)

    def from_disk(self, path, *, exclude=()):
        rules_path = Path(path) / self.rules_file
        if self.optional_on_disk and not rules_path.exists():
            logger.info("no %s in %s: the %s step is off for this pipeline", self.rules_file, path, self.name)
            self._set([])
            return self
        self._set(read_jsonl(rules_path))
        return self

"""``tagger corpus check``: every problem in a corpus, one line each (``file:line: problem``).

Problems (exit non-zero): schema errors, entity offsets that do not match the span text,
spans with surrounding whitespace, duplicate spans, a side on a label that takes none,
labels outside the taxonomy, duplicate labels, duplicate ids, empty or wrong splits,
exact duplicate texts, near-duplicates (more than ``NEAR_DUPLICATE`` of their word 5-grams
shared, Jaccard) and sentences of six or more words found in two cases.
Warnings (reported, exit zero): registers outside the known set, overlapping spans.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import CorpusFormatError
from .io import Record, iter_records
from .schema import LABELS, REGISTERS, SIDED_ENTITY_LABELS
from .similarity import NgramIndex, normalized, words
from .split import assign_split

NEAR_DUPLICATE = 0.20
SHARED_SENTENCE_WORDS = 6
LABELS_FILE = "labels.json"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str
    warning: bool = False

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {'warning: ' if self.warning else ''}{self.message}"


@dataclass
class CheckReport:
    files: int = 0
    cases: int = 0
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    allowed_labels: tuple[str, ...] = LABELS

    @property
    def ok(self) -> bool:
        return not self.problems


def load_label_set(source: str | Path) -> list[str]:
    """Labels from a JSON file (a list, or ``{"labels": [...]}`` / ``{"labels": {name: description}}``)."""
    path = Path(source)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise CorpusFormatError(path, exc.lineno, None, f"invalid JSON: {exc.msg}") from None
    if isinstance(data, dict):
        data = data.get("labels")
    if isinstance(data, dict):
        data = list(data)
    if not isinstance(data, list) or not all(isinstance(x, str) and x for x in data):
        raise CorpusFormatError(path, None, "labels", "expected a list of label names")
    return data


def parse_labels_option(value: str) -> list[str]:
    """``--labels``: a JSON file (see ``load_label_set``) or a comma-separated list."""
    if Path(value).is_file():
        return load_label_set(value)
    return [x.strip() for x in value.split(",") if x.strip()]


def find_labels_file(paths: Iterable[str | Path]) -> Path | None:
    """An optional ``labels.json`` beside the corpus: in a given directory or up to two levels above a file."""
    for raw in paths:
        p = Path(raw)
        start = p if p.is_dir() else p.parent
        for d in [start, *list(start.resolve().parents)[:2]]:
            candidate = d / LABELS_FILE
            if candidate.is_file():
                return candidate
    return None


def _check_case(rec: Record, allowed: set[str], problems: list[Problem], warnings: list[Problem]) -> None:
    case = rec.case
    assert case is not None
    where = (str(rec.path), rec.line)

    def problem(msg: str) -> None:
        problems.append(Problem(*where, msg))

    seen_labels = set()
    for label in case.labels:
        if label in seen_labels:
            problem(f"label {label!r} is given twice")
        seen_labels.add(label)
        if label not in allowed:
            problem(f"label {label!r} is not in the taxonomy (known: {', '.join(sorted(allowed))})")
    if case.register not in REGISTERS:
        warnings.append(Problem(*where, f"register {case.register!r} is not one of {', '.join(REGISTERS)}", True))
    expected = assign_split(case.id)
    if not case.split:
        problem(f"split is empty; the id hashes to {expected!r} (run `tagger corpus split`)")
    elif case.split != expected:
        problem(f"split is {case.split!r} but the id hashes to {expected!r} (run `tagger corpus split`)")
    for msg in case.offset_problems():
        problem(msg)
    spans: dict[tuple[int, int, str], int] = {}
    for i, ent in enumerate(case.entities or []):
        if ent.text != ent.text.strip():
            problem(f"entities[{i}] ({ent.label}): span has leading or trailing whitespace")
        if ent.laterality is not None and ent.label not in SIDED_ENTITY_LABELS:
            problem(f"entities[{i}] ({ent.label}): laterality is only for {' and '.join(sorted(SIDED_ENTITY_LABELS))}")
        if ent.key in spans:
            problem(f"entities[{i}] ({ent.label}): same span and label as entities[{spans[ent.key]}]")
        spans.setdefault(ent.key, i)
    ents = sorted(enumerate(case.entities or []), key=lambda x: (x[1].start, x[1].end))
    for (i, a), (j, b) in itertools.pairwise(ents):
        if b.start < a.end and a.key != b.key:
            warnings.append(Problem(*where, f"entities[{i}] ({a.label}) and entities[{j}] ({b.label}) overlap", True))


def check_records(records: list[Record], *, labels: Iterable[str] = ()) -> CheckReport:
    """Check parsed records (see ``iter_records``); ``labels`` are accepted besides the taxonomy."""
    allowed = set(LABELS) | set(labels)
    report = CheckReport(allowed_labels=tuple(sorted(allowed)))
    report.files = len({r.path for r in records})
    report.cases = len(records)
    problems, warnings = report.problems, report.warnings

    for rec in records:
        for fld, msg in rec.problems:
            problems.append(Problem(str(rec.path), rec.line, f"field {fld!r}: {msg}" if fld else msg))
        if rec.case is not None:
            _check_case(rec, allowed, problems, warnings)

    # Duplicate ids, over every record that has a string id (even when the rest is broken).
    first_by_id: dict[str, Record] = {}
    for rec in records:
        cid = rec.case.id if rec.case else (rec.data or {}).get("id")
        if not isinstance(cid, str):
            continue
        if cid in first_by_id:
            problems.append(Problem(str(rec.path), rec.line, f"duplicate id {cid!r} (first at {first_by_id[cid].where})"))
        else:
            first_by_id[cid] = rec

    valid = [r for r in records if r.case is not None]
    texts = [r.case.text for r in valid]  # type: ignore[union-attr]

    first_by_text: dict[str, int] = {}
    exact: set[tuple[int, int]] = set()
    for i, text in enumerate(texts):
        key = normalized(text)
        if not key:
            continue
        if key in first_by_text:
            j = first_by_text[key]
            exact.add((j, i))
            problems.append(Problem(str(valid[i].path), valid[i].line, f"same text as {_ref(valid[j])}"))
        else:
            first_by_text[key] = i

    index = NgramIndex(texts)
    for pair in index.overlaps():
        if pair.jaccard <= NEAR_DUPLICATE:
            break
        if (pair.a, pair.b) in exact:
            continue
        a, b = valid[pair.a], valid[pair.b]
        problems.append(
            Problem(str(b.path), b.line, f"near-duplicate of {_ref(a)}: {pair.jaccard:.0%} of word 5-grams shared")
        )

    # A sentence shared by two cases is found from both sides: report it once, on the first case.
    reported: set[tuple[int, int, str]] = set()
    for s in index.shared_sentences(texts, SHARED_SENTENCE_WORDS):
        pair = (min(s.a, s.b), max(s.a, s.b))
        sentence = words(texts[s.a][s.start : s.end])
        key = (*pair, " ".join(sentence))
        if pair in exact or key in reported:
            continue
        reported.add(key)
        a, b = valid[s.a], valid[s.b]
        preview = " ".join(sentence[:6])
        problems.append(
            Problem(
                str(a.path),
                a.line,
                f"sentence at chars {s.start}-{s.end} ({s.n_words} words, '{preview}...') also appears in {_ref(b)}",
            )
        )

    problems.sort()
    warnings.sort()
    return report


def _ref(rec: Record) -> str:
    return f"{rec.case.id if rec.case else '?'} ({rec.where})"


def check_paths(paths: Iterable[str | Path], *, labels: Iterable[str] = ()) -> CheckReport:
    """Check every case file under ``paths``.

    Allowed labels: the taxonomy, ``labels`` and those of an optional ``labels.json`` beside the corpus.
    """
    paths = list(paths)
    extra: list[str] = list(labels)
    if (found := find_labels_file(paths)) is not None:
        extra += load_label_set(found)
    return check_records(list(iter_records(paths)), labels=extra)


__all__ = [
    "NEAR_DUPLICATE",
    "CheckReport",
    "Problem",
    "check_paths",
    "check_records",
    "find_labels_file",
    "load_label_set",
    "parse_labels_option",
]

"""Prodigy JSONL (``prodigy db-out``) import and export.

Read: ``text``; ``spans`` ``[{"start", "end", "label"}]``; case labels from a choice interface
(``accept`` holds the chosen ``options`` ids; an integer id stands for its option's ``text``)
or from a binary ``label`` with ``answer: "accept"``. Only ``answer == "accept"`` is kept:
rejected and ignored examples are counted and skipped. Records with the same text (several
binary decisions on one note) are merged into one case.

Write: ``{"text", "spans", "options", "accept", "answer": "accept", "meta": {"id"}, "tagger"}``.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from ..errors import CorpusFormatError
from ..io import dumps_jsonl
from ..schema import Case
from .common import ImportResult, RawCase, Span, build_cases, iter_jsonl, label_options, require, tagger_block

NAME = "prodigy"
ANSWERS = ("accept", "reject", "ignore")


def _accepted_labels(obj: dict, path: Path, line: int) -> list[str]:
    accept = require(obj["accept"], list, path, line, "accept", "accept must be a list of option ids")
    options = obj.get("options") or []
    require(options, list, path, line, "options", "options must be a list")
    text_of: dict[Any, Any] = {}
    for k, opt in enumerate(options):
        require(opt, dict, path, line, f"options[{k}]", 'an option must be {"id", "text"}')
        text_of[opt.get("id")] = opt.get("text")
    labels = []
    for k, choice in enumerate(accept):
        if isinstance(choice, str):
            labels.append(choice)
        elif isinstance(choice, int) and not isinstance(choice, bool) and isinstance(text_of.get(choice), str):
            labels.append(text_of[choice])
        else:
            raise CorpusFormatError(path, line, f"accept[{k}]", "not a label string or the id of an option with a text")
    return labels


def parse_record(obj: Any, path: Path, line: int) -> RawCase:
    require(obj, dict, path, line, None, "a Prodigy example must be a JSON object")
    text = require(obj.get("text"), str, path, line, "text", "the text must be a string")
    if not text.strip():
        raise CorpusFormatError(path, line, "text", "the text is empty")
    spans: list[Span] | None = None
    if "spans" in obj:
        items = require(obj["spans"], list, path, line, "spans", "spans must be a list")
        spans = []
        for k, sp in enumerate(items):
            require(sp, dict, path, line, f"spans[{k}]", 'a span must be {"start", "end", "label"}')
            spans.append(Span(sp.get("start"), sp.get("end"), sp.get("label"), f"spans[{k}]"))
    labels = _accepted_labels(obj, path, line) if "accept" in obj else []
    if isinstance(obj.get("label"), str):
        labels.append(obj["label"])
    meta = obj.get("meta") if isinstance(obj.get("meta"), dict) else None
    tagger = obj.get("tagger")
    if tagger is not None:
        require(tagger, dict, path, line, "tagger", "the tagger block must be an object")
    return RawCase(line=line, text=text, labels=labels, spans=spans, source_id=(meta or {}).get("id"),
                   source_meta=meta or None, tagger=tagger)


def read(path: str | Path, **options: Any) -> ImportResult:
    """Import a Prodigy JSONL file as cases (accepted answers only); see ``build_cases`` for ``options``."""
    path = Path(path)
    skipped: Counter = Counter()
    merged: dict[str, RawCase] = {}
    records = no_answer = 0
    for line, obj in iter_jsonl(path):
        records += 1
        if isinstance(obj, dict) and "answer" in obj:
            answer = obj["answer"]
            if answer not in ANSWERS:
                raise CorpusFormatError(path, line, "answer", f"must be one of {', '.join(ANSWERS)} (got {answer!r})")
            if answer != "accept":
                skipped[f"answer {answer}"] += 1
                continue
        else:
            no_answer += 1
        raw = parse_record(obj, path, line)
        if raw.text in merged:
            first = merged[raw.text]
            first.labels += [lab for lab in raw.labels if lab not in first.labels]
            if raw.spans is not None:
                first.spans = (first.spans or []) + raw.spans
            first.tagger = first.tagger or raw.tagger
            skipped["merged into an earlier example with the same text"] += 1
        else:
            merged[raw.text] = raw
    result = build_cases(list(merged.values()), path, source=NAME, **options)
    result.records = records
    result.skipped.update(skipped)
    if no_answer:
        result.warnings.append(f"{no_answer} example(s) have no 'answer' field: read as accepted")
    return result


def to_record(case: Case, options: list[str]) -> dict[str, Any]:
    rec: dict[str, Any] = {"text": case.text}
    if case.entities is not None:
        rec["spans"] = [{"start": e.start, "end": e.end, "label": e.label, "text": e.text} for e in case.entities]
    rec["options"] = [{"id": lab, "text": lab} for lab in options]
    rec["accept"] = list(case.labels)
    rec["answer"] = "accept"
    rec["meta"] = {"id": case.id}
    rec["tagger"] = tagger_block(case)
    return rec


def write(cases: list[Case]) -> str:
    options = label_options(list(cases))
    return dumps_jsonl(to_record(c, options) for c in cases)


__all__ = ["NAME", "parse_record", "read", "to_record", "write"]

"""doccano JSONL (and JSON array) import and export.

Read: ``text`` (or the old ``data`` field); spans as ``label``/``labels`` ``[[start, end, "LABEL"], ...]``
or ``entities`` ``[{"start_offset", "end_offset", "label"}, ...]`` (or ``[start, end, label]`` lists);
document labels as ``label``/``labels`` lists of strings or ``cats`` (strings, ``{"label": ...}``
objects, or a ``{label: score}`` map, score >= 0.5). The id comes from ``meta.id`` or ``id``.

Write: the "intent detection and slot filling" layout, which holds both kinds of label:
``{"text", "entities": [[start, end, label]], "cats": [labels], "tagger": {...}}``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import CorpusFormatError
from ..schema import Case
from .common import (
    ImportResult,
    RawCase,
    Span,
    build_cases,
    iter_json_array,
    iter_jsonl,
    read_text,
    require,
    tagger_block,
)

NAME = "doccano"


def _spans_from_list(items: list, fld: str, path: Path, line: int) -> list[Span]:
    spans = []
    for k, item in enumerate(items):
        where = f"{fld}[{k}]"
        if isinstance(item, dict):
            spans.append(Span(item.get("start_offset", item.get("start")), item.get("end_offset", item.get("end")),
                              item.get("label"), where))
        elif isinstance(item, list) and len(item) == 3:
            spans.append(Span(item[0], item[1], item[2], where))
        else:
            raise CorpusFormatError(path, line, where, 'expected [start, end, "LABEL"] or {"start_offset", "end_offset", "label"}')
    return spans


def _cats(value: Any, path: Path, line: int) -> list[str]:
    if isinstance(value, dict):
        out = []
        for k, v in value.items():
            if isinstance(v, bool) or not isinstance(v, int | float):
                raise CorpusFormatError(path, line, f"cats.{k}", "a category score must be a number")
            if v >= 0.5:
                out.append(k)
        return out
    require(value, list, path, line, "cats", "cats must be a list of labels")
    out = []
    for k, item in enumerate(value):
        if isinstance(item, dict):
            item = item.get("label", item.get("text"))
        out.append(require(item, str, path, line, f"cats[{k}]", "a category must be a label string"))
    return out


def parse_record(obj: Any, path: Path, line: int) -> RawCase:
    require(obj, dict, path, line, None, "a doccano record must be a JSON object")
    text = obj.get("text")
    fld = "text"
    if text is None and isinstance(obj.get("data"), str):
        text, fld = obj["data"], "data"
    require(text, str, path, line, fld, "the text must be a string")
    if not text.strip():
        raise CorpusFormatError(path, line, fld, "the text is empty")
    spans: list[Span] | None = None
    labels: list[str] = []
    if "entities" in obj:
        items = require(obj["entities"], list, path, line, "entities", "entities must be a list")
        spans = _spans_from_list(items, "entities", path, line)
    for key in ("label", "labels"):
        if key not in obj:
            continue
        items = require(obj[key], list, path, line, key, f"{key} must be a list")
        if all(isinstance(x, str) for x in items):
            labels += items
        elif all(isinstance(x, list | dict) for x in items):
            spans = (spans or []) + _spans_from_list(items, key, path, line)
        else:
            raise CorpusFormatError(path, line, key, 'mixes spans [start, end, "LABEL"] and document labels')
    if "cats" in obj:
        labels += _cats(obj["cats"], path, line)
    meta = obj.get("meta") if isinstance(obj.get("meta"), dict) else None
    tagger = obj.get("tagger") or (meta or {}).get("tagger")
    if tagger is not None:
        require(tagger, dict, path, line, "tagger", "the tagger block must be an object")
    source_meta = {k: v for k, v in (meta or {}).items() if k != "tagger"} or None
    source_id = (meta or {}).get("id", obj.get("id"))
    return RawCase(line=line, text=text, labels=labels, spans=spans, source_id=source_id,
                   source_meta=source_meta, tagger=tagger)


def read(path: str | Path, **options: Any) -> ImportResult:
    """Import a doccano export (JSONL, or a JSON array) as cases; see ``build_cases`` for ``options``."""
    path = Path(path)
    text = read_text(path)
    records = iter_json_array(path, text) if text.lstrip().startswith("[") else iter_jsonl(path)
    raws = [parse_record(obj, path, line) for line, obj in records]
    return build_cases(raws, path, source=NAME, **options)


def to_record(case: Case) -> dict[str, Any]:
    rec: dict[str, Any] = {"text": case.text}
    if case.entities is not None:
        rec["entities"] = [[e.start, e.end, e.label] for e in case.entities]
    rec["cats"] = list(case.labels)
    rec["tagger"] = tagger_block(case)
    return rec


def write(cases: list[Case]) -> str:
    from ..io import dumps_jsonl

    return dumps_jsonl(to_record(c) for c in cases)


__all__ = ["NAME", "parse_record", "read", "to_record", "write"]

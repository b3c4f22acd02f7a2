"""What every importer and exporter shares: label mapping, record reading, building a ``Case``.

Importers turn one tool record into a ``RawCase`` (text, document labels, spans, an id if the
tool has one) and ``build_cases`` makes validated ``Case`` objects from them. Any malformed
record raises ``CorpusFormatError`` naming the line and the field, before anything is written.

Exporters add a ``tagger`` block (id, register, rationale, entity attributes...) that the
tools keep as extra data, so exporting and importing again gives back the same cases.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import CorpusFormatError
from ..io import validation_problems
from ..schema import ENTITY_LABELS, LABELS, REGISTERS, Case, GoldEntity
from ..split import assign_split

DEFAULT_REGISTER = "imported"
ATTRIBUTES = ("laterality", "negated", "historical", "hypothetical", "other_subject", "modifier")


# --- labels ------------------------------------------------------------------------------------


class LabelMapper:
    """Maps a tool's label names onto ours: ``--label-map`` first, then case- and separator-insensitive matching.

    Spans are matched against the entity labels and document labels against the case labels
    only, so ``FOOTWEAR`` on a span and ``Footwear`` on a document each land where they belong.
    """

    def __init__(self, mapping: Mapping[str, str] | None = None):
        self.mapping = dict(mapping or {})

    def __call__(self, label: str, *, span: bool) -> str | None:
        """Our name for ``label``; ``None`` when the map drops it (``LABEL=``)."""
        label = self.mapping.get(label, label)
        if not label:
            return None
        key = re.sub(r"[\s\-]+", "_", label.strip())
        if span and key.upper() in ENTITY_LABELS:
            return key.upper()
        if not span and key.lower() in LABELS:
            return key.lower()
        return label


def parse_label_map(values: list[str] | None) -> dict[str, str]:
    """``--label-map`` values: ``SRC=DST`` pairs (comma-separated or repeated) or JSON files ``{"SRC": "DST"}``."""
    mapping: dict[str, str] = {}
    for value in values or []:
        path = Path(value)
        if "=" not in value and path.is_file():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except json.JSONDecodeError as exc:
                raise CorpusFormatError(path, exc.lineno, None, f"invalid JSON: {exc.msg}") from None
            if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in data.items()):
                raise CorpusFormatError(path, None, None, 'a label map file must be a JSON object {"SRC": "DST"}')
            mapping.update(data)
            continue
        for pair in value.split(","):
            if not pair.strip():
                continue
            src, sep, dst = pair.partition("=")
            if not sep or not src.strip():
                raise ValueError(f"--label-map expects SRC=DST pairs or a JSON file, got {pair!r}")
            mapping[src.strip()] = dst.strip()
    return mapping


# --- reading tool files ------------------------------------------------------------------------


def read_text(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        raise CorpusFormatError(path, line, None, "not UTF-8 text") from None


def iter_jsonl(path: Path) -> Iterator[tuple[int, Any]]:
    """(line number, parsed value) for every non-blank line."""
    for i, raw in enumerate(read_text(path).splitlines(), 1):
        if not raw.strip():
            continue
        try:
            yield i, json.loads(raw)
        except json.JSONDecodeError as exc:
            raise CorpusFormatError(path, i, None, f"invalid JSON: {exc.msg} (column {exc.colno})") from None


def iter_json_array(path: Path, text: str | None = None) -> Iterator[tuple[int, Any]]:
    """(line where the item starts, item) for every item of a top-level JSON array (a lone object is one item)."""
    text = read_text(path) if text is None else text
    decoder = json.JSONDecoder()
    ws = re.compile(r"\s*")

    def skip(i: int) -> int:
        return ws.match(text, i).end()  # type: ignore[union-attr]

    def decode(i: int) -> tuple[Any, int]:
        try:
            return decoder.raw_decode(text, i)
        except json.JSONDecodeError as exc:
            raise CorpusFormatError(path, exc.lineno, None, f"invalid JSON: {exc.msg} (column {exc.colno})") from None

    i = skip(0)
    if i < len(text) and text[i] == "{":
        obj, end = decode(i)
        if text[skip(end) :]:
            raise CorpusFormatError(path, text.count("\n", 0, end) + 1, None, "extra data after the JSON object")
        yield text.count("\n", 0, i) + 1, obj
        return
    if i >= len(text) or text[i] != "[":
        raise CorpusFormatError(path, text.count("\n", 0, i) + 1, None, "expected a JSON array of tasks")
    line, pos = 1, 0
    i = skip(i + 1)
    if i < len(text) and text[i] == "]":
        return
    while True:
        line += text.count("\n", pos, i)
        pos = i
        obj, end = decode(i)
        yield line, obj
        i = skip(end)
        if i < len(text) and text[i] == ",":
            i = skip(i + 1)
            continue
        if i < len(text) and text[i] == "]":
            if text[skip(i + 1) :]:
                raise CorpusFormatError(path, text.count("\n", 0, i) + 1, None, "extra data after the JSON array")
            return
        raise CorpusFormatError(path, text.count("\n", 0, i) + 1, None, "expected ',' or ']' between tasks")


# --- building cases ----------------------------------------------------------------------------


@dataclass
class Span:
    start: Any
    end: Any
    label: Any
    field: str  # where the span sits in the tool record, for error messages


@dataclass
class RawCase:
    """What an importer read from one tool record, before validation."""

    line: int
    text: str
    labels: list[str] = field(default_factory=list)
    spans: list[Span] | None = None  # None: the record holds no span annotation at all
    source_id: Any = None
    source_meta: dict[str, Any] | None = None
    tagger: dict[str, Any] | None = None  # block written by our exporters


@dataclass
class ImportResult:
    cases: list[Case]
    warnings: list[str] = field(default_factory=list)
    skipped: Counter = field(default_factory=Counter)
    records: int = 0


def require(value: Any, kind: type | tuple[type, ...], path: Path, line: int, fld: str | None, what: str) -> Any:
    if isinstance(value, bool) or not isinstance(value, kind):
        got = "missing" if value is None else f"got {type(value).__name__}"
        raise CorpusFormatError(path, line, fld, f"{what} ({got})")
    return value


def _case_id(raw: RawCase, prefix: str, n: int) -> str:
    tagged = (raw.tagger or {}).get("id")
    if isinstance(tagged, str) and tagged:
        return tagged
    sid = raw.source_id
    if isinstance(sid, bool) or sid is None or sid == "":
        return f"{prefix}-{n}"
    if isinstance(sid, int) or (isinstance(sid, str) and sid.isdigit()):
        return f"{prefix}-{sid}"
    return str(sid)


def build_cases(
    raws: list[RawCase],
    path: Path,
    *,
    source: str,
    register: str | None = None,
    label_map: Mapping[str, str] | None = None,
    id_prefix: str | None = None,
) -> ImportResult:
    """Validate and convert importer output into cases; raise on the first malformed record."""
    mapper = LabelMapper(label_map)
    prefix = id_prefix or source
    dropped_spans: Counter = Counter()
    foreign_labels: Counter = Counter()
    trimmed = 0
    cases: list[Case] = []
    first_line: dict[str, int] = {}
    any_spans = any(r.spans is not None and r.tagger is None for r in raws)

    for n, raw in enumerate(raws, 1):
        text = raw.text
        attrs = {
            (a.get("start"), a.get("end"), a.get("label")): a
            for a in (raw.tagger or {}).get("entities") or []
            if isinstance(a, dict)
        }
        entities: list[GoldEntity] | None = None
        if raw.spans is not None:
            entities = []
            seen: set[tuple[int, int, str]] = set()
            for sp in raw.spans:
                start = require(sp.start, int, path, raw.line, f"{sp.field}.start", "start must be an integer")
                end = require(sp.end, int, path, raw.line, f"{sp.field}.end", "end must be an integer")
                label = require(sp.label, str, path, raw.line, f"{sp.field}.label", "label must be a string")
                if not 0 <= start < end <= len(text):
                    raise CorpusFormatError(
                        path, raw.line, sp.field, f"span {start}-{end} is not inside the text (0-{len(text)})"
                    )
                mapped = mapper(label, span=True)
                if mapped is None:
                    continue
                if mapped not in ENTITY_LABELS:
                    dropped_spans[mapped] += 1
                    continue
                s, e = start, end
                while s < e and text[s].isspace():
                    s += 1
                while e > s and text[e - 1].isspace():
                    e -= 1
                if s == e:
                    dropped_spans["(whitespace only)"] += 1
                    continue
                trimmed += (s, e) != (start, end)
                if (s, e, mapped) in seen:
                    continue
                seen.add((s, e, mapped))
                extra = {k: v for k, v in attrs.get((s, e, mapped), {}).items() if k in ATTRIBUTES}
                try:
                    entities.append(GoldEntity(start=s, end=e, text=text[s:e], label=mapped, **extra))
                except ValidationError as exc:
                    fld, msg = validation_problems(exc)[0]
                    raise CorpusFormatError(path, raw.line, f"tagger.entities ({fld})", msg) from None
            entities.sort(key=lambda x: (x.start, x.end, x.label))
        if raw.tagger is not None and "annotated" in raw.tagger:
            entities = (entities or []) if raw.tagger["annotated"] else None
        elif entities is None and any_spans and raw.tagger is None:
            entities = []  # the file holds span annotation, this record simply has none

        labels: list[str] = []
        for label in raw.labels:
            mapped = mapper(label, span=False)
            if mapped is None or mapped in labels:
                continue
            if mapped not in LABELS:
                foreign_labels[mapped] += 1
            labels.append(mapped)

        tagger = raw.tagger or {}
        case_id = _case_id(raw, prefix, n)
        if case_id in first_line:
            raise CorpusFormatError(path, raw.line, "id", f"id {case_id!r} is also used at line {first_line[case_id]}")
        first_line[case_id] = raw.line
        meta: dict[str, Any] | None
        if raw.tagger is not None and "meta" in tagger:
            meta = tagger["meta"]
        else:
            meta = {"source": source, "source_line": raw.line}
            if raw.source_meta:
                meta["source_meta"] = raw.source_meta
        reg = register or tagger.get("register") or DEFAULT_REGISTER
        data = {
            "id": case_id,
            "text": text,
            "labels": labels,
            "register": reg,
            "split": assign_split(case_id),
            "rationale": tagger.get("rationale") or f"Imported from {source} without a rationale.",
            "entities": entities,
            "meta": meta,
        }
        try:
            cases.append(Case.model_validate(data))
        except ValidationError as exc:
            fld, msg = validation_problems(exc)[0]
            raise CorpusFormatError(path, raw.line, fld, msg) from None

    warnings = []
    for label, count in sorted(dropped_spans.items()):
        warnings.append(
            f"{count} span(s) labelled {label!r} not imported: not an entity label "
            f"({', '.join(ENTITY_LABELS)}); map it with --label-map {label}=LABEL"
        )
    for label, count in sorted(foreign_labels.items()):
        warnings.append(f"{count} case(s) carry label {label!r}, which is not in the taxonomy (kept; see --label-map)")
    if trimmed:
        warnings.append(f"{trimmed} span(s) trimmed of surrounding whitespace")
    if register and register not in REGISTERS:
        warnings.append(f"register {register!r} is not a known register (kept)")
    return ImportResult(cases=cases, warnings=warnings, records=len(raws))


def tagger_block(case: Case) -> dict[str, Any]:
    """What our exporters store beside a case so that importing it again loses nothing."""
    block: dict[str, Any] = {
        "id": case.id,
        "register": case.register,
        "rationale": case.rationale,
        "annotated": case.entities is not None,
    }
    if case.entities:
        block["entities"] = [
            {"start": e.start, "end": e.end, "label": e.label, **{k: getattr(e, k) for k in ATTRIBUTES}}
            for e in case.entities
        ]
    block["meta"] = case.meta
    return block


def label_options(cases: list[Case]) -> list[str]:
    """Our taxonomy, then any other case labels the cases use, in first-seen order."""
    out = list(LABELS)
    for c in cases:
        out += [lab for lab in c.labels if lab not in out]
    return out


__all__ = [
    "DEFAULT_REGISTER",
    "ImportResult",
    "LabelMapper",
    "RawCase",
    "Span",
    "build_cases",
    "iter_json_array",
    "iter_jsonl",
    "label_options",
    "parse_label_map",
    "require",
    "tagger_block",
]

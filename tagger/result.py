"""Turn a processed spaCy Doc into the ``TagResult`` schema.

The result is assembled as plain dicts and validated once, by ``TagResult.model_validate``
(pydantic's core validates the whole tree in one call, which is several times faster than
constructing each nested model in Python), so every result is still checked against the
schema.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from spacy.tokens import Doc

from .pipeline.docview import view
from .schema import Cleaning, Hypothesis, ModelInfo, TagResult


def doc_to_result(doc: Doc, cleaning: Cleaning, model: ModelInfo, warnings: list[str] | None = None,
                  hypotheses: list[Hypothesis] | None = None, *, text: str | None = None) -> TagResult:
    """``text``, when given, must be the text the doc was made from (``doc.text``, which
    spaCy rebuilds token by token on every access)."""
    v = view(doc)
    if text is None or (v.n and v.end_char(v.n) > len(text)):
        text = doc.text
    starts = v.sent_starts(doc) if len(doc) else []
    bounds = list(zip(starts, [*starts[1:], len(doc)], strict=True))
    store: dict[int, dict[str, Any]] = doc._.entity_attrs or {}
    entities = []
    for start, end, label, _ in v.entities(doc):
        record = store.get(start)
        if record is None or record.get("end") != end:
            record = {}
        start_char, end_char = v.start_char(start), v.end_char(end)
        entities.append({
            "start": start_char,
            "end": end_char,
            "text": text[start_char:end_char],
            "label": label,
            "concept": record.get("concept") or label.lower(),
            "region": record.get("region"),
            "codes": record.get("codes") or {},
            "laterality": record.get("laterality"),
            "negated": record.get("negated", False),
            "historical": record.get("historical", False),
            "hypothetical": record.get("hypothetical", False),
            "other_subject": record.get("other_subject", False),
            "modifier": record.get("modifier"),
            "triggers": [
                {"attribute": attr, "value": value, "start": s, "end": e, "text": text[s:e]}
                for attr, value, s, e in (record.get("triggers") or ())
            ],
            "dose": [
                {"kind": kind, "start": s, "end": e, "text": text[s:e], "value": value, "unit": unit}
                for kind, s, e, value, unit in (record.get("dose") or ())
            ],
            # the index of the sentence holding the entity's first token (ent.sent.start)
            "sentence": _sentence_of(starts, start),
        })
    times = [{"kind": kind, "start": s, "end": e, "text": text[s:e]} for kind, s, e in (doc._.time_expressions or ())]
    return TagResult.model_validate({
        "text": text,
        "cleaning": cleaning,
        "sentences": [{"start": v.start_char(s), "end": v.end_char(e)} for s, e in bounds],
        "entities": entities,
        "time_expressions": times,
        "hypotheses": hypotheses or [],
        "model": model,
        "warnings": warnings or [],
    })


def _sentence_of(starts: list[int], token: int) -> int:
    return bisect_right(starts, token) - 1

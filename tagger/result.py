"""Turn a processed spaCy Doc into the ``TagResult`` schema.

The pipeline's output is trusted data (the tests check it against the schema, see
``tests/tagger/test_result.py``), so the result models are built directly instead of
being validated: ``TagResult.model_validate`` of the same tree cost about as much as three
of the pipeline's rule steps per note, and ``model_construct`` (pydantic's own unvalidated
path, written in Python) costs twice that. ``schema.built`` sets the same instance
attributes ``model_construct`` sets, in field order, with the values validation would have
produced (fresh lists and dicts, floats for dose values), so the models are
indistinguishable from validated ones: ``==``, ``model_dump``, ``model_dump_json``, copies
and pickles agree.
Input is still validated where it enters (``tagger.cleaning``, the service's request models).
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from spacy.tokens import Doc

from .pipeline.docview import view
from .schema import (
    Cleaning,
    DoseItem,
    Entity,
    Hypothesis,
    ModelInfo,
    Sentence,
    TagResult,
    TimeExpression,
    Trigger,
    built,
)


def doc_to_result(doc: Doc, cleaning: Cleaning, model: ModelInfo, warnings: list[str] | None = None,
                  hypotheses: list[Hypothesis] | None = None, *, text: str | None = None) -> TagResult:
    """``text``, when given, must be the text the doc was made from (``doc.text``, which
    spaCy rebuilds token by token on every access)."""
    v = view(doc)
    if text is None or (v.n and v.end_char(v.n) > len(text)):
        text = doc.text
    starts = v.sent_starts(doc) if len(doc) else []
    idx, lengths = v.idx, v.lengths
    store: dict[int, dict[str, Any]] = doc._.entity_attrs or {}
    entities = []
    for start, end, label, _ in v.entities(doc):
        record = store.get(start)
        if record is None or record.get("end") != end:
            record = {}
        start_char, end_char = idx[start], idx[end - 1] + lengths[end - 1]
        codes = record.get("codes")
        entities.append(built(Entity, {
            "start": start_char,
            "end": end_char,
            "text": text[start_char:end_char],
            "label": label,
            "concept": record.get("concept") or label.lower(),
            "region": record.get("region"),
            "codes": dict(codes) if codes else {},
            "laterality": record.get("laterality"),
            "negated": record.get("negated", False),
            "historical": record.get("historical", False),
            "hypothetical": record.get("hypothetical", False),
            "other_subject": record.get("other_subject", False),
            "modifier": record.get("modifier"),
            "triggers": [
                built(Trigger, {"start": s, "end": e, "text": text[s:e], "attribute": attr, "value": value})
                for attr, value, s, e in (record.get("triggers") or ())
            ],
            "dose": [
                built(DoseItem, {"start": s, "end": e, "text": text[s:e], "kind": kind,
                                  "value": None if value is None else float(value), "unit": unit})
                for kind, s, e, value, unit in (record.get("dose") or ())
            ],
            # the index of the sentence holding the entity's first token (ent.sent.start)
            "sentence": bisect_right(starts, start) - 1,
        }))
    sentences = [
        built(Sentence, {"start": idx[s], "end": idx[e - 1] + lengths[e - 1]})
        for s, e in zip(starts, [*starts[1:], len(doc)], strict=True)
    ]
    times = [
        built(TimeExpression, {"start": s, "end": e, "text": text[s:e], "kind": kind})
        for kind, s, e in (doc._.time_expressions or ())
    ]
    values = {
        "text": text,
        "cleaning": cleaning,
        "sentences": sentences,
        "entities": entities,
        "time_expressions": times,
        "hypotheses": list(hypotheses or ()),
        "model": model,
        "warnings": list(warnings or ()),
    }
    # as validation leaves it: the default schema_version is not among the fields set
    return built(TagResult, {"schema_version": TagResult.model_fields["schema_version"].default, **values}, set(values))

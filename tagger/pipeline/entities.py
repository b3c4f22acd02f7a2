"""Write a Doc's entities from plain ``(start, end, label id, span id)`` tuples.

``doc.set_ents(spans, default="outside")`` needs a Span object per entity, and ``doc.ents = ...``
rebuilds every Span again; for the ~40 entities of a note that was a large part of the ruler's
cost. ``write_entities`` sets the same token annotations (ENT_IOB, ENT_TYPE, ENT_ID) with one
``doc.from_array`` call. It is exact only for entities without knowledge-base ids, which is
all our pipeline makes; callers keep spaCy's path for docs that may carry others.
"""

from __future__ import annotations

from array import array

import numpy
from spacy.attrs import ENT_ID, ENT_IOB, ENT_TYPE
from spacy.tokens import Doc

from .docview import view

_B, _I, _O = 3, 1, 2  # ENT_IOB codes
_COLUMNS = [ENT_IOB, ENT_TYPE, ENT_ID]
# label id -> label: a string-store lookup per entity cost more than writing the entity (a
# label's id is the hash of its text, the same in every vocab, so one table serves all)
_LABELS: dict[int, str] = {}


def write_entities(doc: Doc, ents: list[tuple[int, int, int, int]]) -> None:
    """Make ``ents`` (non-overlapping, label and span id as string-store ids) the doc's
    entities and every other token outside one, as ``doc.set_ents(..., default="outside")``."""
    n = len(doc)
    if not n:
        return
    # plain lists first: a numpy slice assignment per entity costs more than the whole list work
    iob = [_O] * n
    types = [0] * n
    span_ids = [0] * n
    for start, end, label, span_id in ents:
        width = end - start
        iob[start] = _B
        if width > 1:
            iob[start + 1 : end] = [_I] * (width - 1)
        types[start:end] = [label] * width
        if span_id:
            span_ids[start:end] = [span_id] * width
    # array.array converts the ints in C; numpy.array on lists of 64-bit ids is twice as slow
    arr = numpy.frombuffer(array("Q", iob + types + span_ids), dtype="uint64").reshape(3, n).T.copy()
    doc.from_array(_COLUMNS, arr)
    # hand the entities to the doc's view, so the next component need not parse them again
    names = _LABELS
    for ent in ents:
        if ent[2] not in names:
            names[ent[2]] = doc.vocab.strings[ent[2]]
    view(doc).seed_entities(arr.tobytes(), sorted((s, e, names[lab], sid) for s, e, lab, sid in ents if lab))

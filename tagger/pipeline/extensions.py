"""The one table of extension attributes the pipeline sets, registered idempotently.

Components call ``register_extensions()`` from their factories, so importing the
package has no side effects on spaCy's global state.

Per-entity attributes live in one dict per Doc, ``doc._.entity_attrs``: entity start
token -> ``{"end": end token, attribute: value, ...}`` (only attributes that were set).
Components read and write it directly; a Span extension per attribute (``ent._.laterality``
and so on) reads and writes the same record, for code that prefers the spaCy idiom.
One dict per Doc instead of one ``doc.user_data`` entry per attribute and entity is what
makes attribute access cheap, and everything in it is plain data (``site`` is the linked
entity's ``[start, end]`` token offsets), so Docs serialize, e.g. for
``nlp.pipe(n_process=2)``.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

SPAN_EXTENSIONS: dict[str, object] = {
    "concept": None,  # canonical concept id (the pattern id)
    "region": None,  # chain-level body region from the region hierarchy
    "codes": None,  # dict of terminology codes
    "laterality": None,  # "right" | "left" | "bilateral" | None
    "negated": False,
    "historical": False,
    "hypothetical": False,
    "other_subject": False,
    "modifier": None,  # "relieving" | "aggravating" | None
    "triggers": None,  # list of (attribute, value, start_char, end_char)
    "dose": None,  # list of (kind, start_char, end_char, value, unit)
    "site": None,  # for SYMPTOM/CONDITION: the BODY_REGION/STRUCTURE entity it is linked to
}
DOC_EXTENSIONS: dict[str, object] = {
    "time_expressions": None,  # list of (kind, start_char, end_char)
    "entity_attrs": None,  # entity start token -> {"end": end token, attribute: value}
}
STORE = "entity_attrs"


def _getter(name: str, default: object):
    def get(span: Span) -> Any:
        record = entity_record(span.doc, span.start, span.end)
        if record is None:
            return default
        value = record.get(name, default)
        if name == "site" and value is not None:
            ent = _ent_at(span.doc, value)
            return ent if ent is not None else span.doc[value[0] : value[1]]
        return value

    return get


def _setter(name: str):
    def set_(span: Span, value: Any) -> None:
        if name == "site" and isinstance(value, Span):
            value = [value.start, value.end]
        record = entity_record(span.doc, span.start, span.end, create=True)
        record[name] = value

    return set_


def _ent_at(doc: Doc, offsets) -> Span | None:
    for ent in doc.ents:
        if ent.start == offsets[0] and ent.end == offsets[1]:
            return ent
    return None


_ACCESSORS = {name: (_getter(name, default), _setter(name)) for name, default in SPAN_EXTENSIONS.items()}


def register_extensions() -> None:
    for name, (get, set_) in _ACCESSORS.items():
        if not Span.has_extension(name) or Span.get_extension(name)[2] is not get:
            Span.set_extension(name, getter=get, setter=set_, force=True)
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


# Where spaCy keeps a Doc extension's value in ``doc.user_data``. Reading it there skips building
# the ``doc._`` accessor object, which every rule step did once per doc; values are still set
# through ``doc._`` (and a miss falls back to it), so this is only ever a shortcut.
_STORE_KEY = ("._.", STORE, None, None)


def entity_store(doc: Doc) -> dict[int, dict[str, Any]]:
    """The doc's entity attribute dict, created empty if missing."""
    store = doc.user_data.get(_STORE_KEY)
    if store is None:
        store = doc._.entity_attrs
    if store is None:
        store = {}
        doc._.entity_attrs = store
    return store


def store_record(store: dict[int, dict[str, Any]], start: int, end: int) -> dict[str, Any]:
    """The record of the entity at tokens ``start:end`` in ``store``, created if missing."""
    record = store.get(start)
    if record is None or record.get("end") != end:
        record = {"end": end}
        store[start] = record
    return record


def entity_record(doc: Doc, start: int, end: int, *, create: bool = False) -> dict[str, Any] | None:
    """The attribute record of the entity ``doc[start:end]`` (None if it has none and not ``create``)."""
    store = doc._.entity_attrs
    if store is None:
        if not create:
            return None
        store = entity_store(doc)
    record = store.get(start)
    if record is not None and record.get("end") == end:
        return record
    return store_record(store, start, end) if create else None


def add_trigger(record: dict[str, Any], attribute: str, value: str, start_char: int, end_char: int) -> None:
    """Record the phrase that set ``attribute`` (first trigger per attribute wins)."""
    triggers = record.get("triggers")
    if triggers is None:
        triggers = []
        record["triggers"] = triggers
    if any(t[0] == attribute for t in triggers):
        return
    triggers.append((attribute, value, start_char, end_char))

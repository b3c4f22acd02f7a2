"""The one table of extension attributes the pipeline sets, registered idempotently.

Components call ``register_extensions()`` from their factories, so importing the
package has no side effects on spaCy's global state.
"""

from __future__ import annotations

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
    "site": None,  # for SYMPTOM/CONDITION: the BODY_REGION/STRUCTURE span it is linked to
}
DOC_EXTENSIONS: dict[str, object] = {
    "time_expressions": None,  # list of (kind, start_char, end_char)
}


def register_extensions() -> None:
    for name, default in SPAN_EXTENSIONS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def add_trigger(span: Span, attribute: str, value: str, trigger: Span) -> None:
    """Record the phrase that set ``attribute`` on ``span`` (first trigger per attribute wins)."""
    triggers = span._.triggers
    if triggers is None:
        triggers = []
        span._.triggers = triggers
    if any(t[0] == attribute for t in triggers):
        return
    triggers.append((attribute, value, trigger.start_char, trigger.end_char))

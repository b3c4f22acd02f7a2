"""Finding entities by their text, for the behaviour tests of entities and attributes."""

from __future__ import annotations


def ent(result, text, label=None, nth=0):
    """The ``nth`` entity whose text is ``text`` (and label ``label``, if given)."""
    found = [e for e in result.entities if e.text == text and (label is None or e.label == label)]
    return found[nth]


def attrs(result, text):
    """The assertion flags set on the first entity whose text is ``text``."""
    e = next(e for e in result.entities if e.text == text)
    return {k for k in ("negated", "historical", "hypothetical", "other_subject") if getattr(e, k)}


def spans(nlp, text: str, label: str) -> list[str]:
    """The spans of ``label`` that ``nlp`` finds in ``text``, in order."""
    return [e.text for e in nlp(text).ents if e.label_ == label]


def activities(nlp, text: str) -> list[str]:
    """The ACTIVITY spans ``nlp`` finds in ``text``, in order."""
    return spans(nlp, text, "ACTIVITY")


def labels(nlp, text: str) -> list[tuple[str, str]]:
    """Every entity ``nlp`` finds in ``text`` as (text, label), in order."""
    return [(e.text, e.label_) for e in nlp(text).ents]

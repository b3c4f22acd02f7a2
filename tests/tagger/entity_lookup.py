"""Finding one entity of a ``TagResult`` by its text, for the behaviour tests of attributes."""

from __future__ import annotations


def ent(result, text, label=None, nth=0):
    """The ``nth`` entity whose text is ``text`` (and label ``label``, if given)."""
    found = [e for e in result.entities if e.text == text and (label is None or e.label == label)]
    return found[nth]

"""Sentence boundaries for prose and for line-per-finding clinical notes."""

from __future__ import annotations

from array import array

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .docview import fresh_view, ids

_END_PUNCT = ids({".", "!", "?", "!?", "?!", "...", "…"})
_QUERY = ids({"?"})
_LINE_BREAK, _BLANK_LINE = 1, 2
_MAX_BREAKS = 1_000_000


class ClinicalSentencizer:
    """Split after sentence-final punctuation, at blank lines, and at a line break that
    starts a new item (the next line begins with a capital, a digit, a bullet or a
    ``Label:``); a wrapped line that continues in lower case stays in its sentence.

    The flags are computed for the whole doc and set with one ``doc.from_array`` call:
    setting ``token.is_sent_start`` token by token is quadratic in spaCy."""

    def __init__(self, nlp: Language, name: str = "clinical_sentencizer"):
        self.name = name
        # ORTH id -> what a token with that text is: not a line break, a line break or a blank
        # line (looking the text up in the string store for every word of every doc cost more
        # than the rest of the sentencizer)
        self._breaks: dict[int, int] = {}

    def _break_kind(self, orth: int, text: str, is_space: int) -> int:
        if len(self._breaks) >= _MAX_BREAKS:
            self._breaks.clear()
        kind = 0 if not is_space or "\n" not in text else _BLANK_LINE if "\n\n" in text else _LINE_BREAK
        self._breaks[orth] = kind
        return kind

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        view = fresh_view(doc)
        orths, is_punct, is_space, strings = view.orths, view.is_punct, view.is_space, view.strings
        positions = view.positions()
        # Only a token after sentence-final punctuation or after a space token can start a
        # sentence: visit those (found from the doc's ORTH index) instead of every token.
        starts = [0]
        for orth in _END_PUNCT.intersection(positions):
            query = orth in _QUERY
            for i in positions[orth]:
                i += 1
                if i < n and not is_punct[i] and not (query and (_attached_query(doc, i - 1) or opening_query(doc, i - 1))):
                    starts.append(i)
        # A token's trailing whitespace is at most one space in spaCy, so a line break is
        # always inside a space token.
        breaks = self._breaks
        for orth, at in positions.items():
            kind = breaks.get(orth)
            if kind is None:
                kind = self._break_kind(orth, strings[orth], is_space[at[0]])
            if not kind:
                continue
            double = kind == _BLANK_LINE
            for i in at:
                i += 1
                if i < n and not is_space[i] and (double or not strings[orths[i]][:1].islower()):
                    starts.append(i)
        starts.sort()
        flags = [-1] * n
        for i in starts:
            flags[i] = 1
        doc.from_array([SENT_START], numpy.frombuffer(array("q", flags), dtype="int64").astype("uint64").reshape(n, 1))
        view.set_sent_starts(starts)
        return doc


def _attached_query(doc: Doc, q: int) -> bool:
    """An EHR query prefix ("?MTSS", "?L S1 radic") opens a phrase: it touches the next
    word and follows a space, an opening quote or bracket, or a sentence start, so it ends no sentence."""
    prev = doc[q - 1] if q else None
    return not doc[q].whitespace_ and (prev is None or bool(prev.whitespace_) or prev.is_space or prev.is_quote or prev.is_left_punct)


def opening_query(doc: Doc, q: int) -> bool:
    """A query mark set apart from its phrase ("Imp: ? stress fx", "'? resistant plantar
    fasciitis'"): it follows a line start, a quote, an opening bracket or a colon, and a space
    and a word follow it, so it ends no sentence."""
    if q + 1 >= len(doc) or not doc[q].whitespace_ or not doc[q + 1].is_alpha:
        return False
    prev = doc[q - 1] if q else None
    return prev is None or "\n" in prev.text or prev.is_quote or prev.is_left_punct or prev.text == ":"


@Language.factory("clinical_sentencizer", assigns=["token.is_sent_start"])
def make_clinical_sentencizer(nlp: Language, name: str) -> ClinicalSentencizer:
    return ClinicalSentencizer(nlp, name)

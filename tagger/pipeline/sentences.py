"""Sentence boundaries for prose and for line-per-finding clinical notes."""

from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .docview import fresh_view, ids

_END_PUNCT = ids({".", "!", "?", "!?", "?!", "...", "…"})


class ClinicalSentencizer:
    """Split after sentence-final punctuation, at blank lines, and at a line break that
    starts a new item (the next line begins with a capital, a digit, a bullet or a
    ``Label:``); a wrapped line that continues in lower case stays in its sentence.

    The flags are computed for the whole doc and set with one ``doc.from_array`` call:
    setting ``token.is_sent_start`` token by token is quadratic in spaCy."""

    def __init__(self, nlp: Language, name: str = "clinical_sentencizer"):
        self.name = name

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
            for i in positions[orth]:
                i += 1
                if i < n and not is_punct[i]:
                    starts.append(i)
        # A token's trailing whitespace is at most one space in spaCy, so a line break is
        # always inside a space token.
        for orth, at in positions.items():
            text = strings[orth]
            if "\n" not in text or not is_space[at[0]]:
                continue
            double = "\n\n" in text
            for i in at:
                i += 1
                if i < n and not is_space[i] and (double or not strings[orths[i]][:1].islower()):
                    starts.append(i)
        starts.sort()
        flags = numpy.full((n, 1), -1, dtype="int64")
        flags[starts, 0] = 1
        doc.from_array([SENT_START], flags.astype("uint64"))
        view.set_sent_starts(starts)
        return doc


@Language.factory("clinical_sentencizer", assigns=["token.is_sent_start"])
def make_clinical_sentencizer(nlp: Language, name: str) -> ClinicalSentencizer:
    return ClinicalSentencizer(nlp, name)

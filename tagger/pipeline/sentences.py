"""Sentence boundaries for prose and for line-per-finding clinical notes."""

from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .docview import fresh_view, ids

_END_PUNCT = ids({".", "!", "?", "!?", "?!", "...", "…"})
_QUERY = ids({"?"})


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
        starts = [0]
        # A token's trailing whitespace is at most one space in spaCy, so a line break is
        # always inside a space token.
        for i in range(1, n):
            prev = orths[i - 1]
            if prev in _END_PUNCT:
                if not is_punct[i] and not (prev in _QUERY and _attached_query(doc, i - 1)):
                    starts.append(i)
            elif is_space[i - 1]:
                text = strings[prev]
                if "\n" in text and not is_space[i] and ("\n\n" in text or not strings[orths[i]][:1].islower()):
                    starts.append(i)
        flags = numpy.full((n, 1), -1, dtype="int64")
        flags[starts, 0] = 1
        doc.from_array([SENT_START], flags.astype("uint64"))
        view.set_sent_starts(starts)
        return doc


def _attached_query(doc: Doc, q: int) -> bool:
    """An EHR query prefix ("?MTSS", "?L S1 radic") opens a phrase: it touches the next
    word and follows a space, an opening quote or bracket, or a sentence start, so it ends no sentence."""
    prev = doc[q - 1] if q else None
    return not doc[q].whitespace_ and (prev is None or bool(prev.whitespace_) or prev.is_space or prev.is_quote or prev.is_left_punct)


@Language.factory("clinical_sentencizer", assigns=["token.is_sent_start"])
def make_clinical_sentencizer(nlp: Language, name: str) -> ClinicalSentencizer:
    return ClinicalSentencizer(nlp, name)

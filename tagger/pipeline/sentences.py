"""Sentence boundaries for prose and for line-per-finding clinical notes."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

_END_PUNCT = frozenset({".", "!", "?", "!?", "?!", "...", "…"})


class ClinicalSentencizer:
    """Split after sentence-final punctuation, at blank lines, and at a line break that
    starts a new item (the next line begins with a capital, a digit, a bullet or a
    ``Label:``); a wrapped line that continues in lower case stays in its sentence."""

    def __init__(self, nlp: Language, name: str = "clinical_sentencizer"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        doc[0].is_sent_start = True
        for i in range(1, len(doc)):
            prev, tok = doc[i - 1], doc[i]
            start = False
            if prev.text in _END_PUNCT and not tok.is_punct:
                start = True
            elif "\n" in prev.whitespace_ or prev.is_space and "\n" in prev.text:
                nxt = tok if not tok.is_space else None
                if nxt is None:
                    start = False
                elif "\n\n" in prev.text or "\n\n" in prev.whitespace_:
                    start = True
                elif not (nxt.text[:1].islower() and prev.text not in {":", ";"}):
                    start = True
            elif tok.is_space and "\n" in tok.text:
                start = False
            tok.is_sent_start = start
        return doc


@Language.factory("clinical_sentencizer", assigns=["token.is_sent_start"])
def make_clinical_sentencizer(nlp: Language, name: str) -> ClinicalSentencizer:
    return ClinicalSentencizer(nlp, name)

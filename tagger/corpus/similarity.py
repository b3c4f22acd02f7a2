"""Word 5-gram overlap between cases, through an inverted index (no all-pairs string comparison).

Used by ``check`` (near-duplicates, shared sentences) and ``stats`` (the diversity figure).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

# A word: letters and digits, kept whole across an inner / ' ’ . or - ("b/l", "5/5", "don't", "L4-5").
_WORD = re.compile(r"[^\W_]+(?:[/'’.\-][^\W_]+)*")
# A sentence ends at . ! ? followed by space or the end, or at a line break.
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n")

NGRAM = 5


def words(text: str) -> list[str]:
    """Lower-cased word tokens (outer punctuation, quote marks and case ignored)."""
    return _WORD.findall(text.casefold())


def normalized(text: str) -> str:
    """The text reduced to its words, for exact-duplicate detection."""
    return " ".join(words(text))


def ngrams(tokens: list[str], n: int = NGRAM) -> set[str]:
    return {" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


def sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences (and lines) of ``text``."""
    spans = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if text[start : m.start()].strip():
            spans.append((start, m.end()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


@dataclass(frozen=True)
class PairOverlap:
    a: int
    b: int
    shared: int
    jaccard: float


@dataclass(frozen=True)
class SharedSentence:
    a: int  # the case the sentence was taken from
    b: int  # another case whose words contain it
    start: int  # character span of the sentence in case a
    end: int
    n_words: int


class NgramIndex:
    """Word n-gram sets of many texts and the inverted index gram -> texts that hold it."""

    def __init__(self, texts: list[str], n: int = NGRAM):
        self.n = n
        self.tokens = [words(t) for t in texts]
        self.grams = [ngrams(toks, n) for toks in self.tokens]
        self.postings: dict[str, list[int]] = defaultdict(list)
        for i, gs in enumerate(self.grams):
            for g in gs:
                self.postings[g].append(i)

    def shared_counts(self) -> Counter[tuple[int, int]]:
        """Number of distinct n-grams each pair of texts has in common (pairs sharing none are absent)."""
        counts: Counter[tuple[int, int]] = Counter()
        for docs in self.postings.values():
            if len(docs) < 2:
                continue
            for x in range(len(docs)):
                for y in range(x + 1, len(docs)):
                    counts[(docs[x], docs[y])] += 1
        return counts

    def overlaps(self) -> list[PairOverlap]:
        """Every pair sharing at least one n-gram, highest Jaccard first."""
        out = []
        for (a, b), shared in self.shared_counts().items():
            union = len(self.grams[a]) + len(self.grams[b]) - shared
            out.append(PairOverlap(a, b, shared, shared / union))
        out.sort(key=lambda p: (-p.jaccard, p.a, p.b))
        return out

    def shared_sentences(self, texts: list[str], min_words: int = 6) -> list[SharedSentence]:
        """Sentences of ``min_words`` or more words of one text that occur, word for word, in another."""
        joined = [" " + " ".join(toks) + " " for toks in self.tokens]
        found: list[SharedSentence] = []
        for i, text in enumerate(texts):
            for start, end in sentences(text):
                toks = words(text[start:end])
                if len(toks) < max(min_words, self.n):
                    continue
                candidates: set[int] | None = None
                for g in sorted(ngrams(toks, self.n), key=lambda g: len(self.postings.get(g, ()))):
                    docs = set(self.postings.get(g, ()))
                    candidates = docs if candidates is None else candidates & docs
                    if len(candidates) <= 1:
                        break
                if not candidates:
                    continue
                needle = " " + " ".join(toks) + " "
                for j in sorted(candidates):
                    if j != i and needle in joined[j]:
                        found.append(SharedSentence(i, j, start, end, len(toks)))
        return found


__all__ = ["NGRAM", "NgramIndex", "PairOverlap", "SharedSentence", "ngrams", "normalized", "sentences", "words"]

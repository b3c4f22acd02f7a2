"""Plain-Python views of a Doc that several components read, computed once per Doc.

Indexing a Doc builds a Token object per access, ``doc.ents`` builds a Span per entity
on every access and ``span.sent`` scans for sentence boundaries each time; together they
were the bulk of the pipeline's cost. A ``DocView`` holds the token facts as lists (ORTH
and LOWER as string-store ids, character offsets, lengths, punctuation and space flags;
ORTH and offsets read with one ``doc.to_array``, the rest from a per-lexeme table kept
across docs), an ORTH -> token positions index, per-token sentence bounds and a ``memo``
for passes several components share (``matchgroup.py``), built once and shared by the
components through a weak-keyed table, so it disappears with its Doc and is never
serialized with it. Components compare ids with ``ids(words)`` sets instead of strings.

A view is valid while the Doc's tokens and sentence boundaries stay as they were when
it was built: our components never retokenize, and the sentencizer, which sets the
boundaries, builds a fresh view. Entities are read from the token annotations each
time they are asked for (``entities()``), so a component that changes ``doc.ents`` needs
no bookkeeping.
"""

from __future__ import annotations

import weakref
from bisect import bisect_right
from collections.abc import Iterable

from spacy.attrs import ENT_ID, ENT_IOB, ENT_TYPE, IDX, ORTH, SENT_START
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.vocab import Vocab

_VIEWS: weakref.WeakKeyDictionary[Doc, DocView] = weakref.WeakKeyDictionary()
_COLUMNS = [ORTH, IDX]
# LOWER, LENGTH, IS_PUNCT and IS_SPACE are facts of a token's lexeme: looked up per ORTH id in a
# table kept across docs, they cost less than reading four more columns out of every Doc.
_LEXEME_FACTS: dict[int, tuple[Vocab, dict[int, tuple[int, int, int, int]]]] = {}  # id(vocab) -> (vocab, table)
_MAX_LEXEMES = 1_000_000
_B, _I = 3, 1  # ENT_IOB codes


def ids(words: Iterable[str]) -> frozenset[int]:
    """String-store ids of ``words``, to compare with ``DocView.orths`` / ``DocView.lowers``."""
    return frozenset(get_string_id(w) for w in words)


class DocView:
    """Token facts as lists indexed by token, and sentence bounds."""

    __slots__ = ("__weakref__", "_ents", "_positions", "_sent_ends", "_sent_of", "_sent_starts", "idx", "is_punct", "is_space", "lengths", "lowers", "memo", "n", "orths", "strings")

    def __init__(self, doc: Doc):
        self.n = len(doc)
        self.strings = doc.vocab.strings
        if self.n:
            self.orths, self.idx = doc.to_array(_COLUMNS).T.tolist()
            table = _lexeme_table(doc.vocab)
            get = table.get
            rows = [get(orth) or _learn(doc.vocab, table, orth) for orth in self.orths]
            self.lowers, self.lengths, self.is_punct, self.is_space = map(list, zip(*rows, strict=True))
        else:
            self.orths, self.idx, self.lowers, self.lengths, self.is_punct, self.is_space = [], [], [], [], [], []
        self._sent_starts: list[int] | None = None
        self._sent_of: list[int] | None = None  # per token: the start token of its sentence
        self._sent_ends: list[int] | None = None  # per token: the end token of its sentence
        self._ents: tuple[bytes, list[tuple[int, int, str, int]]] | None = None  # (annotation bytes, entities)
        self._positions: dict[int, list[int]] | None = None
        self.memo: dict[object, object] = {}  # results of passes shared by components (see matchgroup.py)

    def positions(self) -> dict[int, list[int]]:
        """ORTH id -> the token indices holding it, in order (built on first use). Every token
        matcher asks where its patterns can start; this answers them all from one pass."""
        found = self._positions
        if found is None:
            found = {}
            for i, orth in enumerate(self.orths):
                at = found.get(orth)
                if at is None:
                    found[orth] = [i]
                else:
                    at.append(i)
            self._positions = found
        return found

    def text(self, i: int) -> str:
        return self.strings[self.orths[i]]

    def doc_text(self, doc: Doc) -> str:
        """``doc.text``, built once per view: spaCy joins every token each time it is asked,
        so a rule asking once per trigger would be quadratic in the note's length."""
        text = self.memo.get("doc_text")
        if text is None:
            text = self.memo["doc_text"] = doc.text
        return text  # type: ignore[return-value]

    def lower(self, i: int) -> str:
        return self.strings[self.lowers[i]]

    # -- characters ----------------------------------------------------------
    def start_char(self, i: int) -> int:
        return self.idx[i]

    def end_char(self, end: int) -> int:
        """The end character of the span ending (exclusively) at token ``end``."""
        return self.idx[end - 1] + self.lengths[end - 1]

    # -- entities ----------------------------------------------------------
    def entities(self, doc: Doc) -> list[tuple[int, int, str, int]]:
        """``(start, end, label, span id)`` of ``doc.ents``, read from the token annotations
        (as ``Doc.ents`` does, without building Spans; reused while the annotations are unchanged)."""
        if not self.n:
            return []
        arr = doc.to_array([ENT_IOB, ENT_TYPE, ENT_ID])
        key = arr.tobytes()
        if self._ents is not None and self._ents[0] == key:
            return list(self._ents[1])
        iob, types, span_ids = arr.T.tolist()
        strings = self.strings
        out = []
        n = self.n
        inside = 0  # I tokens that continue a labelled entity
        i = 0
        while True:
            try:
                i = iob.index(_B, i)
            except ValueError:
                break
            end = i + 1
            while end < n and iob[end] == _I:
                end += 1
            if types[i]:
                out.append((i, end, strings[types[i]], span_ids[i]))
                inside += end - i - 1
            i = end
        if inside != iob.count(_I):
            # an I tag that continues no entity: let spaCy report it as Doc.ents does
            return [(e.start, e.end, e.label_, e.id) for e in doc.ents]
        self._ents = (key, out)
        return list(out)

    def seed_entities(self, key: bytes, entities: list[tuple[int, int, str, int]]) -> None:
        """Record the entities a component has just written, with the bytes of
        ``doc.to_array([ENT_IOB, ENT_TYPE, ENT_ID])`` they are valid for."""
        self._ents = (key, entities)

    # -- sentences ---------------------------------------------------------
    def set_sent_starts(self, starts: list[int]) -> None:
        self._sent_starts = starts
        self._sent_of = self._sent_ends = None

    def sent_starts(self, doc: Doc) -> list[int]:
        """Sentence-initial token indices, as ``doc.sents`` sees them (token 0 always starts one)."""
        if self._sent_starts is None:
            if not doc.has_annotation("SENT_START"):
                doc[0:1].sent  # noqa: B018  (raises spaCy's own error for a doc without sentences)
            values = doc.to_array(SENT_START).tolist() if self.n else []
            self._sent_starts = [0] + [i for i in range(1, self.n) if values[i] == 1]
        return self._sent_starts

    def sent_bounds(self, doc: Doc, start: int, end: int | None = None) -> tuple[int, int]:
        """``(sent.start, sent.end)`` of ``doc[start:end].sent`` (``end`` defaults to start + 1):
        from the sentence start at or before ``start`` to the first sentence start at or after ``end``."""
        sent_of = self._sent_of
        if sent_of is None:
            sent_of = self._sentence_tables(doc)
        if end is None:
            return sent_of[start], self._sent_ends[start]
        if end > start:
            return sent_of[start], self._sent_ends[end - 1]
        starts = self.sent_starts(doc)
        k = bisect_right(starts, end - 1)
        return sent_of[start], starts[k] if k < len(starts) else self.n

    def _sentence_tables(self, doc: Doc) -> list[int]:
        """Per token, its sentence's start and end token (two list lookups per ``sent_bounds``
        instead of two bisections: the components ask for thousands per note)."""
        starts = self.sent_starts(doc)
        sent_of: list[int] = []
        sent_ends: list[int] = []
        bounds = [*starts, self.n]
        for k in range(len(starts)):
            lo, hi = bounds[k], bounds[k + 1]
            sent_of += [lo] * (hi - lo)
            sent_ends += [hi] * (hi - lo)
        self._sent_of, self._sent_ends = sent_of, sent_ends
        return sent_of


def _lexeme_table(vocab: Vocab) -> dict[int, tuple[int, int, int, int]]:
    held = _LEXEME_FACTS.get(id(vocab))
    if held is None or held[0] is not vocab:
        held = _LEXEME_FACTS[id(vocab)] = (vocab, {})
    return held[1]


def _learn(vocab: Vocab, table: dict[int, tuple[int, int, int, int]], orth: int) -> tuple[int, int, int, int]:
    """(LOWER, LENGTH, IS_PUNCT, IS_SPACE) of the lexeme ``orth``, as ``doc.to_array`` gives them."""
    if len(table) >= _MAX_LEXEMES:
        table.clear()
    lex = vocab[orth]
    facts = table[orth] = (lex.lower, len(lex.orth_), int(lex.is_punct), int(lex.is_space))
    return facts


def view(doc: Doc) -> DocView:
    """The DocView of ``doc``, built on first use."""
    found = _VIEWS.get(doc)
    if found is None or found.n != len(doc):
        found = DocView(doc)
        _VIEWS[doc] = found
    return found


def fresh_view(doc: Doc) -> DocView:
    """A new view of ``doc`` (after its tokens or sentences changed)."""
    found = DocView(doc)
    _VIEWS[doc] = found
    return found

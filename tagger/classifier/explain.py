"""A fitted pipeline and a tagged case -> ranked ``Hypothesis`` objects with evidence.

Evidence is the features that pushed a label's score up most (coefficient x value),
mapped back to the text: a concept feature to the entity spans it came from, a word
n-gram to its occurrences in the text, a character n-gram to the words that hold it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import Pipeline

from ..schema import Evidence, Hypothesis, TagResult, TextSpan, built
from .features import CaseText, case_features
from .taxonomy import describe

MAX_EVIDENCE = 5
MAX_SPANS_PER_FEATURE = 4


class ChainModel:
    """What ``Tagger`` calls: a fitted pipeline, its label names, and explanations.

    Built from the pipeline after fitting or loading; it is not itself persisted, so the
    model file holds only scikit-learn objects and our three estimator classes.
    """

    def __init__(self, pipeline: Pipeline, labels: list[str]):
        self.pipeline = pipeline
        self.labels_ = list(labels)
        self._features = pipeline.named_steps["features"]
        self._classifier = pipeline.named_steps["classify"]
        self._names = np.asarray(self._features.get_feature_names_out(), dtype=object)
        self._word_rules = _word_rules(self._features)
        self._char_preprocess = _char_preprocessor(self._features)
        self._tfidf_blocks = _tfidf_blocks(self._features)
        self._layout = _direct_layout(self._features, self._tfidf_blocks)

    @property
    def thresholds_(self) -> np.ndarray:
        return self._classifier.thresholds_

    def predict_proba(self, cases: list[TagResult | dict[str, Any]]) -> np.ndarray:
        return self.pipeline.predict_proba(cases)

    def hypotheses(self, result: TagResult) -> list[Hypothesis]:
        return self.hypotheses_many([result])[0]

    def hypotheses_many(self, results: list[TagResult], *, evidence: bool = True) -> list[list[Hypothesis]]:
        """Ranked hypotheses for each case. One matrix for the whole list: scikit-learn's
        per-call input validation costs more than the arithmetic for a single row."""
        if not results:
            return []
        featured = [case_features(result) for result in results]
        X = self._transform(results, [feats for feats, _ in featured])
        proba = self._classifier._proba(X)  # X is ours, built as validation would leave it
        thresholds = self._classifier.thresholds_
        info = [describe(label) for label in self.labels_]
        out = []
        for i, result in enumerate(results):
            if evidence:
                columns, contributions = self._classifier.decision_contributions(X[i])
                words = _WordIndex(result.text, *self._word_rules, char_preprocess=self._char_preprocess)
                entity_spans: dict[str, list[TextSpan]] = {}
            ranked = []
            for j, label in enumerate(self.labels_):
                threshold = float(thresholds[j])
                ranked.append(built(Hypothesis, {
                    "label": label,
                    "probability": round(float(proba[i, j]), 4),
                    "threshold": threshold,
                    "passes": bool(proba[i, j] >= threshold),
                    "kind": info[j]["kind"],
                    "path": list(info[j].get("path") or []),
                    "direction": info[j].get("direction"),
                    "description": info[j].get("description", ""),
                    "evidence": self._evidence(result, columns, contributions[j], featured[i][1], words, entity_spans) if evidence else [],
                }))
            ranked.sort(key=lambda h: h.probability, reverse=True)
            out.append(ranked)
        return out

    def _transform(self, results: list[TagResult], feats: list[dict[str, float]]):
        """``features.transform(results)`` without computing the case features twice:
        the entity block starts from ``feats`` at its vectorizer and runs every later step;
        each block is scaled by its union weight, exactly as ``FeatureUnion`` does."""
        if self._layout is not None:
            return self._stacked(results, feats, self._layout)
        weights = self._features.transformer_weights or {}
        parts = []
        for name, transformer in self._features.transformer_list:
            if name == "entities":
                names = [step for step, _ in transformer.steps]
                X = transformer.named_steps["vectorize"].transform(feats)
                for step in names[names.index("vectorize") + 1 :]:
                    X = transformer.named_steps[step].transform(X)
            elif name in self._tfidf_blocks:
                vectorizer, count = self._tfidf_blocks[name]
                X = _tfidf_rows(vectorizer, count, transformer.named_steps["text"].transform(results))
            else:
                X = transformer.transform(results)
            parts.append(X * weights.get(name, 1.0))
        return sparse.hstack(parts).tocsr()

    def _stacked(self, results: list[TagResult], feats: list[dict[str, float]], layout: list[_Block]):
        """``_transform``'s matrix built directly, one CSR matrix for all the blocks: each
        row's columns and values are the ones the block's vectorizer gives, ascending, times
        the block's weight, shifted by the widths of the blocks before it, which is what
        ``sparse.hstack`` of the weighted blocks holds. The scikit-learn and scipy calls per
        block (validation, a matrix per block, scaling, stacking) cost more than the counting
        for a single note."""
        texts = {block.name: block.text.transform(results) for block in layout if block.text is not None}
        indptr, indices, values = [0], [], []
        nnz = 0
        for i, row_feats in enumerate(feats):
            for block in layout:
                if block.counter is None:
                    # DictVectorizer.transform of numeric features (case_features gives only numbers)
                    vocabulary = block.vocabulary
                    found = sorted((j, value) for name, value in row_feats.items() if (j := vocabulary.get(name)) is not None)
                    cols = np.fromiter((j for j, _ in found), dtype=np.int64, count=len(found))
                    data = np.fromiter((value for _, value in found), dtype=np.float64, count=len(found))
                else:
                    cols, data = _tfidf_row(block.vectorizer, block.counter, texts[block.name][i])
                indices.append(cols + block.offset)
                values.append(data * block.weight)
                nnz += len(cols)
            indptr.append(nnz)
        width = layout[-1].offset + layout[-1].width
        return sparse.csr_matrix((np.concatenate(values), np.concatenate(indices).astype(np.int32), np.asarray(indptr, dtype=np.int32)),
                                 shape=(len(results), width))

    def _evidence(self, result: TagResult, columns: np.ndarray, contrib: np.ndarray,
                  sources: dict[str, list[int]], words: _WordIndex,
                  entity_spans: dict[str, list[TextSpan]]) -> list[Evidence]:
        """``entity_spans`` memoizes a case's entity features' spans across its labels."""
        order = _largest(contrib, MAX_EVIDENCE)
        evidence = []
        for k in order:
            weight = float(contrib[k])
            if weight <= 0:
                break
            block, _, name = str(self._names[columns[k]]).partition("__")
            if block == "entities":
                spans = entity_spans.get(name)
                if spans is None:
                    spans = entity_spans[name] = self._entity_spans(result, sources.get(name, []))
            elif block == "chars":
                spans = words.char_spans(name)
            else:
                spans = words.spans(name)
            # a list of its own per Evidence (as validation would make), though the spans are shared
            evidence.append(built(Evidence, {"feature": name if block == "entities" else f"{block}:{name}",
                                             "weight": round(weight, 4), "spans": list(spans)}))
        return evidence

    @staticmethod
    def _entity_spans(result: TagResult, ids: list[int]) -> list[TextSpan]:
        seen, spans = set(), []
        for i in ids:
            if i in seen or i >= len(result.entities):
                continue
            seen.add(i)
            e = result.entities[i]
            spans.append(built(TextSpan, {"start": e.start, "end": e.end, "text": e.text}))
            if len(spans) >= MAX_SPANS_PER_FEATURE:
                break
        return spans


def _largest(values: np.ndarray, k: int) -> np.ndarray:
    """Indices of the ``k`` largest values, largest first: a partition, then a sort of ``k``
    (a case has thousands of non-zero features with the character block)."""
    if len(values) > k:
        top = np.argpartition(-values, k)[:k]
        return top[np.argsort(-values[top], kind="stable")]
    return np.argsort(-values, kind="stable")


def _word_rules(features) -> tuple[re.Pattern[str], Callable[[str], str]]:
    """The word block's own token pattern and preprocessor (lower-casing, accent stripping),
    so a word feature's evidence finds the words it was built from."""
    for name, block in features.transformer_list:
        if name == "chars":
            continue
        for step in getattr(block, "steps", [("", block)]):
            vectorizer = step[1]
            if hasattr(vectorizer, "build_preprocessor") and hasattr(vectorizer, "token_pattern"):
                return re.compile(vectorizer.token_pattern), vectorizer.build_preprocessor()
    return re.compile(r"(?u)\b\w\w+\b"), str.lower  # no word block: nothing will ask


def _tfidf_blocks(features) -> dict[str, tuple[TfidfVectorizer, _TermCounter]]:
    """The text blocks that are ``CaseText`` then a TF-IDF vectorizer ``_tfidf_rows`` can
    reproduce, with a term counter for each (built once, not per prediction)."""
    blocks = {}
    for name, block in features.transformer_list:
        steps = getattr(block, "named_steps", {})
        vectorizer = steps.get("tfidf")
        if isinstance(steps.get("text"), CaseText) and isinstance(vectorizer, TfidfVectorizer) and len(steps) == 2 \
                and vectorizer.use_idf and vectorizer.norm in {"l2", None} and vectorizer.binary is False:
            blocks[name] = (vectorizer, _TermCounter(vectorizer))
    return blocks


@dataclass(frozen=True)
class _Block:
    """One block of the feature union, as ``ChainModel._stacked`` builds it."""

    name: str
    offset: int  # the block's first column in the stacked matrix
    width: int
    weight: float
    vocabulary: dict[str, int]
    vectorizer: TfidfVectorizer | None = None  # a text block: its vectorizer, term counter and CaseText
    counter: _TermCounter | None = None
    text: CaseText | None = None


def _direct_layout(features, tfidf_blocks: dict[str, tuple[TfidfVectorizer, _TermCounter]]) -> list[_Block] | None:
    """The union's blocks if ``_stacked`` can build every one of them: the entity block as
    the case features and a ``DictVectorizer`` alone, the text blocks as ``_tfidf_blocks``
    finds them. None for any other union (``_transform`` then runs the blocks)."""
    weights = features.transformer_weights or {}
    layout: list[_Block] = []
    offset = 0
    for name, block in features.transformer_list:
        steps = getattr(block, "named_steps", {})
        weight = weights.get(name, 1.0)
        vectorize = steps.get("vectorize")
        if name == "entities" and list(steps) == ["featurize", "vectorize"] and isinstance(vectorize, DictVectorizer) \
                and vectorize.sparse and vectorize.dtype in (float, np.float64):
            vocabulary = vectorize.vocabulary_
            layout.append(_Block(name, offset, len(vocabulary), weight, vocabulary))
        elif name in tfidf_blocks:
            vectorizer, counter = tfidf_blocks[name]
            layout.append(_Block(name, offset, len(vectorizer.vocabulary_), weight, vectorizer.vocabulary_,
                                 vectorizer, counter, steps["text"]))
        else:
            return None
        offset += layout[-1].width
    return layout or None


class _TermCounter:
    """A text -> {column: count} for a fitted vectorizer. A ``char_wb`` n-gram never crosses
    a word, so for that analyzer each distinct word's columns are computed once and kept
    (a note's words mostly recur from note to note): the n-grams were most of a prediction."""

    MAX_WORDS = 50_000  # cached words before the cache starts over

    def __init__(self, vectorizer: TfidfVectorizer):
        self.vocabulary = vectorizer.vocabulary_
        self.analyze = vectorizer.build_analyzer()
        self.by_word = vectorizer.analyzer == "char_wb"
        self.preprocess = vectorizer.build_preprocessor()
        self.words: dict[str, np.ndarray] = {}  # preprocessed word -> its n-grams' columns

    def __call__(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """The columns of ``text``'s terms in the vocabulary, ascending, and their counts."""
        vocabulary = self.vocabulary
        if not self.by_word:
            counts = Counter(self.analyze(text))
            columns = np.fromiter((vocabulary.get(term, -1) for term in counts), dtype=np.int64, count=len(counts))
            n = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
            known = columns >= 0
            columns, n = columns[known], n[known]
            order = np.argsort(columns)
            return columns[order], n[order]
        # a word's n-gram columns are added up with numpy: a note has thousands of them
        per_word, repeats = [], []
        for word, n in Counter(self.preprocess(text).split()).items():
            columns = self.words.get(word)
            if columns is None:
                if len(self.words) >= self.MAX_WORDS:
                    self.words.clear()
                # the analyzer's preprocessing is idempotent, so a preprocessed word gives its own n-grams
                found = [j for gram in self.analyze(word) if (j := vocabulary.get(gram)) is not None]
                columns = self.words[word] = np.asarray(found, dtype=np.int64)
            per_word.append(columns)
            repeats.append(n)
        if not per_word:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        lengths = np.fromiter((len(c) for c in per_word), dtype=np.int64, count=len(per_word))
        columns, inverse = np.unique(np.concatenate(per_word), return_inverse=True)
        return columns, np.bincount(inverse, weights=np.repeat(np.asarray(repeats, dtype=np.float64), lengths))


def _tfidf_row(vectorizer: TfidfVectorizer, count: _TermCounter, text: str) -> tuple[np.ndarray, np.ndarray]:
    """One row of ``vectorizer.transform([text])``: its columns, ascending, and values."""
    cols, data = count(text)
    if vectorizer.sublinear_tf:
        data = np.log(data) + 1.0
    data = data * vectorizer.idf_[cols]
    if vectorizer.norm == "l2" and len(data):
        data /= np.sqrt(np.dot(data, data))
    return cols, data


def _tfidf_rows(vectorizer: TfidfVectorizer, count: _TermCounter, texts: list[str]) -> sparse.csr_matrix:
    """``vectorizer.transform(texts)`` from its fitted ``vocabulary_`` and ``idf_``: the same
    counts, sublinear tf, idf and L2 norm, without scikit-learn's per-call input validation,
    which cost more than the counting for one note (two text blocks: ~1 ms a prediction)."""
    indptr, indices, values = [0], [], []
    for text in texts:
        cols, data = _tfidf_row(vectorizer, count, text)
        indices.append(cols.astype(np.int32))
        values.append(data)
        indptr.append(indptr[-1] + len(cols))
    return sparse.csr_matrix((np.concatenate(values) if values else np.zeros(0), np.concatenate(indices) if indices else np.zeros(0, np.int32),
                              np.asarray(indptr, dtype=np.int32)), shape=(len(texts), len(vectorizer.vocabulary_)))


def _char_preprocessor(features) -> Callable[[str], str]:
    """The character block's preprocessor (the same lower-casing and accent stripping)."""
    for name, block in features.transformer_list:
        if name == "chars":
            return block.steps[-1][1].build_preprocessor()
    return str.lower


_WHITESPACE_TOKEN = re.compile(r"\S+")


class _WordIndex:
    """The text's tokens, preprocessed as the vectorizer does, built once per case so each
    evidence term is a list lookup, not a regex over the whole text."""

    def __init__(self, text: str, token: re.Pattern[str], preprocess: Callable[[str], str],
                 char_preprocess: Callable[[str], str] = str.lower):
        self.text = text
        self.token, self.preprocess = token, preprocess
        self.char_preprocess = char_preprocess
        self.padded: list[tuple[str, int, int]] | None = None  # whitespace tokens, for character n-grams
        self.joined = ""  # the padded words joined by NUL
        self.word_starts: list[int] = []  # where each padded word starts in ``joined``
        self.bounds: list[tuple[int, int]] = []
        self.first: dict[str, list[int]] = {}
        self.found: dict[str, list[TextSpan]] = {}  # word term -> its spans
        self.char_found: dict[str, list[TextSpan]] = {}  # character n-gram -> the words holding it
        self.words: list[str] | None = None  # built on first use: most cases need no word evidence

    def _build(self) -> list[str]:
        text = self.text
        whole = self.preprocess(text) if text.isascii() else None
        if whole is not None and len(whole) == len(text):
            # ASCII text keeps every offset through lower-casing and accent stripping, so
            # the whole text is preprocessed once, as the vectorizer itself does
            matches = list(self.token.finditer(whole))
            self.words = [m.group() for m in matches]
        else:
            matches = list(self.token.finditer(text))
            self.words = [self.preprocess(m.group()) for m in matches]
        self.bounds = [m.span() for m in matches]
        self.first = {}
        for i, word in enumerate(self.words):
            self.first.setdefault(word, []).append(i)
        return self.words

    def spans(self, term: str) -> list[TextSpan]:
        # one term is often evidence for several labels of the same case
        found = self.found.get(term)
        if found is None:
            found = self.found[term] = self._find(term)
        return found

    def _find(self, term: str) -> list[TextSpan]:
        words = term.split()
        if not words:
            return []
        tokens = self.words if self.words is not None else self._build()
        spans = []
        for i in self.first.get(words[0], ()):
            if tokens[i : i + len(words)] == words:
                start, end = self.bounds[i][0], self.bounds[i + len(words) - 1][1]
                spans.append(built(TextSpan, {"start": start, "end": end, "text": self.text[start:end]}))
                if len(spans) >= MAX_SPANS_PER_FEATURE:
                    break
        return spans

    def char_spans(self, gram: str) -> list[TextSpan]:
        """The whitespace-separated words holding a ``char_wb`` n-gram: the vectorizer pads
        each word with a space either side, so " hee" is a word starting "hee"."""
        if self.padded is None:
            text, pre = self.text, self.char_preprocess
            whole = pre(text) if text.isascii() else None
            if whole is not None and len(whole) == len(text):
                # as in ``_build``: ASCII text keeps its offsets through preprocessing, so one
                # call over the whole text replaces one per word (~300 calls for a 300-word email)
                self.padded = [(f" {whole[m.start():m.end()]} ", *m.span()) for m in _WHITESPACE_TOKEN.finditer(text)]
            else:
                self.padded = [(f" {pre(m.group())} ", *m.span()) for m in _WHITESPACE_TOKEN.finditer(text)]
            # one string of the padded words, so each n-gram is found by str.find (an
            # n-gram holds no NUL, so a match never runs across two words)
            self.joined = "\0".join(padded for padded, _, _ in self.padded)
            self.word_starts, at = [], 0
            for padded, _, _ in self.padded:
                self.word_starts.append(at)
                at += len(padded) + 1
        if gram not in self.char_found:  # the same n-gram is often evidence for several labels
            spans = self.char_found[gram] = []
            pos = self.joined.find(gram) if gram else -1
            while pos >= 0 and len(spans) < MAX_SPANS_PER_FEATURE:
                k = bisect_right(self.word_starts, pos) - 1
                padded, start, end = self.padded[k]
                spans.append(built(TextSpan, {"start": start, "end": end, "text": self.text[start:end]}))
                pos = self.joined.find(gram, self.word_starts[k] + len(padded))
        return self.char_found[gram]

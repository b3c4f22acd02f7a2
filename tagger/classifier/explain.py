"""A fitted pipeline and a tagged case -> ranked ``Hypothesis`` objects with evidence.

Evidence is the features that pushed a label's score up most (coefficient x value),
mapped back to the text: a concept feature to the entity spans it came from, a word
n-gram to its occurrences in the text.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.pipeline import Pipeline

from ..schema import Evidence, Hypothesis, TagResult, TextSpan
from .features import case_features
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

    @property
    def thresholds_(self) -> np.ndarray:
        return self._classifier.thresholds_

    def predict_proba(self, cases: list[TagResult | dict[str, Any]]) -> np.ndarray:
        return self.pipeline.predict_proba(cases)

    def hypotheses(self, result: TagResult) -> list[Hypothesis]:
        feats, sources = case_features(result)
        X = self._transform_one(result, feats)
        proba = self._classifier.predict_proba(X)[0]
        columns, contributions = self._classifier.decision_contributions(X)
        out = []
        for j, label in enumerate(self.labels_):
            info = describe(label)
            threshold = float(self._classifier.thresholds_[j])
            out.append(Hypothesis(
                label=label,
                probability=round(float(proba[j]), 4),
                threshold=threshold,
                passes=bool(proba[j] >= threshold),
                kind=info["kind"],
                path=list(info.get("path") or []),
                direction=info.get("direction"),
                description=info.get("description", ""),
                evidence=self._evidence(result, columns, contributions[j], sources),
            ))
        out.sort(key=lambda h: h.probability, reverse=True)
        return out

    def _transform_one(self, result: TagResult, feats: dict[str, float]):
        """``features.transform([result])`` without computing the case features twice:
        the entity block starts from ``feats`` at its vectorizer and runs every later step;
        each block is scaled by its union weight, exactly as ``FeatureUnion`` does."""
        weights = self._features.transformer_weights or {}
        parts = []
        for name, transformer in self._features.transformer_list:
            if name == "entities":
                names = [step for step, _ in transformer.steps]
                X = transformer.named_steps["vectorize"].transform([feats])
                for step in names[names.index("vectorize") + 1 :]:
                    X = transformer.named_steps[step].transform(X)
            else:
                X = transformer.transform([result])
            parts.append(X * weights.get(name, 1.0))
        return sparse.hstack(parts).tocsr()

    def _evidence(self, result: TagResult, columns: np.ndarray, contrib: np.ndarray,
                  sources: dict[str, list[int]]) -> list[Evidence]:
        order = np.argsort(-contrib)[:MAX_EVIDENCE]
        evidence = []
        for k in order:
            weight = float(contrib[k])
            if weight <= 0:
                break
            block, _, name = str(self._names[columns[k]]).partition("__")
            spans = self._entity_spans(result, sources.get(name, [])) if block == "entities" else _word_spans(result.text, name)
            evidence.append(Evidence(feature=name if block == "entities" else f"words:{name}", weight=round(weight, 4), spans=spans))
        return evidence

    @staticmethod
    def _entity_spans(result: TagResult, ids: list[int]) -> list[TextSpan]:
        seen, spans = set(), []
        for i in ids:
            if i in seen or i >= len(result.entities):
                continue
            seen.add(i)
            e = result.entities[i]
            spans.append(TextSpan(start=e.start, end=e.end, text=e.text))
            if len(spans) >= MAX_SPANS_PER_FEATURE:
                break
        return spans


def _word_spans(text: str, term: str) -> list[TextSpan]:
    """Occurrences of a (lower-cased, possibly two-word) term in the text."""
    words = [re.escape(w) for w in term.split()]
    if not words:
        return []
    pattern = re.compile(r"(?<!\w)" + r"\W+".join(words) + r"(?!\w)", re.IGNORECASE)
    spans = []
    for m in pattern.finditer(text):
        spans.append(TextSpan(start=m.start(), end=m.end(), text=m.group()))
        if len(spans) >= MAX_SPANS_PER_FEATURE:
            break
    return spans

"""The multi-label chain classifier: a one-vs-rest logistic regression per label with a
decision threshold per label chosen by cross-validation on the training data."""

from __future__ import annotations

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import LabelBinarizer, Normalizer
from sklearn.utils.multiclass import type_of_target
from sklearn.utils.validation import check_is_fitted, validate_data

from .features import CaseFeaturizer, CaseText

THRESHOLD_GRID = np.round(np.arange(0.10, 0.91, 0.025), 3)


def best_f1_threshold(y_true: np.ndarray, scores: np.ndarray, default: float = 0.5) -> float:
    """The threshold on the grid with the best F1 (ties: the one nearest ``default``)."""
    if y_true.sum() == 0:
        return default
    best, best_t = -1.0, default
    for t in THRESHOLD_GRID:
        pred = scores >= t
        tp = float(np.sum(pred & (y_true == 1)))
        fp = float(np.sum(pred & (y_true == 0)))
        fn = float(np.sum(~pred & (y_true == 1)))
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        if f1 > best + 1e-9 or (abs(f1 - best) <= 1e-9 and abs(t - default) < abs(best_t - default)):
            best, best_t = f1, float(t)
    return best_t


class ChainClassifier(ClassifierMixin, BaseEstimator):
    """One logistic regression per label; per-label thresholds by ``cv``-fold cross-validation.

    Probabilities are Platt-calibrated per label on out-of-fold decision values; with
    ``stack=True`` (multi-label) each label's probability instead comes from a second
    logistic regression (strength ``stack_C``) over *every* label's out-of-fold decision
    value, so label structure is learnt (chain evidence speaks against ``local``, a foot
    chain for ``footwear``). Both stages are linear, so the model stays linear in the
    features and ``decision_contributions`` stays exact.

    ``y`` may be a 2-D indicator matrix (multi-label: each label thresholded on its own)
    or 1-D labels (binary or multiclass: the most probable class wins; thresholds are
    only tuned in the multi-label case).
    """

    def __init__(self, C: float = 4.0, class_weight: str | None = "balanced", cv: int = 5,
                 tune_thresholds: bool = True, calibrate: bool = True, random_state: int = 0, max_iter: int = 2000,
                 stack: bool = False, stack_C: float = 1.0):
        self.C = C
        self.class_weight = class_weight
        self.cv = cv
        self.tune_thresholds = tune_thresholds
        self.calibrate = calibrate
        self.random_state = random_state
        self.max_iter = max_iter
        self.stack = stack
        self.stack_C = stack_C

    def _base(self) -> LogisticRegression:
        return LogisticRegression(C=self.C, class_weight=self.class_weight, solver="liblinear",
                                  max_iter=self.max_iter, random_state=self.random_state)

    def fit(self, X, y):
        X, y = validate_data(self, X, y, accept_sparse="csr", multi_output=True, ensure_min_samples=2)
        target = type_of_target(y)
        if target == "multilabel-indicator":
            self.multilabel_ = True
            Y = np.asarray(y, dtype=int)
            self.classes_ = np.arange(Y.shape[1])
        else:
            if target not in {"binary", "multiclass"}:
                raise ValueError(f"Unknown label type: {target}. ChainClassifier expects binary, multiclass or a multilabel indicator matrix.")
            self.multilabel_ = False
            self._binarizer = LabelBinarizer().fit(y)
            self.classes_ = self._binarizer.classes_
            Y = self._binarizer.transform(y)
            if Y.shape[1] == 1:
                Y = np.hstack([1 - Y, Y])
        self.estimators_ = []
        self.thresholds_ = np.full(Y.shape[1], 0.5)
        # Platt scaling per label: probability = sigmoid(a * decision + b), fitted on
        # out-of-fold decision values, so a long case full of matching features does not
        # read as certainty. (1, 0) means "use the logistic regression's own probability".
        self.calibration_ = np.tile([1.0, 0.0], (Y.shape[1], 1))
        oof = np.zeros(Y.shape, dtype=float)  # out-of-fold decision values, for stacking
        have_oof = np.zeros(Y.shape[1], dtype=bool)
        n_iter = []
        for j in range(Y.shape[1]):
            yj = Y[:, j]
            if yj.min() == yj.max():
                self.estimators_.append(float(yj[0]))  # constant label: predict it
                continue
            self.estimators_.append(self._base().fit(X, yj))
            n_iter.append(int(np.max(self.estimators_[-1].n_iter_)))
            if self.multilabel_ and (self.tune_thresholds or self.calibrate):
                n_splits = min(self.cv, int(yj.sum()), int(len(yj) - yj.sum()))
                if n_splits >= 2:
                    folds = StratifiedKFold(n_splits=n_splits, shuffle=True, random_state=self.random_state)
                    decision = cross_val_predict(self._base(), X, yj, cv=folds, method="decision_function")
                    oof[:, j], have_oof[j] = decision, True
                    if self.calibrate:
                        platt = LogisticRegression(C=1e4, solver="lbfgs").fit(decision.reshape(-1, 1), yj)
                        self.calibration_[j] = [platt.coef_[0][0], platt.intercept_[0]]
                    a, b = self.calibration_[j]
                    scores = 1.0 / (1.0 + np.exp(-(a * decision + b)))
                    if self.tune_thresholds:
                        self.thresholds_[j] = best_f1_threshold(yj, scores)
        self.n_iter_ = np.asarray(n_iter or [0])
        # Stacking: each label's probability from every label's (out-of-fold) decision value,
        # so "local" can learn that chain evidence speaks against it, "footwear" that a
        # foot chain speaks for it. Still linear in the features (see decision_contributions).
        self.stack_weights_ = None
        if self.stack and self.multilabel_ and self.calibrate and have_oof.all():
            W = np.zeros((Y.shape[1], Y.shape[1]))
            b = np.zeros(Y.shape[1])
            for j in range(Y.shape[1]):
                second = LogisticRegression(C=self.stack_C, solver="lbfgs", max_iter=1000).fit(oof, Y[:, j])
                W[j], b[j] = second.coef_[0], second.intercept_[0]
                if self.tune_thresholds:
                    self.thresholds_[j] = best_f1_threshold(Y[:, j], 1.0 / (1.0 + np.exp(-(oof @ W[j] + b[j]))))
            self.stack_weights_, self.stack_intercepts_ = W, b
        return self

    @staticmethod
    def _decision(est: LogisticRegression, X) -> np.ndarray:
        """``est.decision_function(X)`` for already validated ``X``, without validating it again
        per label (ten validations were most of a single prediction's time)."""
        return np.asarray(X @ est.coef_.T).ravel() + est.intercept_[0]

    def _decisions(self, X) -> np.ndarray:
        return np.column_stack([np.zeros(X.shape[0]) if isinstance(est, float) else self._decision(est, X)
                                for est in self.estimators_])

    def predict_proba(self, X) -> np.ndarray:
        check_is_fitted(self, "estimators_")
        return self._proba(validate_data(self, X, accept_sparse="csr", reset=False))

    def _proba(self, X) -> np.ndarray:
        """``predict_proba`` of a matrix as validation leaves it: a CSR matrix of floats with
        ``n_features_in_`` columns (what ``ChainModel`` builds; validating one row cost more
        than the arithmetic)."""
        if getattr(self, "stack_weights_", None) is not None:
            z = self._decisions(X) @ self.stack_weights_.T + self.stack_intercepts_
            return 1.0 / (1.0 + np.exp(-z))
        cols = []
        for j, est in enumerate(self.estimators_):
            if isinstance(est, float):
                cols.append(np.full(X.shape[0], est))
            elif self.multilabel_ and self.calibrate:
                a, b = self.calibration_[j]
                cols.append(1.0 / (1.0 + np.exp(-(a * self._decision(est, X) + b))))
            else:
                cols.append(est.predict_proba(X)[:, 1])
        proba = np.column_stack(cols)
        if not self.multilabel_:
            total = proba.sum(axis=1, keepdims=True)
            total[total == 0] = 1.0
            proba = proba / total
        return proba

    def predict(self, X) -> np.ndarray:
        proba = self.predict_proba(X)
        if self.multilabel_:
            return (proba >= self.thresholds_).astype(int)
        return self.classes_[np.argmax(proba, axis=1)]

    def decision_contributions(self, row) -> tuple[np.ndarray, np.ndarray]:
        """For one row: the indices of its non-zero features and their contribution
        (coefficient x value) to each label's log-odds, shape (n_labels, n_nonzero)."""
        check_is_fitted(self, "estimators_")
        row = sparse.csr_matrix(row)
        idx, values = row.indices, row.data
        out = np.zeros((len(self.estimators_), len(idx)))
        for j, est in enumerate(self.estimators_):
            if not isinstance(est, float):
                out[j] = est.coef_[0][idx] * values
        if getattr(self, "stack_weights_", None) is not None:
            out = self.stack_weights_ @ out  # the stacked logit is a weighted sum of the labels' logits
        return idx, out

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.sparse = True
        tags.target_tags.multi_output = True
        tags.classifier_tags.multi_label = True
        return tags


def build_model(features: str = "both", C: float = 8.0, tfidf_max_features: int = 20000,
                random_state: int = 0, entity_weight: float = 0.05, entity_norm: str = "none",
                text_weight: float = 1.0, text_norm: str = "l2", stack: bool = True,
                class_weight: str | None = "balanced", char_weight: float = 1.0) -> Pipeline:
    """The shipped model (``features="both"``) or a baseline (``"entities"``, ``"text"``).

    The entity block is not normalised per case (``entity_norm="none"``): each meaning
    feature is worth ``entity_weight`` however many others the note has, so a long email
    with several complaints does not spread each one thin (``"l2"`` normalises it, as the
    model did before). The word block is word 1-2-gram TF-IDF, L2-normalised per case
    (``text_norm="l2"``; ``"none"`` leaves the TF-IDF weights as they are), times
    ``text_weight``. Beside it, a character block:
    3-5-gram TF-IDF within word boundaries (``char_wb``), L2-normalised, times
    ``char_weight`` (0 leaves it out), so "overpronating", "over-pronation" and a records
    system's "overpron" share most of their features. ``stack`` gives each label's
    probability from all labels' out-of-fold scores (see ``ChainClassifier``).
    """
    if text_norm not in {"l2", "none"}:
        raise ValueError(f"text_norm must be 'l2' or 'none', not {text_norm!r}")
    parts = []
    if features in {"both", "entities"}:
        steps = [("featurize", CaseFeaturizer()), ("vectorize", DictVectorizer())]
        if entity_norm == "l2":
            steps.append(("normalize", Normalizer()))
        elif entity_norm != "none":
            raise ValueError(f"entity_norm must be 'none' or 'l2', not {entity_norm!r}")
        parts.append(("entities", Pipeline(steps)))
    if features in {"both", "text"}:
        parts.append(("words", Pipeline([
            ("text", CaseText()),
            ("tfidf", TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, max_features=tfidf_max_features,
                                      lowercase=True, strip_accents="unicode", norm="l2" if text_norm == "l2" else None)),
        ])))
    if features in {"both", "text"} and char_weight > 0:
        parts.append(("chars", Pipeline([
            ("text", CaseText()),
            ("tfidf", TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=2, sublinear_tf=True,
                                      max_features=tfidf_max_features, lowercase=True, strip_accents="unicode")),
        ])))
    if not parts:
        raise ValueError(f"features must be 'both', 'entities' or 'text', not {features!r}")
    block_weight = {"entities": entity_weight, "words": text_weight, "chars": char_weight}
    weights = {name: block_weight[name] for name, _ in parts}
    return Pipeline([("features", FeatureUnion(parts, transformer_weights=weights)),
                     ("classify", ChainClassifier(C=C, class_weight=class_weight, random_state=random_state, stack=stack))])

"""scikit-learn's common checks on our estimators."""

from __future__ import annotations

import pytest
from sklearn.utils.estimator_checks import parametrize_with_checks

from tagger.classifier.model import ChainClassifier

EXPECTED_FAILURES = {
    # predict() applies a tuned threshold per label, so in multi-label mode it is deliberately
    # not `predict_proba(X) > 0.5`, which this check assumes.
    "check_classifier_multioutput": "per-label thresholds, not 0.5",
    # class_weight is passed to each one-vs-rest sub-problem (classes 0/1), so a dict keyed by
    # the original class labels, which this check passes, does not apply.
    "check_class_weight_classifiers": "class_weight applies per binary sub-problem",
}


@parametrize_with_checks([ChainClassifier(cv=3), ChainClassifier(cv=3, stack=True)],
                         expected_failed_checks=lambda est: EXPECTED_FAILURES)
def test_chain_classifier_passes_sklearn_common_checks(estimator, check):
    check(estimator)


def test_case_featurizer_is_not_run_through_the_numeric_common_checks():
    """CaseFeaturizer and CaseText take tagged cases (TagResult objects), not numeric
    arrays, so scikit-learn's common checks (which feed arrays) do not apply; their
    behaviour is pinned in test_features.py instead."""
    from tagger.classifier.features import CaseFeaturizer, CaseText

    for cls in (CaseFeaturizer, CaseText):
        est = cls()
        assert est.fit([]) is est
        assert est.get_params() == {}


def test_chain_classifier_thresholds_are_tuned_per_label_in_multilabel_mode():
    import numpy as np

    rng = np.random.default_rng(0)
    X = rng.normal(size=(120, 5))
    Y = np.column_stack([(X[:, 0] > 0.8).astype(int), (X[:, 1] > 0).astype(int)])
    clf = ChainClassifier(cv=3).fit(X, Y)
    assert clf.thresholds_.shape == (2,)
    assert clf.predict(X).shape == (120, 2)
    assert not np.allclose(clf.thresholds_, 0.5) or pytest.fail("thresholds stayed at the default")


def test_stacked_probabilities_are_a_logistic_of_the_summed_feature_contributions():
    """With the stacked second stage the model stays linear in the features, so the evidence
    weights (coefficient x value, mixed through the stack) add up to each label's log-odds."""
    import numpy as np

    rng = np.random.default_rng(1)
    X = rng.normal(size=(150, 6))
    Y = np.column_stack([X[:, 0] > 0.5, X[:, 1] > 0, X[:, 0] + X[:, 1] > 0]).astype(int)
    clf = ChainClassifier(cv=3, stack=True).fit(X, Y)
    assert clf.stack_weights_.shape == (3, 3)
    for row in X[:5]:
        _, contrib = clf.decision_contributions(row.reshape(1, -1))
        intercepts = np.array([est.intercept_[0] for est in clf.estimators_])
        logit = contrib.sum(axis=1) + clf.stack_weights_ @ intercepts + clf.stack_intercepts_
        np.testing.assert_allclose(1 / (1 + np.exp(-logit)), clf.predict_proba(row.reshape(1, -1))[0], rtol=1e-9)


def test_stacking_falls_back_to_platt_scaling_when_a_label_is_too_rare_for_cross_validation():
    import numpy as np

    rng = np.random.default_rng(2)
    X = rng.normal(size=(60, 4))
    Y = np.column_stack([X[:, 0] > 0, np.r_[1, np.zeros(59)]]).astype(int)
    clf = ChainClassifier(cv=3, stack=True).fit(X, Y)
    assert clf.stack_weights_ is None
    assert clf.predict_proba(X).shape == (60, 2)

"""ChainModel builds the feature matrix itself (explain.py ``_stacked``): it must be the union's."""

from __future__ import annotations

import numpy as np

from tagger.classifier.features import case_features

NOTES = [
    "R knee pain x3/52, worse stairs, (-) numbness, desk job.",
    "My right forefoot hurts, it goes away barefoot; I use a treadmill at incline 4 for an hour a day.",
    "Hip and lower back stiffness after sitting all day, my mum had sciatica.",
    "xyzzy",  # no known word or entity
]


def test_stacked_matrix_is_the_feature_union_blocks_stacked(shipped_tagger):
    model = shipped_tagger.classifier
    if model is None or model._layout is None:
        return
    results = [shipped_tagger.tag(text) for text in NOTES]
    feats = [case_features(result)[0] for result in results]
    stacked = model._transform(results, feats)
    layout, model._layout = model._layout, None
    try:
        blocks = model._transform(results, feats)  # each block on its own, weighted, then sparse.hstack
    finally:
        model._layout = layout
    assert stacked.shape == blocks.shape and stacked.dtype == blocks.dtype
    assert np.array_equal(stacked.indptr, blocks.indptr)
    assert np.array_equal(stacked.indices, blocks.indices)
    assert np.array_equal(stacked.data, blocks.data)
    # and both are scikit-learn's FeatureUnion (to rounding: the TF-IDF rows are computed our way)
    union = model._features.transform(results)
    assert np.array_equal(stacked.indices, union.indices)
    assert np.allclose(stacked.data, union.data, rtol=1e-12, atol=0)

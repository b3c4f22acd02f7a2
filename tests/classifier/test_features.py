"""The featurizer turns tagged cases into features that carry meaning."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tagger.classifier.features import CaseFeaturizer, case_features


@pytest.fixture(scope="module")
def featurize(rules_tagger):
    def run(text: str) -> dict[str, float]:
        return case_features(rules_tagger.tag(text))[0]

    return run


def test_negated_overpronation_is_a_negated_feature_not_a_current_one(featurize):
    feats = featurize("Gait analysis showed no overpronation. Left knee pain when running.")
    assert "CONDITION=overpronation:neg" in feats
    assert "CONDITION=overpronation:cur" not in feats
    assert "group=foot_mechanics:cur" not in feats


def test_relief_when_barefoot_becomes_a_relieving_footwear_feature(featurize):
    feats = featurize("My right forefoot hurts but the pain goes away when I am barefoot.")
    assert "relieving:FOOTWEAR=barefoot" in feats


def test_two_symptomatic_regions_give_a_pair_and_a_driver_cross(featurize):
    feats = featurize("My flat feet roll in and now my right knee aches on stairs.")
    assert "pair:knee+foot" in feats or "group=foot_mechanics->knee" in feats or "foot_mechanics->knee" in feats
    assert "foot_mechanics->knee" in feats


def test_someone_elses_condition_is_marked_other(featurize):
    feats = featurize("My mum's flat feet gave her bunions. My knee is fine.")
    assert "CONDITION=flat_feet:oth" in feats
    assert "CONDITION=flat_feet:cur" not in feats


def test_featurizer_accepts_result_dicts_as_well_as_objects(rules_tagger):
    result = rules_tagger.tag("R knee pain x3/52, worse stairs, desk job")
    assert CaseFeaturizer().fit_transform([result]) == CaseFeaturizer().transform([result.model_dump(mode="json")])


def test_classifier_side_does_not_import_spacy():
    code = "import sys, tagger.classifier.features, tagger.classifier.model, tagger.classifier.explain; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"

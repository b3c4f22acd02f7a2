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


@pytest.mark.parametrize("text", [
    "Works as a court stenographer, sits 7-8 h a day. L buttock pain.",
    "Worst after the 90-min bus ride to away games.",
    "After an hour in the chair at work the sole of my foot burns.",
])
def test_a_static_posture_held_for_a_stated_time_is_posture_held(featurize, text):
    assert "posture_held" in featurize(text)


@pytest.mark.parametrize("text", [
    "Sitting for 10 min is fine, my knee hurts on stairs.",
    "I run for 2 hours on Sundays and my knee hurts.",
])
def test_a_short_hold_or_a_duration_without_a_static_posture_is_not_posture_held(featurize, text):
    assert "posture_held" not in featurize(text)


@pytest.mark.parametrize("text", [
    "PFPS L. Gym squats ↑ 3→5 d/wk.",
    "I went from 20 to 45 km a week of running in a month and now my shin hurts.",
])
def test_a_load_that_went_up_in_numbers_is_a_load_rise(featurize, text):
    assert "load_rise" in featurize(text)


def test_a_number_that_fell_or_a_range_is_not_a_load_rise(featurize):
    assert "load_rise" not in featurize("Cut my running from 40 to 20 km a week. Pain 3-4/10.")


def test_an_up_arrow_next_to_an_activity_reads_as_an_increase(featurize):
    assert "ACTIVITY~increase" in featurize("Rower, LBP since ↑ erg to 2x/day.")


def test_text_features_keep_the_spans_they_were_read_from(rules_tagger):
    result = rules_tagger.tag("Court stenographer, sits 7-8 h a day. Running mileage 20→40 km/wk.")
    _, sources = case_features(result)
    assert [result.text[a:b] for a, b in sources["posture_held"]] == ["7-8 h", "sits"]
    assert [result.text[a:b] for a, b in sources["load_rise"]] == ["20→40"]

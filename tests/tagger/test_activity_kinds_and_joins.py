"""ACTIVITY spans as outside annotators read them (session 8): parts joined by a slash or plus
before one exercise head share it, a bare exercise head takes the part after 'for', a noun that
names an activity's kind (place, vehicle, event, manner) stays in its span, and 'land' /
'reach' in a when/as clause are movements. Example sentences are written for these tests."""

from __future__ import annotations

import pytest

from tagger.pipeline import build_pipeline
from tagger.pipeline.frames import _Trim
from tests.tagger.entity_lookup import activities


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def labels(nlp, text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in nlp(text).ents]


@pytest.mark.parametrize("text, activity", [
    ("P: ITB/piriformis release twice daily.", "ITB/piriformis release"),
    ("Plan: calf/soleus stretches and review.", "calf/soleus stretches"),
    ("Home programme: hip + quad strengthening.", "hip + quad strengthening"),
    ("The adductor/hip flexor stretch she showed me helps the ache.", "adductor/hip flexor stretch"),
    ("Tx: QL/oblique/lat stretches.", "QL/oblique/lat stretches"),
])
def test_parts_joined_by_a_slash_or_plus_share_the_exercise_head(nlp, text, activity):
    found = labels(nlp, text)
    assert (activity, "ACTIVITY") in found, found
    assert not any(label in ("STRUCTURE", "BODY_REGION") for _, label in found), found


@pytest.mark.parametrize("text, part", [
    ("Hip/knee strength 4/5 on the left.", "Hip"),
    ("Good hip/knee strength throughout.", "hip"),
    ("Knee/hip pain when running.", "Knee"),
    ("QL & lat stretches eased it.", "QL"),
])
def test_a_finding_or_an_ampersand_keeps_the_first_part_apart(nlp, text, part):
    found = labels(nlp, text)
    assert any(t == part and label in ("STRUCTURE", "BODY_REGION") for t, label in found), found


@pytest.mark.parametrize("text, activity", [
    ("She gave me exercises for the buttock.", "exercises for the buttock"),
    ("I do stretches for my calves every night.", "stretches for my calves"),
    ("Any exercises for my deep abs and glutes?", "exercises for my deep abs and glutes"),
    ("Two exercises for the lower back helped.", "exercises for the lower back"),
])
def test_a_bare_exercise_head_takes_its_part_after_for(nlp, text, activity):
    assert activity in activities(nlp, text)


@pytest.mark.parametrize("text, activity, part", [
    ("The couch stretch for the hip flexors helps.", "couch stretch", "hip flexors"),
    ("Stretches for 10 minutes ease the calf.", "Stretches", "calf"),
])
def test_a_named_exercise_or_a_dose_after_for_is_not_joined(nlp, text, activity, part):
    found = labels(nlp, text)
    assert (activity, "ACTIVITY") in found, found
    assert any(t == part and label in ("STRUCTURE", "BODY_REGION") for t, label in found), found


@pytest.mark.parametrize("text, activity", [
    ("Started mountain hiking with friends in May.", "mountain hiking"),
    ("Pain after the long bus rides to away games.", "bus rides"),
    ("Knee flared since sportive training began.", "sportive training"),
    ("Beach running hurts my calves.", "Beach running"),
    ("P: SL step-down practice in front of a mirror.", "SL step-down"),
    ("Hill running every Sunday.", "Hill running"),
    ("Stair climber + flat feet = sore knees?", "Stair climber"),
])
def test_a_noun_naming_the_activity_kind_stays_in_the_span(nlp, text, activity):
    assert activity in activities(nlp, text)


@pytest.mark.parametrize("text, activity", [
    ("S: 38M road cyclist, 200 km/wk.", "cyclist"),
    ("S: 42M masters runner, 50 km/wk.", "runner"),
    ("She plays club tennis twice a week.", "tennis"),
    ("Broke my wrist in 2009 (fell skating).", "skating"),
    ("P: SL heel raises x15 daily.", "heel raises"),
])
def test_a_person_noun_setting_or_verb_keeps_the_kind_word_out(nlp, text, activity):
    assert activity in activities(nlp, text)


@pytest.mark.parametrize("text, activity", [
    ("My arches flatten when I land.", "land"),
    ("Her knees cave in as soon as they land.", "land"),
    ("My shoulder is stiff when I reach for the top shelf.", "reach"),
    ("I moved flat and sat for two long drives.", "sat"),
])
def test_land_reach_and_sat_in_a_clause_are_movements(nlp, text, activity):
    assert activity in activities(nlp, text)


def test_kind_rule_rejects_unknown_keys():
    with pytest.raises(ValueError, match="unknown keys"):
        _Trim({"id": "k", "kind_before": {"place": ["hill"]}, "kinds_after": []})

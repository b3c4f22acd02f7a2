"""An exercise named by the part it works ('TFL release', 'hip abductor work') is one
ACTIVITY (GUIDELINES 4 'quad stretch'); a grade, verb or side after the head makes it an exam
finding or a clause, left alone. Example sentences are written for these tests."""

from __future__ import annotations

import pickle

import pytest

from tagger.pipeline.frames import _Compound
from tests.tagger.entity_lookup import activities, labels


@pytest.mark.parametrize("text, activity", [
    ("P: TFL release and a balance drill.", "TFL release"),
    ("Plan: gluteus medius strengthening three times a week.", "gluteus medius strengthening"),
    ("He's given her some hip hinge work for the rowing.", "hip hinge work"),
    ("She'd do well on a progressive abductor loading programme.", "abductor loading programme"),
    ("Graded lumbar loading from next week.", "lumbar loading"),
    ("I've kept up the hip routine most evenings.", "hip routine"),
    ("Mx: piriformis release, review 2/52.", "piriformis release"),
    ("P: soft tissue L QL, SIJ mobs, heel taping R.", "SIJ mobs"),
])
def test_part_plus_exercise_head_is_one_activity(nlp, text, activity):
    assert activity in activities(nlp, text)


@pytest.mark.parametrize("text, part", [
    ("O: hip abd strength 4/5 L.", "hip abd"),
    ("Glute med strength reduced on the right.", "Glute med"),
    ("Hip strength WNL.", "Hip"),
    ("Flat feet make the hip muscles work overtime.", "hip muscles"),
    ("I can feel my foot rolling back in.", "foot"),
])
def test_a_finding_or_verb_after_the_head_keeps_the_part(nlp, text, part):
    found = labels(nlp, text)
    assert any(t == part and label in ("BODY_REGION", "STRUCTURE") for t, label in found), found
    assert not any(label == "ACTIVITY" and t.startswith(part) for t, label in found), found


def test_the_part_inside_the_exercise_is_not_tagged_again(nlp):
    found = labels(nlp, "P: TFL release, then calf loading.")
    assert ("TFL", "STRUCTURE") not in found and ("calf", "BODY_REGION") not in found


def test_compound_rule_rejects_unknown_keys():
    with pytest.raises(ValueError, match="unknown keys"):
        _Compound({"id": "c", "compound_heads": {"release": "stretching"}, "heads_after": []})


def test_compound_rule_survives_pickle(nlp):
    again = pickle.loads(pickle.dumps(nlp))
    assert "TFL release" in activities(again, "P: TFL release.")


def test_compound_rule_round_trips_through_disk(nlp, tmp_path):
    from tagger.pipeline import load_pipeline
    nlp.to_disk(tmp_path / "p")
    again = load_pipeline(tmp_path / "p")
    assert "hip abductor work" in activities(again, "Better after a session of hip abductor work.")


@pytest.mark.parametrize("text, activity", [
    ("Worst at the end of a long erg piece.", "erg piece"),
    ("Two weeks of hill work and it flared.", "hill work"),
    ("Started a squat programme in March.", "squat"),
])
def test_a_unit_of_practice_joins_its_activity_but_a_programme_does_not(nlp, text, activity):
    assert activity in activities(nlp, text)


@pytest.mark.parametrize("text, activity", [
    ("Three sessions of release plus the realignment drill and it settled.", "realignment drill"),
    ("She gave me a wall exercise for the hip.", "wall exercise"),
    ("P: gait retraining, review 2/52.", "gait retraining"),
])
def test_a_drill_or_exercise_named_by_a_noun_is_one_activity(nlp, text, activity):
    assert activity in activities(nlp, text)


@pytest.mark.parametrize("text", [
    "She gave me some exercises for it.",
    "Do the same exercise twice a day.",
    "Weekly exercise: none.",
])
def test_a_determiner_or_dose_word_is_not_an_exercise_name(nlp, text):
    assert not any(" " in a for a in activities(nlp, text))


def test_a_walking_gerund_before_drills_keeps_the_drill_word_out(nlp):
    # session 13: other gerunds join their drills ("[landing drills]", two blind readings of set 12 and 7a);
    # the team's train gold keeps "[heel-toe walking] drills" apart, and so do the rules
    assert "heel-toe walking" in activities(nlp, "Both knees settle with heel-toe walking drills.")


@pytest.mark.parametrize("text, activity, region", [
    ("P: TFL release and a balance drill.", "TFL release", "hip"),
    ("Keep up the gluteus medius strengthening.", "gluteus medius strengthening", "hip"),
    ("Mx: QL release, review 2/52.", "QL release", "lower_back"),
    ("She does calf raises on the stairs.", "calf raises", "lower_leg"),  # a ruler pattern with both words
    ("A quad stretch after every run.", "quad stretch", "thigh"),
])
def test_an_exercise_named_by_a_part_keeps_the_parts_region(nlp, text, activity, region):
    found = {e.text: e._.region for e in nlp(text).ents if e.label_ == "ACTIVITY"}
    assert found.get(activity) == region, found


@pytest.mark.parametrize("text", ["I do back squats twice a week.", "We tried the leg press machine."])
def test_an_exercise_not_ending_in_a_head_word_gets_no_region(nlp, text):
    assert all(e._.region is None for e in nlp(text).ents if e.label_ == "ACTIVITY")


@pytest.mark.parametrize("text, activity", [
    ("P: TFL release 2x/day, review 2/52.", "TFL release"),
    ("Home: psoas release 3 sets of 30 s.", "psoas release"),
])
def test_a_dose_after_the_head_does_not_make_it_a_finding(nlp, text, activity):
    assert activity in activities(nlp, text)


@pytest.mark.parametrize("text, part", [
    ("O: hip abd strength 4 / 5 on the L.", "hip abd"),
    ("Glute med strength 4+/5 R.", "Glute med"),
])
def test_a_strength_grade_after_the_head_keeps_the_part(nlp, text, part):
    found = labels(nlp, text)
    assert any(t == part and label == "STRUCTURE" for t, label in found), found


@pytest.mark.parametrize("text, part", [
    ("She said there was good hip strength and normal feet.", "hip"),
    ("Early lift-off without forefoot loading on the R.", "forefoot"),
    ("They said it was not a fracture, only ligament stretch.", "ligament"),
])
def test_a_finding_word_before_the_part_or_a_ligament_keeps_the_part(nlp, text, part):
    assert any(t == part for t, label in labels(nlp, text) if label in ("BODY_REGION", "STRUCTURE")), labels(nlp, text)


@pytest.mark.parametrize("text, activity", [
    ("I've been doing the short-foot exercise plus the insoles.", "short-foot exercise"),
    ("How's the side-of-hip routine going?", "side-of-hip routine"),
    ("Three sessions of TFL release and it settled.", "TFL release"),
])
def test_a_hyphenated_exercise_name_keeps_its_first_words(nlp, text, activity):
    assert activity in activities(nlp, text)


@pytest.mark.parametrize("text, activity", [
    ("She gave me side-lying leg raises and a wall exercise.", "side-lying leg raises"),
    ("Since she started me on the side-lying leg raises, I can run 5 km.", "side-lying leg raises"),
    ("A seated hamstring stretch at my desk helps.", "seated hamstring stretch"),
    ("Progress loading (standing abd, SL bridges).", "standing abd"),
])
def test_a_body_position_before_an_exercise_joins_it(nlp, text, activity):
    assert activity in activities(nlp, text)


@pytest.mark.parametrize("text", ["After standing, calf raises help.", "Standing flexion reproduces her pain."])
def test_a_position_not_naming_an_exercise_stays_apart(nlp, text):
    assert "Standing" in activities(nlp, text) or "standing" in activities(nlp, text)


@pytest.mark.parametrize("text, activity", [
    ("Ankle pain since preseason (4 sessions a week, was 1).", "preseason"),
    ("What should we change in his warm-up?", "warm-up"),
])
def test_the_parts_of_a_training_season_and_session_are_activities(nlp, text, activity):
    assert activity in activities(nlp, text)

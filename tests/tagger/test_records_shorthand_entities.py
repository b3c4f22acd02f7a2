"""Records shorthand and new voices (session 9, second round): bone abbreviations of listed
structures, a spinal level with the part of the segment it names, exercise and sport words of
clinic plans and non-native writers, sleeping as a posture, and 'the run-up to' as a time
(corpora/reviews/gold_fixes_session9b_records.md). Example sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import activities, labels


@pytest.mark.parametrize(("text", "span"), [
    ("GT TTP R, resisted abd 4/5.", "GT"),
    ("Focal TTP over L troch, FADER neg.", "troch"),
    ("Standing: calc everted L, arch low.", "calc"),
])
def test_bone_abbreviations_are_structures(nlp, text, span):
    assert (span, "STRUCTURE") in labels(nlp, text)


@pytest.mark.parametrize("text", [
    "Gt. Yarmouth clinic, follow-up booked.",
    "Results calculated by the app.",
])
def test_words_that_only_look_like_bone_abbreviations_are_not_structures(nlp, text):
    assert not [t for t, label in labels(nlp, text) if label == "STRUCTURE"]


@pytest.mark.parametrize(("text", "span"), [
    ("Reduced sensation L4 dermatome R.", "L4 dermatome"),
    ("Imp: R L5/S1 facet irritation.", "L5/S1 facet"),
    ("Ext-rot quadrant reproduces pain, likely L3-4 facet joint.", "L3-4 facet joint"),
    ("Scan shows a bulge touching the S1 root.", "S1 root"),
    ("TTP lateral patellar facet L.", "lateral patellar facet"),
])
def test_a_spinal_level_keeps_the_part_of_the_segment_it_names(nlp, text, span):
    assert (span, "STRUCTURE") in labels(nlp, text)


def test_a_spinal_level_alone_stays_a_level(nlp):
    assert ("L4", "STRUCTURE") in labels(nlp, "Manip L4, review 1/52.")


@pytest.mark.parametrize(("text", "activity"), [
    ("P: isometrics 5x45s, then heavy slow calf raises.", "isometrics"),
    ("Rx: neural mobs, r/v 2/52.", "neural mobs"),
    ("Played touch footy every Thursday until last year.", "touch footy"),
    ("I go to four trainings in a week now.", "trainings"),
])
def test_exercise_and_sport_words_of_records_and_new_voices(nlp, text, activity):
    assert activity in activities(nlp, text)


@pytest.mark.parametrize(("text", "activity"), [
    ("Sleeps on R side, wakes with the ache.", "Sleeps"),
    ("I sleep on my front most nights.", "sleep"),
    ("Aggravated by her sleeping position.", "sleeping"),
    ("Advised: sleep w/ a pillow between the knees.", "sleep"),
])
def test_sleeping_as_a_posture_is_an_activity(nlp, text, activity):
    assert activity in activities(nlp, text)


@pytest.mark.parametrize("text", [
    "The hip pain is disturbing her sleep.",
    "I slept with the window open and woke up stiff.",
    "Busy in the run-up to Christmas, hip worse.",
    "Knee was fine in the run up to the marathon.",
])
def test_sleep_as_a_state_and_the_run_up_to_a_date_are_not_activities(nlp, text):
    found = activities(nlp, text)
    assert not {"sleep", "slept", "run"} & {a.lower() for a in found}


@pytest.mark.parametrize(("text", "span"), [
    ("O: lat pelvic tilt R, iliac crest high R.", "lat pelvic tilt"),
    ("Posture: marked ant. pelvic tilt.", "ant. pelvic tilt"),
])
def test_records_forms_of_a_pelvic_tilt_are_one_condition(nlp, text, span):
    found = labels(nlp, text)
    assert (span, "CONDITION") in found
    assert ("lat", "STRUCTURE") not in found


@pytest.mark.parametrize("text", [
    "PFPS L. Flat L foot, valgus on step-down.",
    "I have a slightly flat left foot and wear an insole.",
])
def test_flat_before_its_foot_is_the_flat_foot_finding(nlp, text):
    found = labels(nlp, text)
    assert ("foot", "BODY_REGION") in found
    assert any(t.lower() == "flat" and label == "CONDITION" for t, label in found)


@pytest.mark.parametrize("text", [
    "Keep the back flat and the foot turned out.",
    "Lie flat, left foot on the wall.",
    "Walk on flat ground with the foot straight.",
])
def test_flat_with_a_foot_further_on_is_no_finding(nlp, text):
    assert not [t for t, label in labels(nlp, text) if t.lower() == "flat"]


@pytest.mark.parametrize(("text", "activity"), [
    ("Airline pilot, 12-hour sectors, L buttock ache.", "Airline pilot"),
    ("M, 51, long-haul first officer.", "first officer"),
    ("S: 39F, claims adjuster, WFH, sits 9 h.", "claims adjuster"),
    ("Works as a parcel sorter on nights.", "parcel sorter"),
    ("52F, salon owner, on her feet all day.", "salon owner"),
])
def test_occupations_the_vocabulary_lacked_are_activities(nlp, text, activity):
    assert activity in activities(nlp, text)


def test_a_pilot_study_is_no_occupation(nlp):
    assert "pilot" not in [a.lower() for a in activities(nlp, "We are running a pilot study of insoles.")]

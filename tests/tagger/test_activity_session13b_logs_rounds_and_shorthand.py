"""ACTIVITY rules of session 13's round 2, read on the new writers of the blind train set 13tr and
checked on every set a rule helper may read, each stated in GUIDELINES.md or shared by two blind
voices (corpora/reviews/gold_fixes_session13b_activity.md): named treks, McKenzie extensions, climbing
gained, a postal round, hydrotherapy, a training log's runs named in k, the track session, records
shorthand for an exercise head, stretches of time, and sport words inside a club's name.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import activities


@pytest.mark.parametrize("text, walk", [
    ("Getting ready for Kokoda with my brother in May.", "Kokoda"),
    ("Blisters on day 4 of the henro michi, resting in town.", "henro michi"),
])
def test_a_named_trek_is_the_walk(nlp, text, walk):
    assert walk in activities(nlp, text)


@pytest.mark.parametrize("text, exercise", [
    ("Plan: McKenzie ext x10 hourly, review Fri.", "McKenzie ext"),
    ("Given McKenzie extensions to do at work.", "McKenzie extensions"),
])
def test_mckenzie_extensions_are_the_named_exercise(nlp, text, exercise):
    assert exercise in activities(nlp, text)


def test_climbing_gained_written_vert_is_the_hill_work(nlp):
    assert "vert" in activities(nlp, "Knee flared once the vert went past 1500 m a week.")


@pytest.mark.parametrize("text, round_", [
    ("Courier, does a long delivery round on foot, heel worse by noon.", "delivery round"),
    ("Postie for 9 yrs; aches by the end of the round most days.", "round"),
    ("Hip sore after she walks the round on Mondays.", "round"),
])
def test_a_workers_round_is_the_walk_of_the_job(nlp, text, round_):
    assert round_ in activities(nlp, text)


def test_a_round_bone_or_a_round_of_a_match_is_no_round_walked(nlp):
    assert "round" not in activities(nlp, "Tender just below the round bone of the ankle.")


@pytest.mark.parametrize("text, session", [
    ("Pool based hydrotherapy once a week helped.", "hydrotherapy"),
    ("Knee sore after hydro, 2/10.", "hydro"),
])
def test_hydrotherapy_is_the_pool_session(nlp, text, session):
    assert session in activities(nlp, text)


def test_a_training_logs_run_named_by_its_kind_and_distance_is_the_run(nlp):
    text = "Tue 3 Mar - steady 9k, 5:50/km. Thu 5 Mar - long 21k, knee niggle from 15k."
    found = activities(nlp, text)
    assert "9k" in found and "21k" in found and "15k" not in found


def test_a_log_line_opening_with_a_distance_after_its_date_is_the_run(nlp):
    assert "7k" in activities(nlp, "Fri 6 Mar - 7k easy, fine")


def test_a_weekly_total_in_k_is_no_run(nlp):
    assert not any(a[0].isdigit() for a in activities(nlp, "long week total 50k"))


@pytest.mark.parametrize("text", [
    "Sore after track Thursday, fine on easy days.",
    "No track for two weeks, then reassess.",
    "Added one session (track 6x800) on Tuesdays.",
])
def test_track_as_what_the_runner_does_is_the_track_session(nlp, text):
    assert "track" in activities(nlp, text)


@pytest.mark.parametrize("text", [
    "Both knees track straight on the squat.",
    "Rehab on track, flexion 110.",
])
def test_knees_that_track_or_a_rehab_on_track_are_no_session(nlp, text):
    assert "track" not in activities(nlp, text)


@pytest.mark.parametrize("text, exercise", [
    ("P: hip abductor ex daily, review 2/52.", "hip abductor ex"),
    ("Cont Achilles protocol, boot till wk 8.", "Achilles protocol"),
    ("P: glute progression, TFL release.", "glute progression"),
])
def test_records_shorthand_for_an_exercise_head_joins_its_part(nlp, text, exercise):
    assert exercise in activities(nlp, text)


@pytest.mark.parametrize("text", [
    "Tingling after long stretches behind the wheel.",
    "The path runs for short stretches beside the river.",
    "Sleeping in 2-3h stretches since the baby came.",
])
def test_stretches_of_time_are_no_exercise(nlp, text):
    assert "stretches" not in activities(nlp, text)


def test_calf_stretches_stay_the_exercise(nlp):
    assert "calf stretches" in activities(nlp, "Keep up the calf stretches twice a day.")


@pytest.mark.parametrize("text, word", [
    ("Cheers,\nMaddie\nHarbourside Rowing Club", "Rowing"),
    ("Signed, Coach Dev, Northgate Boxing Academy", "Boxing"),
])
def test_a_sport_word_inside_a_clubs_name_is_the_name(nlp, text, word):
    assert word not in activities(nlp, text)


def test_a_lower_case_running_club_is_the_running(nlp):
    assert "running" in activities(nlp, "I joined a running club and go three times a week.")


@pytest.mark.parametrize("text", [
    "Her instructor says the knee drifts in class.",
    "Sore by the end of every class on Mondays.",
    "It felt easier at Tuesday's class.",
])
def test_a_bare_class_the_subject_trains_in_is_the_session(nlp, text):
    assert "class" in activities(nlp, text)


@pytest.mark.parametrize("text", [
    "Worse sitting in class and on the bus.",
    "She teaches a Year 4 class at the local school.",
])
def test_a_schools_class_is_no_session(nlp, text):
    assert "class" not in activities(nlp, text)

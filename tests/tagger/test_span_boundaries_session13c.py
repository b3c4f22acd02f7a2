"""Span boundaries of session 13's round 3, read on the overlapping-but-not-identical ACTIVITY and
CONDITION pairs of every blind set a rule helper may read, each stated in GUIDELINES.md or shared by
two blind voices (corpora/reviews/gold_fixes_session13c_boundaries.md): a stretch of time or a task
spent in an activity, an exercise's circuit or programme, a manner word before an exercise, the full
marathon, parts and a rotation sharing one exercise head, and "in" that starts a place or a time
after a verb finding. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import activities, spans


@pytest.mark.parametrize("text, activity", [
    ("Advised hourly standing breaks at the till.", "standing breaks"),
    ("Back stiff after every long sitting block at the desk.", "sitting block"),
    ("Fit for work with 2 h seated tasks per shift.", "seated tasks"),
    ("Knee went in week two of the hill sprint block.", "hill sprint block"),
])
def test_a_stretch_of_time_or_a_task_spent_in_an_activity_joins_it(nlp, text, activity):
    assert activity in activities(nlp, text)


@pytest.mark.parametrize("text, activity", [
    ("She does the plyo circuit on Fridays.", "plyo circuit"),
    ("Keeps up the hip mobility programme most mornings.", "hip mobility programme"),
])
def test_an_exercises_circuit_or_programme_is_the_exercise(nlp, text, activity):
    assert activity in activities(nlp, text)


def test_a_squat_or_a_race_before_programme_keeps_its_own_span(nlp):
    assert activities(nlp, "Knees hurt since I began a squat program.") == ["squat"]


@pytest.mark.parametrize("text, activity", [
    ("Sore at the bottom of a deep squat.", "deep squat"),
    ("Arches flatten in the OH squat.", "OH squat"),
    ("Knees ache after jump lunges.", "jump lunges"),
    ("Add jump landings next week.", "jump landings"),
])
def test_a_manner_word_before_an_exercise_stays_in_its_span(nlp, text, activity):
    assert activity in activities(nlp, text)


def test_full_before_marathon_names_the_race(nlp):
    assert "full marathon" in activities(nlp, "Training for her first full marathon in May.")


@pytest.mark.parametrize("text, activity", [
    ("P: hip abd + ER strengthening 3x/wk.", "hip abd + ER strengthening"),
    ("P: Hip abd/ER strengthening daily.", "Hip abd/ER strengthening"),
    ("Continue PF + calf stretching twice a day.", "PF + calf stretching"),
])
def test_parts_and_a_rotation_share_one_exercise_head(nlp, text, activity):
    assert activity in activities(nlp, text)


def test_pf_before_plus_and_a_symptom_stays_the_diagnosis(nlp):
    assert "PF" in spans(nlp, "Hx of PF + calf pain last year.", "CONDITION")


@pytest.mark.parametrize("text, finding", [
    ("Gait: R midfoot collapses in late stance.", "collapses"),
    ("L pelvis drops in midstance.", "drops"),
    ("Her arch caves in the boot.", "caves"),
])
def test_in_before_a_phase_or_a_place_is_no_particle_of_the_finding(nlp, text, finding):
    assert finding in spans(nlp, text, "CONDITION")


@pytest.mark.parametrize("text, finding", [
    ("Both knees drop in on single-leg squats.", "drop in"),
    ("My foot rolls in a lot on the left.", "rolls in"),
])
def test_in_as_the_verbs_particle_stays_in_the_finding(nlp, text, finding):
    assert finding in spans(nlp, text, "CONDITION")

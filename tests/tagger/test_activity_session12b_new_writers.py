"""ACTIVITY rules of session 12, round 2, read on the new writers of set 12tr, each stated in
GUIDELINES.md or shared by two blind annotators (corpora/reviews/gold_fixes_session12b_activity.md):
a one-leg heel raise is one exercise, classes counted or taught are the activity, a bike named as
its fitting or shop staff is no ride, a movement the writer cannot even make (or push off), a bare
"STM", a rotation between the part and its exercise head, isometric exercises, a lunge measured in
cm is the exam, a distance reached in k is no race, the hyphenated desk job and exercise in
general. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import activities, labels


@pytest.mark.parametrize("text, activity", [
    ("O: Single leg heel raise L 18 / R 24.", "Single leg heel raise"),
    ("O: SL heel raise R 9 (pain 3/10).", "SL heel raise"),
    ("Single leg heel rises x 20 each side.", "Single leg heel rises"),
    ("HEP: single-leg calf raises 3x12.", "single-leg calf raises"),
])
def test_a_one_leg_prefix_stays_in_the_heel_raise(nlp, text, activity):
    assert activity in activities(nlp, text)


def test_a_leg_before_a_heel_raise_without_one_stays_apart(nlp):
    assert "heel raises" in activities(nlp, "Both calves tight; heel raises 3x15 daily.")


@pytest.mark.parametrize("text, activity", [
    ("I teach 7 classes per week at the gym.", "classes"),
    ("Since March she went up to four classes a week.", "classes"),
    ("My friend was away so I covered her classes.", "classes"),
    ("Last Monday I taught a class in bare feet.", "class"),
])
def test_classes_counted_or_taught_are_the_activity(nlp, text, activity):
    assert activity in activities(nlp, text)


def test_a_school_class_with_a_year_is_not_counted(nlp):
    assert "class" not in activities(nlp, "She sits on the floor in a Year 4 class.")


@pytest.mark.parametrize("text", [
    "Bike fit done last spring, saddle fine.",
    "The bike fitter moved my cleats.",
    "Bike shop guy says the cranks are too long.",
])
def test_a_bike_named_as_its_fitting_or_shop_staff_is_no_ride(nlp, text):
    assert not any(a.lower().startswith("bike") for a in activities(nlp, text))


def test_a_bike_shop_worked_in_stays(nlp):
    assert activities(nlp, "I work in a bike shop, standing all day.")[:1] == ["bike"]


@pytest.mark.parametrize("text, activity", [
    ("honestly i cant even kneel to put my socks on", "kneel"),
    ("I can't even squat to reach the bottom drawer.", "squat"),
    ("I cannot push off well with the left foot.", "push off"),
    ("Since the sprain she can't push off on that side.", "push off"),
])
def test_a_movement_the_writer_cannot_even_make_is_the_activity(nlp, text, activity):
    assert activity in activities(nlp, text)


def test_stm_alone_is_the_treatment(nlp):
    found = labels(nlp, "Tx: STM R lateral hamstring, heat.")
    assert ("STM", "ACTIVITY") in found


def test_stm_still_joins_the_part_before_it(nlp):
    assert "calf STM" in activities(nlp, "P: calf STM, review 1/52.")


@pytest.mark.parametrize("text, activity", [
    ("Plan: daily hip ER work and calf raises.", "hip ER work"),
    ("Tx: hip ER mobility, review Fri.", "hip ER mobility"),
])
def test_a_rotation_between_part_and_exercise_head_stays_in_the_exercise(nlp, text, activity):
    assert activity in activities(nlp, text)


@pytest.mark.parametrize("text, activity", [
    ("P: isometric calf holds 4x45 s daily.", "isometric calf holds"),
    ("Isometric adduction 5x30 s, then review.", "Isometric adduction"),
])
def test_an_isometric_exercise_is_one_span(nlp, text, activity):
    assert activity in activities(nlp, text)


@pytest.mark.parametrize("text", [
    "O: Calf lunge R 7 cm, L 11 cm.",
    "Ankle DF lunge L 9 cm / R 12 cm.",
    "Knee to wall: lunge R 10cm.",
])
def test_a_lunge_measured_in_cm_is_the_exam(nlp, text):
    assert not any("lunge" in a.lower() for a in activities(nlp, text))


def test_a_lunge_done_stays(nlp):
    assert "walking lunges" in activities(nlp, "HEP: walking lunges 3x10.")


@pytest.mark.parametrize("text", [
    "The knee goes every run after about 6k.",
    "It always starts at 8k on the dot.",
])
def test_a_distance_reached_in_k_is_no_race(nlp, text):
    assert not any(a.endswith("k") for a in activities(nlp, text))


@pytest.mark.parametrize("text, activity", [
    ("I did a 10k on Sunday with no pain.", "10k"),
    ("She started Couch to 5K in May.", "Couch to 5K"),
])
def test_a_race_named_by_its_distance_stays(nlp, text, activity):
    assert activity in activities(nlp, text)


def test_a_hyphenated_desk_job_is_the_occupation(nlp):
    assert "desk-job" in activities(nlp, "Old desk-job stiffness in the neck.")


@pytest.mark.parametrize("text", [
    "I haven't done any exercise for three years apart from gardening.",
    "Pain started after no change in exercise at all.",
    "I do very little exercise now.",
])
def test_exercise_in_general_is_the_activity(nlp, text):
    assert "exercise" in activities(nlp, text)


@pytest.mark.parametrize("text", [
    "Exercise: swimming twice a week.",
    "We stuck the exercise sheet on the fridge.",
    "Referred to Sport and Exercise Medicine.",
])
def test_a_field_label_or_compound_exercise_is_not_the_activity(nlp, text):
    assert "exercise" not in [a.lower() for a in activities(nlp, text)]


@pytest.mark.parametrize("text", [
    "Unable to bear wt 4 steps in the department.",
    "Ottawa: WB 4 steps ok, no bony TTP.",
])
def test_the_steps_of_the_weight_bearing_test_are_no_walk(nlp, text):
    assert not any("steps" in a for a in activities(nlp, text))


def test_first_steps_stay_the_activity(nlp):
    assert "First steps" in activities(nlp, "First steps AM 6/10, eases after 10 min.")


@pytest.mark.parametrize("text", [
    "Her knees ache after PE and on the walk home.",
    "He keeps sitting out of PE because of his heel.",
])
def test_a_school_pe_lesson_is_the_sport(nlp, text):
    assert "PE" in activities(nlp, text)


@pytest.mark.parametrize("text", [
    "PE: afebrile, calves soft.",
    "Hx of PE 2019, on apixaban.",
])
def test_a_pe_heading_or_embolism_is_no_sport(nlp, text):
    assert "PE" not in activities(nlp, text)


def test_mobilised_a_distance_is_walking(nlp):
    assert "Mobilised" in activities(nlp, "Mobilised 15 m to the bathroom with frame.")


def test_a_joint_mobilised_is_no_walking(nlp):
    assert "Mobilised" not in activities(nlp, "Mobilised L3/4 grade II, then heat.")


def test_sidelying_in_one_word_joins_the_movement_after_it(nlp):
    assert "sidelying abd" in activities(nlp, "HEP: clams, sidelying abd 3x12.")


def test_sidelying_as_a_tests_position_is_the_exam(nlp):
    assert activities(nlp, "Resisted abduction in sidelying 4/5.") == []

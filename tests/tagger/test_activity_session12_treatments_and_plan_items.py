"""ACTIVITY rules of session 12, each stated in GUIDELINES.md or shared by two blind annotators
(corpora/reviews/gold_fixes_session12_activity.md): a records treatment head joins the part it
treats before or after it, 'PF' before an exercise head is the fascia it works, the push-off
of a step as a noun, straightening up that the writer can barely manage, 'played' for a time,
a bare 'loading' in a plan, a body position before a part and its movement, a carer's
transfers, a posture told in the past, a phase of a sport's stroke, a journey named by its
vehicle and a trade's work named by its product. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import activities, labels


@pytest.mark.parametrize("text, activity", [
    ("P: hamstring STM, review 2/52.", "hamstring STM"),
    ("Tx: L hip adj, then home exercises.", "hip adj"),
    ("Tx: STM glute med/TFL L 8 min, calf stretch.", "STM glute med/TFL"),
    ("P: adj T12, heat, review.", "adj T12"),
    ("P: SIJ adjustment and advice.", "SIJ adjustment"),
])
def test_a_records_treatment_head_joins_the_part_it_treats(nlp, text, activity):
    assert activity in activities(nlp, text)


def test_a_side_word_between_treatment_head_and_part_leaves_the_part_alone(nlp):
    found = labels(nlp, "P: manual adj R SIJ, home stretches.")
    assert ("SIJ", "STRUCTURE") in found
    assert not any(text.startswith("adj") for text, label in found if label == "ACTIVITY")


@pytest.mark.parametrize("text, activity", [
    ("Rx: PF stretches 3x/day, taping.", "PF stretches"),
    ("Rx: calf/PF stretches, heel cups.", "calf/PF stretches"),
    ("P: PF loading program, review 4/52.", "PF loading program"),
])
def test_pf_before_an_exercise_head_is_the_fascia_it_works(nlp, text, activity):
    assert activity in activities(nlp, text)


def test_pf_alone_stays_the_diagnosis(nlp):
    assert ("PF", "CONDITION") in labels(nlp, "PF worse in the mornings, PF stretch helps.")


@pytest.mark.parametrize("text", [
    "Sore on push-off in late stance.",
    "Gait: reduced R push-off, short stride.",
])
def test_push_off_as_a_noun_is_the_movement(nlp, text):
    assert "push-off" in activities(nlp, text)


def test_straightening_up_that_the_writer_can_barely_manage_is_an_activity(nlp):
    assert "straighten up" in activities(nlp, "After the drive I can barely straighten up.")


def test_straightening_a_joint_is_no_activity(nlp):
    assert not activities(nlp, "She can't straighten her knee fully.")


def test_played_for_a_time_is_the_sport(nlp):
    assert "played" in activities(nlp, "Then I played one night in my old boots and it flared.")


def test_played_with_a_counted_game_leaves_play_to_the_game(nlp):
    assert "played" not in activities(nlp, "We played two games on Sunday.")


@pytest.mark.parametrize("text", [
    "P: calf stretch + loading, review 2/52.",
    "Walking normally. Cont. loading. Discharge next visit.",
    "Plan: graded loading, desk letter.",
])
def test_a_bare_loading_in_a_plan_is_the_exercise(nlp, text):
    assert "loading" in activities(nlp, text)


def test_loading_as_a_verb_with_its_object_is_no_activity(nlp):
    assert "loading" not in activities(nlp, "I think the foot is loading the knee, and the hip too.")


@pytest.mark.parametrize("text, activity", [
    ("HEP: side-lying hip abd 3x15, clams.", "side-lying hip abd"),
    ("HEP: standing hip abd with band, 3x10.", "standing hip abd"),
])
def test_a_body_position_before_a_part_and_its_movement_is_one_exercise(nlp, text, activity):
    assert activity in activities(nlp, text)


def test_a_part_and_its_movement_with_a_grade_stays_the_exam(nlp):
    assert ("hip abd", "STRUCTURE") in labels(nlp, "O: hip abd R 4/5, standing posture ok.")


def test_push_off_is_the_movement_at_a_sentence_end(nlp):
    assert "push-off" in activities(nlp, "Metatarsalgia, sore on push-off. No numbness.")


def test_toe_off_stays_a_gait_phase(nlp):
    assert not activities(nlp, "Hip extension limited at toe-off.")


def test_a_carers_transfers_are_an_activity(nlp):
    assert "transfers" in activities(nlp, "I do all his transfers since the stroke and my back aches.")


def test_a_bank_transfer_is_no_activity(nlp):
    assert not activities(nlp, "I made a bank transfer yesterday.")


def test_a_posture_told_in_the_past_with_its_subject_is_an_activity(nlp):
    assert "knelt" in activities(nlp, "She knelt on the floor to clean and her knee swelled.")


def test_a_past_posture_verb_with_an_object_is_no_activity(nlp):
    assert "bent" not in activities(nlp, "I bent my knee and it clicked.")


@pytest.mark.parametrize("text, activity", [
    ("Sharp over the lateral knee on the downstroke, fine otherwise.", "downstroke"),
    ("Fine in pulls once warm.", "pulls"),
    ("On video the foot rolls in on plant and the knee follows.", "plant"),
    ("He sits at the catch with the knee flopping in.", "catch"),
    ("She's been protecting it on the serve.", "serve"),
])
def test_a_phase_of_a_sports_stroke_after_a_preposition_is_its_named_action(nlp, text, activity):
    assert activity in activities(nlp, text)


def test_plant_based_and_the_catch_is_are_no_activity(nlp):
    assert not activities(nlp, "I'm on plant-based food now. The catch is that it hurts.")


@pytest.mark.parametrize("text, activity", [
    ("It's the three-hour coach trips to away games.", "coach trips"),
    ("Worse on the 3 hr bus home.", "bus"),
    ("A 40 min bus ride each way.", "bus ride"),
])
def test_a_journey_named_by_its_vehicle_is_an_activity(nlp, text, activity):
    assert activity in activities(nlp, text)


@pytest.mark.parametrize("text, activity", [
    ("Since I started doing alterations from home full time, my neck aches.", "alterations"),
    ("Then sitting writing up notes on the laptop in the car.", "writing up notes"),
])
def test_a_trades_work_named_by_its_product_is_the_occupation(nlp, text, activity):
    assert activity in activities(nlp, text)


def test_alterations_made_to_a_shoe_are_no_activity(nlp):
    assert "Alterations" not in activities(nlp, "Alterations to the shoe: heel raise 6 mm.")


def test_a_clinic_named_as_a_practice_is_no_activity(nlp):
    assert not activities(nlp, "Orthopaedic practice - consultation notes.")


def test_a_sports_practice_and_a_practice_nurse_stay(nlp):
    assert "practice" in activities(nlp, "Knee pain during and after practice x 2 mo.")
    assert "GP practice nurse" in activities(nlp, "I moved from a GP practice nurse job.")


def test_a_cut_after_a_landing_is_the_sports_change_of_direction(nlp):
    assert "cut" in activities(nlp, "It flares every time I land and cut.")


def test_a_cut_back_after_a_landing_is_no_activity(nlp):
    assert "cut" not in activities(nlp, "I landed and cut back my hours.")


def test_rebounds_after_on_are_the_named_action(nlp):
    assert "rebounds" in activities(nlp, "Fingers jammed on rebounds last season.")


def test_a_named_exercise_keeps_its_exercises(nlp):
    assert "clam exercises" in activities(nlp, "Do I keep doing the clam exercises now?")

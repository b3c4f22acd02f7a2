"""ACTIVITY rules of session 12, each stated in GUIDELINES.md or shared by two blind annotators
(corpora/reviews/gold_fixes_session12_activity.md): a records treatment head joins the part it
treats before or after it, 'PF' before an exercise head is the fascia it works, the push-off
of a step as a noun, straightening up that the writer can barely manage, 'played' for a time,
and a bare 'loading' in a plan. Sentences written for these tests."""

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

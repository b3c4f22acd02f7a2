"""ACTIVITY rules of session 14's first round, read on the new writers of the released dev set 13 and
checked on every set a rule helper may read, each stated in GUIDELINES.md or shared by two blind
voices (corpora/reviews/gold_fixes_session14_activity.md): a dance's named steps, pointe work,
rehearsals and intensives; 'play' before a day or an amount of the game; a bare hop on a leg or
counted; a season's training, sport in general and a duty worked; and the words that are no
activity: an activity word before a person, the midwife met, 'and a half', a walk in a simile of the
pain and 'in standing' as an examining position. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import activities


@pytest.mark.parametrize("text, step", [
    ("Her ankle pinches in échappés and when she rises to full pointe.", "échappés"),
    ("Her ankle pinches in échappés and when she rises to full pointe.", "full pointe"),
    ("She went en pointe last spring.", "en pointe"),
    ("Sore after tendus at the barre.", "tendus"),
])
def test_a_dance_step_or_pointe_work_is_the_activity(nlp, text, step):
    assert step in activities(nlp, text)


def test_rehearsals_are_the_activity_but_a_rehearsal_director_is_not(nlp):
    assert "rehearsals" in activities(nlp, "The knee aches after long rehearsals this month.")
    assert activities(nlp, "Copied to the rehearsal director.") == []


@pytest.mark.parametrize("text, course", [
    ("I've booked a winter intensive in July.", "winter intensive"),
    ("Should I cut back until the intensive?", "intensive"),
])
def test_a_dance_intensive_is_the_activity(nlp, text, course):
    assert course in activities(nlp, text)


def test_intensive_care_is_no_intensive(nlp):
    assert "intensive" not in activities(nlp, "Two nights in intensive care after the op.")


@pytest.mark.parametrize("text", [
    "Is he fit to play Sunday?",
    "She couldn't play the rest of the match.",
    "Will it get worse if he keeps playing??",
])
def test_play_before_a_day_an_amount_or_a_question_is_the_sport(nlp, text):
    assert any(a in ("play", "playing") for a in activities(nlp, text))


@pytest.mark.parametrize("text", [
    "Six weeks on he can hop on it without pain.",
    "Tests: hop 8 each side, sore at 5 on the left.",
])
def test_a_bare_hop_on_a_leg_or_counted_is_the_hopping(nlp, text):
    assert "hop" in activities(nlp, text)


def test_hopping_on_a_bus_is_no_hop(nlp):
    assert "hop" not in activities(nlp, "I'll hop on the bus after work.")


@pytest.mark.parametrize("text, person", [
    ("My climbing buddy thinks it is the shoes.", "climbing"),
    ("The gym owner told me to size down.", "gym"),
])
def test_an_activity_word_before_a_person_names_someone_else(nlp, text, person):
    assert person not in activities(nlp, text)


def test_the_midwife_met_is_no_occupation_but_the_writers_own_job_is(nlp):
    assert "midwife" not in activities(nlp, "At the check-up the midwife said my arches are dropping.")
    assert "midwife" in activities(nlp, "I'm a midwife, on my feet all day.")


def test_and_a_half_is_a_fraction_not_the_race(nlp):
    assert "half" not in activities(nlp, "Limped for an hour and a half after the walk.")


def test_a_walk_in_a_simile_of_the_pain_is_no_walk(nlp):
    found = activities(nlp, "The ball of my foot feels like walking on a pebble. Walking uphill is fine.")
    assert found.count("walking") + found.count("Walking") == 1


@pytest.mark.parametrize("text, activity", [
    ("Summer training started last week and the shin flared.", "Summer training"),
    ("I don't play sport at the moment.", "sport"),
    ("Knees worse after yard duty.", "yard duty"),
])
def test_season_training_sport_and_a_duty_worked_are_activities(nlp, text, activity):
    assert activity in activities(nlp, text)


def test_sports_shoes_are_no_sport(nlp):
    assert "sport" not in activities(nlp, "Wearing sport shoes to work now.")


def test_in_standing_after_a_finding_is_the_examining_position(nlp):
    assert "standing" not in activities(nlp, "O: navicular drop 8 mm in relaxed standing, R > L.")


def test_pain_in_standing_keeps_the_standing(nlp):
    assert "standing" in activities(nlp, "Pain in standing, eases when she sits.")


@pytest.mark.parametrize("text", ["Knees worse after night duty.", "Aching by the end of a 10h duty.",
                                  "Feet ache by the end of my 12 h shift."])
def test_a_duty_or_shift_named_by_its_time_is_no_activity(nlp, text):
    assert not [a for a in activities(nlp, text) if "duty" in a or "shift" in a]

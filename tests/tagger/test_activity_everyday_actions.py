"""Everyday provoking actions written the way outside writers write them (session 9): the
movement after 'hurts to', a gerund right after its symptom, getting out of a car without
its article, putting socks on, turning over in bed, a posture verb without its direction
word, and the words that look like an activity but are not (a watched sport, a massage
ball, a walking pattern). Example sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import activities


@pytest.mark.parametrize("text, activity", [
    ("The bursa is puffy and it hurts to kneel on the tiles.", "kneel"),
    ("Still sore to lie on at night.", "lie"),
    ("My big toe is painful to push off when I sprint.", "push off"),
])
def test_the_movement_after_hurts_to_is_the_activity(nlp, text, activity):
    assert activity in activities(nlp, text), activities(nlp, text)


@pytest.mark.parametrize("text", [
    "The shin is tender to touch.",
    "Sore to press over the bone.",
    "Foot not painful to load.",
])
def test_an_exam_manoeuvre_after_sore_to_is_not_an_activity(nlp, text):
    assert not activities(nlp, text), activities(nlp, text)


@pytest.mark.parametrize("text, activity", [
    ("L shoulder: stiff reaching behind my back.", "reaching"),
    ("Big toe stiffness and pain pushing off for three months.", "pushing off"),
    ("Neck: stiff turning to look over my shoulder.", "turning"),
    ("R hip: groin ache getting out of car.", "getting out of car"),
    ("My back was stiff getting out of the tent.", "getting out of the tent"),
    ("Left hip: stiff putting my socks on.", "putting my socks on"),
    ("Worse with coughing and putting on socks.", "putting on socks"),
    ("It aches most when I turn over in bed.", "turn"),
    ("The physio watched me land off a box.", "land"),
])
def test_an_everyday_action_next_to_its_symptom_is_an_activity(nlp, text, activity):
    assert activity in activities(nlp, text), activities(nlp, text)


@pytest.mark.parametrize("text, word", [
    ("I have had a dull ache running down the back of my thigh.", "running"),
    ("It is worst when I get out of bed in the morning.", "get out of bed"),
    ("I bend to put my socks on and it twinges.", "put my socks on"),
    ("My foot rolls over when I land.", "rolls"),
])
def test_a_pain_path_or_a_time_is_not_an_everyday_action(nlp, text, word):
    assert word not in activities(nlp, text), activities(nlp, text)


@pytest.mark.parametrize("text, activity", [
    ("Bending forward to tie my laces sets it off.", "Bending"),
    ("She spends her evenings hunched over a laptop.", "hunched"),
    ("It is worse when I bend over.", "bend"),
])
def test_a_posture_verb_leaves_its_direction_word_out(nlp, text, activity):
    assert activities(nlp, text) == [activity]


@pytest.mark.parametrize("text, activity", [
    ("Worse when I stand up after a long meeting.", "stand up"),
])
def test_stand_up_keeps_its_particle(nlp, text, activity):
    assert activity in activities(nlp, text)


@pytest.mark.parametrize("text, activity", [
    ("My lats are tight from all the front crawl.", "front crawl"),
    ("I swim breaststroke three times a week.", "breaststroke"),
    ("Plan: boot for four weeks, cross-train in the pool.", "cross-train"),
    ("Adult beginner skater with outer knee pain.", "skater"),
    ("Works as court reporter, sits most of the day.", "reporter"),
    ("We did move house in March and I carried boxes for days.", "move house"),
    ("I'm a regional sales rep and drive all week.", "sales rep"),
])
def test_activities_outside_writers_name(nlp, text, activity):
    assert activity in activities(nlp, text), activities(nlp, text)


@pytest.mark.parametrize("text, word", [
    ("I spend Sundays in the armchair watching the cricket.", "cricket"),
    ("If I sit on a tennis ball I can find the sore spot.", "tennis"),
    ("The physio said my walking pattern is uneven.", "walking"),
    ("A Pilates-based physio assessed me in June.", "Pilates"),
])
def test_a_word_of_an_activity_used_for_something_else_is_not_one(nlp, text, word):
    assert word not in activities(nlp, text), activities(nlp, text)


def test_a_sport_played_is_still_an_activity(nlp):
    assert "cricket" in activities(nlp, "I play cricket on Sundays and the knee aches after.")

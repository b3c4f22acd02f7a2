"""ACTIVITY frames, kind words and boundaries of session 10, each shared by two blind annotators
or stated in GUIDELINES.md (corpora/reviews/gold_fixes_session10_activity.md): reaching with a
direction, a hyphenated position before an exercise, kind words before an activity or a session
('dog walks', 'club training', 'away games'), a job's round and workplaces named as the job. Sentences
written for these tests."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import activities


@pytest.mark.parametrize("text, activity", [
    ("The shoulder only catches now when reaching for the kettle.", "reaching"),
    ("My neck twinges if I reach up to the loft hatch.", "reach"),
    ("She reached behind the sofa and felt her back go.", "reached"),
])
def test_reaching_with_a_direction_is_an_everyday_action(nlp, text, activity):
    assert activity in activities(nlp, text)


@pytest.mark.parametrize("text", [
    "The new target is out of reach this season.",
    "I'll reach out to the physio next week.",
])
def test_reach_without_a_movement_is_no_activity(nlp, text):
    assert activities(nlp, text) == []


@pytest.mark.parametrize("text, activity", [
    ("HEP: half-kneeling hip flexor stretch twice daily.", "half-kneeling hip flexor stretch"),
    ("Added tall-kneeling lunge holds this week.", "tall-kneeling lunge"),
])
def test_a_hyphenated_position_stays_with_its_exercise(nlp, text, activity):
    assert activity in activities(nlp, text)


@pytest.mark.parametrize("text, activity", [
    ("I do club training on Tuesdays and Thursdays.", "club training"),
    ("Three away games in a week wrecked my knee.", "away games"),
    ("The cup match is on Saturday.", "cup match"),
    ("The long dog walks are the worst part of the day.", "dog walks"),
])
def test_a_kind_word_stays_in_its_activity_or_session(nlp, text, activity):
    assert activity in activities(nlp, text)


@pytest.mark.parametrize("text, activity", [
    ("She plays club tennis twice a week.", "tennis"),
    ("He plays Sunday league football.", "football"),
])
def test_a_setting_before_a_sport_stays_out(nlp, text, activity):
    assert activity in activities(nlp, text)


@pytest.mark.parametrize("text, activity", [
    ("The heel gets worse as my round goes on.", "round"),
    ("Postman, walking about 16 km on his round daily.", "round"),
    ("I started at the distribution centre in March.", "distribution centre"),
    ("Retired from the sorting office last year.", "sorting office"),
])
def test_a_job_round_or_workplace_is_the_occupation(nlp, text, activity):
    assert activity in activities(nlp, text)


@pytest.mark.parametrize("text", [
    "We played a round of golf on Saturday.",
    "It was a long round trip to the clinic.",
])
def test_a_round_of_something_else_is_no_job(nlp, text):
    assert "round" not in activities(nlp, text)


@pytest.mark.parametrize("text, activity", [
    ("We added depth drops to the plyo block.", "depth drops"),
    ("P: isotonic loading once pain settles.", "isotonic loading"),
    ("Relief for a day after lizard and pigeon.", "lizard"),
    ("My hip is stiff after the commute.", "commute"),
    ("Her neck gets sore from marking in the evenings.", "marking"),
])
def test_session10_activity_words(nlp, text, activity):
    assert activity in activities(nlp, text)


@pytest.mark.parametrize("text, activity", [
    ("P: L piriformis STR, review 1/52.", "piriformis STR"),
    ("R glute med/TFL STR + loading.", "glute med/TFL STR"),
])
def test_str_is_the_records_form_of_a_release(nlp, text, activity):
    assert activity in activities(nlp, text)


@pytest.mark.parametrize("text, expected", [
    ("Pain since I signed up to a run/spin bootcamp in May.", ["run/spin bootcamp"]),
    ("I walk/jog most mornings.", ["walk", "jog"]),
])
def test_two_kinds_joined_by_a_slash_share_their_head(nlp, text, expected):
    assert activities(nlp, text) == expected


@pytest.mark.parametrize("text, activity", [
    ("Mornings are bad: she can't stand fully upright at first.", "stand"),
    ("Since the sprain I can't hop on it.", "hop"),
    ("I'm unable to kneel on the left.", "kneel"),
])
def test_a_movement_the_writer_cannot_make_is_an_activity(nlp, text, activity):
    assert activity in activities(nlp, text)


@pytest.mark.parametrize("text", [
    "Honestly I can't stand it any more.",
    "I can't bend the toe at all.",
])
def test_an_idiom_or_a_range_of_motion_after_cannot_is_no_new_activity(nlp, text):
    assert not {"stand", "stand it"} & set(activities(nlp, text))
    assert "bend the toe" not in activities(nlp, text)

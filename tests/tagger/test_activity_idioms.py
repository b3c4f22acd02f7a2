"""Words of an activity used in another sense are not ACTIVITY: idioms ('stood out', 'sitting
out of PE', 'no run-in', 'I run the junior section') and a job noun naming another person
('her teacher noticed'). Example sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import activities


@pytest.mark.parametrize("text, word", [
    ("Nothing about my walking stood out to her.", "stood"),
    ("She has stopped sitting out of games lessons.", "sitting"),
    ("He sat out the last two matches.", "sat"),
    ("A big jump in volume with no run-in.", "run"),
    ("I run the junior section at our club.", "run"),
    ("My wife runs a small business from home.", "runs"),
])
def test_an_idiom_with_an_activity_word_is_not_an_activity(nlp, text, word):
    assert word not in activities(nlp, text), activities(nlp, text)


@pytest.mark.parametrize("text, activity", [
    ("I was sitting out in the garden all afternoon.", "sitting"),
    ("I run the parkrun most Saturdays.", "parkrun"),
])
def test_the_literal_activity_stays(nlp, text, activity):
    assert activity in activities(nlp, text)


@pytest.mark.parametrize("text", [
    "Her teacher even noticed she had stopped limping.",
    "I only mention it because your receptionist's form asks.",
    "My cleaner said she had the same thing.",
])
def test_a_job_noun_after_a_possessive_names_a_person(nlp, text):
    assert not activities(nlp, text), activities(nlp, text)


@pytest.mark.parametrize("text, activity", [
    ("I'm a teacher and on my feet all day.", "teacher"),
    ("I work as a nurse on a busy ward.", "nurse"),
])
def test_the_subjects_own_job_is_an_activity(nlp, text, activity):
    assert activity in activities(nlp, text)

"""The class word after a sport or exercise that is an activity on its own stays out of the
ACTIVITY span ('[yoga] class', '[gymnastics] class': two blind annotators); after a word that
is no activity by itself it stays joined ('spin classes', 'exercise class'). Example sentences
are written for these tests."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import activities


@pytest.mark.parametrize("text, activity", [
    ("My hip is sore the morning after my yoga class.", "yoga"),
    ("She limps after every gymnastics class.", "gymnastics"),
    ("Should I skip the Pilates class this week?", "Pilates"),
    ("He has gone up to four ballet classes a week.", "ballet"),
])
def test_the_class_word_stays_out_after_a_sport(nlp, text, activity):
    assert activities(nlp, text) == [activity]


@pytest.mark.parametrize("text, activity", [
    ("Knee pain since she started spin classes in March.", "spin classes"),
    ("I joined a new exercise class on Mondays.", "exercise class"),
    ("The ache comes on top of my normal classes.", "normal classes"),
])
def test_the_class_word_stays_when_the_word_before_is_no_activity(nlp, text, activity):
    assert activity in activities(nlp, text)

"""'Leg lifts' is the listed exercise 'leg raises' in other words, so a body position before it
names how it is done and joins it ('side-lying leg lifts'), as it does for raises; 'side-lying
lifts' is the same exercise without the part. A heel lift stays the shoe insert. Example
sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import activities, labels


@pytest.mark.parametrize("text, activity", [
    ("I can barely hold a side-lying leg lift for five seconds.", "side-lying leg lift"),
    ("Still doing the side lying leg lifts every evening.", "side lying leg lifts"),
    ("Home programme: clams, side-lying lifts, bridges.", "side-lying lifts"),
    ("She showed me some leg lifts for the hip.", "leg lifts"),
])
def test_a_position_joins_leg_lifts_as_one_exercise(nlp, text, activity):
    assert activity in activities(nlp, text)
    assert ("leg", "BODY_REGION") not in labels(nlp, text)


@pytest.mark.parametrize("text, span, label", [
    ("P: heel lift in the left shoe short-term.", "heel lift", "FOOTWEAR"),
    ("Fitted heel lifts to both shoes.", "heel lifts", "FOOTWEAR"),
])
def test_a_heel_lift_stays_footwear(nlp, text, span, label):
    assert (span, label) in labels(nlp, text)

"""A cue reaches every item of the list it stands before or after (session 11: blind annotators
10 first and second reading, 8a, 7a, 9, 11tr a; the second reading of set 10 and the team's gold do
the same): "Worse when: sitting long time on the stool, bending to do pedicure"; "pain when I bend
to load the dishwasher or when I cough"; "it's the sitting and the bending forward that bring it
on". An item decided by a cue of its own keeps it; items of another label and items set apart in
brackets do not share."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import ent


@pytest.mark.parametrize(
    ("text", "target", "value"),
    [
        ("Worse when: kneeling on the tiles for a while, squatting to reach the bottom shelf.", "squatting", "aggravating"),
        ("The ache comes when I walk the dog or when I cough.", "cough", "aggravating"),
        ("It aches mainly when I walk to the bus or stand at the counter.", "stand", "aggravating"),
        ("His back is sore when he sits in the van for long or bends to lift boxes.", "bends", "aggravating"),
        ("It's the driving and the lifting that bring it on.", "driving", "aggravating"),
    ],
)
def test_a_cue_reaches_every_item_of_its_list(rules_tagger, text, target, value):
    assert ent(rules_tagger.tag(text), target).modifier == value


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # an item with a cue of its own keeps it
        ("My knee hurts when I run, and walking is fine.", "walking"),
        # an aside in brackets is no list item
        ("My knee hurts climbing stairs in our flat (fourth floor, lift is under repair).", "lift"),
        # a symptom after a list of exercises is no cue reaching back over it
        ("Since doing the clams, bridges and step-ups the ankle went from sore every run to fine.", "clams"),
    ],
)
def test_items_outside_the_cue_s_list_keep_their_own_reading(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).modifier is None

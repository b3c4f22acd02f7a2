"""A treatment or exercise that an "after" opening its clause names, followed by a stated
improvement, relieves ("After TFL release and hip mobs, stair climb pain-free today"; "Response to
treatment: after glute med work, the pain is down from 7/10 to 3/10"): it is what was done, and the
outcome says which way, not "pain after X" (session 10b: blind annotators 10tr b, 7a, and the
readings of 10tr a, 8a and 5a of treatments followed by improvement). A symptom before "after"
("spasm after deadlifts", "sore after stretching") still makes the exercise aggravating."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import ent


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("After calf stretches and hip mobs, the stairs were pain-free today.", "calf stretches"),
        ("Review: after two sessions of glute med work, the knee ache is much better.", "glute med work"),
        ("Odd thing: after the couch stretch the heel feels easier all evening.", "couch stretch"),
    ],
)
def test_a_treatment_after_an_opening_after_takes_the_improvement_that_follows(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).modifier == "relieving"


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Low back spasm after deadlifts, which cleared in a fortnight.", "deadlifts"),
        ("My back is always sore after stretching.", "stretching"),
    ],
)
def test_a_symptom_after_an_exercise_still_makes_it_aggravating(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).modifier == "aggravating"

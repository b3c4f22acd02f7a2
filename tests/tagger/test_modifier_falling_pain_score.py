"""A pain score that falls after a treatment or exercise is its stated improvement, which
relieves (GUIDELINES, session 10 third round; blind annotators 11tr a, 10, 10tr a, 8a, 5a): "Three
weeks of TFL release took the knee pain on descents from 7 to 3"; "custom orthotics 4/52 ago: knee
pain 7→2/10". An activity named just before the pain says when it hurts ("decline squat pain 6/10
-> 3/10"), and a count or a distance is no score."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import ent


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Four weeks of glute work and calf stretches took the heel pain on stairs from 6 to 2.", "glute work"),
        ("Two weeks of hip flexor stretches - knee pain down from 7/10 to 3/10.", "hip flexor stretches"),
        ("She fitted custom orthotics 6/52 ago: arch pain 8 → 3/10.", "custom orthotics"),
    ],
)
def test_a_falling_pain_score_after_a_treatment_relieves(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).modifier == "relieving"


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Post soft tissue release in session: decline squat pain 6/10 -> 3/10.", "decline squat"),
        ("I did clams and my mileage went from 9 to 5 km.", "clams"),
        ("He started a hip abductor programme and the knee pain went 3 → 7/10.", "hip abductor programme"),
    ],
)
def test_no_relief_without_a_falling_score_for_what_was_done(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).modifier != "relieving"


@pytest.mark.parametrize(
    ("text", "target", "value"),
    [
        ("It's always the long drives that set it off.", "drives", "aggravating"),
        ("Sitting for a whole shift doesn't set it off.", "Sitting", None),
    ],
)
def test_bring_it_on_and_set_it_off(rules_tagger, text, target, value):
    assert ent(rules_tagger.tag(text), target).modifier == value

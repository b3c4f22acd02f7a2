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


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("She gave me a calf stretch and a wall sit. After three weeks the heel pain is half what it was.", "calf stretch"),
        ("I have been doing the glute bridges she gave me and they have made a real difference.", "glute bridges"),
        ("Custom orthotics issued 6/52 ago: pt reports knee 2/10 from 7/10.", "Custom orthotics"),
    ],
)
def test_more_stated_improvements_after_a_treatment_relieve(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).modifier == "relieving"


def test_no_difference_after_footwear_is_no_modifier(rules_tagger):
    result = rules_tagger.tag("I bought new walking shoes and they haven't made the slightest difference. My other foot is fine.")
    assert ent(result, "walking shoes").modifier is None

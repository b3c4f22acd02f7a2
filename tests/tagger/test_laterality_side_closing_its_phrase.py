"""A side set off by commas right after its site, or after the site's finding, is the site's
(session 10b: 10tr annotator a "1996: first and only [ankle] sprain, left," and annotator b "pain
in the [inside of the knee], the left, and tired feet"; the ", left" and ", the left one" rules
already read it so right after a site)."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import ent


@pytest.mark.parametrize(
    ("text", "target", "side"),
    [
        ("Reason for visit: pain in the inside of the knee, the left, and tired feet.", "inside of the knee", "left"),
        ("My heel, the right, is the one that burns.", "heel", "right"),
        ("2004: first ankle sprain, left, tripping on a step.", "ankle", "left"),
        ("An old knee injury, right, from a skiing fall.", "knee", "right"),
        ("Calf strain, left.", "Calf", "left"),
    ],
)
def test_a_side_closing_the_phrase_after_a_site_or_its_finding_is_the_sites(rules_tagger, text, target, side):
    assert ent(rules_tagger.tag(text), target).laterality == side


@pytest.mark.parametrize(
    ("text", "target", "sided"),
    [
        ("Knee pain, left hip fine.", "Knee", "hip"),
        ("Ankle sprain, the left knee is the worry.", "Ankle", "knee"),
    ],
)
def test_a_side_opening_the_next_phrase_stays_with_the_next_site(rules_tagger, text, target, sided):
    result = rules_tagger.tag(text)
    assert ent(result, target).laterality is None
    assert ent(result, sided).laterality == "left"


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Sprained the L ankle; now the other foot aches from taking the weight.", "foot"),
        ("The right heel is sore after runs and my other heel is fine.", "heel"),
        ("I carry the baby on my right hip, so I moved her to a sling or the other hip.", "hip"),
    ],
)
def test_the_other_site_states_no_side(rules_tagger, text, target):
    # session 10b: "the other [hip]" (10tr a), "my other [heel]" (10tr b) are null: no side is stated
    result = rules_tagger.tag(text)
    assert [e for e in result.entities if e.text == target][-1].laterality is None


def test_the_opposite_site_still_takes_the_other_side(rules_tagger):
    result = rules_tagger.tag("Standing on the left leg, the opposite hip drops.")
    assert ent(result, "hip").laterality == "right"

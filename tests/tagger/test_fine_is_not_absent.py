"""'X is fine' states a region or finding normal (negated); an activity that is fine still happens."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import ent


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Walking is fine, it's the sitting that gets it.", "Walking"),
        ("Runs are fine but sitting in meetings is awful.", "Runs"),
        ("Stairs up are fine, down is worse.", "Stairs"),
        ("On days I'm mostly sitting the knee is fine.", "sitting"),
    ],
)
def test_an_activity_that_is_fine_is_not_negated(rules_tagger, text, target):
    assert not ent(rules_tagger.tag(text), target).negated


@pytest.mark.parametrize("target", ["feet", "hips", "knees"])
def test_regions_that_are_all_fine_are_negated(rules_tagger, target):
    r = rules_tagger.tag("She hasn't had any knock. Her feet, hips and knees are all fine.")
    assert ent(r, target).negated


def test_a_region_that_is_fine_is_still_negated(rules_tagger):
    assert ent(rules_tagger.tag("Her knees are fine."), "knees").negated


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("O: Foot: no TTP over the plantar fascia, no swelling.", "Foot"),
        ("R knee: no effusion, full ROM, medial facet TTP.", "knee"),
        ("Ankle/foot: no TTP, no swelling.", "Ankle"),
    ],
)
def test_an_exam_heading_is_not_negated_by_its_findings(rules_tagger, text, target):
    assert not ent(rules_tagger.tag(text), target).negated


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Numbness: no", "Numbness"),
        ("Hips/back: no problems", "Hips"),
        ("Legs: no pain, no pins and needles", "Legs"),
        ("Any back pain? No.", "back"),
    ],
)
def test_a_heading_answered_no_is_negated(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).negated

"""A side ending its clause holds for the clause's sites, "b/l" and "bilat" too, and also before a
bracket or an arrow; "b/l" carries along a "+" or "/" list as "R" does; a side in a bracket after a
site is the site's (GUIDELINES section 4, "How far a stated side reaches" and "Sides and
structures"; session 10, pooled blind annotators 9, 9s and 9n)."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import ent


@pytest.mark.parametrize(
    ("text", "target", "side"),
    [
        ("O/E: calves tight b/l. Neuro intact.", "calves", "bilateral"),
        ("Heel rise: the rearfoot stays everted b/l (no inversion seen).", "rearfoot", "bilateral"),
        ("Hip ER 4/5 bilat, no pelvic drop in SL squat.", "Hip", "bilateral"),
        ("Heel raise: rearfoot inverts b/l (tib post OK).", "rearfoot", "bilateral"),
    ],
)
def test_a_bilateral_side_ending_its_clause_sides_the_clause_sites(rules_tagger, text, target, side):
    assert ent(rules_tagger.tag(text), target).laterality == side


def test_a_side_before_an_arrow_ends_its_clause(rules_tagger):
    result = rules_tagger.tag("Ober +ve R, glute med 4-/5 R → hip abductor focus, review 2/52.")
    assert ent(result, "glute med").laterality == "right"


def test_a_clause_final_bilateral_side_stays_in_its_clause(rules_tagger):
    result = rules_tagger.tag("Calves tight b/l, hamstrings unremarkable, ankle DF full.")
    assert ent(result, "hamstrings").laterality is None
    assert ent(result, "ankle").laterality is None


def test_bilateral_carries_along_a_plus_list(rules_tagger):
    result = rules_tagger.tag("C/o: b/l medial knee pain + arch ache after long shifts.")
    assert ent(result, "arch").laterality == "bilateral"


def test_both_before_a_plural_does_not_carry_to_a_singular_site_of_a_list(rules_tagger):
    result = rules_tagger.tag("Both knees ache + heel pain after netball.")
    assert ent(result, "heel").laterality is None


@pytest.mark.parametrize(
    ("text", "target", "side"),
    [
        ("The elbow is fine now, and the old knee (the right one you strapped in May) behaves.", "knee", "right"),
        ("My hip (the left one) clicks when I climb stairs.", "hip", "left"),
    ],
)
def test_a_side_named_in_a_bracket_after_a_site_is_the_sites(rules_tagger, text, target, side):
    assert ent(rules_tagger.tag(text), target).laterality == side

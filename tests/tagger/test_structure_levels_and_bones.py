"""STRUCTURE spans for spinal levels, the sacroiliac joint, bones named by their place, and tests named
after a nerve or a bone (GUIDELINES section 4 and session 8; 8a annotator calls 1 and 14)."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import labels


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Paraspinal hypertonicity L4-S1.", "L4-S1"),
        ("Thoracic PA: stiff T3-T6.", "T3-T6"),
        ("Paraspinals TTP L3-5.", "L3-5"),
        ("Known stenosis at L2 on an old scan.", "L2"),
        ("Motion palpation: L SI fixated.", "SI"),
        ("Aching behind the inner ankle bone on long walks.", "inner ankle bone"),
        ("Pain along the lower third of the inner shin bone.", "inner shin bone"),
        ("A sore spot on my hip bone when I lie on it.", "hip bone"),
        ("Seam directly over the lateral 5th MT head.", "lateral 5th MT head"),
        ("Patellofemoral: medial facet tender.", "medial facet"),
    ],
)
def test_levels_joints_and_placed_bones_are_one_structure(nlp, text, span):
    assert (span, "STRUCTURE") in labels(nlp, text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Awaiting nerve conduction study next month.", "nerve"),
        ("The nerve tests were clear.", "nerve"),
        ("P: boot, bone health screen with the GP.", "bone"),
        ("Si je cours, mon genou fait mal.", "Si"),
    ],
)
def test_a_test_named_after_a_nerve_or_bone_is_no_structure(nlp, text, word):
    assert not any(t == word for t, label in labels(nlp, text) if label == "STRUCTURE")


def test_a_one_token_t_level_alone_is_not_tagged(nlp):
    assert not any(label == "STRUCTURE" for _, label in labels(nlp, "T1-weighted images were clear."))

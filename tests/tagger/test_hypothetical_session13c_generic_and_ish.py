"""Hypothetical, session 13 round 3: "-ish" after a diagnosis or structure is an approximate name (a
guess), and a statement about bodies in general ("tends to", "a typical picture") that names nobody's
body is generic.

Every sentence here is written for the test; none comes from the corpus.
"""

from __future__ import annotations

from tests.tagger.entity_lookup import ent


def test_ish_after_a_structure_or_diagnosis_hedges_it_not_the_pain_it_describes(rules_tagger):
    result = rules_tagger.tag("Since Sunday a plantar fasciitis-ish ache under the arch, and a TFL-ish pain at the hip.")
    assert ent(result, "plantar fasciitis").hypothetical
    assert ent(result, "TFL").hypothetical
    assert not ent(result, "ache").hypothetical
    assert not ent(result, "pain").hypothetical


def test_ish_after_an_activity_is_an_amount_not_a_guess(rules_tagger):
    result = rules_tagger.tag("Thursday: 8k tempo-ish, knee fine.")
    assert not any(e.hypothetical for e in result.entities if e.label == "ACTIVITY")


def test_tends_to_in_a_sentence_naming_nobody_is_generic(rules_tagger):
    text = "When the arch drops, the shin tends to rotate inwards and the knee follows."
    result = rules_tagger.tag(text)
    assert ent(result, "shin").hypothetical
    assert ent(result, "knee").hypothetical


def test_tends_to_about_a_persons_own_body_stays_real(rules_tagger):
    result = rules_tagger.tag("My hip tends to stiffen after long drives.")
    assert not ent(result, "hip").hypothetical
    result = rules_tagger.tag("Pt reports the heel tends to ache on waking.")
    assert not ent(result, "heel").hypothetical


def test_a_typical_picture_named_for_nobody_is_generic(rules_tagger):
    result = rules_tagger.tag("The typical presentation is a sore shin after hills, worse at night.")
    assert ent(result, "shin").hypothetical


def test_typical_naming_the_patients_own_week_stays_real(rules_tagger):
    result = rules_tagger.tag("Typical week: 3 runs, knee sore after the long one.")
    assert not ent(result, "knee").hypothetical

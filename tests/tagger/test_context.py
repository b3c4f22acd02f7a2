"""ConText assertions: negation, history, hypotheticals, other people's bodies."""

from __future__ import annotations

import pytest


def attrs(result, text):
    e = next(e for e in result.entities if e.text == text)
    return {k for k in ("negated", "historical", "hypothetical", "other_subject") if getattr(e, k)}


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Negative for numbness.", "numbness"),
        ("Numbness: none", "Numbness"),
        ("No further swelling since the weekend.", "swelling"),
        ("Pt denies tingling in the L foot.", "tingling"),
        ("(-) numbness, worse stairs", "numbness"),
        ("Any numbness or tingling? No.", "tingling"),
        ("She has no knee pain at all.", "pain"),
        ("Without pain on stairs now.", "pain"),
    ],
)
def test_negation_triggers_that_other_tools_miss(rules_tagger, text, target):
    assert "negated" in attrs(rules_tagger.tag(text), target)


def test_coordinated_negation_covers_every_item(rules_tagger):
    r = rules_tagger.tag("No numbness, tingling or swelling in the legs.")
    assert {"numbness", "tingling", "swelling"} <= {e.text for e in r.entities if e.negated}


@pytest.mark.parametrize("joiner", ["but", "however", "although"])
def test_negation_scope_stops_at_a_contrast(rules_tagger, joiner):
    r = rules_tagger.tag(f"No back pain {joiner} my knee aches on stairs.")
    assert "negated" in attrs(r, "back")
    assert "negated" not in attrs(r, "knee")
    assert "negated" not in attrs(r, "aches")


def test_negation_scope_stops_at_the_sentence_end(rules_tagger):
    r = rules_tagger.tag("No numbness. Pain in the right heel every morning.")
    assert "negated" not in attrs(r, "Pain") and "negated" not in attrs(r, "heel")


def test_an_ehr_list_item_is_negated_alone(rules_tagger):
    r = rules_tagger.tag("R knee pain x3/52, (-) numbness, tight hip flexors, desk job")
    assert "negated" in attrs(r, "numbness")
    assert not attrs(r, "hip flexors") and not attrs(r, "desk job")


@pytest.mark.parametrize(
    ("text", "target", "attribute", "trigger"),
    [
        ("I was thinking quadratus, maybe.", "quadratus", "hypothetical", "I was thinking"),
        ("Could it be my TFL?", "TFL", "hypothetical", "Could it be"),
        ("I'm supposed to run a half in May.", "run", "hypothetical", "supposed to"),
        ("I used to get shin splints at school.", "shin splints", "historical", "used to"),
        ("Hx of L ankle sprain.", "sprain", "historical", "Hx of"),
        ("My mum's flat feet gave her bunions.", "flat feet", "other_subject", "My mum's"),
        ("FHx: father had sciatica.", "sciatica", "other_subject", "FHx"),
    ],
)
def test_assertions_carry_their_trigger_phrase(rules_tagger, text, target, attribute, trigger):
    r = rules_tagger.tag(text)
    e = next(e for e in r.entities if e.text == target)
    assert getattr(e, attribute)
    assert any(t.attribute == attribute and t.text == trigger for t in e.triggers)


def test_my_own_pain_after_a_relative_is_not_other_subject(rules_tagger):
    r = rules_tagger.tag("My sister has plantar fasciitis and I have knee pain.")
    assert "other_subject" in attrs(r, "plantar fasciitis")
    assert "other_subject" not in attrs(r, "knee")


def test_a_pseudo_trigger_does_not_negate(rules_tagger):
    r = rules_tagger.tag("No change in the heel pain after the injection.")
    assert "negated" not in attrs(r, "pain")

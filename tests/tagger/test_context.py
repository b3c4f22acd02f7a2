"""ConText assertions: negation, history, hypotheticals, other people's bodies."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import attrs


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
        # session 10: what the writer "used to get" has its own rule (the activity it came with stays current)
        ("I used to get shin splints at school.", "shin splints", "historical", "I used to get"),
        ("I used to run marathons.", "run", "historical", "used to"),
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


# -- rule options added in session 3 -------------------------------------------------------------
@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ({"literal": "x", "category": "HYPOTHETICAL", "direction": "FORWARD", "scope": "paragraph"}, "scope must be"),
        ({"literal": "x", "category": "HYPOTHETICAL", "direction": "BACKWARD", "scope": "line"}, "forward only"),
        ({"literal": "x", "category": "HYPOTHETICAL", "direction": "FORWARD", "labels": ["SYMPTOMS"]}, "labels must be"),
    ],
)
def test_rule_options_are_validated(rule, message):
    from tagger.pipeline.context import validate_rule

    with pytest.raises(ValueError, match=message):
        validate_rule(rule, "rule 1")


def test_every_shipped_context_rule_is_valid_and_round_trips(tmp_path):
    import json

    from tagger.pipeline.context import validate_rule
    from tagger.pipeline.rules import data_file, read_jsonl, rules_to_disk

    rules = read_jsonl(data_file("context_rules.jsonl"))
    for i, rule in enumerate(rules):
        validate_rule(rule, f"rule {i + 1}")
    rules_to_disk(tmp_path / "r.jsonl", rules)
    assert [json.loads(line) for line in (tmp_path / "r.jsonl").read_text().splitlines()] == rules


def test_a_question_mark_touching_a_word_does_not_open_a_backward_scope(rules_tagger):
    r = rules_tagger.tag("Tender TFL ?ITBS.")
    assert "hypothetical" not in attrs(r, "TFL")


def test_a_labelled_rule_marks_only_its_labels(rules_tagger):
    r = rules_tagger.tag("Why do my knees ache after running?")
    assert "hypothetical" not in attrs(r, "knees")
    assert "hypothetical" not in attrs(r, "ache")


def test_a_plan_line_scope_stops_at_the_line_break(rules_tagger):
    r = rules_tagger.tag("P: glute bridges, walking daily.\nPt runs 20 km/wk.")
    assert "hypothetical" in attrs(r, "walking")
    assert "hypothetical" not in attrs(r, "runs")

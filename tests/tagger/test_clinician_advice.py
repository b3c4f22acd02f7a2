"""What a clinician advises or thinks would help is a plan: hypothetical on the activity or shoe."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import ent


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("I think he would benefit from more walking breaks at work.", "walking breaks"),  # session 13c: "breaks" joins
        ("She may benefit from orthotics in her work boots.", "orthotics"),
        ("I have asked him to keep the sandals for short spells only.", "sandals"),
        ("Advised to avoid prolonged standing for two weeks.", "standing"),
        ("Advice on his sitting posture given.", "sitting"),
    ],
)
def test_a_clinicians_advice_is_a_plan(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).hypothetical


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # the advice opens no scope over a region or a symptom
        ("I have asked her to rest the knee.", "knee"),
        # the writer's own request for advice
        ("I'm hoping for advice about my running.", "running"),
    ],
)
def test_advice_marks_only_what_is_advised(rules_tagger, text, target):
    assert not ent(rules_tagger.tag(text), target).hypothetical


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Worth checking your hips, mate.", "hips"),
        ("Might be worth trying orthotics for a month.", "orthotics"),
    ],
)
def test_a_suggestion_that_something_is_worth_doing_is_hypothetical(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).hypothetical

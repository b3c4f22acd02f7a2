""""may have" hedges the finding it puts forward as "might" does ("the tendon may have [weakened]");
what a writer is worried about is a feared condition or a plan, not a body part they already have
("I'm most worried about the [hip]" is real); a hedged link ("X is probably why Y") leaves the
effect Y real. GUIDELINES "Settled in session 9", Hypothetical: a
hedge reaches what it hedges; session 10: blind annotators 9 and 9s."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import ent


def test_may_have_hedges_the_finding_after_it(rules_tagger):
    result = rules_tagger.tag("The podiatrist said the arch may have collapsed a little after the sprain.")
    assert ent(result, "collapsed").hypothetical
    assert not ent(result, "sprain").hypothetical


def test_a_body_part_one_is_worried_about_is_real(rules_tagger):
    result = rules_tagger.tag("Honestly I'm more worried about my knee than the foot now.")
    assert not ent(result, "knee").hypothetical


def test_a_feared_condition_one_is_worried_about_stays_hypothetical(rules_tagger):
    result = rules_tagger.tag("I'm worried about a stress fracture because the pain is so focal.")
    assert ent(result, "stress fracture").hypothetical


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The podiatrist said my flat arch is 'probably why your calf is so tight'.", "calf"),
        ("She reckons the long drives are probably what stiffened the hip.", "hip"),
        ("Her arch drops and the knee falls in, and that's probably why the shin aches.", "shin"),
    ],
)
def test_a_hedged_link_leaves_the_effect_it_explains_real(rules_tagger, text, target):
    # "X is probably why Y": the link is the guess; Y happens (session 10: 9, 9s, 7a)
    assert not ent(rules_tagger.tag(text), target).hypothetical


def test_a_hedged_diagnosis_stays_hypothetical(rules_tagger):
    assert ent(rules_tagger.tag("It's probably plantar fasciitis."), "plantar fasciitis").hypothetical

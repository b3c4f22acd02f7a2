"""Session 12, round 2 (corpora/reviews/gold_fixes_session12b_assert2.md): a "no" right before an
activity or shoe in a plan's line forbids it: the item is planned, not absent."""

from __future__ import annotations

from tests.tagger.entity_lookup import ent


def test_a_plan_forbidding_an_activity_hedges_it_without_negating_it(rules_tagger):
    result = rules_tagger.tag("P: ice 20 min, calf raises daily. No football. Cut to 20 km/wk, no hill reps x 2 wks.")
    assert ent(result, "football").hypothetical
    assert not ent(result, "football").negated
    assert not ent(result, "hill reps").negated


def test_a_denial_outside_a_plan_still_negates(rules_tagger):
    result = rules_tagger.tag("S: No football since the injury. Knee sore on stairs.")
    assert ent(result, "football").negated

"""Session 12, round 2 (corpora/reviews/gold_fixes_session12b_assert2.md): what a relative says, thinks
or has noticed names the subject's problem (GUIDELINES s11); a relative who has a problem keeps it."""

from __future__ import annotations

from tests.tagger.entity_lookup import ent


def test_a_relatives_theory_names_the_patients_problem(rules_tagger):
    result = rules_tagger.tag("Pt c/o L heel pain x4/52. Husband thought heel pain = plantar fasciitis, GP bloods normal.")
    assert not ent(result, "pain", nth=1).other_subject
    assert not ent(result, "plantar fasciitis").other_subject


def test_a_relative_who_has_noticed_reports_the_patients_finding(rules_tagger):
    result = rules_tagger.tag("Pt c/o R knee pain. Daughter has noticed her limping at home.")
    assert not ent(result, "limping").other_subject


def test_a_relative_who_has_a_problem_keeps_it(rules_tagger):
    result = rules_tagger.tag("Pt c/o R knee pain. Her husband has plantar fasciitis.")
    assert ent(result, "plantar fasciitis").other_subject

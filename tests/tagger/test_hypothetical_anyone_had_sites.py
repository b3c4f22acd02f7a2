"""In a question to readers about their own experience ("Has anyone had foot pain from the hip?")
the sites and symptoms it names are the readers' (other_subject, GUIDELINES session 9), not a
guess of the writer's: they are not hypothetical (session 10b: blind annotators 10tr a, 9 and 7a).
A treatment asked about stays hypothetical ("Anyone had the psoas release done?")."""

from __future__ import annotations

from tests.tagger.entity_lookup import ent


def test_the_sites_of_an_anyone_had_question_are_not_hypothetical(rules_tagger):
    result = rules_tagger.tag("Has anyone had the outer knee go from a tight hip?")
    assert not ent(result, "outer knee").hypothetical
    assert not ent(result, "hip").hypothetical


def test_a_body_part_in_an_anyone_else_had_question_is_the_readers(rules_tagger):
    result = rules_tagger.tag("Anyone else had knee pain from a flat foot?")
    assert not ent(result, "knee").hypothetical
    assert ent(result, "knee").other_subject


def test_a_treatment_in_an_anyone_had_question_stays_hypothetical(rules_tagger):
    result = rules_tagger.tag("Anyone had dry needling for this?")
    assert ent(result, "dry needling").hypothetical

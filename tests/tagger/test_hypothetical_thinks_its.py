"""Someone's theory "thinks it's X" hedges the structures, findings and shoes it names, also when the
theorist is named far before the verb ("The osteo I saw last spring thinks it's [piriformis
syndrome]"); the activities it describes stay real (GUIDELINES "Settled in session 9",
Hypothetical; session 10: blind annotators 9 and 9s, the team gold)."""

from __future__ import annotations

from tests.tagger.entity_lookup import ent


def test_a_theory_after_a_long_subject_hedges_the_condition_it_names(rules_tagger):
    result = rules_tagger.tag("The osteo I saw last spring thinks it's piriformis syndrome from all the sitting.")
    assert ent(result, "piriformis syndrome").hypothetical


def test_a_theory_hedges_the_shoes_it_names(rules_tagger):
    result = rules_tagger.tag("My running club friend reckons it's the new trainers, but I'm not sure.")
    assert ent(result, "trainers").hypothetical


def test_the_activity_a_theory_describes_stays_real(rules_tagger):
    result = rules_tagger.tag("The physio thinks it's just the tendon itself from all the jumping.")
    assert ent(result, "tendon").hypothetical
    assert not ent(result, "jumping").hypothetical


def test_a_plain_report_is_no_theory(rules_tagger):
    result = rules_tagger.tag("She said it is plantar fasciitis and gave me calf stretches.")
    assert not ent(result, "plantar fasciitis").hypothetical

"""Historical reading of session 12, round 2 (corpora/reviews/gold_fixes_session12b_assert2.md): a
complaint said to be over is over at its earlier mentions too, for the same person and place
(GUIDELINES, session 11). Session 14's ruling B (GUIDELINES "Settled in session 14 by the lead") reads each entry
of a multi-visit record at its own time: the end reaches back within its own entry, not to the visits before it
(corpora/reviews/gold_fixes_session14b_historical.md)."""

from __future__ import annotations

from tests.tagger.entity_lookup import ent

SERIES = ("Visit 1 - 02/03/2026\n"
          "S: L knee pain going down stairs, 6/10. Also L low back sore after gardening.\n"
          "A: L ITBS. Tight ITB L.\n\n"
          "Visit 2 - 16/03/2026\n"
          "S: L low back still sore by evening but less. Knee 3/10.\n"
          "A: L ITBS.\n\n"
          "Visit 3 - 30/03/2026\n"
          "S: Back fine now.\n"
          "A: L ITBS resolved. Low back pain resolved.\n")


def test_a_condition_resolved_at_the_last_visit_stays_current_at_the_earlier_visits(rules_tagger):
    result = rules_tagger.tag(SERIES)
    assert not ent(result, "ITBS", nth=0).historical
    assert not ent(result, "ITBS", nth=1).historical
    assert ent(result, "ITBS", nth=2).historical  # the end's own mention


def test_an_earlier_visits_pain_of_the_place_that_ended_stays_current(rules_tagger):
    result = rules_tagger.tag(SERIES)
    assert not ent(result, "sore", nth=1).historical  # "L low back still sore" at visit 2
    assert not ent(result, "low back", nth=1).historical


def test_a_later_visit_saying_how_the_part_is_now_stays_current(rules_tagger):
    result = rules_tagger.tag(SERIES)
    assert not ent(result, "Back").historical  # "Back fine now." is no mention of the pain


def test_an_end_reaches_back_only_to_its_own_place_and_kind(rules_tagger):
    result = rules_tagger.tag("Heel pain on first steps and ankle swelling after netball. Review: ankle swelling "
                              "resolved. Heel still painful.")
    assert not ent(result, "pain").historical
    assert ent(result, "swelling", nth=0).historical


def test_an_ache_settled_with_a_treatment_is_over_and_at_its_earlier_mentions_in_one_account(rules_tagger):
    result = rules_tagger.tag("R lateral hip ache, comes and goes, worse on stairs. "
                              "R lateral hip ache settled with the insoles. Heel still sore.")
    assert ent(result, "ache", nth=1).historical
    assert ent(result, "ache", nth=0).historical
    assert not ent(result, "sore").historical


def test_an_ache_settled_at_a_later_visit_stays_current_at_the_earlier_visit(rules_tagger):
    result = rules_tagger.tag("Visit 1: R lateral hip ache, comes and goes.\n"
                              "Visit 2: R lateral hip ache settled with the insoles. Heel still sore.")
    assert ent(result, "ache", nth=1).historical
    assert not ent(result, "ache", nth=0).historical


def test_a_pain_that_settles_with_rest_is_a_pattern_not_an_end(rules_tagger):
    result = rules_tagger.tag("Knee pain on runs, settles with rest.")
    assert not ent(result, "pain").historical

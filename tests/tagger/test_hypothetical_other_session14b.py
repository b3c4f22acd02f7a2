"""Hypothetical and other_subject, session 14 round 2: what a relative or lay person says the
problem is, is a lay theory about the writer's problem (hedged, and not theirs); "says it's because
of" and regional kin words reach the older lay-theory rule; a request's "Question:" line asks about
the diagnosis on it; a part with "a/an" that strikes the writer is someone else's.

Every sentence here is written for the test; none comes from the corpus.
"""

from __future__ import annotations

from tests.tagger.entity_lookup import ent


def test_a_relatives_say_so_about_the_problem_is_a_lay_theory_not_their_own(rules_tagger):
    result = rules_tagger.tag("My sister Aoife says the heel is bursitis because she had bursitis once.")
    assert ent(result, "bursitis").hypothetical
    assert not ent(result, "bursitis").other_subject
    assert not ent(result, "heel").other_subject


def test_a_friends_say_so_about_the_shoes_hedges_the_shoes(rules_tagger):
    result = rules_tagger.tag("My mate reckons these trail shoes are too narrow for me.")
    assert ent(result, "trail shoes").hypothetical
    assert not ent(result, "trail shoes").other_subject


def test_the_part_a_lay_theory_is_about_stays_real(rules_tagger):
    result = rules_tagger.tag("My wife says the Achilles is tendinitis.")
    assert not ent(result, "Achilles").hypothetical


def test_what_a_friend_says_they_saw_on_the_writer_stays_real(rules_tagger):
    result = rules_tagger.tag("My friend said my left knee collapses inward when I squat.")
    assert not ent(result, "collapses inward").hypothetical


def test_a_lay_theory_naming_a_cause_reaches_past_because(rules_tagger):
    result = rules_tagger.tag("My tita says it's because of flat feet, she has flat feet too.")
    assert ent(result, "flat feet").hypothetical


def test_a_request_question_line_asks_about_its_diagnosis(rules_tagger):
    result = rules_tagger.tag("Clinical info: pain 2nd MT on hopping.\nQuestion: stress fracture?\nThanks.")
    assert ent(result, "stress fracture").hypothetical
    result = rules_tagger.tag("Question to be answered: suitability for L TKR.\nBMI 31.")
    assert ent(result, "TKR").hypothetical


def test_a_request_question_line_ends_at_its_line(rules_tagger):
    result = rules_tagger.tag("Question: suitability for L TKR.\nPMH: gout.")
    assert not ent(result, "gout").hypothetical


def test_a_part_that_strikes_the_writer_is_someone_elses(rules_tagger):
    result = rules_tagger.tag("Late in the game I took a knee right into my left thigh.")
    assert ent(result, "knee").other_subject
    assert not ent(result, "thigh").other_subject
    result = rules_tagger.tag("Got caught by an elbow in sparring last night.")
    assert ent(result, "elbow").other_subject


def test_kneeling_or_an_injury_named_by_the_part_stays_the_writers(rules_tagger):
    result = rules_tagger.tag("I got a knee injury at netball and took a knee to rest.")
    assert not ent(result, "knee").other_subject
    assert not ent(result, "knee", nth=1).other_subject


def test_a_goals_heading_with_a_bracketed_qualifier_opens_a_goals_line(rules_tagger):
    result = rules_tagger.tag('Goals (pt): "get back to dancing at the club" by visit 6.\nO: gait antalgic.')
    assert ent(result, "dancing").hypothetical
    assert not ent(result, "antalgic").hypothetical


def test_short_and_long_term_goal_labels_open_a_goals_line(rules_tagger):
    result = rules_tagger.tag("STG: walk 10 min on flat.\nLTG: return to tennis doubles.")
    assert ent(result, "walk").hypothetical
    assert ent(result, "tennis").hypothetical

"""other_subject, session 13 round 3: a relative's or friend's own aside between the noun and its verb
of having (a bracket, or a relative clause holding "me") does not end the clause: what the verb has is
theirs.

Every sentence here is written for the test; none comes from the corpus.
"""

from __future__ import annotations

from tests.tagger.entity_lookup import ent


def test_a_bracket_after_a_relative_does_not_end_the_relatives_clause(rules_tagger):
    text = "My knee is fine now. My cousin (the one in Leeds) has plantar fasciitis in the left heel."
    result = rules_tagger.tag(text)
    assert ent(result, "plantar fasciitis").other_subject
    assert ent(result, "heel").other_subject
    assert not ent(result, "knee").other_subject


def test_an_object_pronoun_inside_a_relatives_relative_clause_keeps_the_relative_as_owner(rules_tagger):
    result = rules_tagger.tag("My ankle aches. My brother who cycles with me has a bad hip.")
    assert ent(result, "hip").other_subject
    assert not ent(result, "ankle").other_subject


def test_a_relative_telling_me_about_my_body_does_not_own_it(rules_tagger):
    result = rules_tagger.tag("My sister (a nurse) told me my ankle was swollen.")
    assert not ent(result, "ankle").other_subject

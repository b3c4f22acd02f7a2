"""A question by the writer about what they may, can or need to do makes the activity or footwear it
names hypothetical ("Am I allowed to wear [shoes] on the sand?", "is there a better [stretch] I can
do?"), as "should I" does (GUIDELINES section 4, "hypothetical"; session 10: blind annotators 9, 9s,
7a and 8a, and the team gold). A why-question and a statement stay as they are."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import ent


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Am I allowed to wear trainers on the court or is that frowned upon?", "trainers"),
        ("Is there a better stretch for this that I can do on the train?", "stretch"),
        ("Can I still go to netball on Thursday?", "netball"),
        ("Do I need to stop cycling to work for a while?", "cycling"),
        ("Is there any point wearing the insoles in my work boots?", "insoles"),
    ],
)
def test_a_may_i_question_makes_what_it_names_hypothetical(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).hypothetical


def test_a_why_question_leaves_the_activity_it_happens_in_real(rules_tagger):
    result = rules_tagger.tag("Is there a reason my heel hurts when I run on the grass at the park?")
    assert not ent(result, "run").hypothetical


def test_a_statement_with_can_i_is_no_question(rules_tagger):
    result = rules_tagger.tag("Now I can do the stairs without stopping, and I can walk to work.")
    assert not ent(result, "stairs").hypothetical

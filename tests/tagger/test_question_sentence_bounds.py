""""is that"/"is it"/"is this" ask only when their own sentence ends in a question mark: the check
reads the sentence splitter's bounds, so a question in the next sentence does not reach back
across a "..." that ends the first one (session 10, the ``_ends_in_question`` debt)."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import ent


@pytest.mark.parametrize(
    "text",
    [
        "The odd thing is that my arch holds up fine... Is the hip the cause?",
        "The odd thing is that my arch holds up fine\u2026 Is the hip the cause?",
    ],
)
def test_a_question_in_the_next_sentence_does_not_make_a_statement_ask(rules_tagger, text):
    assert not ent(rules_tagger.tag(text), "arch").hypothetical


def test_is_that_in_a_question_still_asks(rules_tagger):
    result = rules_tagger.tag("My back is stiff too. Is that a nerve thing from my back?")
    assert ent(result, "nerve").hypothetical


def test_is_that_in_a_statement_states(rules_tagger):
    result = rules_tagger.tag("The strange thing is that after her session my arch holds.")
    assert not ent(result, "arch").hypothetical

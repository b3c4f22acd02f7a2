"""other_subject readings added in session 10 (corpora/reviews/gold_fixes_session10_hist.md):
other people named by what they do ("the nurses") are someone else's, and a person word the
pipeline read as footwear ("his old runners") owns nothing."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import ent


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("I've been through clogs like the nurses wear and a pair of Birkenstocks.", "nurses"),
        ("The other runners at my club all wear Hokas.", "runners"),
        ("The cyclists in my group never stretch.", "cyclists"),
    ],
)
def test_other_people_named_by_what_they_do_are_someone_else(rules_tagger, text, people):
    assert ent(rules_tagger.tag(text), people).other_subject


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("I'm one of those runners who never stretches.", "runners"),
        ("The runners like me who sit all day get tight hips.", "runners"),
        ("I do the squats and the lunges twice a week.", "squats"),
    ],
)
def test_activity_the_writer_counts_in_is_not_someone_else(rules_tagger, text, people):
    assert not ent(rules_tagger.tag(text), people).other_subject


def test_person_word_read_as_footwear_owns_nothing(rules_tagger):
    result = rules_tagger.tag("Hip much better on wknds in his old runners with the orthotics he was given for heel "
                              "pain years ago.")
    assert ent(result, "runners").label == "FOOTWEAR"
    assert not ent(result, "orthotics").other_subject

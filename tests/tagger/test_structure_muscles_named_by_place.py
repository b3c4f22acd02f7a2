"""Muscles named by where they sit on a region are one STRUCTURE span, the place phrase included
(session 10b: 10tr annotator a soap-10148 and email-10007, session-9 annotator forum-2033; the
'muscles of the buttock' pattern already held the plain 'of' form)."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import labels


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("She said the muscles on the side of the hip are weak.", "muscles on the side of the hip"),
        ("The muscles of the side of my hip tire on long walks.", "muscles of the side of my hip"),
        ("The muscles on the outside of the hip work overtime.", "muscles on the outside of the hip"),
        ("I have been told the muscles at the back of the hip are lazy.", "muscles at the back of the hip"),
    ],
)
def test_muscles_named_by_their_place_on_the_hip_are_one_structure(nlp, text, span):
    assert (span, "STRUCTURE") in labels(nlp, text)


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("The pain sits on the side of the hip.", "side of the hip"),
        ("A bruise on the outside of my hip after the fall.", "outside of my hip"),
    ],
)
def test_a_place_on_the_hip_without_muscles_stays_a_region(nlp, text, region):
    tagged = labels(nlp, text)
    assert not any(label == "STRUCTURE" for _, label in tagged)


def test_a_side_word_keeps_the_place_out_of_the_muscle_span(nlp):
    # side words are not part of a span (GUIDELINES section 4): "both hips" keeps its side
    assert ("muscles at the front of both hips", "STRUCTURE") not in labels(nlp, "The muscles at the front of both hips were tight.")

"""A bone named in lay words by its shape is one STRUCTURE span with the shape word, as 'bony bit'
and 'bony point' are (GUIDELINES session 10; session 10b: 10tr annotator a 'pea-shaped bones',
'knobbly bit', annotator b 'round bone', 'second/third long bone')."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import labels


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("It hurts just under the round bone on the inside of my ankle.", "round bone"),
        ("One sore spot on the top of the foot, the 2nd/3rd long bone.", "2nd/3rd long bone"),
        ("The fourth long bone of my foot is tender to press.", "fourth long bone"),
        ("The doctor said the two pea-shaped bones under my big toe are inflamed.", "pea-shaped bones"),
        ("It aches on the knobbly bit at the side of my knee.", "knobbly bit"),
    ],
)
def test_a_bone_named_by_its_shape_is_one_structure(nlp, text, span):
    assert (span, "STRUCTURE") in labels(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "After a long run and a round of golf my calf was tight.",
        "A long walk in the round shoes was fine.",
    ],
)
def test_shape_words_without_a_bone_are_no_structure(nlp, text):
    assert not any(label == "STRUCTURE" for _, label in labels(nlp, text))

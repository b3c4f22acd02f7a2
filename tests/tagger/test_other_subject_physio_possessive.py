"""other_subject, session 11: a physio's possessive names what the physio gave or read, not the
physio's own body. Every sentence is written for the test.
"""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import ent


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The physio's calf raises have helped the heel a lot.", "calf raises"),
        ("Physio's view: the overpronation is loading the knee.", "overpronation"),
        ("She wears the physio's insoles in her school shoes.", "insoles"),
    ],
)
def test_what_a_physio_gives_or_reads_is_the_subjects(rules_tagger, text, target):
    assert not ent(rules_tagger.tag(text), target).other_subject


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The physio's own knee was sore after the marathon.", "knee"),
        ("My husband's knee hurts on the stairs.", "knee"),
    ],
)
def test_a_physios_or_a_relatives_body_stays_theirs(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).other_subject

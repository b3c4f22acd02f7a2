"""An activity named by the person who does it says who the patient is, not what changes the
complaint (session 11: blind annotators 9, 9n, 5a, 10, 8a, 7a, 10tr a; in the non-test gold no such
noun has a modifier): "60M golfer, R hip ache", "Ben (rugby, flanker): knee sore", "organist"."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import ent


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("S: 58M golfer, L lateral hip ache x2m.", "golfer"),
        ("Ben (rugby, winger): front of R knee sore on squats.", "winger"),
        ("Kofi (40, marathoner) - L knee pain on the inside for 3 weeks.", "marathoner"),
    ],
)
def test_a_person_noun_takes_no_modifier(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).modifier is None


def test_the_machine_still_takes_the_cue(rules_tagger):
    result = rules_tagger.tag("Worse: deep squats, the catch position on the rower.")
    assert ent(result, "rower").modifier == "aggravating"

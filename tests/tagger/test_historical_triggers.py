"""Historical triggers: how far "used to" reaches, and "at uni" as a present state."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import ent


def test_used_to_reaches_a_list_of_past_settings(rules_tagger):
    r = rules_tagger.tag("He used to complain about his shins after every football match and every long walk home.")
    assert ent(r, "walk").historical


def test_used_to_still_stops_at_now(rules_tagger):
    r = rules_tagger.tag("I used to swim a lot but now I mostly cycle to work every day.")
    assert not ent(r, "cycle").historical


@pytest.mark.parametrize(
    "text",
    [
        "She's 20, second year at uni, rowing in the first boat.",
        "He is at university now and running for the club.",
    ],
)
def test_being_at_uni_now_is_not_the_past(rules_tagger, text):
    r = rules_tagger.tag(text)
    assert not ent(r, "rowing" if "rowing" in text else "running").historical


def test_what_was_done_at_uni_is_the_past(rules_tagger):
    assert ent(rules_tagger.tag("I played hockey at uni."), "hockey").historical

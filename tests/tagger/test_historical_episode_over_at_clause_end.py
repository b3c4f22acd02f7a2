"""historical: an episode said to be over at the end of its clause (session 10b; GUIDELINES s9, "a
past episode said to be over in plain words"). Every sentence is written for the test.
"""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import ent


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Her calf strain has settled; the new problem is the right heel.", "calf"),
        ("Update: the hip thing is gone. I still get a sore heel on long walks.", "hip"),
        ("The blisters have healed now, but the arch aches after a shift.", "blisters"),
        ("That old shoulder niggle has completely cleared.", "shoulder"),
    ],
)
def test_an_episode_said_to_be_over_at_its_clause_end_is_historical(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).historical


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # easing is not over
        ("The knee has settled a lot since the insoles, maybe 60%.", "knee"),
        ("The arch pain is gone for the evening after the stretches.", "arch"),
        # the current complaint beside the over one
        ("Her calf strain has settled; the new problem is the right heel.", "heel"),
        ("The swelling has gone down but the ankle is still stiff.", "ankle"),
    ],
)
def test_easing_or_the_current_complaint_stays_current(rules_tagger, text, target):
    assert not ent(rules_tagger.tag(text), target).historical

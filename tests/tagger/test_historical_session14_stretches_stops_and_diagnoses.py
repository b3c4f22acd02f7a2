"""historical, session 14: a complaint told in the simple past with a closed stretch of time is over; an activity
not done since a point has stopped; a condition diagnosed at a past date goes on; a length before "hx" is the current
complaint's (
`corpora/reviews/gold_fixes_session14_historical.md`). Every sentence is written for the test.
"""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import ent


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("I wore my old sandals to the wedding, and the ankles were sore for three days after.", "sore"),
        ("I wore my old sandals to the wedding, and the ankles were sore for three days after.", "ankles"),
        ("After the tooth op my jaw was stiff for a couple of weeks.", "stiff"),
        ("I limped for a year with it before anyone looked at my foot.", "limped"),
        ("The ankle was swollen for the first week, then the bruise came out.", "swollen"),
    ],
)
def test_a_complaint_told_in_the_past_for_a_closed_stretch_is_historical(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).historical


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # the present perfect gives the current complaint's length
        ("My shin has been sore for two weeks.", "sore"),
        ("He's had pain in his hip for a month.", "pain"),
        ("Had an ache in the arch for two months, mostly on the stairs.", "ache"),
        # a word of the present just after the stretch keeps it open
        ("The elbow was bruised for ten days and it's still tender to lean on.", "bruised"),
        # a repeat is how the complaint behaves now
        ("The hip was sore for two days after every match.", "sore"),
        # hours are how a current complaint behaves, not a stretch that ended
        ("My knee was stiff for hours after the hike.", "stiff"),
    ],
)
def test_a_current_length_a_repeat_or_a_stretch_still_open_stays_current(rules_tagger, text, target):
    assert not ent(rules_tagger.tag(text), target).historical


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Honestly I haven't done any exercise since Easter.", "exercise"),
        ("She hasn't been swimming since the summer.", "swimming"),
        ("Haven't played squash for three weeks.", "squash"),
    ],
)
def test_an_activity_not_done_since_a_point_is_historical_not_negated(rules_tagger, text, target):
    found = ent(rules_tagger.tag(text), target)
    assert found.historical and not found.negated


def test_an_activity_not_done_before_a_past_point_stays_a_negation(rules_tagger):
    found = ent(rules_tagger.tag("I told the coach that I had not done any cycling for about six years."), "cycling")
    assert found.negated and not found.historical


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("I'm 41 and was diagnosed with fibromyalgia three years ago.", "fibromyalgia"),
        ("Her mother tells me she was diagnosed last year with Osgood-Schlatter and still gets sore.", "Osgood-Schlatter"),
        ("Diagnosed hypermobility in 2021 (Beighton 6/9).", "hypermobility"),
    ],
)
def test_a_condition_diagnosed_at_a_past_date_stays_current(rules_tagger, text, target):
    assert not ent(rules_tagger.tag(text), target).historical


def test_a_condition_diagnosed_at_a_past_date_and_said_to_end_is_historical(rules_tagger):
    text = "I was diagnosed with plantar fasciitis in 2019 and it cleared up with stretches."
    assert ent(rules_tagger.tag(text), "plantar fasciitis").historical


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Summary: 4 wk hx R groin pain on cutting.", "groin"),
        ("3/12 hx L calf tightness after hills.", "tightness"),
        ("10-day hx low back ache since moving house.", "ache"),
    ],
)
def test_a_length_before_hx_gives_the_current_complaints_history(rules_tagger, text, target):
    assert not ent(rules_tagger.tag(text), target).historical


def test_hx_without_a_length_still_names_a_past_problem(rules_tagger):
    assert ent(rules_tagger.tag("PMHx: hx L ankle sprain 2019."), "sprain").historical

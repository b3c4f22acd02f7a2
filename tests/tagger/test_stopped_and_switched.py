"""What the writer says has stopped, or gave up for something else, is historical."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import ent


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        ("Six weeks on, the outside of my right knee doesn't hurt on my bike rides anymore.", ["knee", "hurt"]),
        ("She no longer wakes with a stiff foot.", ["stiff", "foot"]),
        ("I no longer play football because of my knee.", ["football"]),
        ("I don't wear heels any more.", ["heels"]),
    ],
)
def test_what_has_stopped_is_historical(rules_tagger, text, targets):
    result = rules_tagger.tag(text)
    for target in targets:
        assert ent(result, target).historical, target


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # the activity the symptom came with is still done
        ("Six weeks on, the outside of my right knee doesn't hurt on my bike rides anymore.", "bike rides"),
        # a current inability, not a past state
        ("I can no longer rise on my toes.", "toes"),
        # "any more" as a quantity
        ("I'm not walking any more than usual and my heel hurts.", "walking"),
        # what the stop is not said of
        ("The knee no longer seems to fall inwards when I climb the steps.", "steps"),
        # a new complaint after the clause
        ("I don't run anymore, my knee hurts.", "hurts"),
    ],
)
def test_what_goes_on_beside_a_stop_is_not_historical(rules_tagger, text, target):
    assert not ent(rules_tagger.tag(text), target).historical


@pytest.mark.parametrize(
    ("text", "given_up", "taken_up"),
    [
        ("She went from school hockey twice a week to rowing six sessions a week.", "hockey", "rowing"),
        ("I switched straight from my old cushioned trainers to a pair of zero-drop shoes.", "cushioned trainers", "zero-drop shoes"),
        ("Pt is a 17 y/o M, switched from basketball to club volleyball in Sept.", "basketball", "volleyball"),
    ],
)
def test_an_activity_or_shoe_given_up_for_another_is_historical(rules_tagger, text, given_up, taken_up):
    result = rules_tagger.tag(text)
    assert ent(result, given_up).historical
    assert not ent(result, taken_up).historical


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("He's gone from basketball once a week to about five times.", "basketball"),
        ("She went from running twice a week to five times, including hill sessions.", "running"),
        ("My knee started hurting after I switched from road to trails and jumped straight into hilly runs.", "trails"),
    ],
)
def test_more_of_the_same_activity_is_not_a_switch(rules_tagger, text, target):
    assert not ent(rules_tagger.tag(text), target).historical


@pytest.mark.parametrize(
    "rule",
    [
        {"kind": "switch", "verbs": ["went"], "to": ["to"], "labels": ["ACTIVITY"]},
        {"kind": "switch", "verbs": [], "to": ["to"], "labels": ["ACTIVITY"], "max_gap": 10},
        {"kind": "ended", "ahead": ["no longer"], "after": ["anymore"], "negators": ["not"], "inability": ["can"]},
    ],
)
def test_an_incomplete_switch_or_ended_rule_is_refused(rule):
    from tagger.pipeline.episodes import validate_episode_rule

    with pytest.raises(ValueError):
        validate_episode_rule(rule, "rule 1")


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("I've been doing it myself with a lacrosse ball against the wall. My knee still hurts.", "lacrosse ball"),
        ("Is there a way to do the stretching part myself? My hip hurts after work.", "stretching"),
        ("I panicked and convinced myself it was sciatica. My calf hurts.", "sciatica"),
    ],
)
def test_myself_in_the_writers_own_story_is_the_subject(rules_tagger, text, target):
    assert not ent(rules_tagger.tag(text), target).other_subject


def test_a_stop_reaches_back_only_to_its_own_clause(rules_tagger):
    result = rules_tagger.tag("Her pain has come down to 1/10 and she no longer wakes with a stiff foot.")
    assert not ent(result, "pain").historical
    assert ent(result, "stiff").historical


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Last spring I moved from an office job (sitting at a desk all day) to a warehouse.", "sitting"),
        ("I switched from a call-centre role, mostly seated with a headset on, to teaching.", "seated"),
    ],
)
def test_what_a_job_left_for_another_involved_is_historical(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).historical


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # no job word: the "to" must lead to another activity
        ("He went from sitting at his desk for an hour to about two.", "sitting"),
        # the job being described is the current one
        ("My job is mostly sitting, and I moved from Leeds to York last year.", "sitting"),
    ],
)
def test_a_job_word_is_needed_to_give_up_an_activity_without_a_new_one(rules_tagger, text, target):
    assert not ent(rules_tagger.tag(text), target).historical

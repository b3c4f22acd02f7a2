"""Session 13's modifier readings (evidence: corpora/reviews/gold_fixes_session13_laterality_modifier.md),
each pinned on made-up text."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import ent


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Swimming not painful.", "Swimming"),
        ("Jogging is non-provocative now.", "Jogging"),
        ("I can cycle for an hour and nothing hurts.", "cycle"),
    ],
)
def test_an_activity_said_not_painful_takes_no_modifier(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).modifier is None


def test_footwear_with_no_ache_still_relieves(rules_tagger):
    result = rules_tagger.tag("Walked 8 km in the new boots no ache.")
    assert ent(result, "boots").modifier == "relieving"


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The soreness started the day after the first hike.", "hike"),
        ("Pain came on the morning after a long swim.", "swim"),
        ("Heel pain began when skipping was added.", "skipping"),
    ],
)
def test_a_past_start_dated_by_an_activity_names_its_cause(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).modifier is None


def test_a_present_onset_during_an_activity_still_aggravates(rules_tagger):
    assert ent(rules_tagger.tag("It comes on after a long hike."), "hike").modifier == "aggravating"


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Shin 6/10 during the jogging part of the session, 1/10 at rest.", "jogging"),
        ("Ankle 4/10 on stairs.", "stairs"),
    ],
)
def test_a_pain_score_linked_to_an_activity_aggravates(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).modifier == "aggravating"


def test_a_nought_score_is_no_link(rules_tagger):
    assert ent(rules_tagger.tag("Ankle 0/10 on stairs."), "stairs").modifier != "aggravating"


def test_a_score_lower_instead_of_higher_is_an_improvement(rules_tagger):
    result = rules_tagger.tag("Ran 6k with the new insoles, ankle 1/10 instead of 4-5.")
    assert ent(result, "insoles").modifier == "relieving"


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("My shin started aching after matches.", "matches"),
        ("The heel started hurting after every hike.", "hike"),
    ],
)
def test_a_symptom_that_started_to_come_with_an_activity_still_aggravates(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).modifier == "aggravating"


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The shin is sharp on hills.", "hills"),
        ("Her back catches when she stands from the bench.", "stands"),
        ("It's tight when I bend it.", "bend"),
    ],
)
def test_a_complaint_word_that_is_no_entity_links_like_a_symptom(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).modifier == "aggravating"


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Achy first steps in the morning, gone after 10 min.", "first steps"),
        ("Sore for the first 3 km of rides then eases.", "rides"),
    ],
)
def test_a_complaint_easing_a_while_into_an_activity_is_brought_on_by_it(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).modifier == "aggravating"


def test_a_treatment_whose_pain_goes_after_a_while_still_relieves(rules_tagger):
    assert ent(rules_tagger.tag("Calf stretch, pain gone after 5 min."), "Calf stretch").modifier == "relieving"


def test_a_score_right_before_an_activity_aggravates(rules_tagger):
    assert ent(rules_tagger.tag("Heel 4/10 first steps, 1/10 later."), "first steps").modifier == "aggravating"

"""Session 12's modifier readings (evidence: corpora/reviews/gold_fixes_session12_modifier.md),
each pinned on made-up text."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import ent


def test_the_symptoms_own_site_does_not_count_towards_the_links_reach(rules_tagger):
    result = rules_tagger.tag("I get an ache at the back of my left calf when I kneel for a while.")
    assert ent(result, "kneel").modifier == "aggravating"


def test_a_site_then_another_clause_is_no_link(rules_tagger):
    result = rules_tagger.tag("A twinge in my hip in 2019 which went in a week with your exercises.")
    assert ent(result, "exercises").modifier != "aggravating"


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("O: step-down pain free, good control.", "step-down"),
        ("Currently cycling 3x a week pain-free.", "cycling"),
    ],
)
def test_an_activity_done_pain_free_takes_no_modifier(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).modifier is None


def test_footwear_that_is_pain_free_still_relieves(rules_tagger):
    assert ent(rules_tagger.tag("Pain-free in the new trainers."), "trainers").modifier == "relieving"


def test_a_later_list_item_may_keep_words_of_its_own(rules_tagger):
    result = rules_tagger.tag("Hip is worse on long drives and when climbing stairs at work.")
    assert ent(result, "stairs").modifier == "aggravating"


@pytest.mark.parametrize(
    "text",
    [
        "One week I hiked without the orthotics and the knee was sore again by night.",
        "Did one run w/o insoles - knee ached again after 3 km.",
    ],
)
def test_footwear_left_off_with_the_complaint_back_relieves(rules_tagger, text):
    result = rules_tagger.tag(text)
    footwear = "orthotics" if "orthotics" in text else "insoles"
    assert ent(result, footwear).modifier == "relieving"


def test_an_inability_is_no_cue(rules_tagger):
    result = rules_tagger.tag("Stiff back, she can't stand fully upright in the mornings.")
    assert ent(result, "stand").modifier is None


def test_lying_that_the_pain_prevents_aggravates(rules_tagger):
    result = rules_tagger.tag("Outer hip pain for 3 months, can't lie on that side.")
    assert ent(result, "lie").modifier == "aggravating"


def test_better_on_an_activity_names_where_it_is_better(rules_tagger):
    result = rules_tagger.tag("After a month the knee was a lot better on the stairs.")
    assert ent(result, "stairs").modifier is None


def test_better_with_an_activity_still_relieves(rules_tagger):
    assert ent(rules_tagger.tag("My heel feels better with a calf stretch."), "calf stretch").modifier == "relieving"


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("S: heel first steps AM 7/10, eases after 20 min.", "first steps"),
        ("O: SL stance R 20 s pain 4/10.", "SL stance"),
    ],
)
def test_an_activity_with_its_own_pain_score_aggravates(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).modifier == "aggravating"


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("My ankle is better and I'm walking more normally.", "walking"),
        ("Since the op she walks better than I do.", "walks"),
    ],
)
def test_an_activity_done_better_is_the_function_back_not_a_relief(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).modifier is None

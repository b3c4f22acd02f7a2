"""Historical marks added in session 8 for what outside annotators read as over: footwear given
up for another pair, lost or stopped, a correction to the past ("or rather I did"), a past job,
"before only", past-problem headers, and a body "back" before a year."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import ent


@pytest.mark.parametrize(
    ("text", "given_up", "taken_up"),
    [
        ("The heel is worse in my old work boots with the split sole. I've switched to a pair with a stiffer sole "
         "and it's easing.", "work boots", None),
        ("I wore wedge heels to the office every day since March. Now the ball of my foot burns. Switched to flat "
         "loafers last week and it's calming down.", "wedge heels", "flat loafers"),
        ("For years I jogged in cheap canvas plimsolls with no support. Last month I bought a stability shoe from "
         "a running shop.", "canvas plimsolls", "stability shoe"),
        ("She ran in heavy cushioned trainers until May, then changed over to carbon-plated racing shoes.",
         "cushioned trainers", "carbon-plated racing shoes"),
    ],
)
def test_footwear_replaced_without_from_is_historical(rules_tagger, text, given_up, taken_up):
    result = rules_tagger.tag(text)
    assert ent(result, given_up).historical
    if taken_up:
        assert not ent(result, taken_up).historical


def test_earlier_mentions_of_the_replaced_pair_are_historical(rules_tagger):
    result = rules_tagger.tag("Forefoot pain from flip flops\n\nI wore flip flops all summer at the campsite. "
                              "The ball of my foot is sore. Switched to trainers with a thick sole.")
    assert ent(result, "flip flops", nth=0).historical
    assert ent(result, "flip flops", nth=1).historical
    assert not ent(result, "trainers").historical


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # a trial return to the old pair: the new pair is not given up for good
        ("Blamed my new trainers at first. Swapped back to my old ones for a fortnight, no change.", "trainers"),
        # the new pair is the one that came in
        ("Pretty sure my new boots did it. I bought new walking boots in May.", "boots"),
        # a purchase does not replace a bare "shoes": it is usually the same new pair
        ("Subject: heel - I think it's the shoes\n\nI bought new running shoes two weeks ago.", "shoes"),
        # an insert is not replaced by a shoe
        ("I wear orthotics in my trainers. I switched to new shoes last month.", "orthotics"),
        # a new pair of the same shoes, still worn
        ("I wear the same netball trainers as the rest of the team. I changed to a new pair in May.", "netball trainers"),
        # a switch to an activity names no pair
        ("I ran in my trainers, then switched to cycling.", "trainers"),
        # the writer went back to the pair given up
        ("My old shoes were stability shoes and I switched to neutral trainers in spring. I went back to the "
         "stability pair last week.", "stability shoes"),
    ],
)
def test_footwear_not_given_up_is_not_historical(rules_tagger, text, target):
    assert not ent(rules_tagger.tag(text), target).historical


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The pain settled while she wore the heel lift the clinic made, but she lost it at the gym and it is back.",
         "heel lift"),
        ("I lost my orthotics in the house move and the ache came back.", "orthotics"),
        ("The physio gave me insoles but I gave them up after a week.", "insoles"),
        ("I tried orthotics for a month, then stopped.", "orthotics"),
    ],
)
def test_lost_or_given_up_footwear_is_historical(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).historical


def test_a_pronoun_given_up_reaches_only_the_nearest_thing(rules_tagger):
    result = rules_tagger.tag("I wore trainers with my insoles in, but I lost them on holiday.")
    assert ent(result, "insoles").historical
    assert not ent(result, "trainers").historical


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        ("And I sometimes get a stiff neck from gardening, or rather I did.", ["stiff", "neck"]),
        ("My shins ache when I run, or used to.", ["shins", "ache"]),
    ],
)
def test_a_correction_to_the_past_is_historical(rules_tagger, text, targets):
    result = rules_tagger.tag(text)
    for target in targets:
        assert ent(result, target).historical, target


def test_a_past_job_and_a_past_only_activity_are_historical(rules_tagger):
    assert ent(rules_tagger.tag("I am 70 and I was a postman for 40 years."), "postman").historical
    result = rules_tagger.tag("Exercise history: before only walking to the bus\nNow: hiking every weekend")
    assert ent(result, "walking").historical
    assert not ent(result, "hiking").historical


def test_a_past_problems_header_marks_its_line(rules_tagger):
    result = rules_tagger.tag("Past problems: L ankle sprain, R hamstring tear\nNow: R knee pain on stairs")
    assert ent(result, "sprain").historical
    assert not ent(result, "pain").historical


def test_the_body_back_before_a_year_is_historical(rules_tagger):
    result = rules_tagger.tag("I hurt my back in 2019 lifting boxes.")
    assert ent(result, "back").historical
    result = rules_tagger.tag("I had a lot of trouble with my back in 1998, but that settled completely.")
    assert ent(result, "back").historical


def test_a_condition_following_a_past_problem_is_current(rules_tagger):
    result = rules_tagger.tag("She has marked L flat foot following a tib post tendon problem in 2020.")
    assert not ent(result, "flat foot").historical
    assert ent(result, "problem").historical


def test_a_year_reaches_back_over_a_possessive_but_not_forward_into_a_new_subject(rules_tagger):
    result = rules_tagger.tag("She had a tib post tendon problem in 2020, and her R knee and thigh roll inwards when she walks.")
    assert ent(result, "problem").historical
    assert ent(rules_tagger.tag("Fallen arch on the R since he ruptured his tib post in 2020."), "ruptured").historical
    assert not ent(result, "knee").historical
    assert not ent(result, "thigh").historical

"""Session 10, second CONDITION round: an alignment finding written as a verb phrase after the
part that is its subject (GUIDELINES session 6, "Findings written as a verb are CONDITION"; the
session-10 train annotators a and b both tag it), found by the verb's form or a known motion verb
with its direction word, with only copulas, auxiliaries and adverbs between part and verb. The
pattern is a fallback (it only fills tokens no other pattern takes). Sentences written for these
tests."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import labels, spans


@pytest.mark.parametrize("text, finding", [
    ("On the video the left knee was then travelling inward over the big toe.", "travelling inward"),
    ("When I stand on one leg my hip is going down on that side.", "going down"),
    ("In the lunge my right hip dropped and swung out.", "swung out"),
    ("On the treadmill my ankles were folding in by the second mile.", "folding in"),
    ("Standing at the sink my knees point at each other.", "point at each other"),
    ("The physio said my pelvis is pulled forward on the left.", "pulled forward"),
    ("The coach filmed him and his right knee tracks in on every stroke.", "tracks in"),
    ("The left arch keeps sagging down as the day goes on.", "sagging down"),
    ("The feet roll in and the knees get pulled inward.", "pulled inward"),
])
def test_a_verb_and_its_direction_after_the_part_is_the_finding(nlp, text, finding):
    assert finding in spans(nlp, text, "CONDITION")


@pytest.mark.parametrize("text, words", [
    ("My knee hurts going down stairs.", "going down"),
    ("Turn your knees out in the squat and hold.", "knees out"),
    ("I dropped in to see the physio on Tuesday.", "dropped in"),
    ("Let the knee go out to the side as you squat.", "go out"),
    ("Keep your knee pointing forward over the toes.", "pointing forward"),
    ("My leg is tingling down to the toes at night.", "tingling down"),
    ("The ankle has calmed down a lot since the new shoes.", "calmed down"),
    ("Her left knee was replaced in 2019 and is fine.", "replaced in"),
    ("Went over on my ankle coming down a kerb.", "coming down"),
    ("With taping the knee moves out of that position.", "moves out"),
    ("A couple of weeks later my right hip joined in, on the outside.", "joined in"),
])
def test_activities_instructions_and_prepositions_are_not_the_finding(nlp, text, words):
    assert words not in spans(nlp, text, "CONDITION")


def test_the_part_stays_its_own_region(nlp):
    found = labels(nlp, "Since the summer my ankles were folding in when I walk.")
    assert ("ankles", "BODY_REGION") in found
    assert ("folding in", "CONDITION") in found


@pytest.mark.parametrize("text, kept", [
    ("Nothing travels down into the leg.", ("travels down", "SYMPTOM")),
    ("It is worst when I lean over to do the shoes.", ("lean", "ACTIVITY")),
    ("I slumped over in the armchair every evening.", ("slumped", "ACTIVITY")),
])
def test_a_rejected_fallback_match_hides_no_other_reading(nlp, text, kept):
    assert kept in labels(nlp, text)


@pytest.mark.parametrize("text", [
    "You said you broke the second metatarsal of that foot years ago.",
    "Only I broke the arm when I was a child.",
    "I broke my wrist skiing.",
])
def test_broke_before_the_part_is_a_fracture(nlp, text):
    assert "broke" in spans(nlp, text, "CONDITION")


@pytest.mark.parametrize("text", [
    "She broke the club record at the weekend.",
    "The heel of the shoe broke after a week.",
    "That walk was the straw that broke the camel's back.",
])
def test_broke_without_a_part_is_no_fracture(nlp, text):
    assert "broke" not in spans(nlp, text, "CONDITION")


@pytest.mark.parametrize("text, finding", [
    ("1979: broke my left collarbone falling off a BMX.", "falling off"),
    ("Sprained the wrist in a fall off a horse last spring.", "fall off"),
])
def test_falling_off_a_bike_or_horse_keeps_its_particle(nlp, text, finding):
    assert finding in spans(nlp, text, "CONDITION")


def test_a_level_that_falls_off_is_no_fall(nlp):
    assert "falls off" not in spans(nlp, "The ache falls off after the first mile.", "CONDITION")

"""Hypothetical marks added in session 8: a differential named before "vs", a spaced query mark,
a question for facts answered after a blank line, a factor judged not to matter, what the writer
assumed it was, and footwear on order."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import ent


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("I would value your opinion re GTPS vs OA.", "GTPS"),
        ("Dead leg vs quad strain? Walked off unaided.", "Dead leg"),
        ("Imp: bone stress injury versus MTSS, r/v 2/52.", "bone stress injury"),
    ],
)
def test_the_diagnosis_before_vs_is_part_of_the_differential(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).hypothetical


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("O: L arch flattened vs R, hindfoot valgus.", "flattened"),
        ("Pelvis rotated forward vs the L.", "rotated forward"),
        ("Knee valgus 10 vs 4 degrees on the other side.", "valgus"),
    ],
)
def test_a_finding_compared_across_sides_or_numbers_stays_asserted(rules_tagger, text, target):
    assert not ent(rules_tagger.tag(text), target).hypothetical


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Imp: ? stress fracture, refer for imaging.", "stress fracture"),
        ("Referred by podiatry with '? resistant plantar fasciitis R'. Pain for 5 months.", "plantar fasciitis"),
    ],
)
def test_a_spaced_query_mark_opening_its_phrase_makes_a_guess(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).hypothetical


def test_a_question_mark_after_a_word_with_a_space_still_ends_the_sentence(rules_tagger):
    r = rules_tagger.tag("Is it worse on stairs ? Plantar fasciitis was ruled in by the GP.")
    assert not ent(r, "Plantar fasciitis").hypothetical


def test_a_question_for_facts_answered_after_a_blank_line_is_answered(rules_tagger):
    r = rules_tagger.tag("My feet roll in when I run.\n\n> What shoes are you running in?\n\nA pair of old fashion trainers.")
    assert not ent(r, "running").hypothetical


@pytest.mark.parametrize(
    "text",
    [
        "The knee is settling.\n\nHow long before I can go back to running?\n\nThanks, Sam",
        "The knee is settling. How long before I can go back to running?",
    ],
)
def test_a_question_for_facts_left_unanswered_stays_open(rules_tagger, text):
    assert ent(rules_tagger.tag(text), "running").hypothetical


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("A: lateral knee pain driven by hip restriction. Feet likely not relevant: symmetrical, orthotics gave no change.", "Feet"),
        ("A: lateral knee pain driven by hip restriction. Feet likely not relevant: symmetrical, orthotics gave no change.", "orthotics"),
        ("Footwear unlikely to be relevant given no change after switching.", "Footwear"),
    ],
)
def test_a_factor_judged_not_to_matter_is_not_a_guess(rules_tagger, text, target):
    assert not ent(rules_tagger.tag(text), target).hypothetical


def test_an_unlikely_diagnosis_stays_hypothetical(rules_tagger):
    assert ent(rules_tagger.tag("Unlikely to be a stress fracture."), "stress fracture").hypothetical


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Because I'm on my feet all day I assumed it was shoes.", "shoes"),
        ("The hip is much better now. I had assumed it was arthritis.", "arthritis"),
    ],
)
def test_what_the_writer_assumed_it_was_is_a_guess(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).hypothetical


def test_the_body_part_in_an_assumption_stays_real(rules_tagger):
    r = rules_tagger.tag("I always assumed my knee was the problem.")
    assert not ent(r, "knee").hypothetical


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("I've ordered new orthotics but they take six weeks.", "orthotics"),
        ("Knees cave in on squat. Orthotics ordered.", "Orthotics"),
        ("Custom insoles on order, review when fitted.", "Custom insoles"),
    ],
)
def test_footwear_on_order_is_planned(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).hypothetical


def test_footwear_ordered_and_worn_is_not_planned(rules_tagger):
    r = rules_tagger.tag("I ordered new shoes in March and they helped.")
    assert not ent(r, "shoes").hypothetical


@pytest.mark.parametrize("target", ["PFPS", "ITBS", "meniscal tear"])
def test_every_item_of_a_differential_list_is_hypothetical(rules_tagger, target):
    assert ent(rules_tagger.tag("A: anterior knee pain. DDx: PFPS, ITBS, meniscal tear."), target).hypothetical


def test_a_differential_list_stops_at_its_bracketed_reasoning(rules_tagger):
    r = rules_tagger.tag("DDx: fat pad irritation (pain not inferior, no effusion), early OA.")
    assert ent(r, "irritation").hypothetical
    assert not ent(r, "effusion").hypothetical


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("I reckon it's shin splints.", "shin splints"),
        ("Awaiting MRI to exclude a stress fracture.", "stress fracture"),
        ("I'd like to be able to walk the coast path again by Easter.", "walk"),
        ("Can I keep cycling while it heals?", "cycling"),
        ("I'll try the calf stretches tonight.", "calf stretches"),
        ("I'm going to ask about proper orthotics.", "orthotics"),
        ("Aiming to run the half in October.", "run"),
    ],
)
def test_a_hedge_an_exclusion_a_wish_or_an_intention_is_hypothetical(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).hypothetical


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("I'm going to the gym three times a week.", "gym"),
        ("I'd like to keep going on the walks.", "walks"),
        ("The pain is due to running too much.", "running"),
    ],
)
def test_motion_a_current_habit_and_a_cause_are_not_intentions(rules_tagger, text, target):
    assert not ent(rules_tagger.tag(text), target).hypothetical


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("I'd suggest dropping the hill repeats for two weeks.", "hill repeats"),
        ("I would recommend a stability shoe.", "stability shoe"),
        ("My advice is to swap the heels for a flat shoe at work.", "flat shoe"),
    ],
)
def test_what_the_writer_recommends_is_advice_not_yet_done(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).hypothetical


def test_a_suggestion_reported_in_the_past_is_left_alone(rules_tagger):
    r = rules_tagger.tag("She suggested some cushioned arch insoles from the chemist.")
    assert not ent(r, "cushioned arch insoles").hypothetical


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The problem is that since yesterday my right hip has been aching.", "hip"),
        ("The strange thing is that after her side-lying hip work the arch holds up.", "side-lying hip work"),
        ("Funny thing is it's the ankle that's come good.", "ankle"),
    ],
)
def test_is_that_in_a_statement_does_not_ask(rules_tagger, text, target):
    assert not ent(rules_tagger.tag(text), target).hypothetical


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Is that a nerve thing from my back?", "nerve"),
        ("Is it just the hills?", "hills"),
        ("Is this sciatica or something else?", "sciatica"),
    ],
)
def test_is_that_in_a_question_still_asks(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).hypothetical


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        ("Niamh, should I be icing the foot?", "foot", False),
        ("Should I be doing anything for the back now, or just wait?", "back", False),
        ("Should I skip the hills?", "hills", True),
        ("Should we cut back on the netball while she does this?", "netball", True),
    ],
)
def test_should_i_asks_about_what_to_do_not_about_the_body(rules_tagger, text, target, expected):
    assert ent(rules_tagger.tag(text), target).hypothetical is expected


def test_i_think_set_off_by_a_colon_hedges_what_came_before(rules_tagger):
    r = rules_tagger.tag("The MRI showed a disc bulge. That fits, I think: the pain runs from my left buttock down my leg.")
    assert not ent(r, "pain").hypothetical


def test_i_think_set_off_by_a_comma_hedges_the_cause_before_it(rules_tagger):
    r = rules_tagger.tag("2. right elbow, outside, from tennis I think, hurts lifting the kettle")
    assert ent(r, "tennis").hypothetical
    assert not ent(r, "hurts").hypothetical

"""Session 11, hypothetical, pooled over the blind annotators (see
``corpora/reviews/gold_fixes_session11_hyp.md``): a plan stated in the first person future, an
"Actions:" header, more imperative instructions, a theory told in the past or by a relative, and
generic "if you" advice are hypothetical; the regions and activities a theory describes, the effect
"I think that's why" explains, a recurring "if he ..." and what follows a later report header on a
plan header's line stay real."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import ent


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Her shins are sore again, so I'll cut her back to two hockey sessions a week.", "hockey sessions"),
        ("We're going to drop the tempo runs for a fortnight and see how he goes.", "tempo runs"),
        ("I'm going to keep him off the trampoline until the heel settles and let him swim instead.", "swim"),
    ],
)
def test_a_first_person_plan_makes_what_it_names_hypothetical(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).hypothetical


def test_a_first_person_report_of_telling_is_no_plan(rules_tagger):
    result = rules_tagger.tag("I'll admit the cycling has been patchy since the spring.")
    assert not ent(result, "cycling").hypothetical


def test_an_actions_header_is_a_plan_header(rules_tagger):
    result = rules_tagger.tag("Agreed with the manager. Actions: perching stool at the till, physio for calf loading.")
    assert ent(result, "calf loading").hypothetical


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Please bring the trainers you wear most days to the clinic.", "trainers"),
        ("Swap to the cushioned shoes for the long walks this week.", "cushioned shoes"),
        ("Try kneeling on a cushion for the gardening.", "kneeling"),
    ],
)
def test_more_imperative_instructions_make_what_they_name_hypothetical(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).hypothetical


def test_wear_and_tear_is_no_instruction(rules_tagger):
    result = rules_tagger.tag("The surgeon says it is the joint, just wear and tear, and I still go swimming.")
    assert not ent(result, "swimming").hypothetical


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The nurse said it sounded like a pinched nerve.", "pinched nerve"),
        ("She reckoned the tendon at the back of the ankle was being overloaded.", "tendon"),
        ("My brother swears my knee is runner's knee.", "runner's knee"),
        ("My mum says it's the new trainers.", "trainers"),
    ],
)
def test_a_theory_told_in_the_past_or_by_a_relative_hedges_what_it_names(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).hypothetical


def test_what_a_friend_says_she_saw_stays_real(rules_tagger):
    result = rules_tagger.tag("A friend who is a nurse says my arches drop flat when I stand.")
    assert not ent(result, "arches").hypothetical


def test_a_clinicians_said_its_stays_a_reported_finding(rules_tagger):
    result = rules_tagger.tag("The podiatrist said it's plantar fasciitis and gave me a night splint.")
    assert not ent(result, "plantar fasciitis").hypothetical


def test_the_region_a_theory_names_stays_real(rules_tagger):
    result = rules_tagger.tag("It looks like a trapped nerve from his lower back, because sitting sets it off.")
    assert not ent(result, "lower back").hypothetical
    result = rules_tagger.tag("His dad is convinced it's sciatica from his back.")
    assert not ent(result, "back").hypothetical
    assert ent(result, "sciatica").hypothetical


def test_the_effect_i_think_explains_stays_real(rules_tagger):
    result = rules_tagger.tag("I wore the flats all week so i think thats half why it ached so much.")
    assert not ent(result, "ached").hypothetical


def test_a_recurring_condition_of_a_third_person_is_real(rules_tagger):
    result = rules_tagger.tag("His hip is worse when he climbs stairs and if he sits on a hard chair for long.")
    assert not ent(result, "sits").hypothetical


def test_a_conditional_with_a_modal_for_a_third_person_stays_open(rules_tagger):
    result = rules_tagger.tag("If she plays on Saturday she might aggravate the ankle.")
    assert ent(result, "plays").hypothetical


def test_generic_advice_opened_by_if_you_reaches_past_its_comma(rules_tagger):
    result = rules_tagger.tag("Moral of the story: if your knee hurts on the bike, get someone to look at your hips.")
    assert ent(result, "hips").hypothetical


def test_a_polite_request_is_no_condition(rules_tagger):
    result = rules_tagger.tag("I would be grateful if you could see Mr Hale, a retired postman, with pain in the left heel.")
    assert not ent(result, "pain").hypothetical


def test_a_plan_header_line_ends_at_a_later_report_header(rules_tagger):
    result = rules_tagger.tag("Plan: calf stretch, soft tissue release. Immediately after: heel pain on walking 5 → 2/10.")
    assert ent(result, "calf stretch").hypothetical
    assert not ent(result, "pain").hypothetical
    assert not ent(result, "walking").hypothetical


def test_a_sub_heading_of_the_plan_stays_in_the_plan(rules_tagger):
    result = rules_tagger.tag("Plan: review 2/52. Back: extension mobility, QL release, hourly walk breaks.")
    assert ent(result, "QL release").hypothetical

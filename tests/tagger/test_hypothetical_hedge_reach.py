"""Hypothetical marks settled in session 9: which words a hedge reaches. An approximate number is
no guess; a hedge after "is" or before a cause reaches forward only; a clinician's "thinks" or
"reckons" hedges the structures and findings it names; a recurring "If I ..." is what happens; a
plan to check or add something is planned; an instruction reported as given in the past is not."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import ent


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The knee has gone from sore every session to sore maybe once a week.", "sore"),
        ("In my wide trainers at the weekend it's maybe a 2/10.", "trainers"),
        ("On days I wear the insoles the hip is perhaps half as bad.", "hip"),
    ],
)
def test_an_approximate_number_or_frequency_is_not_a_guess(rules_tagger, text, target):
    assert not ent(rules_tagger.tag(text), target).hypothetical


@pytest.mark.parametrize(
    ("text", "subject", "guess"),
    [
        ("An old injury, and a hip that is probably stiff from arthritis.", "hip", "arthritis"),
        ("You said the foot was probably dragging the knee out of line.", "foot", "knee"),
        # "that's probably why the shin aches" left this list in session 10: the effect a hedged link
        # explains is real (7a, 9, 9s; test_hypothetical_may_have_and_worries.py)
        ("Her arch drops and the knee falls in, and that's probably from the hip.", "falls in", "hip"),
    ],
)
def test_a_hedge_after_is_leaves_the_subject_real(rules_tagger, text, subject, guess):
    result = rules_tagger.tag(text)
    assert not ent(result, subject).hypothetical
    assert ent(result, guess).hypothetical


@pytest.mark.parametrize(
    ("text", "real", "guess"),
    [
        ("The nerve is irritated in my buttock, possibly because of the way I sit.", "buttock", None),
        ("The nerve is irritated in my buttock, possibly because of the way I sit.", "sit", None),
        ("Aching shin, probably from overpronation.", "shin", "overpronation"),
        ("The sciatic nerve is irritated, probably from my lower back.", "sciatic nerve", "lower back"),
    ],
)
def test_a_hedge_on_a_cause_reaches_only_the_named_cause(rules_tagger, text, real, guess):
    result = rules_tagger.tag(text)
    assert not ent(result, real).hypothetical
    if guess:
        assert ent(result, guess).hypothetical


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Groin ache after long walks. My GP thinks early arthritis.", "arthritis"),
        ("The physio had a look and he thinks my ITB is being tugged from the top.", "ITB"),
        ("Strength testing normal. Hamstring tendinopathy, the physio thinks.", "Hamstring tendinopathy"),
        ("My podiatrist reckons my feet are overpronating.", "overpronating"),
    ],
)
def test_a_clinicians_theory_hedges_the_structures_and_findings_it_names(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).hypothetical


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("We cut his hours back and he reckons the pain is about half what it was.", "pain"),
        ("My physio thinks the shoes matter, but the knee swelling is real.", "swelling"),
    ],
)
def test_a_clinicians_view_does_not_hedge_symptoms_or_what_follows_but(rules_tagger, text, target):
    assert not ent(rules_tagger.tag(text), target).hypothetical


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("If I get up and walk about it fades.", "walk"),
        ("If I press on the calf it doesn't hurt, it just aches.", "calf"),
        ("It is fine at rest. Even if I cough, a jolt shoots down the shin.", "cough"),
    ],
)
def test_a_recurring_if_i_condition_is_what_happens(rules_tagger, text, target):
    assert not ent(rules_tagger.tag(text), target).hypothetical


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("If I run further will my knee hurt?", "run"),
        ("If I ran in the old shoes I would be fine.", "shoes"),
        ("She asks if I get shin splints from the hills.", "shin splints"),
    ],
)
def test_an_if_with_a_modal_a_question_or_whether_stays_hypothetical(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).hypothetical


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Nothing is driving the others, but we'll check your walking on Friday.", "walking"),
        ("Keep going daily and we'll add glute work next week.", "glute work"),
    ],
)
def test_a_plan_to_check_or_add_is_planned(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).hypothetical


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Coach told me to foam roll the outside of my hip, which I did every night.", "foam roll"),
        ("The first physio told me to buy new shoes, which I did, and it changed nothing.", "shoes"),
    ],
)
def test_an_instruction_reported_as_given_is_not_a_plan(rules_tagger, text, target):
    assert not ent(rules_tagger.tag(text), target).hypothetical


@pytest.mark.parametrize(
    ("text", "real", "guess"),
    [
        ("My theory: the stooping tips my pelvis forward and that overloads the TFL.", "pelvis", "TFL"),
        ("My theory: the stooping tips my pelvis forward and that overloads the TFL.", "stooping", "TFL"),
        ("My own theory is that whenever I stand my feet roll in and cause the bursitis.", "feet", "bursitis"),
    ],
)
def test_a_theory_hedges_what_it_names_not_the_regions_it_describes(rules_tagger, text, real, guess):
    result = rules_tagger.tag(text)
    assert not ent(result, real).hypothetical
    assert ent(result, guess).hypothetical


@pytest.mark.parametrize(
    ("text", "target", "hypothetical"),
    [
        ("I stop every hour, which helps. Anyone got tips for driving with this?", "driving", False),
        ("Anyone found a better way to sit in these things?", "sit", False),
        ("Stretches that actually work?", "Stretches", True),
    ],
)
def test_a_question_about_doing_something_with_the_complaint_keeps_it_real(rules_tagger, text, target, hypothetical):
    assert ent(rules_tagger.tag(text), target).hypothetical is hypothetical


def test_recommendations_for_a_shoe_are_a_guess(rules_tagger):
    result = rules_tagger.tag("No hip pain that weekend. Any recommendations for insoles that fit in my boots?")
    assert ent(result, "insoles").hypothetical


def test_a_generic_if_you_in_advice_stays_hypothetical(rules_tagger):
    result = rules_tagger.tag("If you stand all day and nothing helps, get your hips looked at.")
    assert ent(result, "stand").hypothetical

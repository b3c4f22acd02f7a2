"""Session 12, hypothetical, pooled over the blind annotators (see
``corpora/reviews/gold_fixes_session12_hypothetical.md``): a "Tx:" line reports the treatment given
unless it books a review; a plan started in the past is done; "training for" hedges the event, not the
training after a dash; the writer's "I think it's X" hedges no activity; a friend's name for the
problem, what was blamed and "X's view is that" are theories; "meant to" and a later "next week"
plan; a region offered in a headline's "or" guess is hedged; a refusal to guess, a statement with
"does it", a reported question's body part and a symptom verb before "if" stay real; a numbered
question quoted in a reply and answered after a blank line is answered."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import ent


def test_a_tx_line_reports_treatment_given(rules_tagger):
    result = rules_tagger.tag("O: hip abd 4/5 R.\nTx: soft tissue release TFL, clamshells 3x15.\nA: improving.\nP: continue.")
    assert not ent(result, "clamshells").hypothetical


def test_a_tx_line_that_books_a_review_is_a_plan(rules_tagger):
    result = rules_tagger.tag("Tx: nerve glides, ice, r/v 2/52.")
    assert ent(result, "nerve glides").hypothetical


def test_a_plan_started_in_the_past_is_done(rules_tagger):
    result = rules_tagger.tag("Last winter I began a proper plan: four runs a week and hill reps on Sundays.")
    assert not ent(result, "hill reps").hypothetical


def test_a_plan_header_still_plans(rules_tagger):
    result = rules_tagger.tag("The plan: two weeks of no running, swimming allowed.")
    assert ent(result, "swimming").hypothetical


def test_training_for_hedges_the_event_not_the_training_after_a_dash(rules_tagger):
    result = rules_tagger.tag("Training for a sportive - cycling up from 50 to 150 km/wk over a month.")
    assert not ent(result, "cycling").hypothetical


def test_the_writers_theory_hedges_the_shoe_but_not_the_activity_it_blames(rules_tagger):
    result = rules_tagger.tag("I think it's the long hours sitting, the front of my hip feels tight by night.")
    assert not ent(result, "sitting").hypothetical
    assert ent(rules_tagger.tag("I think it's my new shoes."), "shoes").hypothetical


def test_meant_to_plans_like_supposed_to(rules_tagger):
    assert ent(rules_tagger.tag("I'm meant to run a marathon in May."), "run").hypothetical


def test_a_friends_name_for_the_problem_is_a_theory(rules_tagger):
    result = rules_tagger.tag("My flatmate keeps calling it a hamstring tear, but it aches deep in the buttock.")
    assert ent(result, "hamstring").hypothetical
    result = rules_tagger.tag("The GP called it sesamoiditis and gave me a pad.")
    assert not ent(result, "sesamoiditis").hypothetical


def test_a_future_time_after_an_activity_plans_it(rules_tagger):
    assert ent(rules_tagger.tag("He goes back to jogging next week."), "jogging").hypothetical


def test_a_headline_or_guess_hedges_the_region_offered(rules_tagger):
    result = rules_tagger.tag("Calf pain after netball - sciatica or back?\n\nI'm 34 and play twice a week.")
    assert ent(result, "back").hypothetical
    assert not ent(result, "Calf").hypothetical


def test_a_refusal_to_guess_is_no_guess(rules_tagger):
    result = rules_tagger.tag("Your knee thing sounds different so I won't guess at it.")
    assert not ent(result, "knee").hypothetical


def test_what_was_blamed_is_a_theory(rules_tagger):
    result = rules_tagger.tag("At first she blamed her flip flops. I'm not blaming the wellies though.")
    assert ent(result, "flip flops").hypothetical
    assert not ent(result, "wellies").hypothetical


def test_a_view_is_that_is_a_theory(rules_tagger):
    result = rules_tagger.tag("The podiatrist's view is that her arches collapse and the tib post tendon is overloaded.")
    assert ent(result, "tib post tendon").hypothetical


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Notes: asked if he should worry about his back as his dad had surgery.", "back"),
        ("It doesn't hurt if I press on the heel.", "heel"),
        ("On the weeks she does it properly the ache in her shin settles.", "ache"),
    ],
)
def test_statements_around_questions_stay_real(rules_tagger, text, target):
    assert not ent(rules_tagger.tag(text), target).hypothetical


def test_a_numbered_quoted_question_answered_after_a_blank_line_is_answered(rules_tagger):
    text = "Dr Lee wrote:\n> 1. When did it start?\n\nIn May.\n\n> 2. Have you changed how you walk?\n\nYes, I limp a bit."
    assert not ent(rules_tagger.tag(text), "walk").hypothetical

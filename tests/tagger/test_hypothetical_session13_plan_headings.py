"""A plan named in a heading of its own, without a colon, heads the numbered items under it as
"Plan:" does: the activities and shoes of the items are planned (GUIDELINES "Settled in session 13:
hypothetical"; both readings of blind set 12). Prose that opens with the same words is no heading."""

from __future__ import annotations

from tests.tagger.entity_lookup import ent

HEADED = (
    "Thanks for the call today.\n\n"
    "The plan for the next three weeks\n"
    "1. Easy mileage only, no tempo runs.\n"
    "2. If the knee is sore next morning, swim instead.\n"
    "3. Wear the stiffer trainers for every session.\n\n"
    "Speak soon,\nJo"
)


def test_a_plan_heading_without_a_colon_hedges_the_activities_of_its_items(rules_tagger):
    result = rules_tagger.tag(HEADED)
    assert ent(result, "tempo runs").hypothetical
    assert ent(result, "swim").hypothetical


def test_a_plan_heading_without_a_colon_hedges_the_shoes_of_its_items(rules_tagger):
    result = rules_tagger.tag(HEADED)
    assert ent(result, "trainers").hypothetical


def test_a_prohibition_under_a_plan_heading_is_planned_not_absent(rules_tagger):
    result = rules_tagger.tag(HEADED)
    assert not ent(result, "tempo runs").negated


def test_prose_opening_with_the_plan_for_is_no_heading(rules_tagger):
    result = rules_tagger.tag(
        "The plan for the spring has gone well so far.\n"
        "- walking daily\n- cycling twice a week"
    )
    assert not ent(result, "walking").hypothetical
    assert not ent(result, "cycling").hypothetical


def test_the_part_a_requested_scan_is_of_is_planned(rules_tagger):
    result = rules_tagger.tag("Examined today. I have requested a knee MRI and will see her with the result.")
    assert ent(result, "knee").hypothetical


def test_the_part_a_booked_scan_is_of_is_planned(rules_tagger):
    result = rules_tagger.tag("Ultrasound of the Achilles is booked for next Tuesday.")
    assert ent(result, "Achilles").hypothetical


def test_a_scan_reported_with_its_finding_is_real(rules_tagger):
    result = rules_tagger.tag("X-ray of the ankle: no fracture, joint space preserved.")
    assert not ent(result, "ankle").hypothetical


def test_a_part_named_in_a_plan_line_is_planned_with_it(rules_tagger):
    result = rules_tagger.tag("O: TTP medial shin.\nP: XR L tibia, taping R knee, review 2/52.")
    assert ent(result, "tibia").hypothetical
    assert ent(result, "knee").hypothetical


def test_a_proposal_with_lets_hedges_the_shoes_it_names(rules_tagger):
    result = rules_tagger.tag("Let's keep the stiffer trainers for now and see.")
    assert ent(result, "trainers").hypothetical


def test_let_us_know_is_a_request_not_a_plan(rules_tagger):
    result = rules_tagger.tag("Please let us know how the cycling goes this week.")
    assert not ent(result, "cycling").hypothetical


def test_a_negative_instruction_to_keep_something_up_is_advice(rules_tagger):
    result = rules_tagger.tag("Good news on the scan. Don't skip the hip exercises though.")
    assert ent(result, "hip exercises").hypothetical


def test_the_writer_not_skipping_something_is_no_advice(rules_tagger):
    result = rules_tagger.tag("I don't skip stretching after work.")
    assert not ent(result, "stretching").hypothetical


def test_an_instruction_to_drop_to_fewer_sessions_is_advice(rules_tagger):
    result = rules_tagger.tag("Thanks for the update. Please drop to two runs a week for now.")
    assert ent(result, "runs").hypothetical

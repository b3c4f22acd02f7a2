"""Session 14 round 2's laterality and modifier readings (evidence:
corpora/reviews/gold_fixes_session14b_laterality_modifier.md), each pinned on made-up text."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import ent


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("A burning line from the R buttock down the side of the thigh to the top of the foot.", "side of the thigh"),
        ("A burning line from the R buttock down the side of the thigh to the top of the foot.", "top of the foot"),
        ("Pain starts in my left bum cheek and goes down the back of my thigh.", "back of my thigh"),
    ],
)
def test_a_site_further_down_a_path_of_pain_takes_no_side(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).laterality is None


def test_the_sided_site_a_path_of_pain_starts_from_keeps_its_side(rules_tagger):
    result = rules_tagger.tag("A burning line from the R buttock down the side of the thigh.")
    assert ent(result, "buttock").laterality == "right"


@pytest.mark.parametrize(
    "text",
    [
        "O/E: Ankle DF (knee flexed) 12° R, 15° L. Gait normal.",
        "O/E: Ankle DF: R 12° (stiff end feel), L 20°. Gait normal.",
    ],
)
def test_a_part_measured_on_both_sides_with_a_remark_or_values_first_is_bilateral(rules_tagger, text):
    assert ent(rules_tagger.tag(text), "Ankle").laterality == "bilateral"


def test_a_test_position_part_inside_a_measure_is_not_the_measured_part(rules_tagger):
    result = rules_tagger.tag("Calf tight (DF knee straight 6° R / 11° L). No swelling.")
    assert ent(result, "knee").laterality is None


@pytest.mark.parametrize(
    ("text", "target", "side"),
    [
        ("Gait antalgic. Hip: TTP R greater trochanter, mild.", "Hip", "right"),
        ("Gait antalgic. Back: L side low back over the SIJ, dull.", "Back", "left"),
    ],
)
def test_a_part_heading_takes_the_side_opening_its_finding(rules_tagger, text, target, side):
    assert ent(rules_tagger.tag(text), target).laterality == side


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Name: Jo. Hand: R Occupation: clerk", "Hand"),
        ("Lumbar: L QL tender, full range.", "Lumbar"),
        ("Hip: L 4/5, R 5/5 abduction.", "Hip"),
    ],
)
def test_a_heading_keeps_no_side_from_a_form_answer_a_midline_muscle_or_a_pair(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).laterality is None


def test_a_side_after_the_second_of_two_listed_sites_holds_for_both(rules_tagger):
    result = rules_tagger.tag("The physio said my calf and the hamstring on the left are tight.")
    assert ent(result, "calf").laterality == "left"


def test_a_side_compared_after_a_list_stays_with_its_own_site(rules_tagger):
    result = rules_tagger.tag("The knee and the foot, left worse.")
    assert ent(result, "knee").laterality is None


def test_a_complaint_easing_a_few_minutes_into_an_activity_is_brought_on_by_it(rules_tagger):
    result = rules_tagger.tag("Heel pain 6/10 on first steps, settles after a few mins.")
    assert ent(result, "first steps").modifier == "aggravating"


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Plan: gel heel cup in his boot, see the GP if the heel's no better.", "boot"),
        ("Review 3 wks. If the knee has not settled when cycling again -> refer.", "cycling"),
    ],
)
def test_a_plans_condition_on_the_course_is_no_modifier(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).modifier is None


def test_an_improvement_since_footwear_began_relieves(rules_tagger):
    result = rules_tagger.tag("Knee pain much reduced since orthotics, now walking 5 km.")
    assert ent(result, "orthotics").modifier == "relieving"


def test_a_site_placed_with_round_does_not_stop_the_link(rules_tagger):
    result = rules_tagger.tag("I get an ache round the front/inside of my kneecaps whenever I run far.")
    assert ent(result, "run").modifier == "aggravating"

"""Session 13, round 2, CONDITION and STRUCTURE: operations and falls in post-operative and triage
records, the hip's drop split from its part, the thigh's adduction, a landmark that sits forward,
a part that "went", and records "lat" as a position; each stated in GUIDELINES.md or shared by two
blind voices (evidence in corpora/reviews/gold_fixes_session13b_condition.md). Sentences written
for these tests."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import labels, spans


@pytest.mark.parametrize("text, word", [
    ("Hx: R Achilles repair 2019, back to netball.", "repair"),
    ("Now 6/52 post L Achilles open repair.", "repair"),
    ("L ACLR 2022 (patellar graft), RTS cleared.", "ACLR"),
    ("Knee stiff post-ACLR, quads lag.", "ACLR"),
])
def test_an_operation_by_its_records_word_on_its_part_is_the_event(nlp, text, word):
    assert word in spans(nlp, text, "CONDITION")


@pytest.mark.parametrize("text", [
    "Dropped the boots at the shoe repair shop.",
    "The tendon needs time to repair itself.",
    "Referred to the Hip Arthroplasty Pathway for listing.",
    "Seen in the ACL reconstruction clinic today.",
])
def test_a_repair_without_its_part_or_a_service_named_after_an_operation_is_no_event(nlp, text):
    found = [s.lower() for s in spans(nlp, text, "CONDITION")]
    assert not {"repair", "arthroplasty", "reconstruction"} & set(found)


@pytest.mark.parametrize("text", [
    "Referral: R wrist pain following fall last Tuesday.",
    "Falls history: 2 fall events, 1 fall this winter.",
    "Q4. Any trauma/fall? No.",
])
def test_a_fall_counted_or_named_as_the_cause_in_a_records_line_is_the_event(nlp, text):
    assert "fall" in spans(nlp, text, "CONDITION")


def test_a_season_fall_stays_out(nlp):
    assert "fall" not in spans(nlp, "Marathon planned for next fall.", "CONDITION")


@pytest.mark.parametrize("text", [
    "SL stance R: hip drop, knee valgus.",
    "Treadmill: L hip drop late stance.",
])
def test_the_hips_drop_is_the_part_and_its_finding(nlp, text):
    found = labels(nlp, text)
    assert ("hip", "BODY_REGION") in found and ("drop", "CONDITION") in found


@pytest.mark.parametrize("text, span", [
    ("Step-down L: femoral adduction, knee valgus.", "femoral adduction"),
    ("SL squat R: femoral add/IR, knee valgus.", "femoral add/IR"),
    ("Hop test L: femoral IR/adduction on landing.", "femoral IR/adduction"),
])
def test_the_thighs_adduction_named_femoral_is_one_finding(nlp, text, span):
    assert span in spans(nlp, text, "CONDITION")


@pytest.mark.parametrize("text", [
    "Standing: L ASIS sits forward of R.",
    'Her coach thinks my left hip "sits forward" in standing.',
])
def test_a_landmark_that_sits_forward_is_the_rotation_finding(nlp, text):
    assert "sits forward" in spans(nlp, text, "CONDITION")


@pytest.mark.parametrize("text", [
    "He sits back in his chair after lunch.",
    "I sat forward on the saddle.",
])
def test_a_person_sitting_forward_is_no_finding(nlp, text):
    assert not [s for s in spans(nlp, text, "CONDITION") if s.startswith(("sits", "sat"))]


@pytest.mark.parametrize("text", [
    "Last week her neck went, turning to reverse the car.",
    "My back went when I picked up the toddler.",
])
def test_a_part_that_went_is_the_injury_event(nlp, text):
    assert "went" in spans(nlp, text, "CONDITION")


@pytest.mark.parametrize("text", [
    "The ache went away by lunchtime.",
    "We went to the pool on Sunday.",
    "My foot went numb on the bike.",
])
def test_went_with_more_to_say_is_no_injury(nlp, text):
    assert "went" not in spans(nlp, text, "CONDITION")


@pytest.mark.parametrize("text", [
    "Numb strip along the lat border since the op.",
    "Tinel + over the scar lat, none medially.",
])
def test_records_lat_beside_a_part_is_a_position_not_the_muscle(nlp, text):
    assert "lat" not in spans(nlp, text, "STRUCTURE")


def test_the_lat_muscle_stays_a_structure(nlp):
    assert "lat" in spans(nlp, "R QL and lat tight on side bend.", "STRUCTURE")


def test_a_short_choppy_stride_is_the_gait_finding(nlp):
    assert "short choppy stride" in spans(nlp, "Filmed at 12 km/h: short choppy stride on the L.", "CONDITION")


@pytest.mark.parametrize("text, word", [
    ("PMH: hEDS, diagnosed 2020 by rheumatology.", "hEDS"),
    ("Her L patella subluxes on deep squats.", "subluxes"),
])
def test_a_named_connective_tissue_diagnosis_and_a_joint_that_subluxes_are_conditions(nlp, text, word):
    assert word in spans(nlp, text, "CONDITION")


def test_a_clinicians_clientele_named_by_a_diagnosis_is_no_finding(nlp):
    assert "hypermobile" not in spans(nlp, "A friend knows a physio who treats hypermobile dancers.", "CONDITION")


def test_a_muscles_dominance_is_its_finding_after_the_muscle(nlp):
    found = labels(nlp, "A: L knee pain with poor hip control / TFL dominance.")
    assert ("TFL", "STRUCTURE") in found and ("dominance", "CONDITION") in found


def test_a_dominant_side_or_hand_is_no_finding(nlp):
    assert "dominant" not in spans(nlp, "She is right-hand dominant and kicks with the dominant leg.", "CONDITION")

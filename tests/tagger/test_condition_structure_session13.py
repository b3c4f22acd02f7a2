"""Session 13 CONDITION and STRUCTURE round: injuries and procedures named by records shorthand or
lay words, blows and falls denied, forum categories, alignment findings and joint landmarks, each
stated in GUIDELINES.md or shared by two or more blind annotators (evidence and counts in
corpora/reviews/gold_fixes_session13_condition.md). Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import labels, spans


def label_of(nlp, text, words):
    return [label for found, label in labels(nlp, text) if found == words]


@pytest.mark.parametrize("text, word", [
    ("FHx: father had gout, knee surgery x1 in his 60s.", "surgery"),
    ("PMHx: R wrist # (ORIF) 2015 after a bike crash.", "ORIF"),
    ("Had keyhole surgery on the left knee in 2011.", "surgery"),
    ("- Your brother's hip surgery: hope it went well.", "surgery"),
])
def test_an_operation_by_lay_word_or_records_shorthand_is_the_event(nlp, text, word):
    assert word in spans(nlp, text, "CONDITION")


@pytest.mark.parametrize("text", [
    "The nurse at the surgery weighed him on Tuesday.",
    "I work in surgery on Mondays and Fridays.",
    "Surgery: none. Meds: nil.",
    "The form asks about previous surgery.",
])
def test_a_gp_practice_or_a_form_field_is_no_operation(nlp, text):
    assert "surgery" not in [s.lower() for s in spans(nlp, text, "CONDITION")]


def test_metalwork_removed_is_the_operation_and_a_boot_removed_is_not(nlp):
    assert "removed" in spans(nlp, "L ankle ORIF 2012; screws removed 2013.", "CONDITION")
    assert "removed" not in spans(nlp, "The cast was removed on Friday.", "CONDITION")


@pytest.mark.parametrize("text, word", [
    ("No, I didn't fall or knock it, it just crept up.", "fall"),
    ("i didnt bang it on anything, it just swelled", "bang"),
    ("She hasn't jarred her back lifting.", "jarred"),
    ("Never hit it on the table edge either.", "hit"),
])
def test_a_blow_or_fall_denied_is_the_injury_event(nlp, text, word):
    assert word in spans(nlp, text, "CONDITION")


@pytest.mark.parametrize("text, word", [
    ("I didn't hit my target pace this week.", "hit"),
    ("Try not to fall asleep on the sofa.", "fall"),
    ("We took a trip on the ferry.", "trip"),
])
def test_a_missed_target_sleep_or_journey_is_no_injury(nlp, text, word):
    assert word not in spans(nlp, text, "CONDITION")


def test_a_trip_told_in_the_present_is_the_event(nlp):
    assert "trip" in spans(nlp, "Sometimes I trip on the right foot on kerbs.", "CONDITION")


@pytest.mark.parametrize("text, word", [
    ("O/E: HAV L ~30°, R ~15°.", "HAV"),
    ("Mild lesser toe deformity R.", "deformity"),
])
def test_records_hav_and_a_deformity_on_exam_are_findings(nlp, text, word):
    assert word in spans(nlp, text, "CONDITION")


def test_a_hitch_before_the_hip_is_the_alignment_verb(nlp):
    assert "hitch" in spans(nlp, "When I walk I sort of hitch the hip up.", "CONDITION")
    assert "hitch" not in spans(nlp, "The trailer hitch came loose.", "CONDITION")


@pytest.mark.parametrize("text", [
    "r/PlantarFasciitis - 3 months in and fed up",
    "Posted in: Walking Club › Aches & Injuries",
])
def test_a_forum_category_or_subreddit_is_no_finding(nlp, text):
    assert spans(nlp, text, "CONDITION") == []


@pytest.mark.parametrize("text, word", [
    ("Standing: R ASIS lower than L.", "lower"),
    ("Gait: femur adducts + IR, knee valgus.", "adducts"),
    ("Squat: hip drops + adducts L.", "adducts"),
    ("Standing: R forefoot abducted, arch low.", "abducted"),
    ("R knee: patella squints in on standing.", "squints in"),
])
def test_a_landmark_lower_or_a_part_that_abducts_or_squints_is_the_alignment_finding(nlp, text, word):
    assert word in spans(nlp, text, "CONDITION")


@pytest.mark.parametrize("text, word", [
    ("Pain in the lower back since June.", "lower"),
    ("Supine, hip abducted 20° and held.", "abducted"),
    ("I squint at the screen all day.", "squint"),
])
def test_a_region_a_measured_position_or_a_squinting_eye_is_no_finding(nlp, text, word):
    assert word not in spans(nlp, text, "CONDITION")


@pytest.mark.parametrize("text, words", [
    ("My uncle says it's house maids knee from the tiling.", "house maids knee"),
    ("Coach said it might be Sever or growing pains.", "Sever"),
    ("There's a thickened bit halfway up the tendon.", "thickened bit"),
    ("On video she is pushing off early on the left.", "pushing off early"),
])
def test_lay_names_and_gait_phases_of_new_writers_are_conditions(nlp, text, words):
    assert words in spans(nlp, text, "CONDITION")


def test_the_verb_sever_is_no_diagnosis(nlp):
    assert "sever" not in [s.lower() for s in spans(nlp, "Be careful not to sever the cable.", "CONDITION")]


@pytest.mark.parametrize("text, words", [
    ("L knee: TTP medial joint line, no effusion.", "medial joint line"),
    ("TTP lat joint line R.", "lat joint line"),
    ("XR L tib/fib booked.", "tib/fib"),
])
def test_a_sided_joint_line_and_paired_bones_are_one_structure(nlp, text, words):
    assert label_of(nlp, text, words) == ["STRUCTURE"]


def test_a_bare_joint_line_stays_the_region(nlp):
    assert label_of(nlp, "It hurts just below the joint line where you pressed.", "joint line") == ["BODY_REGION"]


def test_a_hash_after_a_slash_beside_a_diagnosis_is_the_fracture(nlp):
    assert "#" in spans(nlp, "Imp: L ?navicular stress reaction / #; review", "CONDITION")


def test_a_hash_numbering_after_a_diagnosis_stays_out(nlp):
    assert "#" not in spans(nlp, "Item: PF #2 on the list", "CONDITION")


def test_sits_slumped_observed_is_the_posture_finding(nlp):
    assert label_of(nlp, "Obs: sits slumped, head forward.", "slumped") == ["CONDITION"]


def test_the_slump_test_position_is_no_finding(nlp):
    assert "slumped" not in spans(nlp, "She asked me to sit slumped and straighten my leg.", "CONDITION")


def test_a_bare_cave_after_its_part_is_the_verb_finding(nlp):
    assert "cave" in spans(nlp, "On squats both knees cave, the left more.", "CONDITION")
    assert "cave" not in spans(nlp, "We walked into the cave on holiday.", "CONDITION")


@pytest.mark.parametrize("text, word, label", [
    ("Plan: XR today, bone scan if clear.", "bone", "STRUCTURE"),
    ("Plan: bunion shield and wider shoes.", "bunion", "CONDITION"),
])
def test_a_test_or_device_named_by_its_tissue_or_condition_is_neither(nlp, text, word, label):
    assert word not in spans(nlp, text, label)


def test_a_weakness_placed_proximal_is_the_parts_finding(nlp):
    assert label_of(nlp, "A: R ITB pain from proximal weakness, cadence high.", "weakness") == ["CONDITION"]


def test_a_neural_list_weakness_stays_the_symptom(nlp):
    assert label_of(nlp, "Denies numbness, tingling or weakness.", "weakness") == ["SYMPTOM"]

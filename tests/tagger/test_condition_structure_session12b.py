"""Session 12, second CONDITION and STRUCTURE round: readings of the new writers' records and lay
words (urgent care, podiatry gait reports, chiropractic and osteopathy listings, second-language
writers), each stated in GUIDELINES.md or shared by two or more blind annotators (evidence and
counts in corpora/reviews/gold_fixes_session12b_cond2.md). Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import labels, spans


def label_of(nlp, text, words):
    return [label for found, label in labels(nlp, text) if found == words]


@pytest.mark.parametrize("text", [
    "CC: L knee inj at netball, 29 y/o M.",
    "No prior R ankle inj. Denies numbness.",
])
def test_records_inj_after_its_part_is_the_injury_event(nlp, text):
    assert label_of(nlp, text, "inj") == ["CONDITION"]


def test_a_lone_inj_is_no_injury_event(nlp):
    assert "inj" not in spans(nlp, "Given inj of lidocaine today.", "CONDITION")


def test_a_fracture_denied_after_no_is_the_hash(nlp):
    assert "#" in spans(nlp, "XR L wrist - no #. Sling for comfort.", "CONDITION")


def test_a_list_number_hash_stays_out(nlp):
    assert "#" not in spans(nlp, "Ticket # 4432 raised for the boots.", "CONDITION")


@pytest.mark.parametrize("text, finding", [
    ("Gait: reduced heel strike L, short L step.", "reduced heel strike"),
    ("Video gait: R heel strike absent, R forefoot loading.", "heel strike absent"),
    ("Treadmill: L heel off early with short stance.", "heel off early"),
    ("Gait - visible lateral border loading R.", "lateral border loading"),
])
def test_a_qualified_gait_phase_or_border_loading_is_one_gait_finding(nlp, text, finding):
    assert finding in spans(nlp, text, "CONDITION")


@pytest.mark.parametrize("text, word", [
    ("Gait: short R stance, trunk lean L.", "lean"),
    ("Walking: trunk lists R over the stance leg.", "lists"),
])
def test_the_trunk_that_leans_or_lists_is_the_finding_after_it(nlp, text, word):
    assert label_of(nlp, text, word) == ["CONDITION"]
    assert label_of(nlp, text, "trunk") == ["BODY_REGION"]


def test_a_list_not_after_the_trunk_is_no_finding(nlp):
    assert "list" not in spans(nlp, "Waiting list for the knee clinic is long.", "CONDITION")


def test_the_writer_leaning_in_a_when_clause_stays_the_posture(nlp):
    assert label_of(nlp, "It hurts most when I lean over the sink.", "lean") == ["ACTIVITY"]


def test_leaning_onto_a_leg_is_the_weight_shift(nlp):
    assert label_of(nlp, "He stands on the outer foot, leaning onto the left leg.", "leaning") == ["CONDITION"]


@pytest.mark.parametrize("text", [
    "Back ache secondary to antalgic gait (offloading R heel).",
    "Hip pain from offloading the L forefoot for weeks.",
])
def test_offloading_a_part_is_the_compensation(nlp, text):
    assert "offloading" in spans(nlp, text, "CONDITION")


def test_offloading_with_no_part_after_it_stays_out(nlp):
    assert "offloading" not in spans(nlp, "Plan: offloading boot for two weeks.", "CONDITION")


@pytest.mark.parametrize("text", [
    "I had an operation on my knee in 2005.",
    "My aunt ended up having an operation for it.",
])
def test_an_operation_is_the_procedure_word(nlp, text):
    assert "operation" in spans(nlp, text, "CONDITION")


@pytest.mark.parametrize("text", [
    "Since my cataract operation I walk less.",
    "Previous operations: appendix 1990.",
])
def test_an_eye_operation_or_a_form_field_is_not(nlp, text):
    found = spans(nlp, text, "CONDITION")
    assert "operation" not in found and "operations" not in found


def test_records_recon_after_its_part_is_the_operation(nlp):
    assert label_of(nlp, "Sister had ACL recon in 2021.", "recon") == ["CONDITION"]


@pytest.mark.parametrize("text, word", [
    ("Before the accident I had no pain in my back.", "accident"),
    ("No specific incident, gradual onset.", "incident"),
])
def test_a_lay_noun_for_the_injury_is_the_event(nlp, text, word):
    assert label_of(nlp, text, word) == ["CONDITION"]


@pytest.mark.parametrize("text", [
    "Subject: Incident report for my ankle.",
    "Date of incident: 4 May.",
    "Seen in Accident and Emergency overnight.",
])
def test_incident_forms_and_the_department_are_no_event(nlp, text):
    found = spans(nlp, text, "CONDITION")
    assert not {"incident", "Incident", "Accident", "accident"} & set(found)


@pytest.mark.parametrize("text, finding", [
    ("A: R sciatic irritation from long drives.", "sciatic irritation"),
    ("Likely patellar tendon irritation after the camp.", "patellar tendon irritation"),
    ("Physio thinks patellofemoral irritation from load.", "patellofemoral irritation"),
])
def test_a_tissue_irritation_named_as_the_diagnosis_is_one_condition(nlp, text, finding):
    assert finding in spans(nlp, text, "CONDITION")


def test_plantar_heel_pain_is_the_region_and_the_pain(nlp):
    text = "S: L plantar heel pain x 3 months, worst first steps."
    assert label_of(nlp, text, "plantar heel") == ["BODY_REGION"]
    assert label_of(nlp, text, "pain") == ["SYMPTOM"]


@pytest.mark.parametrize("text", [
    "Resisted eversion PF painful 4/5.",
    "HEP: calf + PF stretches twice daily.",
])
def test_pf_beside_a_movement_or_in_a_stretch_is_no_diagnosis(nlp, text):
    assert "PF" not in spans(nlp, text, "CONDITION")


@pytest.mark.parametrize("text", [
    "Lachman firm. Valgus/varus stable at 0 and 30.",
    "Valgus stress test neg at 30 degrees.",
])
def test_a_valgus_or_varus_stress_test_is_no_finding(nlp, text):
    found = spans(nlp, text, "CONDITION")
    assert not {"Valgus", "varus", "valgus"} & set(found)


def test_knee_valgus_in_a_squat_stays_the_finding(nlp):
    assert "valgus" in spans(nlp, "SL squat: knee valgus L.", "CONDITION")


@pytest.mark.parametrize("text, finding", [
    ("Turnout forced: tibial ER, midfoot pronated.", "tibial ER"),
    ("Standing: R calcaneal eversion, arch low.", "calcaneal eversion"),
    ("Patellar glide: lat tilt L.", "lat tilt"),
    ("O: fusiform thickening R Achilles, TTP.", "fusiform thickening"),
])
def test_records_findings_of_podiatry_and_sports_notes(nlp, text, finding):
    assert finding.lower() in [s.lower() for s in spans(nlp, text, "CONDITION")]


@pytest.mark.parametrize("text, part", [
    ("L4/5 joint fixation R, tender.", "L4/5 joint"),
    ("Palp: L4-L5 paraspinals tight bilat.", "L4-L5 paraspinals"),
    ("Numbness in the L5 distribution.", "L5 distribution"),
    ("Weak glute max-med on the left.", "glute max-med"),
    ("TTP greater troch R.", "greater troch"),
    ("NT base 5th MT, NT navicular.", "base 5th MT"),
])
def test_records_structures_keep_their_landmark_or_level(nlp, text, part):
    assert part in spans(nlp, text, "STRUCTURE")


@pytest.mark.parametrize("text, finding", [
    ("Bridge hold 20 s: glutes not firing per pt.", "not firing"),
    ("Sitting all day keeps those glutes switched off.", "switched off"),
])
def test_a_muscle_said_not_to_work_is_its_finding(nlp, text, finding):
    assert finding in spans(nlp, text, "CONDITION")


def test_switching_off_a_machine_is_no_finding(nlp):
    assert "switched off" not in spans(nlp, "I switched off the treadmill and sat down.", "CONDITION")


def test_a_muscle_asleep_is_its_finding_and_a_foot_asleep_the_numbness(nlp):
    assert label_of(nlp, "My glutes are basically asleep after exams.", "asleep") == ["CONDITION"]
    assert label_of(nlp, "My left foot is asleep after the drive.", "asleep") == ["SYMPTOM"]

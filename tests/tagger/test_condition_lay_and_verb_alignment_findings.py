"""Session 10 (CONDITION and STRUCTURE pooled over the blind annotators): a big "arch" in the
back is the lordosis finding (9 and its second annotator, 8a), "IRs" after its part is the
rotation finding as "IR" is (9, its second annotator, 9n; GUIDELINES session 7), a bare "dive"
after the knee is the valgus verb (9n; GUIDELINES session 6), and records "Lat" before a side or
a region is "lateral", not the muscle (8a, 9n). Each with sentences where the same words are
not that. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import labels, spans


@pytest.mark.parametrize("text, region", [
    ("I stand with a big arch in my lower back and my bum stuck out.", "lower back"),
    ("She pointed out the arch in my back when I stand at the counter.", "back"),
    ("Slumped forward, then a huge arch in the low back when I straighten.", "low back"),
])
def test_an_arch_in_the_back_is_a_finding_and_the_back_its_region(nlp, text, region):
    found = labels(nlp, text)
    assert ("arch", "CONDITION") in found
    assert (region, "BODY_REGION") in found


@pytest.mark.parametrize("text", [
    "Pain in the arch of my foot and back pain after long shifts.",
    "The arch in my left foot aches by lunchtime.",
    "The arch of the foot is tender, back is fine.",
])
def test_the_foot_arch_stays_a_region(nlp, text):
    assert "arch" in spans(nlp, text, "BODY_REGION")
    assert "arch" not in spans(nlp, text, "CONDITION")


@pytest.mark.parametrize("text", [
    "SL stance L: arch collapses, femur IRs, pelvis drops.",
    "Step-down R: R femur adducts + IRs, knee moves medially.",
])
def test_irs_after_its_part_is_the_rotation_finding(nlp, text):
    assert "IRs" in spans(nlp, text, "CONDITION")


def test_irs_with_no_part_before_it_is_nothing(nlp):
    assert "IRs" not in spans(nlp, "IRs and ERs checked, both full.", "CONDITION")


@pytest.mark.parametrize("text", [
    "On the bike her knee dive towards the top tube at the bottom of the stroke.",
    "Every landing the left knee dives towards the other one.",
])
def test_a_knee_that_dives_is_the_valgus_verb(nlp, text):
    assert any(s in ("dive", "dives") for s in spans(nlp, text, "CONDITION"))


@pytest.mark.parametrize("text", [
    "I dive off the side of the pool every morning.",
    "We dived on holiday and my ankle was fine.",
])
def test_a_dive_with_no_part_before_it_is_no_finding(nlp, text):
    assert not any(s in ("dive", "dived") for s in spans(nlp, text, "CONDITION"))


@pytest.mark.parametrize("text", [
    "Lat L foot pain x3/52, insidious.",
    "HGV driver. R lat leg tingling x2/12.",
    "L lat lower leg ache, r/o sciatica.",
])
def test_records_lat_before_a_side_or_region_is_no_muscle(nlp, text):
    assert not any(s.lower() == "lat" for s in spans(nlp, text, "STRUCTURE"))


@pytest.mark.parametrize("text, structure", [
    ("R lat tight on overhead reach.", "lat"),
    ("Lat malleolus swollen, ATFL TTP.", "Lat malleolus"),
])
def test_the_lat_muscle_and_a_lateral_bone_stay_structures(nlp, text, structure):
    assert structure in spans(nlp, text, "STRUCTURE")


@pytest.mark.parametrize("text, verb", [
    ("The physio thinks my arches drop, which turns my knees in on every step.", "turns"),
    ("Her foot rolls in and that twists the whole leg inwards.", "twists"),
    ("He reckons the flat foot is rotating my leg inward.", "rotating"),
])
def test_a_rotation_verb_before_the_part_it_turns_in_is_the_finding(nlp, text, verb):
    found = labels(nlp, text)
    assert (verb, "CONDITION") in found
    assert any(label == "BODY_REGION" for _, label in found)


@pytest.mark.parametrize("text", [
    "It hurts when she turns her head in bed.",
    "The path twists along the river and turns back to the car park.",
    "Turn your knees in gently and hold for five seconds.",
])
def test_a_turn_with_no_leg_part_turned_in_is_no_finding(nlp, text):
    assert not any(s in ("turns", "twists", "Turn") for s in spans(nlp, text, "CONDITION"))


@pytest.mark.parametrize("text", [
    "The shin and thigh twist in, the knee is pushed inwards, and the hip works overtime.",
    "On the squat her knees get pushed in towards each other.",
])
def test_a_knee_pushed_in_is_the_valgus_finding(nlp, text):
    assert any(s.startswith("pushed") for s in spans(nlp, text, "CONDITION"))


def test_pushing_in_a_door_is_no_finding(nlp):
    assert spans(nlp, "I pushed in the heavy door at work and felt nothing.", "CONDITION") == []


@pytest.mark.parametrize("text, finding", [
    ("Posture: marked anterior pelvic tilt, increased lumbar lordosis, knees locked back.", "lumbar lordosis"),
    ("Sitting: forward head, thoracic kyphosis, shoulders up.", "thoracic kyphosis"),
    ("Step-down R: femoral IR and knee medial collapse, worse when tired.", "medial collapse"),
])
def test_a_named_posture_or_collapse_keeps_its_place_word(nlp, text, finding):
    assert finding in spans(nlp, text, "CONDITION")


@pytest.mark.parametrize("text, structure", [
    ("Glute max/med MMT R 4-/5, L 4/5.", "Glute max/med"),
    ("L glute med/min 4/5 on the left.", "glute med/min"),
    ("Pain on the outside of my hip, right over the bony point, worse lying on it.", "bony point"),
])
def test_paired_glutes_and_the_bony_point_are_one_structure(nlp, text, structure):
    assert structure in spans(nlp, text, "STRUCTURE")


def test_a_bony_point_of_the_hip_stays_the_region_phrase(nlp):
    assert "bony point" not in spans(nlp, "The bony point of my hip is sore to lie on.", "STRUCTURE")


@pytest.mark.parametrize("text", [
    "R knee pain 4/12, gradual onset, no trauma.",
    "Now L hip ache x1/52. No new trauma.",
])
def test_trauma_is_an_injury_event_and_denied_here(nlp, text):
    ent = next(e for e in nlp(text).ents if e.text == "trauma")
    assert ent.label_ == "CONDITION" and ent._.negated


def test_a_sway_in_the_low_back_is_the_lordosis_finding(nlp):
    assert ("sway", "CONDITION") in labels(nlp, "My pelvis tips forward with a big sway in my low back.")


def test_swaying_while_balancing_is_no_finding(nlp):
    assert "sway" not in spans(nlp, "I sway a bit when I balance on one leg.", "CONDITION")


def test_a_pelvic_hike_is_the_hitch_finding_and_a_hike_a_walk(nlp):
    assert ("pelvic hike", "CONDITION") in labels(nlp, "A: L QL/pelvic hike, leg IR, overpronation.")
    assert ("hike", "ACTIVITY") in labels(nlp, "We went for a long hike and my heel ached.")


@pytest.mark.parametrize("text", [
    "She said my hip flexors are short from all the sitting.",
    "You said the front of my right hip was \"really short\" compared to the left.",
    "The osteo says my hip flexors are very shortened from the desk.",
])
def test_a_part_found_short_is_a_muscle_state_finding(nlp, text):
    found = spans(nlp, text, "CONDITION")
    assert any(s in ("short", "shortened") for s in found)


@pytest.mark.parametrize("text", [
    "My knee hurts for a short while after the run.",
    "My low back feels short after sitting.",
    "My stride on that side was very short.",
    "I do the short-foot exercise twice a day.",
    "The run was so short that my hip never warmed up.",
])
def test_short_of_time_distance_stride_or_feeling_is_no_finding(nlp, text):
    assert not any("short" in s for s in spans(nlp, text, "CONDITION"))


def test_the_short_foot_exercise_keeps_its_name(nlp):
    assert "short-foot exercise" in spans(nlp, "I do the short-foot exercise twice a day.", "ACTIVITY")


@pytest.mark.parametrize("text", [
    "The physio says my TFL is overactive on the right.",
    "My right TFL is very overactive and tight.",
])
def test_a_muscle_found_overactive_is_the_finding(nlp, text):
    assert "overactive" in spans(nlp, text, "CONDITION")


def test_an_overactive_imagination_is_no_finding(nlp):
    assert spans(nlp, "I have an overactive imagination, my GP says.", "CONDITION") == []


@pytest.mark.parametrize("text", [
    "I do sit twisted at the machine, I have to.",
    "She sits twisted to the R on her stool all day.",
])
def test_sitting_twisted_is_how_the_body_sits(nlp, text):
    assert "twisted" in spans(nlp, text, "CONDITION")


def test_a_twisted_ankle_stays_the_injury(nlp):
    doc = nlp("I twisted my ankle on the kerb last week.")
    assert [(e.text, e.label_) for e in doc.ents if e.text == "twisted"] == [("twisted", "CONDITION")]


@pytest.mark.parametrize("text, finding", [
    ("Standing: weight shift to R, R hip hitched.", "weight shift"),
    ("She stands with her weight shifted onto the R leg to spare the foot.", "weight shifted"),
])
def test_a_weight_shift_is_a_gait_compensation(nlp, text, finding):
    assert finding in spans(nlp, text, "CONDITION")


def test_weight_bearing_and_weight_loss_are_no_compensation(nlp):
    assert not any(s.startswith("weight") for s in spans(nlp, "Weight bearing as tolerated; weight loss advised.", "CONDITION"))


@pytest.mark.parametrize("text", [
    "Job: hairdresser.\nFeet: Always been flat, my feet roll in.",
    "Feet: very flat, the physio said they roll in.",
])
def test_flat_under_a_feet_field_is_the_flat_foot_finding(nlp, text):
    assert "flat" in spans(nlp, text, "CONDITION")


@pytest.mark.parametrize("text", [
    "Back: flat, no pain at all.",
    "Shoes: flat, worn at the heel.",
])
def test_flat_under_another_field_is_no_flat_foot(nlp, text):
    assert "flat" not in spans(nlp, text, "CONDITION")

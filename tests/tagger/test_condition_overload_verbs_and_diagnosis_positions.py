"""Session 11, CONDITION on new writers' text: readings shared by two or more blind annotators
(evidence and counts in corpora/reviews/gold_fixes_session11_cond.md). An overload written as a
verb on a part is the finding, as the noun "overload" is; an arch that drops "flat" is one verb
finding with the word that completes it; a fall beside "or" or after "post-" is the injury event;
a position word before a diagnosis is part of it. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import labels, spans


@pytest.mark.parametrize("text, finding", [
    ("Her view is that the flat foot is overloading the hip stabilisers.", "overloading"),
    ("He thought my feet were overloading the knee on the downhills.", "overloading"),
    ("It drives the leg in and overloading the right hip abductors follows.", "overloading"),
    ("The peroneal tendons get overworked when the foot sits like that.", "overworked"),
    ("Physio says glute med overworked from all the hill walking.", "overworked"),
    ("The rolling in overloads the muscles on the side of the hip.", "overloads"),
    ("She said that wears out the muscles at the back of the hip.", "wears out"),
])
def test_an_overload_verb_on_a_part_is_the_finding(nlp, text, finding):
    assert finding in spans(nlp, text, "CONDITION")


@pytest.mark.parametrize("text, words", [
    ("Progressive overloading is how the plan builds your fitness.", "overloading"),
    ("Don't overload the knee this week.", "overload"),
    ("I overloaded the car for the camping trip.", "overloaded"),
    ("The old trainers wore out after 500 km.", "wore out"),
])
def test_an_overload_verb_without_a_part_or_in_a_caution_is_not(nlp, text, words):
    assert words not in spans(nlp, text, "CONDITION")


def test_the_part_beside_an_overload_verb_stays_its_own_entity(nlp):
    found = labels(nlp, "Her feet were overloading the hip.")
    assert ("overloading", "CONDITION") in found
    assert ("hip", "BODY_REGION") in found


@pytest.mark.parametrize("text, finding", [
    ("On the video the right arch dropped flat at midstance.", "dropped flat"),
    ("The podiatrist says my arches drop flat in sandals.", "drop flat"),
    ("By the evening my feet squash flat.", "squash flat"),
])
def test_an_arch_dropping_flat_is_one_verb_finding(nlp, text, finding):
    found = labels(nlp, text)
    assert (finding, "CONDITION") in found
    assert ("flat", "CONDITION") not in found


def test_flat_after_drop_without_a_part_is_no_finding(nlp):
    assert "drop flat" not in spans(nlp, "Keep your back flat and drop flat onto the mat.", "CONDITION")


@pytest.mark.parametrize("text", [
    "Injury or fall? No.",
    "81, post-fall, no fracture seen.",
    "There has been no injury or fall that we know of.",
])
def test_a_fall_beside_an_injury_or_after_post_is_the_event(nlp, text):
    assert "fall" in spans(nlp, text, "CONDITION")


@pytest.mark.parametrize("text", [
    "We moved house in the fall.",
    "I tend to fall asleep on the sofa.",
])
def test_a_season_or_falling_asleep_is_no_fall(nlp, text):
    assert "fall" not in spans(nlp, text, "CONDITION")


@pytest.mark.parametrize("text, finding", [
    ("The scan showed a lateral meniscal tear.", "lateral meniscal tear"),
    ("MRI: L paracentral disc prolapse, no compression.", "paracentral disc prolapse"),
    ("Imp: ?med meniscal tear, ortho referral.", "med meniscal tear"),
])
def test_a_position_word_before_a_diagnosis_is_in_its_span(nlp, text, finding):
    assert finding in spans(nlp, text, "CONDITION")


def test_a_position_word_before_a_region_stays_with_the_region(nlp):
    found = labels(nlp, "L lateral ankle sprain, grade II.")
    assert ("lateral ankle", "BODY_REGION") in found
    assert ("sprain", "CONDITION") in found


@pytest.mark.parametrize("text, finding", [
    ("Previous injuries: right ACL reconstruction 2012, fully recovered.", "reconstruction"),
    ("My mum had a hip replacement last spring.", "replacement"),
    ("My right knee was replaced in 2018 and it's been great.", "replaced"),
    ("PMH: L4/5 discectomy 2014.", "discectomy"),
    ("R knee arthroscopy 2011 for a meniscal tear.", "arthroscopy"),
])
def test_an_operation_on_a_part_is_a_condition(nlp, text, finding):
    assert finding in spans(nlp, text, "CONDITION")


@pytest.mark.parametrize("text, words", [
    ("The insoles were replaced last month.", "replaced"),
    ("I bought a replacement pair of trainers.", "replacement"),
    ("Her reconstruction of the timeline was vague.", "reconstruction"),
])
def test_a_replacement_without_a_part_is_no_operation(nlp, text, words):
    assert words not in spans(nlp, text, "CONDITION")


@pytest.mark.parametrize("text, finding", [
    ("The X-ray showed the joint worn on the inside.", "worn"),
    ("The knee X-ray showed a bit of wear, normal for my age.", "wear"),
])
def test_wear_found_in_a_joint_is_a_condition(nlp, text, finding):
    assert finding in spans(nlp, text, "CONDITION")


@pytest.mark.parametrize("text, words", [
    ("Her school shoes are worn down on the inner side.", "worn"),
    ("There is some wear on the heels of the trainers.", "wear"),
    ("I wear them every day for work.", "wear"),
])
def test_worn_shoes_and_wearing_them_are_no_joint_wear(nlp, text, words):
    assert words not in spans(nlp, text, "CONDITION")


def test_a_verb_finding_after_another_finding_of_the_part_keeps_its_subject(nlp):
    assert "falling down" in spans(nlp, "By the end of the run the arch feels weak and falling down.", "CONDITION")


def test_a_weak_part_then_a_movement_with_its_object_is_no_verb_finding(nlp):
    assert "going down" not in spans(nlp, "My knee feels weak and going down stairs hurts.", "CONDITION")

"""Session 14, round 2, FOOTWEAR, BODY_REGION and SYMPTOM spans: readings of the newest writers
(orthotists and prosthetists, ward and records notes, lay posts), each stated in GUIDELINES.md or
shared by two or more blind annotators (evidence and counts in
corpora/reviews/gold_fixes_session14b_anatomy_footwear.md). Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import spans


@pytest.mark.parametrize(("text", "shoe"), [
    ("Wears Blundstones on site all day.", "Blundstones"),
    ("To fit his work boots (Blundstone 500).", "Blundstone 500"),
    ("Tried Formthotics for a month, no change.", "Formthotics"),
    ("Put Powerstep in both shoes last week.", "Powerstep"),
    ("His Justin ropers are worn through.", "Justin ropers"),
    ("Referred for custom FOs.", "custom FOs"),
    ("Rx: EVA shells, 3 mm.", "EVA shells"),
    ("Swapped my comfy neutrals for something firmer.", "neutrals"),
])
def test_footwear_named_by_brand_or_trade_word_is_footwear(nlp, text, shoe):
    assert shoe in spans(nlp, text, "FOOTWEAR")


def test_everyday_names_the_shoes_purpose_and_stays_in_the_span(nlp):
    assert "everyday shoes" in spans(nlp, "Insoles in my everyday shoes now.", "FOOTWEAR")


@pytest.mark.parametrize("text", [
    "ORTHOTICS UNIT\nSeen today for review.",
    "Letter from the Orthotics Dept about the fitting.",
])
def test_a_footwear_word_naming_a_department_is_not_footwear(nlp, text):
    assert spans(nlp, text, "FOOTWEAR") == []


def test_orthotics_asked_for_stay_footwear(nlp):
    assert "Orthotics" in spans(nlp, "P: Orthotics referral sent.", "FOOTWEAR")


@pytest.mark.parametrize(("text", "part"), [
    ("Rx: 3 deg medial rearfoot post bilat.", "rearfoot"),
    ("Shells with a forefoot post L.", "forefoot"),
    ("Prosthesis: pin liner, SACH foot, 2 yrs old.", "foot"),
])
def test_a_devices_part_named_after_the_body_is_not_the_body(nlp, text, part):
    assert part not in spans(nlp, text, "BODY_REGION")


def test_a_residual_limb_is_the_body(nlp):
    assert "residual limb" in spans(nlp, "Checked the residual limb: skin intact.", "BODY_REGION")


@pytest.mark.parametrize("text", [
    "I need a shoe with more heel for netball.",
    "Wore sandals with open heel all week.",
    "My old trainers with a heel felt better.",
])
def test_the_heel_a_shoe_is_with_is_the_shoes(nlp, text):
    assert "heel" not in spans(nlp, text, "BODY_REGION")


@pytest.mark.parametrize("text", [
    "These shoes rub my heel raw.",
    "Shoes with heel pain after an hour.",
])
def test_a_heel_the_shoe_acts_on_stays_the_body(nlp, text):
    assert "heel" in spans(nlp, text, "BODY_REGION")


@pytest.mark.parametrize("text", [
    "Walked 250 ft to the shed.",
    "Lifts a 40 lb bag of feed daily.",
])
def test_a_unit_after_a_number_is_not_the_body(nlp, text):
    assert spans(nlp, text, "BODY_REGION") == []


def test_lb_with_no_number_stays_the_lower_back(nlp):
    assert "lb" in spans(nlp, "My lb aches after driving.", "BODY_REGION")


@pytest.mark.parametrize("text", [
    "Thanks, I'll report back after the race.",
    "It came back after two weeks off.",
])
def test_back_after_a_verb_of_going_or_telling_is_a_return(nlp, text):
    assert "back" not in spans(nlp, text, "BODY_REGION")


@pytest.mark.parametrize(("text", "region"), [
    ("Tingling in the sole of her foot at night.", "sole of her foot"),
    ("Numb patch over the dorsum of foot.", "dorsum of foot"),
    ("She walks on the ball of that foot.", "ball of that foot"),
    ("Reflexes of the lower limbs normal.", "lower limbs"),
])
def test_a_part_of_the_foot_named_with_of_is_one_region(nlp, text, region):
    assert region in spans(nlp, text, "BODY_REGION")


@pytest.mark.parametrize(("text", "symptom"), [
    ("Buttock ache, nil radiation.", "radiation"),
    ("Ache radiating to the calf.", "radiating"),
    ("No radiating sx today.", "radiating sx"),
    ("Denies radiating LBP.", "radiating LBP"),
    ("Heard no pop when it went.", "pop"),
    ("Felt a small pop in the calf.", "pop"),
    ("The big toe is red and sore.", "red"),
    ("No redness around the scar.", "redness"),
    ("My foot goes dead after an hour in the car.", "dead"),
])
def test_spread_pop_redness_and_a_dead_part_are_symptoms(nlp, text, symptom):
    assert symptom in spans(nlp, text, "SYMPTOM")


@pytest.mark.parametrize("text", [
    "Red flags: nil.",
    "Stopped at a red light on the way.",
    "Bought red trainers for the race.",
    "Pop in on Friday if it flares.",
    "Heavy dead lifts twice a week.",
    "Back pain, central, non-radiating.",
    "Finished radiation therapy last year.",
])
def test_the_same_words_in_other_senses_are_no_symptom(nlp, text):
    found = spans(nlp, text, "SYMPTOM")
    assert not {"red", "pop", "dead", "radiating", "radiation"} & set(found)

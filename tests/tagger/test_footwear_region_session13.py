"""Session 13, FOOTWEAR, BODY_REGION and SYMPTOM spans: readings of the newest writers (records
exports, shop notes, call transcripts, lay posts), each stated in GUIDELINES.md or shared by two or
more blind annotators (evidence and counts in corpora/reviews/gold_fixes_session13_footwear_region.md).
Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import spans


@pytest.mark.parametrize("text", [
    "Could the clinic ring me back? Thanks.",
    "Happy to cut the volume back if needed.",
    "The heel niggle back + calf tight.",
    "It slides back after a long shift.",
    "I started back swimming at 3 months.",
    "Wallet in the R back pocket all day.",
    "Both heels ache at the back after netball.",
    "Got a blister on the back of the left heel.",
])
def test_back_as_a_return_a_position_or_a_thing_is_not_the_body(nlp, text):
    assert "back" not in spans(nlp, text, "BODY_REGION")


@pytest.mark.parametrize("text", [
    "Better lying on the back with knees bent.",
    "My back hurts after gardening.",
    "Pain in the back and hip since May.",
])
def test_the_back_itself_stays_a_region(nlp, text):
    assert "back" in spans(nlp, text, "BODY_REGION")


@pytest.mark.parametrize("text", [
    "Sport: tennis\n4. Shoes: court trainers, new in March",
    "Mileage: 30 km\nShoes: same pair for a year",
])
def test_a_shoe_word_naming_a_form_field_is_not_footwear(nlp, text):
    assert "Shoes" not in spans(nlp, text, "FOOTWEAR")


def test_a_footwear_question_answered_inline_stays_footwear(nlp):
    assert "Footwear" in spans(nlp, "Any numbness? No\nFootwear? Old canvas pumps", "FOOTWEAR")


@pytest.mark.parametrize("text, shoe", [
    ("He wears his gumboots all day on the farm.", "gumboots"),
    ("Races in Vaporflies, trains in something softer.", "Vaporflies"),
    ("Plan: shoe leveler on the other side.", "shoe leveler"),
    ("Went back to her 6 mm drop trainers last week.", "6 mm drop trainers"),
    ("Trains in split-sole tatami shoes.", "tatami shoes"),
])
def test_trade_boots_shop_words_and_a_shoes_drop_are_footwear(nlp, text, shoe):
    assert shoe in spans(nlp, text, "FOOTWEAR")


@pytest.mark.parametrize("text", [
    "He trains in split-sole tatami shoes.",
    "New boots with a rocker-sole, stiff.",
])
def test_a_hyphenated_sole_is_the_shoes_part(nlp, text):
    assert "sole" not in spans(nlp, text, "BODY_REGION")


@pytest.mark.parametrize("text", [
    "Safety boots with a steel toe cap, very flat.",
    "Smart shoes with a wide toe box please.",
])
def test_a_toe_box_or_steel_toe_is_the_shoes_part(nlp, text):
    assert "toe" not in spans(nlp, text, "BODY_REGION")


@pytest.mark.parametrize("text, sharp", [
    ("Lateral knee ache, sharp on the downhills.", "sharp"),
    ("Hip: sharp, over the outside, after 5 km.", "sharp"),
    ("It gets so sharp I have to stop.", "sharp"),
    ("Felt a sharp pop at the back of the calf.", "sharp pop"),
])
def test_sharp_said_of_the_complaint_is_a_symptom(nlp, text, sharp):
    assert sharp in spans(nlp, text, "SYMPTOM")


@pytest.mark.parametrize("text", [
    "Trod on a sharp stone at the beach.",
    "A sharp rise in mileage in May.",
])
def test_sharp_describing_a_thing_is_no_symptom(nlp, text):
    assert "sharp" not in spans(nlp, text, "SYMPTOM")


@pytest.mark.parametrize("text, region", [
    ("Pins and needles in the little toes after driving.", "little toes"),
    ("The outer two toes go numb on long rides.", "outer two toes"),
    ("Burning between the 2nd and 3rd toes.", "2nd and 3rd toes"),
    ("Deep ache in my left bum cheek when seated.", "bum cheek"),
])
def test_toes_by_place_or_number_and_a_bum_cheek_are_one_region(nlp, text, region):
    assert region in spans(nlp, text, "BODY_REGION")


@pytest.mark.parametrize("text", [
    "Long run, legs heavy for the last 2 km.",
    "My lower back feels stiff and heavy by evening.",
])
def test_heaviness_felt_in_a_part_is_a_symptom(nlp, text):
    assert "heavy" in spans(nlp, text, "SYMPTOM")


@pytest.mark.parametrize("text", [
    "Back sore after lifting heavy sacks at the depot.",
    "Her school bag is heavy.",
])
def test_a_heavy_load_is_no_symptom(nlp, text):
    assert "heavy" not in spans(nlp, text, "SYMPTOM")


@pytest.mark.parametrize("text, symptom", [
    ("Red flags: nil saddle anaesth, bladder and bowel normal.", "saddle anaesth"),
    ("No saddle anaesthesia, no night pain.", "saddle anaesthesia"),
])
def test_saddle_anaesthesia_in_records_forms_is_one_symptom(nlp, text, symptom):
    assert symptom in spans(nlp, text, "SYMPTOM")


def test_the_saddle_area_is_a_region(nlp):
    assert "saddle area" in spans(nlp, "Call us if you feel numb in the saddle area.", "BODY_REGION")


@pytest.mark.parametrize("text, shoe", [
    ("Walking boots are Merrell Moab mids, well worn.", "Moab mids"),
    ("Climbs in Tarantulaces twice a week.", "Tarantulaces"),
])
def test_hiking_and_climbing_shoes_named_by_model_are_footwear(nlp, text, shoe):
    assert shoe in spans(nlp, text, "FOOTWEAR")


def test_a_trip_to_moab_is_no_footwear(nlp):
    assert spans(nlp, "We went biking in Moab in May.", "FOOTWEAR") == []

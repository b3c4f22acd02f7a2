"""Entity spans for the kinds of wording that other annotators tag (GUIDELINES.md section 4):
alignment written as a verb phrase, compound activities and occupations, joints and tissue
words as structures, and the boot that is a cast. Example sentences are written for these tests."""

from __future__ import annotations

import pytest

from tagger.pipeline.concepts import ConceptAttributes


def spans(nlp, text: str, label: str | None = None) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in nlp(text).ents if label is None or e.label_ == label]


def texts(nlp, text: str, label: str) -> list[str]:
    return [t for t, _ in spans(nlp, text, label)]


@pytest.mark.parametrize("text, finding", [
    ("When she lands her left knee went in and it hurt.", "went in"),
    ("Coach says both knees cave in on the squat.", "cave in"),
    ("On video my right foot rolls right in at midstance.", "rolls right in"),
    ("Standing on one leg my left hip drops.", "drops"),
    ("R arch 'dropped' after the strain.", "dropped"),
    ("SL squat L: knee collapses medially.", "collapses"),
    ("Single-leg stance: L foot over-pronating.", "over-pronating"),
    ("O: L pelvis rotated fwd, ant tilt.", "rotated fwd"),
    ("and then the knees get pulled inward when he lands", "pulled inward"),
])
def test_alignment_verb_phrase_after_a_body_part_is_a_condition(nlp, text, finding):
    assert finding in texts(nlp, text, "CONDITION")


@pytest.mark.parametrize("text", [
    "The pain has dropped a lot since Easter.",
    "I went in to see the physio on Monday.",
    "I dropped a kettlebell on the floor last week.",
    "The ache went in a day or two.",
    "P: drop hills for three weeks, easy flat runs only.",
    "Sharp buttock pain on rolling in bed.",
])
def test_the_same_verbs_without_a_body_part_are_not_conditions(nlp, text):
    assert texts(nlp, text, "CONDITION") == []


def test_a_part_that_sits_somewhere_stays_a_region_and_is_not_sitting(nlp):
    found = spans(nlp, "The fitter said his pelvis sits rotated to the left.")
    assert ("pelvis", "BODY_REGION") in found
    assert not any(label == "ACTIVITY" for _, label in found)


@pytest.mark.parametrize("text, activity", [
    ("Always better after the lat stretch.", "lat stretch"),
    ("P: QL stretches 3x/day.", "QL stretches"),
    ("Does side-bend stretches before each ride.", "side-bend stretches"),
    ("Knee aches on long downhill runs.", "downhill runs"),
    ("Numb toes on longer road rides.", "road rides"),
    ("Achilles stiff after speed sessions.", "speed sessions"),
    ("Hurts when I get up from the sofa.", "get up from the sofa"),
    ("Can't sit cross-legged any more.", "sit cross-legged"),
    ("R: toe-walking weaker than L.", "toe-walking"),
    ("Averages 10k steps a day.", "10k steps"),
])
def test_compound_activity_is_one_span(nlp, text, activity):
    assert activity in texts(nlp, text, "ACTIVITY")


@pytest.mark.parametrize("text, activity", [
    ("Pt is a 52 y/o warehouse supervisor.", "warehouse supervisor"),
    ("Her PE teacher noticed the limp.", "PE teacher"),
    ("I work as a postman, 15 km a day.", "postman"),
    ("She trains with the squad four times a week.", "trains"),
    ("Sore after conditioning and hopping drills.", "conditioning"),
    ("Sore after conditioning and hopping drills.", "hopping drills"),
    ("Back twinges when she coughed.", "coughed"),
    ("Heel pain on rising, better by lunch.", "rising"),
    ("Worst after a long day at the desk.", "desk"),
    ("I upped my running from 20 to 45 km a week.", "running"),
])
def test_sport_daily_movement_and_occupation_words_are_activities(nlp, text, activity):
    assert activity in texts(nlp, text, "ACTIVITY")


@pytest.mark.parametrize("text, not_activity", [
    ("I read on the train to work.", "train"),
    ("Plus a 50-min train commute each way.", "train"),
    ("Her yoga teacher showed her a stretch.", "teacher"),
    ("The ache runs from my hip to the knee.", "runs"),
    ("Flat feet run in the family.", "run"),
    ("We got sit-stand desks at work.", "sit"),
    ("I sit at a desk all day.", "desk"),
])
def test_look_alikes_are_not_activities(nlp, text, not_activity):
    assert not_activity not in texts(nlp, text, "ACTIVITY")


def test_a_walking_boot_and_later_mentions_of_the_boot_are_not_footwear(nlp):
    text = "She was in a walking boot for six weeks. The boot made her limp, and she hopped in the boot."
    assert texts(nlp, text, "FOOTWEAR") == []


def test_boots_still_footwear_when_no_cast_is_mentioned(nlp):
    assert texts(nlp, "New football boots laced too tight; the boot rubs.", "FOOTWEAR") == ["football boots", "boot"]


@pytest.mark.parametrize("text, footwear", [
    ("Footwear: old trainers, worn out", ["trainers"]),
    ("Tried an Asics stability shoe, no change.", ["stability shoe"]),
    ("Raced in carbon-plated flats last month.", ["carbon-plated flats"]),
])
def test_footwear_span_is_the_shoe_not_the_form_field_or_brand(nlp, text, footwear):
    assert texts(nlp, text, "FOOTWEAR") == footwear


@pytest.mark.parametrize("text, structure", [
    ("R shoulder: AC joint sore on overhead reach.", "AC joint"),
    ("Deep ache in the hip joint.", "hip joint"),
    ("Full ankle/subtalar ROM.", "subtalar"),
    ("Sore just below the kneecap at the tendon.", "tendon"),
    ("Heel fat pad tender.", "Heel fat pad"),
    ("Hip abd strength 4/5.", "Hip abd"),
    ("She said piriformis and the little rotator muscles.", "little rotator muscles"),
])
def test_joints_and_tissue_words_are_structures(nlp, text, structure):
    assert structure in texts(nlp, text, "STRUCTURE")


def test_nerve_or_bone_irritation_is_a_condition_but_skin_irritation_is_not(nlp):
    assert "irritation" in texts(nlp, "A: local bone irritation, no chain.", "CONDITION")
    assert texts(nlp, "Some irritation from the tape.", "CONDITION") == []


def test_plantarflexion_is_not_plantar_fasciitis(nlp):
    assert texts(nlp, "SLR reproduces sx, worse with ankle PF/inversion.", "CONDITION") == []
    assert texts(nlp, "Dx: R PF, 6/52.", "CONDITION") == ["PF"]


def test_a_disambiguation_rule_with_an_unknown_key_is_refused():
    with pytest.raises(ValueError, match="unknown keys"):
        ConceptAttributes(None, "concept_attributes")._set([], {}, [{"concept": "pain", "drop_if_prev_lowr": ["x"]}])


@pytest.mark.parametrize("text, label", [
    ("Danced all night in 8 cm heels and now the balls of my feet burn.", "FOOTWEAR"),
    ("Wore heels to the office party.", "FOOTWEAR"),
    ("Both my heels ache first thing.", "BODY_REGION"),
])
def test_heels_after_a_wearing_word_or_a_height_are_shoes(nlp, text, label):
    assert ("heels", label) in spans(nlp, text)

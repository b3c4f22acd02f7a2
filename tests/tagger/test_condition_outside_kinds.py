"""CONDITION kinds the session-8 blind annotators tagged that the rules missed (session 9):
inward movements written out ("her pelvis tilts", "knees kissing"), a gait compensation named
as such, spinal and joint shorthand after its part ("SIJ hypomobile"), a lump or bump, a disc
finding with its level, where on the Achilles a tendinopathy is, and injury events ("the fall",
"after twisting on wet step"). Each with sentences where the same words are not a finding. Sentences written for
these tests."""

from __future__ import annotations

import pytest


def conditions(nlp, text: str) -> list[str]:
    return [e.text for e in nlp(text).ents if e.label_ == "CONDITION"]


@pytest.mark.parametrize("text, finding", [
    ("Her pelvis tilts and the knee drives in on every landing.", "tilts"),
    ("On the squat his knees are practically kissing.", "kissing"),
    ("R hip/LBP from compensatory gait after the toe sprain.", "compensatory gait"),
    ("Local problem only; no gait compensation.", "gait compensation"),
    ("Back pain 2° to the gait change since the blister.", "gait change"),
    ("O: R SIJ hypomobile, QL TTP.", "hypomobile"),
    ("There's a tender lump just below my kneecap.", "lump"),
    ("A hard, sore bump on the outside of the foot.", "bump"),
    ("Haglund's bump L heel rubbed by the new boots.", "Haglund's bump"),
    ("MRI: L4/5 disc bulge touching the L5 root.", "L4/5 disc bulge"),
    ("Report says L5/S1 disc extrusion on the right.", "L5/S1 disc extrusion"),
    ("A: R mid-portion Achilles tendinopathy, load-related.", "mid-portion Achilles tendinopathy"),
    ("Dx: non-insertional Achilles tendinopathy.", "non-insertional Achilles tendinopathy"),
    ("L bunionette with adventitious bursitis over the 5th MT head.", "adventitious bursitis"),
    ("Nothing happened - no fall, no injury.", "fall"),
    ("Knee still sore from the fall on the ice.", "fall"),
    ("I turned it on a pothole running for the bus.", "turned"),
    ("R knee pain + swelling after twisting on wet step Sat.", "twisting"),
    ("Motion palpation: L SI fixated, L ilium PI.", "fixated"),
])
def test_outside_annotators_condition_kinds_are_found(nlp, text, finding):
    assert finding in conditions(nlp, text)


@pytest.mark.parametrize("text", [
    "We hit a bump in the road on the way.",
    "She kissed her daughter goodbye at the gate.",
    "The screw fixation was removed in 2019.",
    "The ache sits just under the bony bump of my ankle.",
    "Do I keep going with the same ones or bump it up?",
    "She took a lump sum for the house.",
    "In the fall I usually run less.",
    "Tilt your pelvis back and hold for ten seconds.",
    "Twisting movements at work make it worse.",
    "He is fixated on his marathon time.",
])
def test_the_same_words_that_are_no_finding_are_not_conditions(nlp, text):
    assert conditions(nlp, text) == []


def test_a_driving_activity_is_not_taken_by_a_finding_pattern(nlp):
    doc = nlp("When I drive in to work my back aches.")
    assert ("drive", "ACTIVITY") in [(e.text, e.label_) for e in doc.ents]


def test_antalgic_gait_stays_a_symptom_and_altered_gait_is_a_gait_compensation(nlp):
    # session 11, second round: "altered gait" is the gait change named as a finding (9, its second
    # reading and 11tr a tag it CONDITION); "antalgic gait" stays the limp the team gold tags
    doc = nlp("Antalgic gait on arrival; LBP secondary to altered gait.")
    assert [(e.text, e.label_) for e in doc.ents if "gait" in e.text] == [
        ("Antalgic gait", "SYMPTOM"), ("altered gait", "CONDITION")]

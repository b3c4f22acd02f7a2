"""CONDITION findings written out by outside writers (GUIDELINES.md section 4, "mechanical
findings"): more verbs of inward collapse after the part, movement towards the midline, bare
alignment verbs right after the part, lay named findings and injury events named generically.
Each with the sentences where the same words are not a finding. Sentences written for these tests."""

from __future__ import annotations

import pytest


def conditions(nlp, text: str) -> list[str]:
    return [e.text for e in nlp(text).ents if e.label_ == "CONDITION"]


@pytest.mark.parametrize("text, finding", [
    ("On the video his knees came together every time he landed.", "came together"),
    ("Her knees knock together when she runs downhill.", "knock together"),
    ("You showed me how her feet flopped in on the treadmill.", "flopped in"),
    ("Standing in them my left foot slumped inwards.", "slumped inwards"),
    ("Watching from behind, both ankles tip inwards.", "tip inwards"),
    ("In the mirror both ankles leaning in.", "leaning in"),
    ("Step-down R: the knee moves medially over the foot.", "moves medially"),
    ("SL squat L: knee drifts medially, arch flattens.", "drifts medially"),
])
def test_inward_movement_after_the_part_is_a_condition_with_its_particle(nlp, text, finding):
    assert finding in conditions(nlp, text)


@pytest.mark.parametrize("text, finding", [
    ("SL stance R: the femur adducts and the pelvis drops.", "adducts"),
    ("She stands with the trunk leaning to the right.", "leaning"),
    ("My sister says my arches just disappear when I stand.", "disappear"),
    ("As a teenager I was told my arches were 'low'.", "low"),
    ("O: R hip hiked in standing.", "hiked"),
])
def test_bare_alignment_verb_right_after_the_part_is_a_condition(nlp, text, finding):
    assert finding in conditions(nlp, text)


@pytest.mark.parametrize("text", [
    "I flopped in a chair when I got home.",
    "We came together as a club after the season.",
    "The pain moves medially along the arch by the evening.",
    "I was leaning on the counter when it went.",
    "The ache in my heel disappears after a few minutes.",
    "My arch pain is low today, about 2/10.",
    "The arch support is too low for me.",
    "Side plank, clams and hip hikes, three sets each.",
    "We hiked twelve miles on Saturday.",
])
def test_the_same_verbs_without_their_part_are_not_conditions(nlp, text):
    assert conditions(nlp, text) == []


def test_the_named_finding_after_rolls_into_is_the_condition(nlp):
    assert conditions(nlp, "Her knee turns in and the foot rolls into pronation.") == ["turns in", "pronation"]


def test_strains_as_a_verb_of_load_is_not_a_strain(nlp):
    found = conditions(nlp, "The knee caves in, which strains the tendon behind the ankle bone.")
    assert "strains" not in found and "caves in" in found


@pytest.mark.parametrize("text, finding", [
    ("She had assumed it was a flat-foot problem.", "flat-foot"),
    ("A: L knee pain secondary to pelvic malposition.", "pelvic malposition"),
    ("Imp: patellar maltracking R.", "patellar maltracking"),
])
def test_lay_and_partial_named_findings_are_conditions(nlp, text, finding):
    assert finding in conditions(nlp, text)


@pytest.mark.parametrize("text, finding", [
    ("L knee ache x3/52, no injury, no change in shoes.", "injury"),
    ("Knee: same as ever (old football injury).", "injury"),
    ("Nothing dramatic happened - no fall, no twist.", "fall"),
    ("Hip pain began after a fall onto the left side.", "fall"),
    ("She hasn't fallen or had any knock.", "fallen"),
    ("Three weeks ago I stubbed my big toe on the door.", "stubbed"),
])
def test_an_injury_event_named_generically_is_a_condition(nlp, text, finding):
    assert finding in conditions(nlp, text)


@pytest.mark.parametrize("text", [
    "Previous injuries: none.",
    "Posted in: Running injuries",
    "Not an injury question exactly, more about shoes.",
    "We went hiking in the fall.",
    "I fall asleep on the sofa most nights.",
    "The pain has fallen to 2/10 this week.",
    "Twist your torso slowly to the left.",
])
def test_forms_headers_seasons_and_other_senses_are_not_injury_events(nlp, text):
    assert [c for c in conditions(nlp, text) if c.lower() in {"injury", "injuries", "fall", "fallen", "twist"}] == []


@pytest.mark.parametrize("text, activity", [
    ("I slumped in the chair after work.", "slumped"),
    ("Sharp if I twist to get out of the car.", "twist"),
    ("If I lean forward it pinches.", "lean"),
])
def test_a_finding_verb_pattern_leaves_the_posture_or_movement_activity_alone(nlp, text, activity):
    assert activity in [e.text for e in nlp(text).ents if e.label_ == "ACTIVITY"]

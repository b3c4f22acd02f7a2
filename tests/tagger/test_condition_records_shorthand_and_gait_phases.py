"""Session 11, second CONDITION round: readings shared by two or more blind annotators or stated in
GUIDELINES.md (evidence and counts in corpora/reviews/gold_fixes_session11_cond2.md). Records '#'
after its part is the fracture; an early heel-off and a step, stride or stance cut short are gait
findings; 'altered gait' is a gait compensation; 'injured' is the injury event; the noun 'bruise'
is a CONDITION; a bracketed muscle before 'weakness' is its part; an arch that flattens 'right
down' keeps the words; a landmark found 'high' is how the part sits. Sentences written for these
tests."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import labels, spans


def label_of(nlp, text, words):
    return [label for found, label in labels(nlp, text) if found == words]



@pytest.mark.parametrize("text", [
    "PMH: R ankle # 2018, healed well.",
    "Hx: L clavicle # (skiing) 2015, no sequelae.",
    "Past: R 5th MT base # in 2020, booted for 6/52.",
])
def test_a_hash_right_after_its_part_is_the_fracture(nlp, text):
    assert "#" in spans(nlp, text, "CONDITION")


@pytest.mark.parametrize("text", [
    "Player: winger, 19, #11 on the team sheet.",
    "Reps: 3 x 10, # of sets to go up next week.",
    "Call the clinic on #2 for bookings.",
])
def test_a_hash_without_a_part_before_it_is_not(nlp, text):
    assert "#" not in spans(nlp, text, "CONDITION")


@pytest.mark.parametrize("text, finding", [
    ("Gait: early heel-off on the L, pelvis level.", "early heel-off"),
    ("Gait: short stride R, trunk upright.", "short stride"),
    ("Walks with a shortened stance on the right.", "shortened stance"),
    ("She has been taking shorter steps since the sprain.", "shorter steps"),
    ("Obs: reduced stance time L on the treadmill.", "reduced stance time"),
])
def test_an_early_heel_off_or_a_shortened_step_is_a_gait_finding(nlp, text, finding):
    assert finding in spans(nlp, text, "CONDITION")


@pytest.mark.parametrize("text", [
    "A: L buttock ache secondary to altered gait from the heel.",
    "Ax: LBP 2/2 altered gait since the sprain.",
])
def test_altered_gait_is_a_gait_compensation(nlp, text):
    assert "CONDITION" in label_of(nlp, text, "altered gait")


def test_antalgic_gait_stays_the_limp_symptom(nlp):
    assert "SYMPTOM" in label_of(nlp, "O: Antalgic gait, no swelling.", "Antalgic gait")


@pytest.mark.parametrize("text", [
    "I have never injured that knee before this.",
    "Not injured once this season, touch wood.",
    "He was injured in the second half on Saturday.",
])
def test_injured_said_of_the_writer_or_a_part_is_the_injury_event(nlp, text):
    assert "injured" in spans(nlp, text, "CONDITION")


@pytest.mark.parametrize("text", [
    "Keep the injured leg elevated overnight.",
    "He is on the injured list for two weeks.",
])
def test_injured_describing_a_part_or_a_roster_is_not(nlp, text):
    assert "injured" not in spans(nlp, text, "CONDITION")


@pytest.mark.parametrize("text", [
    "Landed on the step and got a big bruise over the shin.",
    "Heel bruise after jumping off the wall last week.",
    "No bruise, no swelling, just the ache.",
])
def test_the_noun_bruise_is_a_condition(nlp, text):
    assert "bruise" in spans(nlp, text, "CONDITION")


def test_bruise_in_a_comparison_and_bruising_are_not(nlp):
    assert "bruise" not in spans(nlp, "It feels like a bruise under the ball of the foot.", "CONDITION")
    assert "SYMPTOM" in label_of(nlp, "Some bruising on the outside of the ankle.", "bruising")


def test_a_bracketed_muscle_before_weakness_makes_it_the_part_finding(nlp):
    text = "Imp: knee pain from proximal (hip abductor) weakness on the R."
    assert "CONDITION" in label_of(nlp, text, "weakness")


@pytest.mark.parametrize("text, finding", [
    ("The physio said my left foot flattens right down when I run.", "flattens right down"),
    ("Both arches flatten right down on landing.", "flatten right down"),
])
def test_an_arch_that_flattens_right_down_keeps_the_words(nlp, text, finding):
    assert finding in spans(nlp, text, "CONDITION")


@pytest.mark.parametrize("text", [
    "Obs: R iliac crest high, trunk shifted L.",
    "Standing: L shoulder sits slightly high.",
])
def test_a_landmark_found_high_is_the_alignment_finding(nlp, text):
    assert "high" in spans(nlp, text, "CONDITION")


@pytest.mark.parametrize("text", [
    "Bring the knee high on each step of the drill.",
    "The pain is high on the outside of the hip.",
    "Injury hx: R ankle sprain 2021, resolved.",
])
def test_high_without_its_landmark_and_an_injury_field_are_not(nlp, text):
    assert "high" not in spans(nlp, text, "CONDITION")
    assert "Injury" not in spans(nlp, text, "CONDITION")


@pytest.mark.parametrize("text, finding", [
    ("Walks on the outer edge of the foot and 'hitching' on that side.", "hitching"),
    ("He hitches and swings the leg through to clear the floor.", "hitches"),
])
def test_a_hitch_named_as_what_the_walker_does_is_the_gait_finding(nlp, text, finding):
    assert finding in spans(nlp, text, "CONDITION")


@pytest.mark.parametrize("text, words", [
    ("She was hitching a ride to the station.", "hitching"),
    ("He hitches up his trousers before the squat.", "hitches"),
])
def test_hitching_a_ride_or_clothes_is_not(nlp, text, words):
    assert words not in spans(nlp, text, "CONDITION")

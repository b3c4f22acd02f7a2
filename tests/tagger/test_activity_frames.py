"""Activities found by their frame (tagger/pipeline/frames.py, data/activity_frames.jsonl):
occupations after 'I'm a', 'work as a', 'been a', 'retired', 'Job:', and first-person verbs
with a dose, for words no vocabulary lists. Example sentences are written for these tests."""

from __future__ import annotations

import pytest

from tagger.pipeline.frames import _align, _compile
from tests.tagger.entity_lookup import activities


@pytest.mark.parametrize("text, activity", [
    ("I've been a dental hygienist for 14 years.", "dental hygienist"),
    ("I'm a professional seamstress, F, 49.", "seamstress"),
    ("She works as a museum gallery attendant, on her feet all day.", "museum gallery attendant"),
    ("I'm 52, been a locksmith since school.", "locksmith"),
    ("S: 64M, retired stonemason, L hip ache.", "stonemason"),
    ("Job: lab technician, stooped over a bench.", "lab technician"),
    ("Day job is a planning officer at the council.", "planning officer"),
    ("I'm an orchestral violinist, rehearsals most days.", "orchestral violinist"),
    ("New job as a tour guide, on my feet all day.", "tour guide"),
])
def test_occupation_frame_tags_the_job_noun(nlp, text, activity):
    assert activity in activities(nlp, text)


@pytest.mark.parametrize("text, activity", [
    ("I boulder four nights a week.", "boulder"),
    ("I paddle for about 2 hours a day.", "paddle"),
    ("I usually fence twice a week.", "fence"),
])
def test_first_person_verb_with_a_dose_is_an_activity(nlp, text, activity):
    assert activity in activities(nlp, text)


def test_the_dose_attaches_to_the_frame_activity(nlp):
    doc = nlp("I boulder four nights a week.")
    (ent,) = [e for e in doc.ents if e.label_ == "ACTIVITY"]
    assert ent.text == "boulder" and ent._.concept == "dose_verb"
    assert ent._.dose and ent._.dose[0][0] == "frequency"


@pytest.mark.parametrize("text", [
    "I've been a patient of yours for years.",
    "We work as a team on the ward.",
    "I'm a bit worried about the knee.",
    "I'm a little better today.",
    "I'm a fan of the new shoes.",
    "I'm a mother of two.",
    "I'm a big believer in rest.",
    "I'm a heel striker apparently.",
    "Twice a week, ice the heel.",
    "I do 3 sessions a week.",
    "I wear them 8 hours a day.",
    "I take two tablets a day.",
])
def test_frames_without_a_job_or_activity_tag_nothing(nlp, text):
    assert activities(nlp, text) == []


def test_frame_does_not_override_another_label(nlp):
    found = [(e.text, e.label_) for e in nlp("I'm a big overpronator.").ents]
    assert ("overpronator", "CONDITION") in found
    assert not any(label == "ACTIVITY" for _, label in found)


def test_frame_extends_an_activity_inside_its_target(nlp):
    assert "tennis coach" in activities(nlp, "I work as a tennis coach, on court all day.")


def test_alignment_gives_earlier_elements_the_most_tokens():
    rule = {"id": "t", "concept": "c", "target": [1, 2],
            "pattern": [{"LOWER": "a"}, {"IS_ALPHA": True, "OP": "+"}, {"LOWER": "b", "OP": "?"}]}
    class Lex:  # a stand-in exposing the attributes the compiled tests read
        def __init__(self, text):
            self.orth_ = self.lower_ = text
            self.is_alpha = text.isalpha()
    assert _align(_compile(rule), [Lex(w) for w in ["a", "x", "y", "b"]]) == [0, 1, 4, 4]


def test_unknown_rule_keys_are_rejected():
    with pytest.raises(ValueError, match="unknown keys"):
        _compile({"id": "t", "concept": "c", "target": [0, 1], "pattern": [{"LOWER": "a"}], "targte": 1})


@pytest.mark.parametrize("text, activity", [
    ("S: 39F, hospital pharmacist. L hip pain x2m.", "hospital pharmacist"),
    ("S: 52M, bus driver, hip pain on long shifts.", "bus driver"),
    ("Seen today, a 61-year-old warehouse supervisor with heel pain.", "warehouse supervisor"),
])
def test_a_record_opener_with_age_and_sex_names_the_job(nlp, text, activity):
    assert activity in [e.text for e in nlp(text).ents if e.label_ == "ACTIVITY"]


@pytest.mark.parametrize("text", ["S: 30F, L knee pain x3/52.", "S: 28M, right-handed, L heel."])
def test_an_age_and_sex_opener_without_a_job_tags_no_activity(nlp, text):
    assert not [e for e in nlp(text).ents if e.label_ == "ACTIVITY"]


@pytest.mark.parametrize("text", [
    "When he has been sat at the computer all day the heel aches.",
    "I can be sat at the wheel for four hours.",
    "I sat slumped at the cafe stop.",
])
def test_british_sat_for_sitting_is_an_activity(nlp, text):
    assert "sat" in [e.text for e in nlp(text).ents if e.label_ == "ACTIVITY"]


@pytest.mark.parametrize("text", ["Her mileage has sat at 55 km a week.", "Rolled the ankle at netball Sat, bit puffy."])
def test_sat_without_a_person_or_be_is_not_sitting(nlp, text):
    assert "sat" not in [e.text.lower() for e in nlp(text).ents if e.label_ == "ACTIVITY"]


@pytest.mark.parametrize("text, activity", [
    ("Been walking and playing on my toes for ten days.", "playing"),
    ("Playing the same amount as always.", "Playing"),
    ("Sunday league keeper, new moulded boots.", "keeper"),
    ("Ben (rugby, flanker): knee sore on squats.", "flanker"),
])
def test_playing_with_no_game_after_it_and_team_positions_are_activities(nlp, text, activity):
    assert activity in [e.text for e in nlp(text).ents if e.label_ == "ACTIVITY"]


@pytest.mark.parametrize("text", ["My knee is playing up again.", "Sore after playing with my granddaughter."])
def test_playing_up_or_with_someone_is_not_a_sport(nlp, text):
    assert "playing" not in [e.text for e in nlp(text).ents if e.label_ == "ACTIVITY"]


@pytest.mark.parametrize("text, activity", [
    ("I'm 47 and work as a long-distance coach driver.", "long-distance coach driver"),
    ("I moved from a GP practice nurse job last year.", "GP practice nurse"),
])
def test_a_hyphenated_or_workplace_modifier_stays_in_the_job_title(nlp, text, activity):
    assert activity in [e.text for e in nlp(text).ents if e.label_ == "ACTIVITY"]


@pytest.mark.parametrize("text, activity", [
    ("Hello - I coach distance runners at the club.", "distance runners"),
    ("- night nurse, three shifts a week", "night nurse"),
])
def test_a_verb_or_list_dash_is_not_part_of_the_job_title(nlp, text, activity):
    assert activity in [e.text for e in nlp(text).ents if e.label_ == "ACTIVITY"]


@pytest.mark.parametrize("text, activity", [
    ("Worse after long days on the tractor.", "tractor"),
    ("P: neural mobility and graded lumbar loading.", "neural mobility"),
    ("Three sessions of release and the knee settled.", "release"),
    ("Six sessions a week (four on the water, two ergs).", "ergs"),
])
def test_work_vehicles_nerve_mobility_and_sessions_of_release_are_activities(nlp, text, activity):
    assert activity in [e.text for e in nlp(text).ents if e.label_ == "ACTIVITY"]


def test_release_of_a_tissue_is_not_a_treatment_session(nlp):
    assert "release" not in [e.text for e in nlp("Surgical release of the tendon sheath in 2019.").ents]

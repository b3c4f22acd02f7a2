"""Words that are no activity in their frame (session 10, drop rules of activity_frames.jsonl):
a hill named with a determiner after a movement and its direction is where the movement goes
(9, the second round-9 annotator and 7a leave it out); a shoe being stretched is done to the
shoe (8a, 9, the second round-9 annotator); a gerund before a piece of furniture or a room
names what the thing is for (9 and the second round-9 annotator). Sentences written for these
tests."""

from __future__ import annotations

import pytest
import spacy

from tests.tagger.entity_lookup import activities


@pytest.mark.parametrize("text, expected", [
    ("Riding up the steep hill behind the school sets the knee off.", ["Riding"]),
    ("My shin aches after walking down that hill to the shops.", ["walking"]),
    ("Jogging up a short hill is fine, but the flat hurts.", ["Jogging"]),
])
def test_a_hill_after_a_movement_and_its_direction_is_a_place(nlp, text, expected):
    assert activities(nlp, text) == expected


@pytest.mark.parametrize("text, activity", [
    ("The coach told me to drop the hills for a fortnight.", "hills"),
    ("Hill repeats on Thursdays make my calf tight.", "Hill repeats"),
    ("I feel it on the hill most mornings.", "hill"),
])
def test_hills_as_training_stay_activities(nlp, text, activity):
    assert activity in activities(nlp, text)


@pytest.mark.parametrize("text", [
    "The cobbler can stretch the boots at the toe box.",
    "Should I get them stretched across the forefoot?",
    "Plan: stretch shoe over the bunion, review 2/52.",
])
def test_a_shoe_being_stretched_is_no_activity(nlp, text):
    assert activities(nlp, text) == []


@pytest.mark.parametrize("text, activity", [
    ("I stretch my calves in my work boots every break.", "stretch"),
    ("A calf stretch before the shoes go on helps.", "calf stretch"),
])
def test_stretching_a_body_part_stays_an_activity(nlp, text, activity):
    assert activity in activities(nlp, text)


@pytest.mark.parametrize("text", [
    "My back aches whenever I tidy my sewing room.",
    "She leans over the cutting table all afternoon.",
    "Advice: anti-fatigue mat, perching stool at the till.",
])
def test_a_gerund_before_furniture_or_a_room_is_no_activity(nlp, text):
    assert not {"sewing", "cutting", "perching"} & set(activities(nlp, text))


@pytest.mark.parametrize("text, activity", [
    ("I work in a hotel cleaning rooms all day.", "cleaning"),
    ("He moved to a standing desk in May.", "standing desk"),
])
def test_a_gerund_with_its_object_or_a_listed_desk_stays(nlp, text, activity):
    assert activity in activities(nlp, text)


def test_drop_rules_survive_a_round_trip_through_disk(nlp, tmp_path):
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    text = "Cycling up the one short hill hurts; I had them stretched and cleared my sewing room."
    assert activities(loaded, text) == activities(nlp, text) == ["Cycling"]

"""ACTIVITY span boundaries and open-class activities (session 5): the trim rules of
data/activity_frames.jsonl (a dose, level or status word before an activity, the verb before
'stairs', 'all day' after it), the everyday-verb and gerund frames, 'took up X', '<X> class',
form fields listing hobbies, and the words that look like activities and are not ('half' the
pain, 'does that match', 'running out of ideas'). Example sentences are written for these tests."""

from __future__ import annotations

import pickle

import pytest
import spacy

from tagger.pipeline import load_pipeline
from tagger.pipeline.frames import _Trim
from tests.tagger.entity_lookup import activities


@pytest.mark.parametrize("text, activity", [
    ("Knee grumbles after easy runs now.", "runs"),
    ("Heavy lifting at work sets it off.", "lifting"),
    ("A brisk walk usually loosens it.", "walk"),
    ("Numb toes on long drives.", "drives"),
    ("Worse after long car journeys.", "car journeys"),
    ("Prolonged sitting is the worst.", "sitting"),
    ("S: 41F, keen amateur cyclist.", "cyclist"),
    ("She's a recreational runner, 30 km/wk.", "runner"),
    ("Worse climbing the stairs at home.", "stairs"),
    ("It aches when I go up two flights of stairs.", "stairs"),
    ("I'm on my feet all day.", "on my feet"),
    ("Tight hips from sitting all day.", "sitting"),
])
def test_a_dose_level_or_verb_word_stays_outside_the_activity(nlp, text, activity):
    assert activity in activities(nlp, text)


@pytest.mark.parametrize("text, activity", [
    ("Sunday long run is where it starts.", "long run"),
    ("Short foot exercises twice a day.", "Short foot exercises"),
    ("Loves fast bowling in the nets.", "fast bowling"),
    ("Ten hours on long-haul flights.", "long-haul flights"),
    ("I'm an orchestral violinist.", "orchestral violinist"),
])
def test_trims_keep_named_sessions_and_compounds(nlp, text, activity):
    assert activity in activities(nlp, text)


def test_trim_leaves_a_one_word_activity_alone():
    vocab = spacy.blank("en").vocab
    trim = _Trim({"id": "t", "trim_first": ["long"]})
    lowers = [vocab.strings.add(w) for w in ["long", "runs"]]
    assert trim.apply(lowers, 0, 2) == (1, 2)
    assert trim.apply(lowers, 0, 1) == (0, 1)


@pytest.mark.parametrize("text, activity", [
    ("It hurts when I kneel on the kitchen floor.", "kneel"),
    ("Sharp if I twist to get out of the car.", "twist"),
    ("Sore under the heel when she pivots.", "pivots"),
    ("Bruised, and it hurts when I push off.", "push off"),
    ("If I lean forward it pinches.", "lean"),  # the direction word stays out (session 9: blind annotators 6 of 6)
    ("Since I shovelled the drive my back is stiff.", "shovelled"),
    ("Worse after hoovering the stairs.", "hoovering"),
    ("Sore since pruning the hedge.", "pruning"),
    ("Paddleboarding aggravates it.", "Paddleboarding"),
    ("I took up padel in the spring.", "padel"),
    ("She does a barre class on Mondays.", "barre"),  # the class word stays out (round 3: 7a, 5a)
    ("Hobbies: golf, fishing and bowls.", "fishing"),
    ("Hobbies: golf, fishing and bowls.", "bowls"),
])
def test_everyday_movements_are_found_by_their_frame(nlp, text, activity):
    assert activity in activities(nlp, text)


def test_a_particle_with_its_own_object_stays_outside(nlp):
    assert "climb" in activities(nlp, "It hurts when I climb up into the cab.")


@pytest.mark.parametrize("text", [
    "Two and a half weeks ago it started.",
    "The pain is down by half.",
    "It's about half as bad now.",
    "It eased for half an hour.",
    "Does that match with what you see?",
    "The symptoms match exactly.",
    "I'm running out of ideas.",
    "A run of bad luck with the knee.",
    "While I was waiting for the bus it throbbed.",
    "After reading your blog I iced it.",
    "Nothing makes it worse.",
    "Swelling makes it worse.",
    "My middle class problems.",
    "Exercise: none.",
])
def test_words_that_only_look_like_activities_tag_nothing(nlp, text):
    assert activities(nlp, text) == []


@pytest.mark.parametrize("text, activity", [
    ("Training for my first half in May.", "half"),
    ("I ran a half last autumn.", "half"),
    ("We have a match on Sunday.", "match"),
])
def test_the_race_and_the_game_are_still_activities(nlp, text, activity):
    assert activity in activities(nlp, text)


@pytest.mark.parametrize("text, activity", [
    ("I'm on my feet all day as a museum invigilator.", "museum invigilator"),
    ("As a glazier I carry a lot of glass.", "glazier"),
    ("Worse getting in and out of the car.", "getting in and out of the car"),
    ("Pain with squatting and stair descent.", "stair descent"),
    ("She does kettlebell sessions twice a week.", "kettlebell sessions"),
    ("Neck stiff from sleeping on a cheap pillow.", "sleeping"),
])
def test_occupation_after_as_a_and_whole_everyday_activities(nlp, text, activity):
    assert activity in activities(nlp, text)


@pytest.mark.parametrize("text", [
    "As a teenager I broke my wrist.",
    "As a former smoker I worry about it.",
    "As a result it hurts less.",
    "It's a long-standing problem.",
    "I have a standing appointment on Fridays.",
    "In the long run it should settle.",
    "I've been to the walk-in clinic.",
    "It throbbed in bed last night.",
])
def test_idioms_and_life_stages_are_not_activities(nlp, text):
    assert activities(nlp, text) == []


def test_trims_and_frames_survive_saving_and_pickling(nlp, tmp_path):
    text = "Numb toes on long drives, sore when I kneel; keen amateur cyclist."
    expected = activities(nlp, text)
    assert expected == ["drives", "kneel", "cyclist"]
    nlp.to_disk(tmp_path / "pipe")
    assert activities(load_pipeline(tmp_path / "pipe"), text) == expected
    assert activities(pickle.loads(pickle.dumps(nlp)), text) == expected

"""Weakness read by what it is about (GUIDELINES 4, settled in session 9): a muscle's or part's
weakness is a CONDITION, the word alone; a felt, asked-about or neural-list weakness is a
SYMPTOM; a weakness of nothing in the body is no entity. Sentences written for these tests."""

from __future__ import annotations

import pytest


def weak(nlp, text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in nlp(text).ents if e.text.lower().startswith("weak")]


@pytest.mark.parametrize("text, word", [
    ("O: R glute med weak 4-/5, TFL tight.", "weak"),
    ("Physio found my left glutes are very weak and the pelvis drops.", "weak"),
    ("A: L ITBS with weak R hip abductors allowing valgus.", "weak"),
    ("Imp: PFPS R, hip abductor weakness contributing.", "weakness"),
    ("GP re MRI if EHL weakness progresses.", "weakness"),
    ("She said the muscles of my buttock are weak, so the knee goes in.", "weak"),
    ("Strength testing shows L glute max clearly weaker than R.", "weaker"),
    ("I was embarrassingly weak on the left compared to the right.", "weak"),
    ("Her right gluteus medius tests weak at 4-/5.", "weak"),
    ("There is weakness in my right hip.", "weakness"),
    ("Weakness of the hip abductors on the right.", "Weakness"),
    ("R glute med weak 4-/5, no numbness or tingling.", "weak"),
])
def test_a_muscle_or_part_weakness_is_a_condition(nlp, text, word):
    assert (word, "CONDITION") in weak(nlp, text)


@pytest.mark.parametrize("text, word", [
    ("No numbness, tingling or weakness in the legs.", "weakness"),
    ("5. Any numbness, pins and needles or weakness? No.", "weakness"),
    ("Any weakness? I don't think so.", "weakness"),
    ("My leg feels weak after a long walk.", "weak"),
    ("Sometimes my whole leg goes weak on the stairs.", "weak"),
    ("Denies saddle anaesthesia, bladder or bowel change, or leg weakness.", "weakness"),
])
def test_a_felt_or_neural_weakness_is_a_symptom(nlp, text, word):
    assert (word, "SYMPTOM") in weak(nlp, text)


def test_a_neural_list_weakness_is_negated_with_the_list(nlp):
    doc = nlp("Denies numbness, tingling or weakness.")
    ent = next(e for e in doc.ents if e.text == "weakness")
    assert ent.label_ == "SYMPTOM" and ent._.negated


@pytest.mark.parametrize("text", [
    "The hip is the weak link in her chain.",
    "There is only weak evidence for orthotics here.",
    "I had a weak moment and ran the hills again.",
    "I have a weak bladder since the baby.",
    "Safety-net advice given; return sooner if anything changes or weakness appears.",
])
def test_a_weakness_of_nothing_in_the_body_is_no_entity(nlp, text):
    assert weak(nlp, text) == []


def test_weakness_reading_survives_a_save_and_load(nlp, tmp_path):
    import spacy

    nlp.to_disk(tmp_path / "p")
    loaded = spacy.load(tmp_path / "p")
    text = "Weak L glute med (4/5); no numbness, tingling or weakness."
    assert weak(loaded, text) == weak(nlp, text) == [("Weak", "CONDITION"), ("weakness", "SYMPTOM")]

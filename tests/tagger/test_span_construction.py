"""Session-5 CONDITION and FOOTWEAR spans by construction: leading qualifiers cut off by class
(``span_qualifiers.json``), '<words> syndrome' and one-letter misspellings of diagnosis
phrases (``condition_forms.json``), and context rules for words that are a condition or a
shoe only sometimes (``disambiguation.jsonl``). Sentences are written for these tests."""

from __future__ import annotations

import pytest

from tagger.pipeline import concepts, load_pipeline


def texts(nlp, text: str, label: str) -> list[str]:
    return [e.text for e in nlp(text).ents if e.label_ == label]


@pytest.mark.parametrize("text, span", [
    ("Gait video: excessive pronation on the left.", "pronation"),
    ("Dynamic valgus on the step-down.", "valgus"),
    ("Contralateral pelvic drop in single-leg stance.", "pelvic drop"),
    ("MRI: grade 2 strain of the medial gastroc.", "strain"),
    ("The scan found a partial tear.", "tear"),
])
def test_degree_words_stay_outside_a_condition(nlp, text, span):
    assert texts(nlp, text, "CONDITION") == [span]


@pytest.mark.parametrize("text, span", [
    ("She made me old orthotics last spring.", "orthotics"),
    ("I only ever take my shoes off at home.", "shoes"),
])
def test_evaluative_words_stay_outside_footwear(nlp, text, span):
    assert texts(nlp, text, "FOOTWEAR") == [span]


@pytest.mark.parametrize("text, span", [
    ("Switched to stability running shoes.", "stability running shoes"),
    ("My new balances feel fine.", "new balances"),
    ("Twelve-hour shifts in safety boots.", "safety boots"),
])
def test_type_words_and_brands_stay_inside_footwear(nlp, text, span):
    assert texts(nlp, text, "FOOTWEAR") == [span]


@pytest.mark.parametrize("text, span", [
    ("The physio thinks it is cuboid syndrome.", "cuboid syndrome"),
    ("Could be sinus tarsi syndrome, she said.", "sinus tarsi syndrome"),
    ("Told I have ilitibial band syndrome.", "ilitibial band syndrome"),
    ("Scan says achilles tendinopahty.", "achilles tendinopahty"),
])
def test_syndromes_and_misspelt_diagnoses_are_conditions(nlp, text, span):
    assert texts(nlp, text, "CONDITION") == [span]


@pytest.mark.parametrize("text", [
    "He has irritable bowel syndrome as well.",
    "Apparently the syndrome is rare.",
])
def test_a_bare_or_non_msk_syndrome_is_not_a_condition(nlp, text):
    assert texts(nlp, text, "CONDITION") == []


def test_knock_knees_is_a_finding_without_a_part_before_it(nlp):
    assert texts(nlp, "I have always had knock knees.", "CONDITION") == ["knock knees"]


@pytest.mark.parametrize("text, label", [
    ("Careful not to tear the tape when you take it off.", "CONDITION"),
    ("Cycling puts less strain on my knee.", "CONDITION"),
    ("My personal trainers said to rest it.", "FOOTWEAR"),
    ("My kneecap slides out when I squat.", "FOOTWEAR"),
    ("Ankle pumps x 20 twice a day.", "FOOTWEAR"),
    ("We moved into student flats upstairs.", "FOOTWEAR"),
    ("Put the bags in the boot of the car.", "FOOTWEAR"),
    ("NWB boot 4/52 then review.", "FOOTWEAR"),
    ("PF joint OA on the MRI.", "CONDITION"),
    ("The pain spikes when I stand up.", "FOOTWEAR"),
    ("Once the ache kicks in I stop.", "FOOTWEAR"),
    ("She pulled up halfway and walked back.", "CONDITION"),
    ("That was the straw that broke the camel's back.", "CONDITION"),
])
def test_a_word_read_in_its_other_sense_is_dropped(nlp, text, label):
    assert not any(e.label_ == label and e.text.lower() in ("tear", "strain", "trainers", "slides", "pumps", "flats", "boot", "pf",
                                                          "spikes", "kicks", "pulled", "broke")
                   for e in nlp(text).ents)


@pytest.mark.parametrize("text, label, span", [
    ("The MRI showed a tear in my meniscus.", "CONDITION", "tear"),
    ("I strained my hamstring sprinting.", "CONDITION", "strained"),
    ("I wear slides in summer.", "FOOTWEAR", "slides"),
    ("Much better in flats than heels.", "FOOTWEAR", "flats"),
    ("My left PF is worse in the mornings.", "CONDITION", "PF"),
])
def test_the_ordinary_sense_stays(nlp, text, label, span):
    assert span in texts(nlp, text, label)


def test_qualifiers_and_heads_survive_a_save_and_load(nlp, tmp_path):
    nlp.to_disk(tmp_path / "pipe")
    loaded = load_pipeline(tmp_path / "pipe")
    assert texts(loaded, "Excessive pronation and cuboid syndrome.", "CONDITION") == ["pronation", "cuboid syndrome"]
    assert texts(loaded, "Wore old custom orthotics.", "FOOTWEAR") == ["custom orthotics"]


@pytest.mark.parametrize("text, span", [
    ("My feet are flat, the physio says.", "flat"),
    ("Mum says my L foot has gone flat.", "flat"),
])
def test_a_foot_said_to_be_flat_is_the_finding(nlp, text, span):
    assert texts(nlp, text, "CONDITION") == [span]


@pytest.mark.parametrize("text", [
    "Keep your back flat and your feet flat on the floor.",
    "My feet ache in flat shoes.",
    "We moved into a new flat; the route was flat.",
])
def test_flat_elsewhere_is_not_a_condition(nlp, text):
    assert texts(nlp, text, "CONDITION") == []


def test_a_part_named_before_pull_is_split_like_a_strain(nlp):
    doc = nlp("Had a hamstring pull last May. Pull the knee up to your chest.")
    assert [(e.text, e.label_) for e in doc.ents if e.label_ in ("STRUCTURE", "CONDITION")] == [
        ("hamstring", "STRUCTURE"), ("pull", "CONDITION")]


def test_a_hip_that_hikes_up_is_a_finding(nlp):
    assert texts(nlp, "Someone said my right hip hikes up when I stand.", "CONDITION") == ["hikes up"]


def test_an_injury_verb_before_a_part_leaves_the_part_alone(nlp):
    # session 8 (cond2): the verb is its own CONDITION (an injury event, GUIDELINES session 6)
    doc = nlp("I rolled my ankle on a kerb.")
    assert [(e.text, e.label_) for e in doc.ents] == [("rolled", "CONDITION"), ("ankle", "BODY_REGION")]


@pytest.mark.parametrize("text", [
    "It healed with plasters; here is the written version.",
    "Side-lying abduction daily, isometric abduction holds.",
])
def test_ordinary_words_near_a_diagnosis_are_not_misspellings(nlp, text):
    assert texts(nlp, text, "CONDITION") == []


def test_mechanical_lbp_is_the_symptom_abbreviation(nlp):
    doc = nlp("A: mechanical LBP.")
    assert [(e.text, e.label_) for e in doc.ents] == [("LBP", "SYMPTOM")]


@pytest.mark.parametrize("text, label, span", [
    ("I race in spikes at the track.", "FOOTWEAR", "spikes"),
    ("FYI Marco pulled his L hamstring in the 2nd rep.", "CONDITION", "pulled"),
    ("I broke my wrist on the ice.", "CONDITION", "broke"),
])
def test_the_ordinary_sense_of_the_new_rules_stays(nlp, text, label, span):
    assert span in texts(nlp, text, label)


def test_a_saved_pipeline_repairs_misspellings_from_its_own_saved_phrases(nlp, tmp_path, monkeypatch):
    nlp.to_disk(tmp_path / "pipe")
    # the package's patterns are gone; the saved pipeline must not need them
    monkeypatch.setattr(concepts, "condition_phrases", lambda: ([], set()))
    loaded = load_pipeline(tmp_path / "pipe")
    text = "Scan says achilles tendinopahty."
    found = [(e.text, e.label_) for e in loaded(text).ents]
    assert ("achilles tendinopahty", "CONDITION") in found
    assert found == [(e.text, e.label_) for e in nlp(text).ents]

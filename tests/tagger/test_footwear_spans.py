"""Session-8 FOOTWEAR spans (``footwear_spans.py``, word classes in ``span_qualifiers.json``): the
footwear head with the run of words before it that name its type; age, condition, size,
number, provenance and judgement words, determiners and possessives stay out. Sentences are
written for these tests."""

from __future__ import annotations

import pytest

from tagger.pipeline import load_pipeline


def spans(nlp, text: str, label: str = "FOOTWEAR") -> list[str]:
    return [e.text for e in nlp(text).ents if e.label_ == label]


@pytest.mark.parametrize("text, span", [
    ("The podiatrist cast her for custom orthotics in March.", "custom orthotics"),
    ("He runs in a stability shoe now.", "stability shoe"),
    ("My old work trainers have no grip left.", "work trainers"),
    ("She used to wear light fashion trainers for everything.", "fashion trainers"),
    ("Since switching to flat shoes the toe is calmer.", "flat shoes"),
    ("Only my walking shoes feel OK.", "walking shoes"),
    ("The chemist sold me arch insoles.", "arch insoles"),
    ("I moved into minimal shoes over a month.", "minimal shoes"),
    ("I changed to zero-drop minimal shoes in June.", "zero-drop minimal shoes"),
    ("He races in carbon-plated racing shoes.", "carbon-plated racing shoes"),
    ("Better in cushioned trainers than on the bike.", "cushioned trainers"),
    ("The physio said supportive trainers would help.", "supportive trainers"),
    ("She wears court shoes at the bank.", "court shoes"),
    ("A pair of arch-support insoles from the pharmacy.", "arch-support insoles"),
    ("New stiff leather brogues for the office.", "stiff leather brogues"),
    ("I went back to the motion-control pair last week.", "motion-control pair"),
    ("The podiatrist made 3/4 length orthotics.", "3/4 length orthotics"),
])
def test_type_naming_modifiers_stay_in_the_footwear_span(nlp, text, span):
    assert spans(nlp, text) == [span]


@pytest.mark.parametrize("text, span", [
    ("My new shoes rub on the heel.", "shoes"),
    ("It is worse in my old shoes.", "shoes"),
    ("I still wear worn-out trainers on the farm.", "trainers"),
    ("Eight hours in 4 inch heels at the wedding.", "heels"),
    ("She bought cheap trainers at the market.", "trainers"),
    ("The nurse told me to get proper boots.", "boots"),
    ("I tried three different insoles.", "insoles"),
    ("Same trainers as last year.", "trainers"),
    ("Bought OTC arch supports online.", "arch supports"),
    ("We tried off-the-shelf insoles first.", "insoles"),
    ("His brand-new boots gave him a blister.", "boots"),
])
def test_age_size_provenance_and_judgement_words_stay_outside_footwear(nlp, text, span):
    assert spans(nlp, text) == [span]


@pytest.mark.parametrize("text, span", [
    ("She needs a more supportive shoe for the long runs.", "shoe"),
    ("He bought very soft court shoes for the wedding.", "court shoes"),
])
def test_a_type_word_after_a_degree_word_is_the_writers_judgement(nlp, text, span):
    assert spans(nlp, text) == [span]


@pytest.mark.parametrize("text, span", [
    ("I was sold 'motion control' shoes last year.", "shoes"),
    ("Black work trainers are the uniform.", "work trainers"),
    ("She runs in an Asics stability shoe.", "stability shoe"),
    ("Hip sore; trainers help.", "trainers"),
])
def test_quotes_colours_brands_and_punctuation_end_the_run(nlp, text, span):
    assert spans(nlp, text) == [span]


@pytest.mark.parametrize("text, span", [
    ("He wears steel-toecap work boots on site.", "steel-toecap work boots"),
    ("We trialled medial-posted insoles at the last visit.", "medial-posted insoles"),
    ("She is back in her lace-up walking shoes.", "lace-up walking shoes"),
])
def test_an_unseen_hyphenated_compound_names_the_type(nlp, text, span):
    assert spans(nlp, text) == [span]


def test_a_hyphenated_compound_with_a_drop_word_stays_out(nlp):
    assert spans(nlp, "The army issued company-issue boots.") == ["boots"]


def test_a_sport_before_a_shoe_names_its_purpose_and_is_not_an_activity(nlp):
    doc = nlp("My squash trainers have gone flat.")
    assert [(e.text, e.label_) for e in doc.ents if e.label_ in ("FOOTWEAR", "ACTIVITY")] == [("squash trainers", "FOOTWEAR")]


def test_a_verb_activity_before_a_shoe_does_not_join_it(nlp):
    assert "insoles" in spans(nlp, "her knees ache when she stands insoles from the chemist help")


def test_the_shoes_own_arch_joins_the_span_and_is_not_a_body_region(nlp):
    doc = nlp("Those arch insoles were a good buy.")
    assert [(e.text, e.label_) for e in doc.ents] == [("arch insoles", "FOOTWEAR")]


def test_barefoot_takes_no_words_before_it(nlp):
    assert spans(nlp, "Worse walking barefoot on tiles.") == ["barefoot"]


def test_a_type_word_with_a_finer_concept_gives_it_to_a_generic_shoe(nlp):
    doc = nlp("Cushioned trainers help; a stability shoe did not.")
    assert [(e.text, e._.concept) for e in doc.ents if e.label_ == "FOOTWEAR"] == [
        ("Cushioned trainers", "cushioned_shoes"), ("stability shoe", "sneakers")]


@pytest.mark.parametrize("text, span", [
    ("After switching from lace-ups to loafers it eased.", "lace-ups"),
    ("She fitted a cut-out pad under the joint.", "cut-out pad"),
])
def test_lace_ups_and_podiatric_pads_are_footwear(nlp, text, span):
    assert span in spans(nlp, text)


def test_the_footwear_run_survives_a_save_and_load(nlp, tmp_path):
    nlp.to_disk(tmp_path / "pipe")
    loaded = load_pipeline(tmp_path / "pipe")
    text = "Her old carbon-plated racing shoes and a more supportive shoe."
    assert spans(loaded, text) == spans(nlp, text) == ["carbon-plated racing shoes", "shoe"]

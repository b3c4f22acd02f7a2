"""A question mark makes a thing hypothetical unless the writer answers the question or it is
a headline naming the writer's real complaint; the guess itself stays uncertain."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import attrs, ent


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Pain in the heel when I wake up.\nHas she been told she has flat feet? Yes, by a podiatrist last year.", "flat feet"),
        ("Heel sore most mornings.\nQ3. Any recent injury? No, nothing I can think of.", "injury"),
        ("Heel sore most mornings.\n3. Footwear at work?\nSafety boots, the same pair for years.", "Footwear"),
        ("The arch aches at night.\nShoes?\nTrainers most days.", "Shoes"),
        ("Sore knee after football.\nIs it worse when sitting? No, only on stairs.", "sitting"),
    ],
)
def test_a_question_the_writer_answers_is_not_hypothetical(rules_tagger, text, target):
    assert "hypothetical" not in attrs(rules_tagger.tag(text), target)


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Knee ache that eases with calf stretches??\n\nI have had this for a month.", "calf stretches"),
        ("Title: hip pain from cycling?\n\nPosted in: Hip\n\nStarted riding to work in May.", "cycling"),
        ("Subject: new boots -> back pain?\n\nHello, since I bought new work boots my back aches.", "boots"),
    ],
)
def test_a_headline_question_names_the_real_complaint(rules_tagger, text, target):
    assert "hypothetical" not in attrs(rules_tagger.tag(text), target)


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Title: numb toes on long rides - piriformis?\n\nPosted in: Nerves\n\nMy toes go numb.", "piriformis"),
        ("Title: Hamstring or sciatica?\n\nPosted in: Legs\n\nBack of the thigh aches.", "Hamstring"),
        ("Calf pain - sciatica or just a knock?\n\nTook a kick at football on Sunday.", "knock"),
    ],
)
def test_the_guess_in_a_headline_stays_hypothetical(rules_tagger, text, target):
    assert "hypothetical" in attrs(rules_tagger.tag(text), target)


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # unanswered, or answered by another question, or continued by the writer
        ("My heel hurts after runs. Could it be my orthotics?", "orthotics"),
        ("Numb toes after long rides.\nSciatica? How long does it usually last?", "Sciatica"),
        ("The knee is fine now.\nCan I go back to running? I have a race in May.", "running"),
        ("Pain in the back of the thigh.\nHamstring or sciatica?\nDeep ache down to the calf.", "sciatica"),
    ],
)
def test_an_open_question_stays_hypothetical(rules_tagger, text, target):
    assert "hypothetical" in attrs(rules_tagger.tag(text), target)


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Pelvis rotated forward on the R vs the L, psoas tight on that side.", "psoas"),
        ("Hip abduction 4/5 L vs 5/5 R. L knee: ITB tender.", "ITB"),
        ("Three hill days a week vs one easy trail run before.", "trail run"),
    ],
)
def test_vs_between_sides_or_measures_is_a_comparison_not_a_differential(rules_tagger, text, target):
    assert "hypothetical" not in attrs(rules_tagger.tag(text), target)


def test_vs_between_diagnoses_stays_a_differential(rules_tagger):
    r = rules_tagger.tag("A: tibial bone stress injury vs MTSS.")
    assert "hypothetical" in attrs(r, "MTSS")


def test_what_a_search_turned_up_is_someone_elses(rules_tagger):
    r = rules_tagger.tag("When I googled heel pain it was all about insoles and nobody mentioned the calf.")
    assert ent(r, "insoles").other_subject
    assert ent(r, "calf").other_subject


def test_googling_ends_at_the_writers_own_conclusion(rules_tagger):
    r = rules_tagger.tag("I googled and convinced myself it was sciatica.")
    assert not ent(r, "sciatica").other_subject


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("My question is whether the knee pain is really coming from her feet.", "pain"),
        ("I checked whether he is limping and he isn't.", "limping"),
        ("Thank you for asking whether his heel pain needs orthoses.", "heel"),
    ],
)
def test_whether_leaves_the_real_region_or_symptom_alone(rules_tagger, text, target):
    assert not ent(rules_tagger.tag(text), target).hypothetical


def test_whether_still_makes_a_choice_of_activity_hypothetical(rules_tagger):
    r = rules_tagger.tag("Could you tell me whether he should drop the football for now?")
    assert ent(r, "football").hypothetical


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("In my case I think the knee is simpler: I fell off my bike.", "knee"),
        ("Pretty sure it's the boots, they rub at the heel.", "boots"),
    ],
)
def test_a_confident_attribution_leaves_the_real_region_and_shoe_alone(rules_tagger, text, target):
    assert not ent(rules_tagger.tag(text), target).hypothetical


def test_a_diagnosis_the_writer_is_pretty_sure_of_stays_hypothetical(rules_tagger):
    r = rules_tagger.tag("Pretty sure it's plantar fasciitis from what I've read.")
    assert ent(r, "plantar fasciitis").hypothetical


def test_no_features_suggestive_of_negates_without_a_doubt(rules_tagger):
    r = rules_tagger.tag("I have not found any features suggestive of a back source.")
    assert ent(r, "back").negated
    assert not ent(r, "back").hypothetical

"""negated, session 11: a part before its negative predicate, "pain-free", "nothing going down
the leg", and negated lists that run on past their commas. Every sentence is written for the test.
"""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import ent


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The shin itself doesn't hurt if I squeeze it.", "shin"),
        ("My lower back does not hurt at all.", "lower back"),
        ("Her ankles don't bother her on the walk to the shop.", "ankles"),
        ("My hips never hurt, it is only the knee.", "hips"),
        ("My feet have never been a problem.", "feet"),
        ("Calf non-tender, no swelling.", "Calf"),
        ("Knees symptom-free, gait normal.", "Knees"),
        ("The heel itself has no pain if I walk on it.", "heel"),
        ("The arch isn't sore this week.", "arch"),
    ],
)
def test_a_part_before_its_negative_predicate_is_negated(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).negated


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # easing or stopping is not absence
        ("My knee doesn't hurt as much since the insoles.", "knee"),
        ("The heel doesn't hurt anymore.", "heel"),
        # a condition after it: the part may hurt at other times
        ("The foot doesn't hurt when I press on it.", "foot"),
        # a predicate that is no symptom verb
        ("My knee doesn't bend fully.", "knee"),
        # the part that hurts beside a part that doesn't
        ("The hip aches but the knee doesn't hurt.", "hip"),
        # "pain-free" leaves its part alone
        ("The back has been pain-free for a week.", "back"),
    ],
)
def test_easing_other_verbs_and_other_parts_stay_unnegated(rules_tagger, text, target):
    assert not ent(rules_tagger.tag(text), target).negated


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Walked 8 km on Sunday, pain-free.", "pain"),
        ("Stairs pain free today.", "pain"),
    ],
)
def test_pain_free_negates_the_pain(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).negated


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("No pins and needles, nothing going down the leg.", "leg"),
        ("There is nothing shooting into his calf.", "calf"),
        ("Nothing runs down my leg at night.", "leg"),
    ],
)
def test_nothing_going_down_the_leg_negates_the_part(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).negated


def test_nothing_else_stays_a_plain_word(rules_tagger):
    assert not ent(rules_tagger.tag("Nothing helps the leg pain."), "leg").negated


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Denies swelling, locking, giving way.", "giving way"),
        ("Denies knee swelling, numbness, tingling.", "tingling"),
        ("No back pain, no tingling, numbness, or weakness in the leg.", "numbness"),
        ("No back pain, no tingling, numbness, or weakness in the leg.", "weakness"),
    ],
)
def test_a_negated_list_runs_on_over_short_items(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).negated


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # a long item ends the list
        ("Denies numbness, pain in the knee worse on the stairs.", "pain"),
        # without "denies" a list closed by no coordinator stays item by item
        ("(-) numbness, tight hip flexors, desk job.", "tight"),
    ],
)
def test_a_long_item_or_an_unclosed_list_ends_the_negation(rules_tagger, text, target):
    assert not ent(rules_tagger.tag(text), target).negated


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Q3. Is the heel sore to press or to stand on?\nNo. Standing is fine.", "heel"),
        ("> Any tingling or numbness in the toes?\nNo, none.", "toes"),
        ("Physio: Any ache running down into the calf or the foot?\nMarta: No, nothing like that.", "calf"),
        ("Physio: Any ache running down into the calf or the foot?\nMarta: No, nothing like that.", "foot"),
    ],
)
def test_a_no_on_the_line_after_a_question_answers_the_whole_question(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).negated


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # an answer that names its own findings answers only those
        ("4. Any numbness, tingling or weakness?\nNo numbness, no tingling.", "weakness"),
        # a long label is no speaker's label
        ("Pt (Rosa, 58, retired): Any pain in the hip?\nPt (Rosa, 58, retired): No.", "hip"),
    ],
)
def test_an_answer_with_findings_or_after_a_long_label_stays_narrow(rules_tagger, text, target):
    assert not ent(rules_tagger.tag(text), target).negated


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("On the days I stretch, the knee is fine till the evening.", "knee"),
        ("Her heel is fine when she wears the old boots.", "heel"),
        ("My ankle's fine now.", "ankle"),
    ],
)
def test_a_part_fine_at_a_time_or_under_a_condition_is_not_negated(rules_tagger, text, target):
    assert not ent(rules_tagger.tag(text), target).negated


def test_a_part_that_is_simply_fine_stays_negated(rules_tagger):
    assert ent(rules_tagger.tag("My hips are fine, it is the knee."), "hips").negated


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Wrist pain longstanding, not related to the knee.", "knee"),
        ("Weak glutes - the hip is not controlling the femur on step-down.", "femur"),
        ("She said I'm not using my calf when I walk.", "calf"),
        ("I don't push off with my right foot any more.", "foot"),
        ("The new shoes didn't cause my hip trouble.", "hip"),
    ],
)
def test_a_part_after_a_negated_verb_of_relation_or_use_is_not_negated(rules_tagger, text, target):
    assert not ent(rules_tagger.tag(text), target).negated


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("I have not found anything suggestive of a back source.", "back"),
        ("No pain in the calf when I use the stairs.", "calf"),
    ],
)
def test_a_part_before_the_verb_or_after_other_words_stays_negated(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).negated

"""Session 9, other_subject: a forum writer asking the readers about their own bodies."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import ent

POST = ("Posted in: Running injuries\n\nF, 44. Achilles tendinopathy on my left side since July. My hip and lower "
        "back ache on the same side. {question}")


@pytest.mark.parametrize(
    ("question", "targets"),
    [
        ("How long did it take for your back or hip to calm down once your Achilles got better?",
         ["back", "hip", "Achilles"]),
        ("Anyone had knee symptoms from a disc?", ["knee", "disc"]),
        ("Has anyone had foot pain respond to hip stretching?", ["foot", "pain"]),
    ],
)
def test_a_question_to_readers_about_their_bodies_is_other_subject(rules_tagger, question, targets):
    text = POST.format(question=question)
    result = rules_tagger.tag(text)
    start = text.index(question)
    for target in targets:
        e = next(e for e in result.entities if e.text == target and e.start >= start)
        assert e.other_subject, target
    # the writer's own body stays the subject's
    assert not ent(result, "Achilles tendinopathy").other_subject
    assert not ent(result, "lower back").other_subject


@pytest.mark.parametrize(
    "text",
    [
        # a clinician's question to the patient, in a message to one person
        "Hi Ruth, thanks for the update. How is the hip doing, and did you manage to get your feet looked at?",
        # the writer asks the reader about the reader in a message to one person
        ("My knee is sore after runs. Before I decide, can you tell me whether you've noticed anything about how "
         "your feet look when you run? Anyone else at the clinic can answer too."),
        # a form's question, answered
        "Posted in: intake\nI've had knee pain for 3 weeks.\nQ2. Have you had any injury to your knee? No fall.",
        # advice to readers, not a question about them
        "Posted in: Running\nMy ankle hurts on the salon floor. If you stand all day, maybe get your hips looked at.",
    ],
)
def test_your_body_outside_a_question_to_readers_is_not_other_subject(rules_tagger, text):
    result = rules_tagger.tag(text)
    for e in result.entities:
        if text[max(0, e.start - 10):e.start].lower().rstrip().endswith("your"):
            assert not e.other_subject, e.text


@pytest.mark.parametrize(
    ("question", "targets"),
    [
        ("Has anyone come back from a metatarsal stress reaction and still made a spring marathon?",
         ["metatarsal", "stress reaction"]),
        ("Has anyone kept the stair machine with flat feet?", ["flat feet"]),
        ("Anyone done that for hip pain specifically?", ["hip", "pain"]),
    ],
)
def test_what_the_readers_are_asked_to_have_done_is_theirs(rules_tagger, question, targets):
    result = rules_tagger.tag(question)
    for target in targets:
        assert ent(result, target).other_subject, target


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Anyone got tips for driving with this?", "driving"),
        ("And has anyone got good return-to-sprint progressions that don't involve a steep bank?", "return-to-sprint progressions"),
        ("Q4. Has anyone checked your feet or walking?", "feet"),
    ],
)
def test_asking_the_readers_for_advice_leaves_the_writer_s_things(rules_tagger, text, target):
    assert not ent(rules_tagger.tag(text), target).other_subject


def test_a_relative_owns_what_her_bracketed_clause_says(rules_tagger):
    result = rules_tagger.tag("Other info: my sister (who has flat feet) says I should get insoles too.")
    assert ent(result, "flat feet").other_subject
    assert not ent(result, "insoles").other_subject

"""Subject resolution: other_subject from who owns an entity and whom the note is about.

Every sentence here is written for the test; none comes from the corpus or the seeds. The
sentences avoid the ConText trigger phrases ("my husband has", "FHx", "myself"), so they pin
what the subject step decides on its own.
"""

from __future__ import annotations

import pytest
import spacy

from tagger.pipeline.rules import data_file, read_jsonl
from tagger.pipeline.subject import validate_subject_rule
from tests.tagger.entity_lookup import ent


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # a first-person note: a third person's possessive owns the entity
        ("My left knee aches on stairs. Her ankle swelled up after the same race.", "ankle"),
        ("My heel hurts every morning. Priya's knee went the same way last spring.", "knee"),
        # a first-person note: a third-person clause subject with a verb of having
        ("My hip aches after work. He has plantar fasciitis and swears by his insoles.", "plantar fasciitis"),
        # a coach's message about an athlete: the coach's own history is someone else's
        ("Our U16 sprinter is struggling. She has sore shins and her left shin is tender. "
         "I had shin splints as a teenager.", "shin splints"),
        # a parent's form about a child: the parent's own history
        ("He says his knee hurts after football and his heel is sore. I had Sever's disease as a boy.", "Sever's disease"),
    ],
)
def test_an_entity_owned_by_someone_other_than_the_subject_is_other_subject(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).other_subject


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # the physio speaks, the hip is mine
        ("My physio said my hip is weak and my knee caves in.", "hip"),
        # "she" is the athlete in a coach's message
        ("Writing about Mia, 14. She has pain in her left heel after training and her arch is sore.", "heel"),
        ("Writing about Mia, 14. She has pain in her left heel after training and her arch is sore.", "arch"),
        # "we" includes the subject
        ("We run together on Sundays and my calf tightens every time.", "run"),
        # the reader's knee in a clinician's reply
        ("Thanks for your email. Your knee pain sounds like patellar tendinopathy.", "knee"),
        # someone who advises is not someone who owns
        ("My foot hurts on long walks. The physio suggested orthotics and she thinks the arch is dropping.", "orthotics"),
        # the physio at work on the writer: causative "had me", treatment, her routine
        ("My right hip drops when I walk. The podiatrist had me stand on one leg.", "leg"),
        ("My knee aches on stairs. She has me doing squats every day.", "squats"),
        ("My ankle is sore. He did release work on the TFL.", "TFL"),
        ("My ankle is sore. I do her glute routine every morning.", "glute routine"),
        ("My ankle is sore. She was focused on the foot.", "foot"),
        # a clinician's note about "she", with the patient's own words in quotes
        ("58F, L knee pain x6/12; says 'my foot has gone flat'. Eases when she wears her old sandals.", "sandals"),
    ],
)
def test_an_entity_owned_by_the_subject_is_not_other_subject(rules_tagger, text, target):
    assert not ent(rules_tagger.tag(text), target).other_subject


def test_a_clinicians_letter_in_the_first_person_is_not_the_clinicians_body(rules_tagger):
    r = rules_tagger.tag("Mrs Lee has lateral hip pain and her left hip is tender. I have not found features of a back source.")
    assert not any(e.other_subject for e in r.entities)


def test_exercises_set_by_someone_else_are_still_the_subjects_activity(rules_tagger):
    r = rules_tagger.tag("My ankle is much better since I started her clam exercises.")
    assert not any(e.other_subject for e in r.entities)


def test_a_forum_reply_by_another_writer_is_other_subject_in_the_first_person(rules_tagger):
    text = ("Heel pain every morning for a month, worst on the first steps.\n\n"
            "Reply from trail_mole:\n"
            "Same here, my heel was agony until I got proper insoles.\n\n"
            "Reply from OP:\n"
            "Thanks, my heel is a bit better today.")
    r = rules_tagger.tag(text)
    assert not ent(r, "Heel").other_subject  # the original poster
    assert ent(r, "heel", nth=0).other_subject  # the replier's own heel
    assert not ent(r, "heel", nth=1).other_subject  # the original poster again


def test_in_a_reply_what_the_replier_tells_of_themselves_is_other_subject(rules_tagger):
    text = ("Knee pain on long runs since March. Do orthotics help?\n\n"
            "Reply from hill_hopper:\n"
            "Mine was different - orthotics did nothing, it was all glute work. You could try insoles though?")
    r = rules_tagger.tag(text)
    assert not ent(r, "orthotics").other_subject  # the original poster's question
    assert ent(r, "orthotics", nth=1).other_subject  # the replier's experience
    assert not ent(r, "insoles").other_subject  # advice to the original poster


@pytest.mark.parametrize(
    ("text", "target", "other"),
    [
        ("Hockey coach, writing about one of my U16s. She has shin pain and her left shin is tender.", "Hockey coach", True),
        ("Writing about Amy. She has sore knees after class and her dance teacher noticed she limps.", "dance teacher", True),
        ("S: 31F, primary school teacher. L heel pain x4/52, worse first steps.", "teacher", False),
        ("I'm a secondary school teacher so my feet ache by the end of the day.", "teacher", False),
        ("Writing about Tom. He has a sore heel and his knee aches; he's a teacher, on his feet all day.", "teacher", False),
    ],
)
def test_an_activity_naming_a_role_is_the_writers_or_anothers_in_a_note_about_a_third_person(rules_tagger, text, target, other):
    assert ent(rules_tagger.tag(text), target).other_subject is other


def test_the_trigger_of_a_subject_decision_is_the_owners_word(rules_tagger):
    r = rules_tagger.tag("My left knee aches on stairs. Her ankle swelled up after the same race.")
    ankle = ent(r, "ankle")
    assert [t.text for t in ankle.triggers if t.attribute == "other_subject"] == ["Her"]


def test_every_shipped_subject_rule_is_valid():
    for i, rule in enumerate(read_jsonl(data_file("subject_rules.jsonl"))):
        validate_subject_rule(rule, f"rule {i + 1}")


@pytest.mark.parametrize(
    "rule",
    [{"kind": "pronoun", "words": ["x"]}, {"kind": "person", "class": "alien", "case": "both", "words": ["x"]},
     {"kind": "verb", "words": []}, {"kind": "writer_header"}],
)
def test_an_invalid_subject_rule_is_refused(rule):
    with pytest.raises(ValueError):
        validate_subject_rule(rule, "rule 1")


def test_subject_resolution_runs_as_a_component_of_its_own_and_round_trips(tmp_path):
    from tagger.pipeline import build_pipeline

    nlp = build_pipeline()
    step = nlp.get_pipe("clinical_attributes").step("subject_resolution")
    step.to_disk(tmp_path)
    alone = spacy.blank("en")
    component = alone.add_pipe("subject_resolution")
    component.from_disk(tmp_path)
    assert component.rules == step.rules


def test_a_pipeline_saved_before_subject_resolution_existed_still_loads_without_it(tmp_path):
    from tagger.pipeline import build_pipeline

    nlp = build_pipeline()
    step = nlp.get_pipe("clinical_attributes").step("subject_resolution")
    step.from_disk(tmp_path / "missing")  # no subject_rules.jsonl there
    assert step.rules == []
    doc = nlp("My knee hurts. Her ankle swelled up too.")
    assert not any(e._.other_subject for e in doc.ents)


def test_capitalised_person_words_are_found_in_a_fresh_pipelines_first_doc():
    # spellings come from the rules, not from whatever the string store happened to hold
    from tagger.pipeline import build_pipeline

    nlp = build_pipeline()
    doc = nlp("My knee hurts after runs. Granny's knee is worse. Hubby has plantar fasciitis.")
    others = {e.text for e in doc.ents if e._.other_subject}
    assert "plantar fasciitis" in others
    assert [e._.other_subject for e in doc.ents if e.text == "knee"] == [False, True]

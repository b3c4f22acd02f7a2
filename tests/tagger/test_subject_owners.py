"""Owners that outside writers name in ways the first owner rules missed: a person noun with its own
phrase or relative clause, family-history entries, plural and generic people, the reader as the
subject of a clinician's reply; and the precision cases around them."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import ent


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # a person noun with its own prepositional phrase before the verb ("my" owns the gym)
        ("A bloke at my parkrun had plantar fasciitis for a year. My heel hurts in the mornings.", "plantar fasciitis"),
        ("Someone in my cycling club had sciatica last winter. My back is stiff.", "sciatica"),
        ("The woman in my running group has knee pain too. My heel is sore.", "knee"),
        # "with": the noun owns the entity after it
        ("My physio said her other patients with flat feet do well in orthotics. My arch aches.", "flat feet"),
        ("Loads of runners with bunions never get injured. My big toe hurts.", "bunions"),
        # a relative clause opened by the person noun
        ("I know a lad who has Osgood-Schlatter. My knee hurts below the kneecap.", "Osgood-Schlatter"),
        ("My cousin, who has flat feet, says I should get insoles. My arches ache.", "flat feet"),
        # family-history entries
        ("Family history: mother: rheumatoid arthritis. I have knee pain.", "rheumatoid arthritis"),
        ("Mum - flat feet too. My heel hurts in the morning.", "flat feet"),
        # plural and generic people with a verb of having
        ("Lots of people get shin splints in their first year. My shins are fine but my heel hurts.", "shin splints"),
        # the activity is the verb of a third person in a first-person note
        ("My heel hurts. My husband has a bad back. He sits all day at a desk.", "sits"),
        ("My knee hurts when I run. My flatmate cycles to work every day.", "cycles"),
        # a clinician's reply: the reader owns the findings, the writer's own knee is someone else's
        ("Thanks for your email. Your knee pain sounds like patellar tendinopathy and your hip weakness is not "
         "helping. Your calves are tight too. I had the same knee pain myself when I ran marathons.", "marathons"),
    ],
)
def test_someone_elses_body_or_activity_named_by_a_noun_phrase_is_other_subject(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).other_subject


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # the writer is one of the group
        ("Me and my friends started doing dance workouts and my knees hurt.", "knees"),
        ("My mates and I run parkrun every week and my knee hurts after.", "knee"),
        # the writer describes themselves with a person noun
        ("I'm also someone who has flat feet but my knees are fine.", "flat feet"),
        # a comparison, not another person's activity
        ("From the side I look like a man running for a bus.", "running"),
        # "PT" as a field of study, not a patient
        ("PT student here and my hip hurts after lectures.", "student"),
        # the subject's own body named after another person
        ("My physio said my hip is tight and my knee rolls in.", "hip"),
        ("The physio who saw my knee said it was fine.", "knee"),
        # the athlete in a coach's note is the subject
        ("Coach here, writing about Sam (15). Sam's knee is sore after sprints. He runs four times a week.", "knee"),
        # the reader's body in a clinician's reply is the subject's
        ("Thanks for your email. Your knee pain sounds like patellar tendinopathy and your hip weakness is not "
         "helping. Your calves are tight too. I had the same knee pain myself when I ran marathons.", "calves"),
    ],
)
def test_the_subjects_own_body_or_activity_stays_the_subjects(rules_tagger, text, target):
    assert not ent(rules_tagger.tag(text), target).other_subject


@pytest.mark.parametrize(
    ("text", "target", "other"),
    [
        # a reflexive names the owner
        ("My heel hurts in the morning. My physio runs ultras and had ITB syndrome herself.", "ITB syndrome", True),
        ("Writing about Mia, 14. She has sore shins. I had shin splints myself at her age.", "shin splints", True),
        ("Writing about Mia, 14. She's got sore shins and she had shin splints herself last year.", "shin splints", False),
        # "he's had", "she's got": a pronoun with a contracted verb of having
        ("My heel hurts. My dad's the same, he's had plantar fasciitis for years.", "plantar fasciitis", True),
        # plural groups: someone else's, and "my lads" in a coach's note is the coach's group, not a relative
        ("My heel hurts. One of the girls at work had plantar fasciitis.", "plantar fasciitis", True),
        ("I coach a marathon group and one of my lads, Marcus, needs help. He has pain under his right heel.", "heel",
         False),
    ],
)
def test_reflexives_contractions_and_groups_name_the_owner(rules_tagger, text, target, other):
    assert ent(rules_tagger.tag(text), target).other_subject is other


def test_an_entity_at_the_end_of_a_note_with_a_reflexive_earlier_is_tagged(rules_tagger):
    # a reflexive before the entity and none after it, the entity within reach of the doc's end
    result = rules_tagger.tag("I did it myself. Now my knee")
    assert not ent(result, "knee").other_subject

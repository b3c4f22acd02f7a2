"""Session 9, round 3 (CONDITION pooled over five blind annotators): how a part *sits*
("my pelvis sits [rotated forward]", "I sit [tipped forward]") is the alignment finding, as it
is after "is" (9, 9n, 5a; team train forum-0028); a named nerve with its finding is one
CONDITION ("[sciatic nerve irritation]", "[lumbar nerve root irritation]", "[diabetic nerve
problems]": 9, 7a, 5a). Each with sentences where the same words are not a finding. Sentences
written for these tests."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import spans


@pytest.mark.parametrize("text, finding", [
    ("The osteo said my right pelvis sits rotated forward compared with the left.", "rotated forward"),
    ("O: R hemipelvis sitting rotated forward, tight psoas.", "rotated forward"),
    ("Standing: L knee sits rotated in, arch low.", "rotated in"),
    ("She thinks I sit tipped forward on the stool all day.", "tipped forward"),
])
def test_how_a_part_sits_is_an_alignment_finding(nlp, text, finding):
    assert finding in spans(nlp, text, "CONDITION")


@pytest.mark.parametrize("text", [
    "I sit back in the armchair and the ache settles.",
    "I sat back down after ten minutes.",
    "The insole is worn so his foot sits tipped in at heel strike.",
    "I tipped forward off the bike at low speed.",
])
def test_sitting_back_or_a_tilt_before_in_is_no_pelvic_tilt(nlp, text):
    assert not any(c in ("back", "tipped", "tipped forward") for c in spans(nlp, text, "CONDITION"))


@pytest.mark.parametrize("text, finding", [
    ("A: L sciatic nerve irritation at the piriformis.", "sciatic nerve irritation"),
    ("The physio thinks it's lumbar nerve root irritation from all the driving.", "lumbar nerve root irritation"),
    ("My GP tested my feet for diabetic nerve problems last year.", "diabetic nerve problems"),
    ("Possible peroneal nerve entrapment at the fibular head.", "peroneal nerve entrapment"),
])
def test_a_named_nerve_with_its_finding_is_one_condition(nlp, text, finding):
    assert finding in spans(nlp, text, "CONDITION")


@pytest.mark.parametrize("text, structure", [
    ("Tender along the sciatic nerve in the buttock.", "sciatic nerve"),
    ("Femoral nerve tension test negative.", "Femoral nerve"),
])
def test_a_nerve_without_a_finding_stays_a_structure(nlp, text, structure):
    assert structure in spans(nlp, text, "STRUCTURE")
    assert not any("nerve" in c for c in spans(nlp, text, "CONDITION"))


@pytest.mark.parametrize("text, finding", [
    ("My right Achilles, which I tore at netball in 2019, is fine now.", "tore"),
    ("I tore my calf on the hill session.", "tore"),
    ("She jammed her big toe on the door frame.", "jammed"),
    ("Two fingers strapped, jammed them catching the ball.", "jammed"),
    ("Inversion inj L ankle at training Sat.", "Inversion inj"),
])
def test_an_injury_verb_is_an_injury_event(nlp, text, finding):
    assert finding in spans(nlp, text, "CONDITION")


@pytest.mark.parametrize("text", [
    "I tore up the training plan and started again.",
    "The printer jammed again this morning.",
    "My hip feels jammed at the back after sitting.",
    "The knee is getting jammed at the top of the pedal stroke.",
])
def test_tore_and_jammed_without_an_injury_are_no_event(nlp, text):
    assert not any(c.lower() in ("tore", "jammed") for c in spans(nlp, text, "CONDITION"))

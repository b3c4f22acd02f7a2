"""other_subject, session 11: in a transcript the patient speaker's own body is the subject's, and a
relative's "says it's X" names the subject's X. Every sentence is written for the test; none comes
from the corpus.
"""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import ent

_TRANSCRIPT = (
    "Video call - Dr Okafor with Lena Marsh, 27, rower\n"
    "Dr O: Where does it catch you?\n"
    "Lena: Low down on the inside of my left knee, worst on the stairs.\n"
    "Dr O: Any clicking or locking?\n"
    "Lena: No. My ankle is fine too. Is it my shoes?\n"
    "Dr O: I don't think your shoes matter. That's your pes anserine area. I had the same in my hip once.\n"
)


@pytest.mark.parametrize("target", ["knee", "ankle", "shoes"])
def test_the_patient_speakers_own_body_in_a_transcript_is_the_subjects(rules_tagger, target):
    assert not ent(rules_tagger.tag(_TRANSCRIPT), target).other_subject


def test_the_clinician_speakers_own_body_in_a_transcript_is_someone_elses(rules_tagger):
    assert ent(rules_tagger.tag(_TRANSCRIPT), "hip").other_subject


@pytest.mark.parametrize("label", ["Pt", "Pt (Joan, 64)"])
def test_a_patient_labelled_pt_beside_a_therapist_labelled_pt_is_the_subject(rules_tagger, label):
    text = (f"PT: How is the hip?\n{label}: Better, but my back aches after the drive.\n"
            "PT: Your back moves well today.\nPt: My knee is fine now.\nPT: Good, keep the exercises going.\n")
    assert not ent(rules_tagger.tag(text), "back").other_subject


def test_repeated_headings_are_no_transcript(rules_tagger):
    text = ("Note: your knee sounds irritated and your ankle is stiff.\nPlan: rest it for a week.\n"
            "Note: your calf is tight too. I had the same in my hip once.\nPlan: stretch twice a day.\n")
    assert ent(rules_tagger.tag(text), "hip").other_subject


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("My husband is a chiropractor and he says it's the nerve, the sciatic.", "sciatic"),
        ("Her mum is convinced it's sciatica from her back, but the pain is all in the calf.", "sciatica"),
        ("My friend said it is plantar fasciitis.", "plantar fasciitis"),
    ],
)
def test_a_relatives_theory_of_what_it_is_names_the_subjects_problem(rules_tagger, text, target):
    assert not ent(rules_tagger.tag(text), target).other_subject


def test_a_relatives_own_problem_is_still_someone_elses(rules_tagger):
    result = rules_tagger.tag("My husband has flat feet and gets heel pain.")
    assert ent(result, "flat feet").other_subject
    assert ent(result, "heel").other_subject


def test_a_verb_after_someones_verb_of_saying_reports_their_words(rules_tagger):
    result = rules_tagger.tag("The fitter filmed me and my knees roll in, which he said wears out the tendon on the "
                              "outside of my knee.")
    assert not ent(result, "tendon").other_subject


def test_a_person_who_has_or_does_something_still_owns_it(rules_tagger):
    result = rules_tagger.tag("My sister runs marathons and she has flat feet.")
    assert ent(result, "flat feet").other_subject

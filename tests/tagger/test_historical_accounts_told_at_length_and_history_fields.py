"""Historical readings added in session 12 (corpora/reviews/gold_fixes_session12_historical.md), each
stated in GUIDELINES.md or shared by at least two blind annotators: a dated account whose end comes
further on (a forum reply telling the writer's own finished episode) is over up to its first sentence
of the present; an injury or operation dated in a history field is over; an activity out for now or
taken off is on hold; footwear put back in is gone back to; an end before "and he ..." ends its clause."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import ent

# -- an account told at length, its end further on ------------------------------------------------

STORY = ("Re: Shin pain on the track\n\n"
         "Sounds like mine. I coach juniors on Thursdays. Had a sore shin on the inside of my right leg for most "
         "of last winter. Two pairs of insoles, no change.\n\n"
         "In the end a physio had me squat on one leg. My pelvis dropped every time. She gave me clams and step-ups "
         "and I could feel the leg get steadier. The pain was gone by the summer league.\n\n"
         "Yours might be different though.")


def test_a_dated_account_is_over_when_its_end_comes_paragraphs_later(rules_tagger):
    result = rules_tagger.tag(STORY)
    for word in ("sore", "shin", "insoles", "squat", "dropped", "clams"):
        assert ent(result, word).historical, word
    assert ent(result, "pain", nth=1).historical  # the end's own symptom


def test_the_reply_around_the_account_stays_current(rules_tagger):
    result = rules_tagger.tag(STORY)
    assert not ent(result, "Shin").historical  # the title names the reader's complaint
    assert not ent(result, "pain", nth=0).historical


REPLY = ("Re: Knee pain going downstairs\n\n"
         "Mate I had that four years ago. Ache under the right kneecap after every squash match, worse on the "
         "stairs. I'm 52 and still play squash three times a week.\n\n"
         "A physio said my feet roll in. Insoles in my court shoes and the knee settled in about six weeks.")


def test_an_account_broken_by_the_present_is_marked_only_up_to_it(rules_tagger):
    result = rules_tagger.tag(REPLY)
    assert ent(result, "Ache").historical
    assert ent(result, "kneecap").historical
    # the sport the ache came with is still played, and the findings told after the present are current
    assert not ent(result, "squash").historical
    assert not ent(result, "stairs").historical
    assert not ent(result, "feet").historical


@pytest.mark.parametrize(
    "text",
    [
        # the end names something else: another complaint settled
        "Re: heel pain\n\nHad an ache in my left heel for most of last winter. Tried two pairs of insoles.\n\n"
        "Then I hurt my shoulder. The shoulder settled in about a month.",
        # the account turns into an onset: what started then is current
        "Had an ache in my left heel for most of last winter. Then it started to burn at night.\n\n"
        "The ache was gone by the spring, though.",
    ],
)
def test_a_later_end_reaches_back_only_over_the_same_account(rules_tagger, text):
    result = rules_tagger.tag(text)
    assert not ent(result, "heel").historical


# -- a dated injury or operation in a history field ---------------------------------------------------

@pytest.mark.parametrize(
    ("text", "past"),
    [
        ("S: R heel pain x 6/52. Hx: L wrist # (skiing) 2014, no sequelae.", ["wrist", "#", "skiing"]),
        ("Injury hx: L ankle sprain x3 (2019, 2021) - rehab done.", ["ankle", "sprain"]),
        ("PSHx: R knee arthroscopy 2008; appendectomy (child).", ["knee"]),
        ("Hx L shoulder dislocation 2015 (rugby) - stable.", ["shoulder", "dislocation", "rugby"]),
    ],
)
def test_an_injury_or_operation_dated_in_a_history_field_is_over(rules_tagger, text, past):
    result = rules_tagger.tag(text)
    for word in past:
        assert ent(result, word).historical, word


@pytest.mark.parametrize(
    ("text", "current"),
    [
        # a finding in the field's list before the dated injury is not in the injury's item
        ("Hx: flat feet; L ankle sprain 2017.", "flat feet"),
        # a family history is someone else's, not the subject's past
        ("FHx: mother had hip replacement 2010.", "hip"),
        # the present in the sentence keeps it current
        ("Hx: R ankle sprain 2020, still gives way on uneven ground.", "ankle"),
    ],
)
def test_a_history_field_leaves_findings_family_and_the_present(rules_tagger, text, current):
    result = rules_tagger.tag(text)
    assert not ent(result, current).historical
    if current == "flat feet":
        assert ent(result, "sprain").historical


# -- on hold, put back in, an end before a new clause -------------------------------------------------

def test_an_activity_out_for_now_or_taken_off_is_on_hold(rules_tagger):
    result = rules_tagger.tag("Sore hamstring after Saturday. Sprints out for now. I've taken her off the hill "
                              "repeats and she does easy jogging instead.")
    assert ent(result, "Sprints").historical
    assert ent(result, "hill repeats").historical
    assert not ent(result, "jogging").historical


def test_footwear_put_back_in_is_gone_back_to(rules_tagger):
    result = rules_tagger.tag("Calf is fine. Orthotics back in for every run from Monday.")
    assert not ent(result, "Orthotics").historical
    assert not ent(result, "run").historical


def test_an_end_before_a_clause_of_its_own_is_over(rules_tagger):
    result = rules_tagger.tag("The knee he hurt in the cup game is better, the swelling has gone and he can squat "
                              "again.")
    assert ent(result, "swelling").historical


def test_a_list_item_that_ends_itself_does_not_end_the_account_before_it(rules_tagger):
    result = rules_tagger.tag("Saw a physio in May. She pressed on my calf and it brought the ache on straight away.\n"
                              "Other things:\n- a sore left wrist from the garden, which has settled now\n")
    assert not ent(result, "ache").historical

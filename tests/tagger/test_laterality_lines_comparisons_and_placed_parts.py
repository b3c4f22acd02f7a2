"""Laterality, session 11: a line heading's side over its line, "the left one more" after a plural, a
bracket gloss after a finding's degree word, "on that side" for the pelvis and back, a site placed on a
part of a sided site, and a hyphen inside a word. Every sentence is written for the test; none comes
from the corpus.
"""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import ent

_LINES = (
    "Hello,\n\n"
    "Left knee: sore at the front since the squad went to two-a-days. Her quads on the left are rock hard, "
    "she can't get her thigh past neutral, and the kneecap eases after taping.\n\n"
    "Right ankle: rolled it in March. It swelled down the side of the foot and the shin.\n"
)


@pytest.mark.parametrize("target", ["thigh", "kneecap"])
def test_a_line_heading_holds_over_its_line_when_the_line_states_its_side_again(rules_tagger, target):
    assert ent(rules_tagger.tag(_LINES), target).laterality == "left"


def test_a_line_heading_not_stated_again_holds_for_its_first_sentence_only(rules_tagger):
    result = rules_tagger.tag(_LINES)
    assert ent(result, "shin").laterality is None


def test_a_line_heading_stops_at_the_next_heading_of_its_line(rules_tagger):
    result = rules_tagger.tag("O: R knee: no effusion. Knee tests on the right neg. Hip: full ROM, FADIR -ve.")
    assert ent(result, "Hip").laterality is None


def test_a_line_heading_stops_at_a_side_word_naming_the_other_side(rules_tagger):
    result = rules_tagger.tag("Right hip: stiff in the mornings. The right groin aches too. The left calf is tight, "
                              "the shin too.\n")
    assert ent(result, "groin").laterality == "right"
    assert ent(result, "shin").laterality != "right"


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("He limps off with sore heels, the left one more.", "heels"),
        ("My knees ache, the right one worse on stairs.", "knees"),
        ("Both calves were tight, the left side more.", "calves"),
    ],
)
def test_a_plural_part_compared_as_the_left_one_is_bilateral(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).laterality == "bilateral"


def test_the_left_one_after_a_singular_part_stays_that_side(rules_tagger):
    result = rules_tagger.tag("Her ankle swells, the left one, after netball.")
    assert ent(result, "ankle").laterality == "left"


@pytest.mark.parametrize(
    ("text", "target", "side"),
    [
        ("The physio found the front of my left hip really tight (the TFL, she said) and worked on it.", "TFL", "left"),
        ("A sore spot under my right big toe (the little sesamoid bones, I gather) flares on hills.", "sesamoid bones",
         "right"),
    ],
)
def test_a_bracket_gloss_after_a_degree_word_or_a_size_word_takes_the_sided_sites_side(rules_tagger, text, target,
                                                                                         side):
    assert ent(rules_tagger.tag(text), target).laterality == side


@pytest.mark.parametrize(
    ("text", "target", "side"),
    [
        ("The osteo said my right psoas is short and my pelvis tips forward on that side.", "pelvis", "right"),
        ("A sore left hip, and my low back on that side aches by the evening.", "low back", "left"),
        ("My left glute med is weak and the pelvis drops on the other side when I hop.", "pelvis", "right"),
    ],
)
def test_on_that_side_ending_the_clause_of_the_pelvis_or_back_sides_it(rules_tagger, text, target, side):
    assert ent(rules_tagger.tag(text), target).laterality == side


def test_a_pelvis_with_no_side_stated_in_its_clause_stays_unsided(rules_tagger):
    result = rules_tagger.tag("My right knee dives in when I squat, and my pelvis tilts.")
    assert ent(result, "pelvis").laterality is None


@pytest.mark.parametrize(
    ("text", "target", "side"),
    [
        ("His right knee stays up when he sits, and the deep rotators at the back of that hip are tight.",
         "deep rotators", "right"),
        ("It aches in the bony bit on the outside of the left hip.", "bony bit", "left"),
        ("The tendon at the back of my right heel is sore.", "tendon", "right"),
    ],
)
def test_a_site_placed_on_a_part_of_a_sided_site_takes_its_side(rules_tagger, text, target, side):
    assert ent(rules_tagger.tag(text), target).laterality == side


def test_a_site_sent_to_a_part_of_a_sided_site_is_not_placed_there(rules_tagger):
    # the first knee is the other player's: "to" is where it went, not where it sits
    result = rules_tagger.tag("Took a knee to the outside of the R knee in the tackling drill.")
    assert ent(result, "knee", nth=0).laterality is None


def test_a_hyphen_inside_a_word_does_not_end_the_clause_of_a_final_side(rules_tagger):
    result = rules_tagger.tag("Glute med EMG-onset delayed on the right. She runs in Brooks.")
    assert ent(result, "Glute med").laterality == "right"


def test_and_opening_a_new_clause_ends_the_reach_of_a_final_side(rules_tagger):
    result = rules_tagger.tag("She pushed against my leg in side-lying and I was weak on the left compared to the right.")
    assert ent(result, "leg").laterality is None

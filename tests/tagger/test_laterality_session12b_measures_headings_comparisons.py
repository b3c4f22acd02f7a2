"""Laterality, session 12 round 2: a part measured on both sides ("R value / L value") is bilateral, a strength
grade pair is not read so; a short part heading's colon does not end the clause of a final side, and a side
opening the heading's finding is the part's; "worse"/"more" opening a comparison and "both" set off after a clause
make plural parts bilateral; "lists" is a direction; a side before a symptom naming its region reaches its slash
list. Made-up text, not from the corpus.
"""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import ent


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Obs: Calcaneus angle R 6° / L 3°.", "Calcaneus"),
        ("Calf girth R 38 cm, L 36 cm.", "Calf"),
        ("Quads (HHD) L 30.5 kg / R 34.0 kg.", "Quads"),
        ("Passive knee flex (prone, hip neutral) R 130° / L 140°.", "knee"),
    ],
)
def test_a_part_measured_on_both_sides_is_bilateral(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).laterality == "bilateral"


def test_a_site_inside_the_measures_bracket_is_not_the_measured_part(rules_tagger):
    result = rules_tagger.tag("Passive knee flex (prone, hip neutral) R 130° / L 140°.")
    assert ent(result, "hip").laterality is None


def test_a_strength_grade_pair_is_not_read_as_a_measured_pair(rules_tagger):
    # the annotators give a grade pair the weaker side or none, not both (11 and 11s, team gold)
    result = rules_tagger.tag("MMT glute max R 4/5, L 5/5.")
    assert ent(result, "glute max").laterality != "bilateral"


def test_one_side_measured_keeps_its_side(rules_tagger):
    assert ent(rules_tagger.tag("Calcaneus angle R 6°, painful."), "Calcaneus").laterality != "bilateral"


def test_a_short_part_headings_colon_does_not_end_the_clause_of_a_final_side(rules_tagger):
    result = rules_tagger.tag("Reviewed today. Patellar tap: mild effusion R. Gait normal.")
    assert ent(result, "Patellar").laterality == "right"


def test_a_side_opening_the_headings_finding_is_the_parts(rules_tagger):
    assert ent(rules_tagger.tag("Knee: L - McMurray neg, no effusion."), "Knee").laterality == "left"


def test_a_final_side_does_not_reach_back_past_a_long_headings_colon(rules_tagger):
    result = rules_tagger.tag("Things the knee did on the run today: ached a little R.")
    assert ent(result, "knee").laterality is None


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("My two ankles are swelling at night, more the left one.", "ankles"),
        ("SORE HEELS - both feet, worse right", "HEELS"),
        ("His shins hurt, both, after every match.", "shins"),
        ("She gets calf cramps at night, both legs.", "calf"),
    ],
)
def test_a_comparison_or_both_set_off_after_the_clause_is_bilateral(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).laterality == "bilateral"


def test_both_as_a_pronoun_after_a_clause_states_no_side(rules_tagger):
    result = rules_tagger.tag("I had a knee sprain and an ankle sprain, both long gone.")
    assert ent(result, "ankle").laterality is None


def test_a_trunk_that_lists_to_a_side_has_no_side(rules_tagger):
    assert ent(rules_tagger.tag("In gait the trunk lists R."), "trunk").laterality is None


def test_a_side_before_a_symptom_naming_its_region_reaches_its_slash_list(rules_tagger):
    assert ent(rules_tagger.tag("Imp: L LBP/buttock ache from guarding."), "buttock").laterality == "left"


def test_a_records_tests_side_heading_reaches_the_pelvis(rules_tagger):
    result = rules_tagger.tag("Obs: step-down L: knee drifts in, pelvis drops.")
    assert ent(result, "pelvis").laterality == "left"


def test_a_contralateral_pelvis_does_not_take_the_headings_side(rules_tagger):
    result = rules_tagger.tag("Obs: step-down L: knee drifts in, contralateral pelvis drops.")
    assert ent(result, "pelvis").laterality != "left"


def test_the_next_heading_ends_a_tests_side_heading(rules_tagger):
    result = rules_tagger.tag("Obs: SL squat L: knee drifts in; retest barefoot: knee stays out.")
    assert ent(result, "knee", nth=1).laterality is None

"""Laterality, session 12: in a records measurement a side between the part's movement and its value is the
part's ("hip ext R -10°"), both sides measured are "R and L" (bilateral); a subject pronoun opens the clause a
final side ends; a second symptom's path after "with" states no side; "- and" opens the next clause. Made-up text, not from the corpus.
"""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import ent


@pytest.mark.parametrize(
    ("text", "target", "side"),
    [
        ("ROM: knee flex L 95°, painful end range.", "knee", "left"),
        ("Obj: hip ext R -5°, Thomas +ve.", "hip", "right"),
        ("Ankle DF L 4°. Calf tight.", "Ankle", "left"),
    ],
)
def test_a_side_between_a_measured_movement_and_its_value_is_the_parts(rules_tagger, text, target, side):
    assert ent(rules_tagger.tag(text), target).laterality == side


def test_both_sides_measured_are_bilateral(rules_tagger):
    assert ent(rules_tagger.tag("Hip IR R 15° / L 30°, ER full."), "Hip").laterality == "bilateral"


def test_a_movement_without_a_value_takes_no_side_from_this(rules_tagger):
    assert ent(rules_tagger.tag("Hip ext limited. R knee sore."), "Hip").laterality is None


def test_a_subject_pronoun_opens_the_clause_a_final_side_ends(rules_tagger):
    # session 12: "Since the heel got bad she has been tiptoeing on the L" leaves the heel unsided (11, 11s)
    result = rules_tagger.tag("Since the knee flared up he has been limping on the R.")
    assert ent(result, "knee").laterality is None


def test_a_final_side_still_holds_for_its_own_clause(rules_tagger):
    assert ent(rules_tagger.tag("After the run my pelvis drops on the R."), "pelvis").laterality == "right"


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Dull ache in the R hip with burning down the outer thigh to the knee.", "outer thigh"),
        ("Sore L buttock with numbness into the calf after sitting.", "calf"),
    ],
)
def test_a_second_symptoms_path_after_with_states_no_side(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).laterality is None


def test_a_site_placed_on_a_sided_site_still_takes_its_side(rules_tagger):
    assert ent(rules_tagger.tag("My right knee aches around the kneecap."), "kneecap").laterality == "right"


def test_a_dash_and_opens_the_next_clause_for_a_side_before_it(rules_tagger):
    result = rules_tagger.tag("He has been limping on the L foot - and the hip ache started a week later.")
    assert ent(result, "foot").laterality == "left"
    assert ent(result, "hip").laterality is None

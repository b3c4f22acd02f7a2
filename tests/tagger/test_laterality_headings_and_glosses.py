"""A side stated for a heading, a bracket or a place holds for the sites it names (GUIDELINES section 4,
"How far a stated side reaches"; corpora/reviews/gold_fixes_session9_structure.md)."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import ent


@pytest.mark.parametrize(
    ("text", "target", "side"),
    [
        ("Left hip: stiff putting my socks on, groin ache after long walks.", "groin", "left"),
        ("Other issues: - R knee: occasional kneecap pain on stairs.", "kneecap", "right"),
        ("O) L ankle: mild swelling, ATFL tender, CFL fine.", "CFL", "left"),
        ("I muddled them on the phone. Ankle (right): I turned it on a kerb and the heel swelled.", "heel", "right"),
    ],
)
def test_a_sided_site_heading_its_line_holds_for_the_line(rules_tagger, text, target, side):
    assert ent(rules_tagger.tag(text), target).laterality == side


def test_a_colon_after_a_sided_site_in_prose_is_no_heading(rules_tagger):
    result = rules_tagger.tag("Here is what bugs me about my right knee: the kneecap grinds.")
    assert ent(result, "kneecap").laterality is None


def test_a_headings_side_stops_at_the_next_side_word(rules_tagger):
    result = rules_tagger.tag("R hip: fine, but the left groin aches.")
    assert ent(result, "groin").laterality == "left"


@pytest.mark.parametrize(
    ("text", "target", "side"),
    [
        ("Six weeks of aching on the outside of the R foot and ankle (peroneals) when running.", "peroneals", "right"),
        ("A: L lateral knee pain (ITB-related) from a big jump in mileage.", "ITB", "left"),
        ("Aching in both feet (the arches mostly) by the evening.", "arches", "bilateral"),
    ],
)
def test_a_site_opening_a_bracket_after_a_sided_site_takes_its_side(rules_tagger, text, target, side):
    assert ent(rules_tagger.tag(text), target).laterality == side


def test_a_bracket_after_an_unsided_site_gives_no_side(rules_tagger):
    result = rules_tagger.tag("My knee (the kneecap really) hurts after sitting.")
    assert ent(result, "kneecap").laterality is None


@pytest.mark.parametrize(
    ("text", "target", "side"),
    [
        ("C/o L lateral forefoot pain over the 5th metatarsal head for five weeks.", "5th metatarsal head", "left"),
        ("Pain on the outside of my right hip, over the bony bit.", "bony bit", "right"),
        ("It is pain of the left foot, in the arch mostly.", "arch", "left"),
        ("I hurt my right knee, right on the front of the kneecap.", "kneecap", "right"),
        ("The R knee aches, a grinding pain at the front of the kneecap on stairs.", "kneecap", "right"),
    ],
)
def test_a_structure_under_a_sided_place_takes_its_side(rules_tagger, text, target, side):
    assert ent(rules_tagger.tag(text), target).laterality == side


def test_over_does_not_place_a_region_a_symptom_sweeps(rules_tagger):
    result = rules_tagger.tag("My right calf aches and the ache spreads over the foot.")
    assert ent(result, "foot").laterality is None


@pytest.mark.parametrize(
    ("text", "target", "side"),
    [
        ("P: adj R SI, L5; TFL release.", "L5", None),
        ("Listings: L5 PL, L SI fixated.", "SI", "left"),
        ("MRI showed a bulge at the left L5 root.", "L5 root", "left"),
        ("Sensation reduced L5/S1 L.", "L5/S1", "left"),
    ],
)
def test_a_spinal_level_takes_only_a_side_stated_right_by_it(rules_tagger, text, target, side):
    assert ent(rules_tagger.tag(text), target).laterality == side


def test_a_bracket_restating_the_site_with_a_side_gives_it_that_side(rules_tagger):
    result = rules_tagger.tag("But the knee pain (outside of the left knee, starts at 5 km) is new.")
    assert ent(result, "knee").laterality == "left"


def test_a_bracket_naming_another_region_gives_no_side(rules_tagger):
    result = rules_tagger.tag("The knee pain (and the left ankle too) is new.")
    assert ent(result, "knee").laterality is None


@pytest.mark.parametrize(
    ("text", "target", "side"),
    [
        ("Knee pain (R) for two weeks, worse on hills.", "Knee", "right"),
        ("The heel pain (left) is better on days I stretch.", "heel", "left"),
    ],
)
def test_a_bracketed_side_after_a_sites_finding_is_the_sites(rules_tagger, text, target, side):
    assert ent(rules_tagger.tag(text), target).laterality == side


def test_a_bracketed_note_after_a_finding_without_a_side_gives_none(rules_tagger):
    assert ent(rules_tagger.tag("Knee pain (mostly stairs) for two weeks."), "Knee").laterality is None

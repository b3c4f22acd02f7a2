"""Readings two blind annotators share: a goals line is hypothetical (9, 9n); a sport or injury
told as "at school" is historical (8a, 5a); a condition dated by a year in brackets is historical
(GUIDELINES: "hx of L ankle sprain 2019"). Evidence: corpora/reviews/readings_session9b_hist_hyp.md.

Every sentence here is written for the test; none comes from the corpus or the seeds.
"""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import ent


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        ("Goals: jog the 5k loop without stopping and cycle to work pain-free.", ["jog", "cycle", "pain"]),
        ("Goals: back to netball by March; hike 10 km in boots with no ache.", ["netball", "hike", "boots", "ache"]),
        ("PMH: asthma. Goal: dance at the wedding in 8/52 w/o pain. O: R knee effusion.", ["dance", "pain"]),
    ],
)
def test_what_a_goals_line_names_is_hypothetical(rules_tagger, text, targets):
    result = rules_tagger.tag(text)
    for target in targets:
        assert ent(result, target).hypothetical, target


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # the goal's own body part is the subject's real knee
        ("Goals: squat to the floor without my knee aching.", "knee"),
        # a goals line ends at the next section heading
        ("Goal: walk to the shops w/o pain. Objective: antalgic gait, swelling R ankle.", "swelling"),
        # no goals heading: no plan
        ("My goal today was just to get through the walk with the dog.", "walk"),
    ],
)
def test_a_goals_line_leaves_real_parts_and_later_sections_alone(rules_tagger, text, target):
    assert not ent(rules_tagger.tag(text), target).hypothetical


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("My left ankle has clicked since I played hockey at school.", "hockey"),
        ("The knee has never been right since a rugby injury at school.", "injury"),
        ("The knee has never been right since a rugby injury at school.", "rugby"),
        ("I sprained my ankle at school and it still rolls.", "sprained"),
    ],
)
def test_a_sport_or_injury_at_school_is_historical(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).historical


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("He gets knee pain climbing the stairs at school.", "stairs"),
        ("She plays netball at school twice a week and her heel hurts after.", "netball"),
        ("The physio at school says his feet roll in.", "feet"),
        ("My left ankle has clicked since I played hockey at school.", "ankle"),
    ],
)
def test_school_as_the_present_setting_is_not_historical(rules_tagger, text, target):
    assert not ent(rules_tagger.tag(text), target).historical


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Flattened L arch after a Lisfranc sprain (2019), now rigid.", "Lisfranc sprain"),
        ("Other: R wrist fracture (2015), L plantar fasciitis (2020).", "plantar fasciitis"),
    ],
)
def test_a_condition_dated_by_a_year_in_brackets_is_historical(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).historical


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Knee XR (2023) showed mild OA, pain on stairs daily.", "OA"),
        ("Flattened L arch after a Lisfranc sprain (2019), now rigid.", "arch"),
    ],
)
def test_a_bracketed_year_reaches_only_the_condition_beside_it(rules_tagger, text, target):
    assert not ent(rules_tagger.tag(text), target).historical


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("A: L ITBS.\nPlan:\n1. Hip abductor loading 3x/wk\n2. Swap to cushioned trainers for long runs", "cushioned trainers"),
        ("A: L ITBS.\nPlan:\n1. Hip abductor loading 3x/wk\n2. Swap to cushioned trainers for long runs",
         "Hip abductor loading"),
        ("O: stiff ankle.\nP: taping today\n- calf raises daily\n- heel lift in work boots", "calf raises"),
        ("O: stiff ankle.\nP: taping today\n- calf raises daily\n- heel lift in work boots", "work boots"),
    ],
)
def test_the_numbered_or_bulleted_items_under_a_plan_header_are_planned(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).hypothetical


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # the body parts a plan item names are read both ways by the annotators: left as they were
        ("P:\n- ice pack\n- sleep with a pillow between the knees", "knees"),
        # a header inside an item line heads nothing below it
        ("What we agreed:\n- load management: fewer hills\n- side planks twice a week", "side planks"),
        # a line that is no item ends the plan
        ("Plan:\n1. calf raises\nS: says she walks the dog daily.", "walks"),
    ],
)
def test_plan_items_stop_at_parts_inner_headers_and_the_first_line_that_is_no_item(rules_tagger, text, target):
    assert not ent(rules_tagger.tag(text), target).hypothetical


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("My first thought was trainers, so I bought new ones.", "trainers"),
        ("The GP thought it was bursitis and sent me for physio.", "bursitis"),
        ("Thought it was a calf strain, turns out it wasn't.", "strain"),
    ],
)
def test_what_the_writer_first_thought_it_was_is_a_guess(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).hypothetical


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # the region the guess is about stays real (a split between annotators: left as it was)
        ("My first thought was a problem in my left foot.", "foot"),
        # what comes after the guess's own sentence part is real
        ("She thought it was fine, but my knee swelled after the run.", "run"),
    ],
)
def test_a_first_thought_leaves_regions_and_later_facts_real(rules_tagger, text, target):
    assert not ent(rules_tagger.tag(text), target).hypothetical

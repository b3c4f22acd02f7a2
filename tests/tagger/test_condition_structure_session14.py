"""Session 14, CONDITION and STRUCTURE: records 'op', an injury 'done' to a ligament, a body held
lopsided, a dancer's forced turnout, a disc finding named by where it sits, a landmark found
elevated, steps cut small, a heel strike avoided, and the forefoot's records shorthand; each stated
in GUIDELINES.md or shared by two blind voices (evidence in
corpora/reviews/gold_fixes_session14_condition_structure.md). Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import spans


@pytest.mark.parametrize("text", [
    "Knee still swollen since the op last month.",
    "Reviewed 4/52 post-op, wound clean.",
    "Now 8 weeks post op and walking unaided.",
    "She was much stiffer before the op.",
])
def test_records_op_after_a_determiner_or_post_is_the_operation(nlp, text):
    assert "op" in spans(nlp, text, "CONDITION")


@pytest.mark.parametrize("text", [
    "Wearing a post-op shoe on the left for two weeks.",
    "Calcaneal # managed non-op in a boot.",
    "Post-op: leg pain eased on day one.",
    "[OP] thanks everyone for the replies.",
    "Bought new trainers at the op shop.",
])
def test_op_as_a_shoe_a_heading_a_poster_or_a_shop_is_no_operation(nlp, text):
    assert "op" not in [s.lower() for s in spans(nlp, text, "CONDITION")]


@pytest.mark.parametrize("text", [
    "Did my right ACL playing rugby at 19.",
    "His cousin did her ACL skiing last winter.",
    "I did my Achilles at squash years ago.",
])
def test_did_with_a_possessive_and_a_ligament_is_the_injury_event(nlp, text):
    assert [s.lower() for s in spans(nlp, text, "CONDITION")][:1] == ["did"]


@pytest.mark.parametrize("text", [
    "I did my hill reps on Tuesday.",
    "Did a long run on Sunday.",
    "Bending made it worse and so did my hamstring stretch.",
])
def test_did_with_no_ligament_after_its_possessive_is_no_injury(nlp, text):
    assert "did" not in [s.lower() for s in spans(nlp, text, "CONDITION")]


def test_a_body_held_lopsided_is_an_alignment_finding(nlp):
    assert "lopsided" in spans(nlp, "Since the boot came off he walks a bit lopsided.", "CONDITION")


@pytest.mark.parametrize("text, finding", [
    ("Teacher says I am forcing turnout in first position.", "forcing turnout"),
    ("A: PFPS secondary to forced turnout at the feet.", "forced turnout"),
    ("She has been screwing the turnout from her feet.", "screwing"),
])
def test_a_turnout_forced_below_the_hip_is_the_compensation(nlp, text, finding):
    assert finding in spans(nlp, text, "CONDITION")


@pytest.mark.parametrize("text", [
    "The shelf bracket screwed into the wall came loose.",
    "I totally screwed up the warm-up timing.",
])
def test_screwing_with_no_turnout_knee_or_foot_after_it_is_no_finding(nlp, text):
    found = [s.lower() for s in spans(nlp, text, "CONDITION")]
    assert "screwed" not in found


@pytest.mark.parametrize("text, finding", [
    ("MRI: L4/5 central protrusion abutting the thecal sac.", "central protrusion"),
    ("MRI: L5-S1 L foraminal extrusion contacting the L5 root.", "foraminal extrusion"),
])
def test_a_disc_finding_named_by_where_it_sits_is_one_span(nlp, text, finding):
    assert finding in spans(nlp, text, "CONDITION")


def test_a_landmark_found_elevated_is_how_the_part_sits(nlp):
    assert "elevated" in spans(nlp, "Standing: L iliac crest elevated vs R.", "CONDITION")


def test_elevated_with_no_landmark_before_it_is_no_finding(nlp):
    assert "elevated" not in spans(nlp, "Rest with the leg elevated after the session.", "CONDITION")


@pytest.mark.parametrize("text, finding", [
    ("Gait: walks with tiny steps on the left.", "tiny steps"),
    ("She shuffles along with small steps since the fall.", "small steps"),
    ("He runs with a really short stride on that side.", "short stride"),
])
def test_steps_cut_small_or_short_are_the_gait_finding(nlp, text, finding):
    assert finding in spans(nlp, text, "CONDITION")


@pytest.mark.parametrize("text", [
    "Small steps forward every week with the rehab.",
    "Advised to take small steps on the icy path.",
])
def test_small_steps_as_progress_or_advice_are_no_finding(nlp, text):
    assert not [s for s in spans(nlp, text, "CONDITION") if "steps" in s.lower()]


def test_a_heel_strike_avoided_is_one_gait_finding(nlp):
    assert "heel strike avoided" in spans(nlp, "Gait: R heel strike avoided, forefoot loading.", "CONDITION")


@pytest.mark.parametrize("text, structure", [
    ("O: TTP 2nd IMS L, squeeze test +.", "2nd IMS"),
    ("Callus under plantar MTH 2, TTP.", "plantar MTH 2"),
    ("The 4th intermetatarsal space is tender.", "4th intermetatarsal space"),
])
def test_records_shorthand_for_the_forefoots_spaces_and_heads_is_the_structure(nlp, text, structure):
    assert structure in spans(nlp, text, "STRUCTURE")


def test_months_written_mths_after_a_number_is_no_metatarsal_head(nlp):
    assert spans(nlp, "Seen physio for 3 mths, helped a bit.", "STRUCTURE") == []


@pytest.mark.parametrize("text, finding", [
    ("My feet have got a bit wider and flatter since the baby.", "flatter"),
    ("About my feet: yes, they're flat, always have been.", "flat"),
])
def test_feet_said_flat_further_along_their_clause_or_as_they_are_the_finding(nlp, text, finding):
    assert finding in spans(nlp, text, "CONDITION")


@pytest.mark.parametrize("text", [
    "My right foot turns out and I keep landing flat on it.",
    "The roads near my house are long and flat, they suit me.",
])
def test_a_foot_landing_flat_or_a_flat_road_is_no_flat_foot(nlp, text):
    assert not {"flat", "flatter"} & set(spans(nlp, text, "CONDITION"))

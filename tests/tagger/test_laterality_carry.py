"""When a side stated once holds for another mention, and when it does not (GUIDELINES section 4:
laterality only where the side is stated for the mention or its phrase)."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import ent


@pytest.mark.parametrize(
    ("text", "target", "side"),
    [
        ("The physio said my pelvis tips down on the left.", "pelvis", "left"),
        ("Achilles niggle flaring up again on the R.", "Achilles", "right"),
        ("My lower back has been stiff all week, mostly on the right side.", "lower back", "right"),
        ("She found the glutes weak on both sides.", "glutes", "bilateral"),
        ("The ball of the foot was tender on the left after the race.", "ball of the foot", "left"),
    ],
)
def test_a_side_at_the_end_of_a_clause_holds_for_its_sites(rules_tagger, text, target, side):
    assert ent(rules_tagger.tag(text), target).laterality == side


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # a new clause subject after "and": the side is the pelvis's only
        ("The quads are short and my pelvis rotates forward on the L.", "quads"),
        # "worse on the left" compares two sides already named
        ("Both knees ache below the kneecap and it is worse on the left.", "kneecap"),
        # a clause word ends the reach back
        ("My knee hurts when I lean on the right.", "knee"),
    ],
)
def test_a_clause_final_side_stops_at_a_new_clause_or_a_comparison(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).laterality is None


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Dull ache in the L shin with tingling into the big toe.", "big toe"),
        ("Pain along the top of my right foot towards the toes.", "toes"),
        # "over" places a structure under the sided place (session 9), not a region a symptom sweeps over
        ("R hip pain, aching over the thigh at night.", "thigh"),
        # session 14b: a site further down a path of pain takes no side (GUIDELINES s8; the blind gold reads it null)
        ("R buttock ache down the back of the thigh to the outer calf.", "outer calf"),
    ],
)
def test_a_spreading_symptom_does_not_carry_the_side(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).laterality is None


@pytest.mark.parametrize(
    ("text", "target", "side"),
    [
        # "down into" right after the sided site still places (session 14b kept it: team tune forum-2010)
        ("Deep ache in my left buttock running down into the calf.", "calf", "left"),
        ("Right knee aching around the kneecap.", "kneecap", "right"),
    ],
)
def test_a_site_placed_within_or_right_down_into_a_sided_site_keeps_its_side(rules_tagger, text, target, side):
    assert ent(rules_tagger.tag(text), target).laterality == side


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The long run left my calves sore.", "calves"),
        ("It hurts in my knee, right? Since the race.", "knee"),
        ("Sore knee - right after a long run it flares.", "knee"),
        ("Right my foot is killing me after that session.", "foot"),
        ("I have a TFL-dominant hip according to the physio.", "hip"),
    ],
)
def test_left_and_right_as_verbs_or_fillers_state_no_side(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).laterality is None


def test_a_prose_colon_after_on_the_right_is_not_a_header(rules_tagger):
    r = rules_tagger.tag("He is running differently on the right: landing on the forefoot, short steps.")
    assert ent(r, "forefoot").laterality is None


def test_that_foot_takes_the_side_stated_at_the_end_of_the_clause_before(rules_tagger):
    r = rules_tagger.tag("My left knee is fine. Next day the heel was painful on the right, so I walk on the outside of that foot.")
    assert ent(r, "heel").laterality == "right"
    assert ent(r, "outside of that foot").laterality == "right"


def test_left_and_right_together_are_bilateral(rules_tagger):
    assert ent(rules_tagger.tag("My left and right knees both ache."), "knees").laterality == "bilateral"


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # a possessive or an article of the site's own opens a new phrase
        ("I also have a clicky right knee, and my neck has been stiff.", "neck"),
        ("When I stand on left leg my hip is dropping.", "hip"),
        ("Very weak right glutes and a pelvis that drops.", "pelvis"),
        # "the right" as a noun, then a new clause
        ("My left foot rolls in more than the right and the whole leg twists in.", "leg"),
        # a clause of its own after "and" or ", and"
        ("The outside of my left foot tingles and there's a pull behind my knee.", "knee"),
        ("My left foot overpronates, the shin turns in, and the muscles at the side of my hip are working hard.",
         "muscles at the side of my hip"),
        # "I'm right:" and a comparison before a bracket are no headers
        ("What makes me think I'm right: the arch aches after a long walk.", "arch"),
        ("Calf length R < L (knee-to-wall 6cm vs 11cm).", "knee"),
    ],
)
def test_a_side_does_not_reach_a_site_in_another_phrase(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).laterality is None


def test_a_radiating_run_keeps_its_side_through_unsided_stops(rules_tagger):
    r = rules_tagger.tag("Pain from the left side of the low back, through the buttock, to behind the knee and sometimes to the heel.")
    assert ent(r, "heel").laterality == "left"

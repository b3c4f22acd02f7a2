"""Session-3 attribute kinds on outside text: sides that hold past their mention, past episodes,
and what relieves or aggravates, each with phrasing variants."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import ent

# -- laterality -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "target", "side"),
    [
        ("SLS R: femur IR, knee drifts medially.", "knee", "right"),
        ("Single-leg hop L: knee into IR, foot collapses.", "foot", "left"),
        ("left: heel and arch sore by lunchtime", "arch", "left"),
        ("Ober +ve R (ITB and TFL).", "TFL", "right"),
    ],
)
def test_a_header_side_covers_the_sites_after_it(rules_tagger, text, target, side):
    assert ent(rules_tagger.tag(text), target).laterality == side


def test_a_header_side_stops_at_the_sentence_end(rules_tagger):
    r = rules_tagger.tag("Ober +ve R (ITB and TFL). Hip strength normal.")
    assert ent(r, "Hip").laterality is None


@pytest.mark.parametrize(
    ("text", "target", "side"),
    [
        ("My right knee has been grumbling around the kneecap since March.", "kneecap", "right"),
        # session 14b: a site down a path of pain from a sided site takes no side (GUIDELINES s8): pinned in
        # tests/tagger/test_latmod_session14b_readings.py
        ("A dull ache at the sole of the R foot most mornings.", "sole", "right"),
        ("Numb toes on my L foot after long drives.", "toes", "left"),
        ("Both feet burn across the soles by the evening.", "soles", "bilateral"),
        ("It's my left shin, two fingers above the ankle.", "ankle", "left"),
    ],
)
def test_a_site_placed_relative_to_a_sided_site_takes_its_side(rules_tagger, text, target, side):
    assert ent(rules_tagger.tag(text), target).laterality == side


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Right foot pain and knee pain.", "knee"),  # a new item with its own finding
        # midline and pelvis take no side carried from another site (a test's side heading, "SL squat R:", does
        # reach the pelvis: session 12 round 2, test_laterality_session12b_measures_headings_comparisons.py)
        ("R knee caves, pelvis drops.", "pelvis"),
        ("Both knees ache after netball, mainly below the kneecap.", "kneecap"),  # one kneecap is no side
        ("L5 radiculopathy on the L, referring to the shin.", "shin"),  # a referral, not a place
        ("The left knee is fine but the ankle hurts.", "ankle"),
    ],
)
def test_a_side_does_not_carry_where_nothing_places_the_site(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).laterality is None


@pytest.mark.parametrize(
    ("text", "target", "side", "nth"),
    [
        ("I jarred my right foot and have been walking on the outside edge of that foot.",
         "outside edge of that foot", "right", 0),
        ("My left calf cramps and the knee on that side clicks.", "knee", "left", 0),
    ],
)
def test_that_points_back_to_the_side_last_stated(rules_tagger, text, target, side, nth):
    assert ent(rules_tagger.tag(text), target, nth=nth).laterality == side


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Straight leg raise +ve R. Hamstring length normal.", "Hamstring"),
        ("Knee pain, right worse than left, and my knees click.", "knees"),
        ("Niggles: Achilles, shoulder, L knee.", "shoulder"),
        ("It's feeding both the knee and the hip problems.", "knee"),
    ],
)
def test_side_words_that_belong_elsewhere_are_not_taken(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).laterality is None


def test_pain_at_the_front_of_the_knees_both_sides_is_bilateral(rules_tagger):
    r = rules_tagger.tag("Pain at the front of the knees, both sides, when cycling.")
    assert ent(r, "front of the knees").laterality == "bilateral"


# -- historical -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("R knee pain x3/52, worse stairs. Prev ITBS L 2021.", "ITBS"),
        ("Cycling 6 hrs/wk (prev 1 ride/wk).", "ride"),
        ("s/p L ACL reconstruction 2016, no issues since.", "ACL"),
        ("PMHx: L ankle sprain 2019.", "sprain"),
        ("I used to get shin splints at school.", "shin splints"),
        ("My old hamstring tear never bothers me.", "hamstring"),
        ("L ankle sprain 2019, fully resolved.", "sprain"),
        ("R knee pain x3/52. Also L ITBS 2022, resolved.", "ITBS"),
        ("I had surgery for a bunion on my right foot in spring.", "bunion"),
        ("hx PF L 2020 (resolved w/ stretches).", "PF"),
        ("Plantar fasciitis resolved with stretches.", "Plantar fasciitis"),
    ],
)
def test_past_episodes_in_records_shorthand_are_historical(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).historical is True


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("It used to start 3 km into a walk and now it comes on at 7 km.", "walk"),  # the current complaint's pattern
        ("She runs in her old trail shoes.", "trail shoes"),  # old shoes are worn now
        ("A question from one of your old running students.", "running"),
        ("R heel pain started 3 weeks ago.", "heel"),
        ("The ache used to come on at 3 km into a walk; now it starts at 7 km.", "walk"),
        ("R knee pain x3/52, L ankle sprain 2019, resolved.", "knee"),
    ],
)
def test_the_current_complaint_and_old_belongings_are_not_historical(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).historical is False


# -- relieving / aggravating ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "target", "modifier"),
    [
        ("Buzzing in the toes after a long drive, goes when I get up and walk about.", "walk", "relieving"),
        ("If I get up and walk around at lunch it fades.", "walk", "relieving"),
        ("Tingling after 30 min sitting and goes when I get up and walk around.", "sitting", "aggravating"),
        ("Top of foot sore, new hiking boots laced tight, fine when loosened.", "hiking boots", "aggravating"),
        ("hx PF L 2020 (resolved w/ stretches).", "stretches", "relieving"),
        ("Old knee pain fully resolved with orthotics.", "orthotics", "relieving"),
    ],
)
def test_getting_up_to_move_relieves_and_tight_lacing_aggravates(rules_tagger, text, target, modifier):
    assert ent(rules_tagger.tag(text), target).modifier == modifier


@pytest.mark.parametrize(
    ("text", "target", "modifier"),
    [
        ("Worst after a long shift at the desk, better if I walk around.", "desk", "aggravating"),
        ("Worst after a long shift at the desk, better if I walk around.", "walk", "relieving"),
        ("R knee pain x3/52, worse stairs, eases off in trainers.", "stairs", "aggravating"),
        ("R knee pain x3/52, worse stairs, eases off in trainers.", "trainers", "relieving"),
    ],
)
def test_a_trigger_in_the_targets_own_comma_segment_wins(rules_tagger, text, target, modifier):
    assert ent(rules_tagger.tag(text), target).modifier == modifier


@pytest.mark.parametrize(
    ("text", "target", "modifier"),
    [
        ("Since I started the clam exercises a month ago the ankle is much calmer.", "clam exercises", "relieving"),
        ("Knee pain since I started running.", "running", "aggravating"),
        ("Hip pain ↓↓ since arch supports 2/52 ago.", "arch supports", "relieving"),
    ],
)
def test_a_trigger_that_only_dates_a_change_yields_to_one_that_says_which_way(rules_tagger, text, target, modifier):
    assert ent(rules_tagger.tag(text), target).modifier == modifier

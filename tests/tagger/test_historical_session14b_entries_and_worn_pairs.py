"""historical, session 14 round 2: the lead's rulings B and E (GUIDELINES "Settled in session 14 by the lead";
`corpora/reviews/gold_fixes_session14b_historical.md`). An end said at a later entry of a multi-visit record does
not reach its earlier entries; a pair named by its wear and replaced by a new pair later is historical at its
earlier mentions; a pair called new is not the given-up pair. Every sentence is written for the test.
"""

from __future__ import annotations

from tagger.pipeline.episodes import entry_heads
from tests.tagger.entity_lookup import ent

LABELS = ("tx", "review", "visit", "wk", "v", "f/u")


def test_entry_heads_are_dates_or_visit_labels_at_a_line_start():
    text = "Tx 2 - 03/03/2025\nS: sore 4/10\n\nTx 3 - 10/03/2025\nA: better\n12/04/25  Review\nV4: fine\n1998: sprain"
    heads = [text[i:i + 4] for i in entry_heads(text, LABELS)]
    assert heads == ["Tx 2", "Tx 3", "12/0", "V4: "]


def test_a_score_or_a_year_alone_heads_no_entry():
    assert entry_heads("Pain history\n3/10 at rest\n2019: ankle sprain\n", LABELS) == []


def test_an_end_at_a_later_visit_leaves_the_earlier_visits_current(rules_tagger):
    text = ("Visit 1 - 02/02/2025\nS: L knee pain 5/10 after hill walks.\nA: L PFPS.\n\n"
            "Visit 2 - 16/02/2025\nS: L knee pain 2/10.\nA: L PFPS resolved.\n")
    assert not ent(rules_tagger.tag(text), "PFPS").historical


def test_an_end_in_a_single_account_still_reaches_back(rules_tagger):
    text = "A: L PFPS. Taping and quads work for four weeks. A: L PFPS resolved."
    assert ent(rules_tagger.tag(text), "PFPS").historical


def test_a_worn_pair_replaced_by_a_new_pair_later_is_historical(rules_tagger):
    text = ("Footwear: stability trainers, ~1200 km on them. Knee aches after 5 km. "
            "She bought new trainers last week.")
    assert ent(rules_tagger.tag(text), "stability trainers").historical


def test_a_pair_worn_right_down_before_new_ones_bought_is_historical(rules_tagger):
    text = "The boots she wore were ones she had for six years and the heels are worn right down. Last week she got new ones."
    assert ent(rules_tagger.tag(text), "boots").historical


def test_a_worn_pair_with_new_shoes_only_advised_stays_current(rules_tagger):
    text = "Wears old trainers, sole worn through at the heel. P: new trainers advised, calf raises."
    assert not ent(rules_tagger.tag(text), "trainers").historical


def test_a_worn_pair_with_no_new_pair_stays_current(rules_tagger):
    text = "My work boots are worn right down on the outside and the heel aches by noon."
    assert not ent(rules_tagger.tag(text), "work boots").historical


def test_a_new_pair_is_not_the_pair_given_up(rules_tagger):
    text = "Stopped wearing the boots in May, they hurt. Bought new boots with a cushioned heel. New boots fine on the farm walk."
    tagged = rules_tagger.tag(text)
    assert ent(tagged, "boots").historical
    assert not [e for e in tagged.entities if e.text == "boots" and e.start > text.index("Bought") and e.historical]


def test_an_operation_dated_by_the_year_after_it_is_historical_outside_a_history_field(rules_tagger):
    assert ent(rules_tagger.tag("L hip: THR 2017 (private). Walks the dog daily."), "THR").historical


def test_a_fracture_dated_in_its_bracket_takes_the_sport_with_it(rules_tagger):
    tagged = rules_tagger.tag("Old R wrist fracture (ORIF 2004, hockey) - no residual symptoms, full range.")
    assert ent(tagged, "ORIF").historical
    assert ent(tagged, "hockey").historical


def test_a_finding_dated_by_a_year_is_no_dated_event(rules_tagger):
    assert not ent(rules_tagger.tag("R knee: OA (XR 2022, medial narrowing), aches on stairs."), "OA").historical


def test_footwear_said_to_be_in_the_bin_is_given_up(rules_tagger):
    assert ent(rules_tagger.tag("She says the old clogs are in the bin. Ran into her at the market."), "clogs").historical


def test_footwear_put_back_in_the_box_is_given_up_and_new_ones_in_their_box_are_not(rules_tagger):
    assert ent(rules_tagger.tag("The loafers have gone back in the box, he's in trainers."), "loafers").historical
    assert not ent(rules_tagger.tag("The new trainers are still in the box."), "trainers").historical


def test_a_new_pair_after_a_worn_one_is_not_given_up_with_the_old_pair_binned(rules_tagger):
    text = "Works in worn boots, heel counters collapsed. New boots bought 02/05. Boots now fine. Old boots are in the bin."
    tagged = rules_tagger.tag(text)
    assert ent(tagged, "boots", nth=0).historical
    assert not ent(tagged, "boots", nth=1).historical
    assert not ent(tagged, "Boots").historical


def test_a_pair_gone_back_to_is_current_and_back_in_the_summer_still_dates(rules_tagger):
    assert not ent(rules_tagger.tag("He's back in his old court shoes since Monday."), "court shoes").historical
    assert ent(rules_tagger.tag("Back in the summer my calf was tight after hikes."), "tight").historical

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

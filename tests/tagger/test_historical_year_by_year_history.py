"""historical: a year-by-year history, each line labelled by its year (session 10b). Every sentence
is written for the test; none comes from the corpus.
"""

from __future__ import annotations

from tests.tagger.entity_lookup import ent

_HISTORY = (
    "Dear Ms Okafor,\n\n"
    "You asked for my injuries in order, so here they are.\n"
    "1992: netball, sprained my right thumb. Strapped for a month.\n"
    "2004-2006: plantar fasciitis in the left heel, injections twice.\n"
    "2013: a torn calf on a fell race.\n"
    "This year the problem is my right hip, which aches on every walk since March and is still sore now.\n"
)


def test_each_entry_of_a_year_by_year_history_is_historical(rules_tagger):
    result = rules_tagger.tag(_HISTORY)
    for target in ("netball", "sprained", "plantar fasciitis", "heel", "torn", "calf"):
        assert ent(result, target).historical, target


def test_the_current_complaint_after_the_history_stays_current(rules_tagger):
    result = rules_tagger.tag(_HISTORY)
    assert not ent(result, "hip").historical
    assert not ent(result, "aches").historical


def test_a_year_entry_that_says_it_goes_on_now_stays_current(rules_tagger):
    result = rules_tagger.tag("Injury list:\n2019: left knee pain started, still sore on stairs now.\n")
    assert not ent(result, "knee").historical


def test_a_year_mid_sentence_with_a_colon_is_no_entry_label(rules_tagger):
    # the label must open its line
    result = rules_tagger.tag("Totals for 2023: my knee aches after every long run.")
    assert not ent(result, "knee").historical

"""Session 12, round 2 (corpora/reviews/gold_fixes_session12b_assert2.md). A hyphen inside a compound
("Ottawa-area", "Kerry-type") is no dash, so it does not end the scope of a rule that a dash ends:
"training for" still hedges the event after it (GUIDELINES, settled in session 12: hypothetical). A "Tx:"
right after a plan header reports the treatment given ("'Tx:' reports the treatment given at the visit")."""

from __future__ import annotations

from tests.tagger.entity_lookup import ent


def test_training_for_reaches_past_a_hyphenated_place_name(rules_tagger):
    result = rules_tagger.tag("Training for a Leeds-area half marathon in late May, weekly km up from 20 to 40.")
    assert ent(result, "half marathon").hypothetical


def test_a_spaced_dash_still_ends_the_event_trained_for(rules_tagger):
    result = rules_tagger.tag("Training for a charity sportive - cycling up from 60 to 180 km a week.")
    assert ent(result, "sportive").hypothetical
    assert not ent(result, "cycling").hypothetical


def test_a_tx_header_right_after_the_plan_header_reports_what_was_given(rules_tagger):
    result = rules_tagger.tag("P: Tx: mobilisation R ankle, soft tissue L calf. HEP: heel raises 3x15 daily.")
    assert not ent(result, "ankle").hypothetical
    assert not ent(result, "calf").hypothetical
    assert ent(result, "heel raises").hypothetical  # the home programme stays a plan

"""Historical reading of session 13, round 3 (corpora/reviews/gold_fixes_session13c_historical_recall.md):
someone else's episode told in the past tense and dated in the past is over, whatever its end; the
writer's own dated story still needs its end. Made-up text."""

from __future__ import annotations

from tests.tagger.entity_lookup import ent


def test_a_relatives_dated_operation_is_past_up_to_the_present_after_it(rules_tagger):
    result = rules_tagger.tag("Her cousin had a hip replacement last yr and the pt is anxious about her own hip.")
    assert ent(result, "replacement").other_subject
    assert ent(result, "replacement").historical
    assert not ent(result, "hip", nth=1).historical  # the patient's own hip, after "is"


def test_a_friends_dated_injury_reaches_the_description_that_follows_it(rules_tagger):
    result = rules_tagger.tag("My sister had sciatica three years ago, pain from her buttock to her calf, and ever "
                              "since she has sent me stretches.")
    for text in ("sciatica", "pain", "buttock", "calf"):
        assert ent(result, text).historical, text


def test_someone_elses_state_told_in_the_present_before_the_date_stays_current(rules_tagger):
    result = rules_tagger.tag("His uncle has very flat feet and had knee trouble as a teenager, so we wondered.")
    assert not ent(result, "flat feet").historical
    assert ent(result, "knee").historical


def test_an_anchor_in_a_bracket_dates_only_the_bracket(rules_tagger):
    result = rules_tagger.tag("My neighbour (who you saw last year) was told her flat feet are behind her knee pain.")
    assert not ent(result, "flat feet").historical
    assert not ent(result, "pain").historical


def test_the_reason_in_a_bracket_after_the_date_is_no_event(rules_tagger):
    result = rules_tagger.tag("My father had a knee replacement last year at 70 (arthritis).")
    assert ent(result, "replacement").historical
    assert not ent(result, "arthritis").historical


def test_the_writers_own_dated_story_without_an_end_stays_current(rules_tagger):
    result = rules_tagger.tag("I hurt my ankle last yr playing netball.")
    assert not ent(result, "ankle").historical


def test_a_family_history_field_is_no_dated_episode_of_someone_elses(rules_tagger):
    result = rules_tagger.tag("FHx: aunt had knee replacement 2015.")
    assert ent(result, "knee").other_subject
    assert not ent(result, "knee").historical

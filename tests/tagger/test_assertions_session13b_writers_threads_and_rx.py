"""Assertions, session 13 round 2: a relative the note is written for is its subject, a social-media
thread's comments under name lines are the commenters', an episode that went away is over, a
"before" header dates its line's activities, and "Rx:" is read as "Tx:" is (the lead's ruling).

Every sentence here is written for the test; none comes from the corpus.
"""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import ent

ON_BEHALF = (
    "Hello, I'm writing on behalf of my wife Maureen because she hates the phone. "
    "She has had a sore left knee since the spring and her hip aches after gardening."
)


def test_a_relative_the_note_is_written_for_is_its_subject(rules_tagger):
    result = rules_tagger.tag(ON_BEHALF)
    assert not ent(result, "knee").other_subject
    assert not ent(result, "hip").other_subject


def test_a_relative_in_the_writers_own_story_stays_someone_else(rules_tagger):
    text = "My knee has been sore for a month. My wife has a bad hip and she walks slowly."
    result = rules_tagger.tag(text)
    assert not ent(result, "knee").other_subject
    assert ent(result, "hip").other_subject


FACEBOOK = (
    "Trail Runners Otago\n\n"
    "Mere Paewai\n"
    "Anyone had shin pain that turned out to be the calves?\n\n"
    "My right shin has ached for six weeks on the downhills.\n\n"
    "Like \u00b7 Reply \u00b7 9\n\n"
    "    Tom Hickey\n"
    "    Orthotics fixed my shins, give them a go\n\n"
    "    Mere Paewai\n"
    "    @Tom Hickey thanks, my shin is a bit better this week\n"
)


def test_a_comment_under_another_name_line_is_the_commenters(rules_tagger):
    result = rules_tagger.tag(FACEBOOK)
    assert ent(result, "Orthotics").other_subject
    assert ent(result, "shins").other_subject


def test_the_original_posters_post_and_own_comment_stay_the_subjects(rules_tagger):
    result = rules_tagger.tag(FACEBOOK)
    assert not ent(result, "shin", nth=1).other_subject
    assert not ent(result, "shin", nth=2).other_subject


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Thu 4 July - easy 6k. small R calf ache at 4k, went away Fri", "ache"),
        ("Wk 7: R hamstring tightness midweek. Hamstring tightness gone by Sun.", "tightness"),
    ],
)
def test_an_episode_that_went_away_is_over(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target, nth=-1 if "Wk" in text else 0).historical


@pytest.mark.parametrize(
    "text",
    [
        "The hip ache mostly went away; it came back when I stopped the exercises.",
        "The knee pain went away when I stopped running downhill.",
        "She said the knee pain \"went away\" for the set of eight.",
    ],
)
def test_a_partial_habitual_or_quoted_end_is_not_over(rules_tagger, text):
    result = rules_tagger.tag(text)
    target = "ache" if "ache" in text else "pain"
    assert not ent(result, target).historical


def test_a_before_pregnancy_header_dates_its_lines_activities(rules_tagger):
    text = "S: 5/12 postpartum, walking daily.\nPre-preg: trail running, ~30 km/wk.\n"
    result = rules_tagger.tag(text)
    assert ent(result, "trail running").historical
    assert not ent(result, "walking").historical


def test_an_rx_line_that_reports_the_treatment_given_is_real(rules_tagger):
    text = "Rx: repeat STM calf, added heel raises and wall sits.\n"
    result = rules_tagger.tag(text)
    assert not ent(result, "heel raises").hypothetical


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Rx: US L knee req, heel raises. r/v after scan.\n", "heel raises"),
        ("Rx: heel raises, taper runs over 2/52.\n", "heel raises"),
    ],
)
def test_an_rx_line_that_books_or_instructs_is_a_plan(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).hypothetical


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("My calf is sore and I am 4 weeks out from the half marathon.", "half marathon"),
        ("Can I still do the marathon (10 weeks out) with this knee?", "marathon"),
        ("Coach notes: Dunedin Marathon build, week 3.", "Marathon"),
    ],
)
def test_an_event_counted_down_to_is_still_to_come(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).hypothetical


def test_a_count_from_an_operation_plans_nothing(rules_tagger):
    text = "Now 6 weeks out from surgery, walking without crutches."
    assert not ent(rules_tagger.tag(text), "walking").hypothetical


def test_fear_that_it_is_a_condition_hedges_it(rules_tagger):
    text = "My shin is sore every morning and I am scared it's a stress fracture."
    assert ent(rules_tagger.tag(text), "stress fracture").hypothetical


def test_a_switch_verb_before_the_thing_and_a_time_still_gives_up_the_from_pair(rules_tagger):
    text = "I changed my trainers in May from Kayano to Nimbus because my heel hurt."
    result = rules_tagger.tag(text)
    assert ent(result, "Kayano").historical
    assert not ent(result, "Nimbus").historical


def test_a_clause_cut_between_verb_and_from_makes_no_switch(rules_tagger):
    text = "I changed my laces, but from Kayano to Nimbus the fit is the same."
    assert not ent(rules_tagger.tag(text), "Kayano").historical

"""Historical and other_subject, session 13: a denial of any earlier problem is about now, a denial
that speaks of now is not past, a thread's reply under another poster's handle is that poster's, and
the parts named in what a physio gave are the subject's.

Every sentence here is written for the test; none comes from the corpus.
"""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import ent


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("I never had shoulder problems in my life, I've always been fit.", "shoulder"),
        ("He never had hip problem before, he swam every day for years.", "hip"),
        ("Twisted it stepping off a kerb. No prior L knee inj.", "knee"),
        ("Calf tight since the race. No previous Achilles issue.", "Achilles"),
        ("Nil prior LBP.", "LBP"),
    ],
)
def test_a_denial_of_any_earlier_problem_is_negated_not_past(rules_tagger, text, target):
    e = ent(rules_tagger.tag(text), target)
    assert e.negated and not e.historical


def test_an_activity_never_done_until_a_point_stays_past(rules_tagger):
    assert ent(rules_tagger.tag("Until May I had never cycled in my life."), "cycled").historical


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Had a bad bout of sciatica in 2015 - settled with rest, no leg symptoms since.", "leg"),
        ("Broke the left wrist in 2010 - plated, no numbness or tingling now.", "tingling"),
    ],
)
def test_a_denial_that_speaks_of_now_is_not_past(rules_tagger, text, target):
    e = ent(rules_tagger.tag(text), target)
    assert e.negated and not e.historical


def test_the_dated_episode_before_a_denial_of_now_stays_past(rules_tagger):
    text = "Had a bad bout of sciatica in 2015 - settled with rest, no leg symptoms since."
    assert ent(rules_tagger.tag(text), "sciatica").historical


THREAD = (
    "r/hiking · posted by u/trail_owl_77\n\n"
    "Heel pain on every descent, is it my boots?\n\n"
    "Two months now my left heel aches on the way down hills. I wear old leather boots.\n\n"
    "---\n"
    "u/scree_runner · 21 points\n"
    "Had the same, gel heel cups fixed my heel in a fortnight.\n\n"
    "    u/trail_owl_77 · 4 points\n"
    "    thanks, my heel is a bit better already\n"
)


def test_a_reply_under_another_posters_handle_is_theirs(rules_tagger):
    result = rules_tagger.tag(THREAD)
    assert ent(result, "gel heel cups").other_subject
    assert ent(result, "heel", nth=1).other_subject


def test_the_original_posters_own_reply_and_post_stay_the_subjects(rules_tagger):
    result = rules_tagger.tag(THREAD)
    assert not ent(result, "heel", nth=0).other_subject
    assert not ent(result, "heel", nth=2).other_subject


def test_a_thread_that_names_no_original_handle_reads_every_header_as_a_reply(rules_tagger):
    text = ("Knee sore after long rides, what do I do?\n\nI ride 200 km a week and my right knee aches at the end of it.\n\n"
            "---\nu/spoke_wrangler · 9 points\nA bike fit sorted my knee, worth it.\n")
    result = rules_tagger.tag(text)
    assert not ent(result, "knee", nth=0).other_subject
    assert ent(result, "knee", nth=1).other_subject


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Back: the physio's glute and core work is fine to keep going with.", "glute"),
        ("Keep the physio's calf and ankle exercises going twice a day.", "calf"),
    ],
)
def test_the_parts_named_in_what_a_physio_gave_are_the_subjects(rules_tagger, text, target):
    assert not ent(rules_tagger.tag(text), target).other_subject


def test_the_physios_own_part_stays_theirs(rules_tagger):
    assert ent(rules_tagger.tag("The physio's own knee was sore after the marathon."), "knee").other_subject


def test_a_handle_header_under_only_the_title_opens_the_original_post(rules_tagger):
    text = ("r/cycling\n\nSore knee after long rides\n\nu/gravel_gus · 12 points\n"
            "I ride 200 km a week and my right knee aches at the end of it.\n\n"
            "u/chain_lube · 3 points\nMy knee did that until I raised the saddle.\n")
    result = rules_tagger.tag(text)
    assert not ent(result, "knee", nth=1).other_subject  # the original poster's, under their own header
    assert ent(result, "knee", nth=2).other_subject


def test_an_old_injury_is_past_with_the_injury_word_itself(rules_tagger):
    result = rules_tagger.tag("I also have an old injury in my left ankle from netball.")
    assert ent(result, "injury").historical
    assert ent(result, "ankle").historical


def test_a_records_line_labelled_historical_is_past_through_its_list(rules_tagger):
    result = rules_tagger.tag("A: R heel pain.\nL wrist # 2011 and R sciatica 2016 - historical, not relevant.\n")
    assert ent(result, "#").historical
    assert ent(result, "sciatica").historical
    assert not ent(result, "pain").historical


def test_an_injury_or_operation_dated_at_the_end_of_a_bracket_is_past(rules_tagger):
    result = rules_tagger.tag("My shoulder went when I was a teenager (cartilage operation 2004), it is fine now.")
    assert ent(result, "operation").historical


def test_a_bracket_with_a_year_and_no_event_is_not_read_so(rules_tagger):
    result = rules_tagger.tag("Knee pain since the half marathon (October 2023) and still sore.")
    assert not ent(result, "pain").historical


@pytest.mark.parametrize(
    ("text", "target", "past"),
    [
        ("Hobbies: before this, rowing twice a week, now stopped\nWork: desk", "rowing", True),
        ("Was swimming 3x/wk, now stopped.", "swimming", True),
        ("I swim twice a week, walking has now stopped hurting.", "walking", False),
    ],
)
def test_an_activity_closed_by_now_stopped_has_stopped(rules_tagger, text, target, past):
    assert ent(rules_tagger.tag(text), target).historical is past


@pytest.mark.parametrize(
    ("text", "past"),
    [
        ("The second week was hard. My old trainers were finished. Bought new ones in town.", True),
        ("My trainers were done for the day, soaked through.", False),
    ],
)
def test_footwear_said_to_be_finished_in_the_past_is_given_up(rules_tagger, text, past):
    assert ent(rules_tagger.tag(text), "trainers").historical is past

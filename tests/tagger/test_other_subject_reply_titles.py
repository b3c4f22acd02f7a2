"""other_subject, session 12: a post replying to another poster under a "Re:" title, in which the writer
tells their own story, names the other poster's complaint in its title and in what "your" owns; an email
reply to one person (a greeting, a salutation or a quoted line under the kept subject line) is about the
writer's own complaint; what another person "has been calling it" names the subject's problem. Every sentence is written for the test; none comes from the corpus.
"""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import ent

_REPLY = (
    "Re: Shin pain on the treadmill - what helped?\n\n"
    "Same thing happened to me two winters ago. My left shin ached after every run until a coach changed my "
    "stride. Your calf might be the culprit though, it sounds different from mine.\n"
)


@pytest.mark.parametrize("target", ["Shin", "pain", "treadmill"])
def test_a_reply_title_names_the_complaint_of_the_poster_replied_to(rules_tagger, target):
    assert ent(rules_tagger.tag(_REPLY), target).other_subject


def test_what_your_owns_in_a_reply_telling_the_writers_own_story_is_the_posters(rules_tagger):
    assert ent(rules_tagger.tag(_REPLY), "calf").other_subject


def test_the_replying_writers_own_body_stays_the_subjects(rules_tagger):
    assert not ent(rules_tagger.tag(_REPLY), "shin").other_subject


@pytest.mark.parametrize("greeting", ["Hi Dr Mensah,", "Thanks Priya.", "Dear Jo,", "Dr Mensah,", "> How is the shin?"])
def test_an_email_reply_about_the_writers_own_complaint_keeps_its_subject_line(rules_tagger, greeting):
    text = f"Re: Shin pain - update\n\n{greeting}\nMy left shin is a lot better since I cut the hills.\n"
    assert not ent(rules_tagger.tag(text), "Shin").other_subject


def test_a_greeting_to_a_group_is_still_a_posts_reply(rules_tagger):
    text = "Re: Shin pain - update\n\nHi all,\nI had the same last year and my left shin settled with rest.\n"
    assert ent(rules_tagger.tag(text), "Shin").other_subject


def test_a_title_quoted_again_deep_in_a_thread_is_the_threads(rules_tagger):
    text = "Re: Re: Re: Shin pain - anyone fixed it?\n\nMy own update: the left shin is better since I cut the hills.\n"
    assert not ent(rules_tagger.tag(text), "Shin").other_subject


def test_a_title_over_a_note_about_a_third_person_is_theirs(rules_tagger):
    text = "Re: Mrs Dale, 58, shop assistant\n\nShe reports right knee pain on stairs. Her knee is swollen.\n"
    assert not ent(rules_tagger.tag(text), "knee").other_subject


def test_what_another_person_has_been_calling_it_names_the_subjects_problem(rules_tagger):
    result = rules_tagger.tag("Her club mate has been calling it a groin strain, but it aches at the front of the hip.")
    assert not any(e.other_subject for e in result.entities if "groin" in e.text)


def test_a_person_who_has_been_doing_something_still_owns_it(rules_tagger):
    assert ent(rules_tagger.tag("My husband has been having heel pain for weeks."), "heel").other_subject


def test_your_part_thing_in_a_reply_is_the_posters_part(rules_tagger):
    text = "Re: Sore heel after netball\n\nHad the same, my left heel settled with rest. Your ankle thing sounds different.\n"
    assert ent(rules_tagger.tag(text), "ankle").other_subject

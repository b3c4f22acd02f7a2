"""other_subject: a report's roundup of other athletes, and another poster's line in a thread or a
pasted chat (session 10b). Every sentence is written for the test; none comes from the corpus.
"""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import ent

_REPORT = (
    "Weekly injury notes\n"
    "{header}: Tomasz Wren (midfield)\n"
    "Tomasz has had a sore left knee since the tournament and is limping after training.\n"
    "{section}: Ollie's ankle is strapped and he is back on the bike. Femi still has a tight calf.\n"
)


@pytest.mark.parametrize("header", ["Player of concern", "Athlete of concern", "Main concern", "Focus"])
@pytest.mark.parametrize("section", ["Also", "Others", "Rest of squad", "Rest of the team"])
def test_a_roundup_line_after_the_focus_athlete_is_other_athletes(rules_tagger, header, section):
    result = rules_tagger.tag(_REPORT.format(header=header, section=section))
    assert ent(result, "ankle").other_subject
    assert ent(result, "calf").other_subject
    # the report's own athlete stays the subject
    assert not ent(result, "knee").other_subject


def test_an_also_line_without_a_focus_header_is_the_writers_own(rules_tagger):
    result = rules_tagger.tag(
        "Main problem: R heel pain, worse first thing in the morning.\n"
        "Also: a numb patch over the outside of my left foot since the spring.\n"
    )
    assert not ent(result, "foot").other_subject
    assert not ent(result, "heel").other_subject


def test_the_roundup_ends_at_its_line(rules_tagger):
    result = rules_tagger.tag(_REPORT.format(header="Focus", section="Also") + "Tomasz's hip is also stiff.\n")
    assert not ent(result, "hip").other_subject


def test_a_quoted_poster_in_a_thread_owns_what_they_wrote(rules_tagger):
    result = rules_tagger.tag(
        "Re: Re: heel pain in the mornings\n\n"
        "> **hillrunner_88** wrote: my knees ache on every descent, is it the shoes?\n\n"
        "Not sure about yours. Update on mine: my heel is still sore first thing, better by lunch.\n"
    )
    assert ent(result, "knees").other_subject
    assert not ent(result, "heel").other_subject


def test_an_email_quote_header_is_not_another_poster(rules_tagger):
    # "> On 3 May, Dr Patel wrote:" quotes the clinician's message: nothing of the writer's changes
    result = rules_tagger.tag(
        "Thanks, I'll bring the shoes on Friday. My heel is a bit better.\n\n"
        "> On 3 May, Dr Patel wrote:\n"
        "> Hi, please bring your running shoes to the appointment.\n"
    )
    assert not ent(result, "heel").other_subject


_CHAT = (
    "Title: our running group chat, who is right?\n\n"
    "[02/04, 08:10] Hana: my left calf cramped again at 10k this morning\n"
    "[02/04, 08:12] Rob: it's the new shoes Hana, I told you so\n"
    "[02/04, 08:15] Hana: I went back to the old ones last week, no change\n"
    "[02/04, 08:20] Jess: my hamstring did that for a whole summer\n"
    "[02/04, 08:25] Hana: no, it's lower down, right in the calf\n\n"
    "So, shoes or something else? I'm racing in May.\n"
)


def test_in_a_pasted_chat_another_members_my_is_theirs(rules_tagger):
    result = rules_tagger.tag(_CHAT)
    assert ent(result, "hamstring").other_subject
    assert not ent(result, "calf").other_subject


def test_in_a_pasted_chat_what_a_member_says_to_the_writer_stays_the_writers(rules_tagger):
    # "I told you" names the speaker, but the shoes are the writer's
    result = rules_tagger.tag(_CHAT)
    assert not ent(result, "shoes").other_subject


def test_a_chat_with_no_clear_writer_reads_as_before(rules_tagger):
    # two names with as many lines each: nobody's lines are set apart
    result = rules_tagger.tag(
        "[02/04, 08:10] Hana: my left calf cramped at 10k\n"
        "[02/04, 08:20] Jess: my hamstring did that last summer\n"
        "[02/04, 08:25] Hana: lower down than that\n"
        "[02/04, 08:30] Jess: ok\n"
    )
    assert not ent(result, "calf").other_subject

"""historical: a complaint told in the simple past with a closed stretch of time is over (session 14,
`corpora/reviews/gold_fixes_session14_historical.md`). Every sentence is written for the test.
"""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import ent


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("I wore my old sandals to the wedding, and the ankles were sore for three days after.", "sore"),
        ("I wore my old sandals to the wedding, and the ankles were sore for three days after.", "ankles"),
        ("After the tooth op my jaw was stiff for a couple of weeks.", "stiff"),
        ("I limped for a year with it before anyone looked at my foot.", "limped"),
        ("The ankle was swollen for the first week, then the bruise came out.", "swollen"),
    ],
)
def test_a_complaint_told_in_the_past_for_a_closed_stretch_is_historical(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).historical


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # the present perfect gives the current complaint's length
        ("My shin has been sore for two weeks.", "sore"),
        ("He's had pain in his hip for a month.", "pain"),
        ("Had an ache in the arch for two months, mostly on the stairs.", "ache"),
        # a word of the present just after the stretch keeps it open
        ("The elbow was bruised for ten days and it's still tender to lean on.", "bruised"),
        # a repeat is how the complaint behaves now
        ("The hip was sore for two days after every match.", "sore"),
        # hours are how a current complaint behaves, not a stretch that ended
        ("My knee was stiff for hours after the hike.", "stiff"),
    ],
)
def test_a_current_length_a_repeat_or_a_stretch_still_open_stays_current(rules_tagger, text, target):
    assert not ent(rules_tagger.tag(text), target).historical

"""An instruction to the patient in the imperative ("Keep the insoles in", "Avoid lunges",
"Continue orthoses", "Carry on with the exercises", "Progress to hops"), at a sentence's start or
after a colon, a semicolon, a comma or "please", is advice not yet followed: the activity or
footwear it names is hypothetical, as a recommendation is (GUIDELINES session 8, "planned
includes what is ... recommended"; session 10b: blind annotators 10tr a, 10tr b and 9n). A
report in the first person, and "keep" before a report ("Keep getting"), stay real."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import ent


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The knee moves well. Keep the insoles in your work shoes for another month.", "insoles"),
        ("Good progress so far; please avoid lunges until we meet again.", "lunges"),
        ("Continue orthoses and review in four weeks.", "orthoses"),
        ("Hip strength is better. Carry on with the clamshells twice a day.", "clamshells"),
        ("Calf raises are easy now. Progress to hopping next week.", "hopping"),
        ("Sam: Keep up the swimming, it takes the load off.", "swimming"),
    ],
)
def test_an_imperative_instruction_makes_what_it_names_hypothetical(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).hypothetical


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("I avoid stairs at work because the knee grumbles.", "stairs"),
        ("I carry on with my running even when it aches.", "running"),
        ("Keep getting a twinge when I go running in the evening.", "running"),
    ],
)
def test_a_report_of_what_the_writer_does_stays_real(rules_tagger, text, target):
    assert not ent(rules_tagger.tag(text), target).hypothetical

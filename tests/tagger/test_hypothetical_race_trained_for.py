"""A race that a run-up of training is "for" or "towards" is still to come: the race is
hypothetical, the training that builds to it is real ("a weekly long run for a veterans' half",
"coaching him towards the club 10 miler"; session 10b: blind annotators 10tr a and 10tr b, the team
train gold). Only a race word is marked, and only after a run-up word ("went out for a run" is
real); a race borrowed shoes were "for", with no run-up, happened."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import ent


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("She went from 30 to 55 km/wk over five weeks for a spring marathon.", "marathon"),
        ("I'm coaching Tom (40, vets) towards the county 10k in October.", "10k"),
        ("My long runs are building for the Bristol half marathon.", "half marathon"),
    ],
)
def test_a_race_the_training_is_for_is_hypothetical(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).hypothetical


def test_the_training_that_builds_to_the_race_stays_real(rules_tagger):
    result = rules_tagger.tag("He added a weekly long run for a veterans' half.")
    assert not ent(result, "long run").hypothetical
    assert ent(result, "half").hypothetical


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("I trained hard all winter and went for a run on the beach.", "run"),
        ("When she borrowed her sister's shoes for a race the hip was fine.", "race"),
    ],
)
def test_an_outing_or_a_race_without_a_run_up_stays_real(rules_tagger, text, target):
    assert not ent(rules_tagger.tag(text), target).hypothetical

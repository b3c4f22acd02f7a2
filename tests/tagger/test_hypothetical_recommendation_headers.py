"""A recommendations header ("Recommendations:", "Suggest:", "Advice:") is a plan header: what
the line lists is planned, not done (GUIDELINES session 9, "the items listed under a plan header";
session 8, "planned includes what is recommended"; session 10b: blind annotators 10tr a and 10tr b).
A finding on the line before the header stays real, and a recommendation reported as made in
prose is left as it was."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import ent


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Assessment: overload of the shin.\nRecommendations: cycle twice a week in place of the long run.", "cycle"),
        ("Impression: heel pain.\nSuggest: a cushioned trainer for the easy runs.", "runs"),
        ("Summary: sore hip.\nAdvice: avoid sitting cross-legged, pillow between the knees.", "sitting cross-legged"),
        ("Suggestions: swim on Mondays and drop the hill session.", "swim"),
    ],
)
def test_a_recommendations_header_makes_what_its_line_lists_hypothetical(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).hypothetical


def test_a_finding_on_the_line_before_a_recommendations_header_stays_real(rules_tagger):
    result = rules_tagger.tag("Pain on stairs and when running.\nRecommendations: walk on the flat for now.")
    assert not ent(result, "running").hypothetical


def test_a_recommendation_reported_in_prose_is_not_a_header(rules_tagger):
    result = rules_tagger.tag("The recommendations from the clinic were useful and I kept cycling.")
    assert not ent(result, "cycling").hypothetical

"""Session 14's laterality and modifier readings (evidence:
corpora/reviews/gold_fixes_session14_laterality_modifier.md), each pinned on made-up text."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import ent


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Gait: ↓ R push-off, short step on the R.", "push-off"),
        ("P: ↓ track to once a week, calf raises daily.", "track"),
    ],
)
def test_a_down_arrow_right_before_an_activity_is_its_amount_not_relief(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).modifier is None


def test_an_arrow_touching_an_activity_reaches_no_other_target(rules_tagger):
    result = rules_tagger.tag("P: heel lift short-term, ↓ track to 1x/wk, hip exercises.")
    assert ent(result, "heel lift").modifier is None


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Hip pain load-related (sudden ↑ in hill walking).", "hill walking"),
        ("Knee pain for 3 wks. Training for a marathon, cycling ↑ from 50 to 150 km/wk.", "cycling"),
        ("Cont. strength work, running volume held (no ↑).", "running"),
    ],
)
def test_an_arrow_raising_or_holding_a_load_is_no_cue(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).modifier is None


def test_an_up_arrow_before_an_activity_in_the_history_still_aggravates(rules_tagger):
    result = rules_tagger.tag("L knee pain x3/12, ↑ squatting and kneeling at work.")
    assert ent(result, "squatting").modifier == "aggravating"


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("On the days he has done the calf raises, the heel is barely sore.", "calf raises"),
        ("She got the new insoles on Monday. By Friday the heel hardly hurts.", "insoles"),
    ],
)
def test_a_complaint_left_barely_there_is_a_stated_improvement(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).modifier == "relieving"


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("O: Navicular drop R 9mm. Hip strength 5/5.", "right"),
        ("O: navicular drop L 10 mm. Knee sits rotated.", "left"),
        ("O: navicular drop 10mm R / 6mm L. Gait normal.", "bilateral"),
        ("O: Navicular drop R 10 mm / L 6 mm.", "bilateral"),
    ],
)
def test_a_side_beside_a_measured_drop_is_the_parts(rules_tagger, text, side):
    result = rules_tagger.tag(text)
    part = next(e for e in result.entities if e.text.lower() == "navicular")
    assert part.laterality == side


def test_both_in_a_bracket_after_a_plural_part_is_bilateral(rules_tagger):
    result = rules_tagger.tag("Other things: ankles are fine (both), back is sore.")
    assert ent(result, "ankles").laterality == "bilateral"


def test_right_as_a_place_adverb_states_no_side(rules_tagger):
    result = rules_tagger.tag("Upper back, right across, worst between the shoulder blades.")
    assert ent(result, "Upper back").laterality is None


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("P: hip: pain-free bridging + clams, 2x/wk.", "bridging"),
        ("Return to football only when pain-free hopping is possible.", "hopping"),
    ],
)
def test_pain_free_right_before_an_exercise_is_how_to_do_it_not_an_outcome(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).modifier is None


def test_an_exercise_followed_by_pain_free_still_relieves(rules_tagger):
    result = rules_tagger.tag("After two weeks of calf raises she is pain-free.")
    assert ent(result, "calf raises").modifier == "relieving"


def test_a_down_arrow_after_an_up_arrow_in_its_sentence_still_eases(rules_tagger):
    result = rules_tagger.tag("Sx ↑ after long drives, ↓ swimming.")
    assert ent(result, "swimming").modifier == "relieving"

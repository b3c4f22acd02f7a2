"""ACTIVITY frames of session 10's second round, each shared by two blind annotators or stated in
GUIDELINES.md (corpora/reviews/gold_fixes_session10b_activity.md): a bare exercise head before
'for' and a part, a release named after a determiner, 'play' with no game after it, records
'mobilising', an exercise named by its prop and 'thing', and 'stretch' as a length or a held
state. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import activities


@pytest.mark.parametrize("text, activity", [
    ("The physio added an exercise for the outer hip and it has helped.", "exercise for the outer hip"),
    ("Doing one exercise for my calves every evening.", "exercise for my calves"),
])
def test_bare_exercise_head_with_its_part_is_one_activity(nlp, text, activity):
    assert activity in activities(nlp, text)


@pytest.mark.parametrize("text", [
    "I try to exercise for an hour most days.",
    "Any exercise for now is fine, she said.",
])
def test_exercise_for_a_time_is_not_joined_to_a_part(nlp, text):
    assert not any(a.startswith("exercise for") for a in activities(nlp, text))


@pytest.mark.parametrize("text", [
    "The morning after each release my hip feels looser.",
    "Since that release last Tuesday the knee has been quieter.",
])
def test_release_after_a_determiner_is_the_treatment(nlp, text):
    assert "release" in activities(nlp, text)


@pytest.mark.parametrize("text", [
    "The release of the tendon was done in 2019.",
    "Work is busy because the release is going out on Friday.",
])
def test_release_of_something_or_as_an_event_is_no_activity(nlp, text):
    assert "release" not in activities(nlp, text)


@pytest.mark.parametrize("text, activity", [
    ("My ankle is fine now that I don't play.", "play"),
    ("He played on for ten minutes after the knock.", "played"),
    ("She plays twice a week and the heel is worse after.", "plays"),
    ("Cleared to play, review on Monday.", "play"),
])
def test_play_without_a_game_after_it_is_the_sport(nlp, text, activity):
    assert activity in activities(nlp, text)


@pytest.mark.parametrize("text", [
    "The orchestra played something loud and I stood up.",
    "Her knee came into play when she started lunging.",
    "In the evening I play with my grandson.",
])
def test_play_with_an_object_or_as_an_idiom_is_left_alone(nlp, text):
    acts = activities(nlp, text)
    assert not any(a in ("play", "played") for a in acts)


@pytest.mark.parametrize("text, activity", [
    ("Day 3: mobilising independently with a frame, pain 3/10.", "mobilising"),
    ("Pain 4/10 mobilising, nil at rest.", "mobilising"),
])
def test_records_mobilising_is_the_patient_walking(nlp, text, activity):
    assert activity in activities(nlp, text)


def test_mobilising_a_joint_is_not_matched(nlp):
    assert "mobilising" not in activities(nlp, "Plan: mobilising the L SIJ next visit.")


@pytest.mark.parametrize("text, activity", [
    ("When I do the band thing before work my knee is fine.", "band thing"),
    ("I keep forgetting the towel thing she showed me.", "towel thing"),
])
def test_an_exercise_named_by_its_prop_and_thing_is_one_activity(nlp, text, activity):
    assert activity in activities(nlp, text)


def test_a_thing_with_no_prop_is_no_activity(nlp):
    assert activities(nlp, "I'll drop the shoe thing and the knee thing for now.") == []


@pytest.mark.parametrize("text", [
    "It is sore over a short stretch of the shin bone.",
    "Those shoes keep the calf muscles on a constant stretch.",
    "Hamstring TTP, pain on stretch, no bruising.",
])
def test_stretch_as_a_length_or_a_held_state_is_no_exercise(nlp, text):
    assert "stretch" not in activities(nlp, text)


def test_a_stretch_done_stays_an_activity(nlp):
    assert "stretch" in activities(nlp, "I do a stretch for it every night.") or \
        "stretch for it" in activities(nlp, "I do a stretch for it every night.")


@pytest.mark.parametrize("text", [
    "The knee went on the final descent of the fell race.",
    "Halfway down a steep descent my hip started to burn.",
])
def test_one_descent_of_a_hike_or_run_is_the_movement(nlp, text):
    assert "descent" in activities(nlp, text)


@pytest.mark.parametrize("text", [
    "As a pilot my back is worst on the descent into Dublin.",
    "The route has 900 m of descent in total.",
])
def test_an_aircraft_descent_or_a_quantity_of_descent_is_left_alone(nlp, text):
    assert "descent" not in activities(nlp, text)


@pytest.mark.parametrize("text, activity", [
    ("My calf always tightens after a long climbing day.", "climbing day"),
    ("The hip aches after a long teaching day.", "teaching day"),
])
def test_a_day_named_by_its_kind_is_one_activity(nlp, text, activity):
    assert activity in activities(nlp, text)


@pytest.mark.parametrize("text, activity", [
    ("Two ankle sprains back in his rugby days, nothing since.", "rugby"),
    ("Felt the hamstring go at the tournament day 2 warm-up.", "tournament"),
])
def test_an_era_or_a_numbered_day_keeps_the_activity_alone(nlp, text, activity):
    assert activity in activities(nlp, text)


@pytest.mark.parametrize("text, activity", [
    ("Plan: PT gait work for an even step length.", "gait work"),
    ("Gait re-education once the heel settles.", "Gait re-education"),
])
def test_records_gait_work_is_an_exercise_of_the_plan(nlp, text, activity):
    assert activity in activities(nlp, text)


def test_gait_pattern_stays_no_activity(nlp):
    assert activities(nlp, "Her gait pattern looks antalgic.") == []


def test_the_county_tournament_is_one_activity(nlp):
    assert "county tournament" in activities(nlp, "She played the whole county tournament on a sore heel.")


@pytest.mark.parametrize("text, activity", [
    ("Training for the club 10 miler in May.", "10 miler"),
    ("He added a long run for a veterans' half.", "half"),
])
def test_a_race_named_by_its_distance_is_the_event(nlp, text, activity):
    assert activity in activities(nlp, text)


def test_half_as_a_measure_stays_no_race(nlp):
    assert "half" not in activities(nlp, "The pain is about half what it was, maybe less than half.")

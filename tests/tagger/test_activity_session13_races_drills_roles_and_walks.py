"""ACTIVITY rules of session 13, read on the new writers of set 12 and checked on every set a rule
helper may read, each stated in GUIDELINES.md or shared by two blind annotators
(corpora/reviews/gold_fixes_session13_activity.md): a race named by its distance in k, a distance
in k after its verb, one descent named by where it goes or how it was, drills and stints joining
their activity, the pool beside another activity, drill and a ruck in a soldier's day, the
short-foot exercise, staff roles and subreddits that are no activity, a shoe's stretch, other
people's jobs, getting up again or forgetting to, named long-distance walks and walking aids.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import activities, labels


@pytest.mark.parametrize("text, race", [
    ("She has her eye on the 80k in October.", "80k"),
    ("If the knee settles we move you to the 30k instead.", "30k"),
    ("Last month he did a 21k on the road.", "21k"),
])
def test_a_race_named_by_its_distance_in_k_after_an_article_is_the_event(nlp, text, race):
    assert race in activities(nlp, text)


@pytest.mark.parametrize("text", [
    "The ache starts at the 7k mark every time.",
    "She pulled a good time in the 2k test on the erg.",
])
def test_a_point_on_the_run_or_a_test_over_a_distance_in_k_is_no_race(nlp, text):
    assert not any("k" == a[-1:] for a in activities(nlp, text))


@pytest.mark.parametrize("text, verb", [
    ("jogged 10k yesterday and the shin was fine", "jogged"),
    ("Running 5k twice a week now without a limp.", "Running"),
])
def test_a_distance_in_k_right_after_its_verb_is_how_far_not_the_race(nlp, text, verb):
    found = activities(nlp, text)
    assert verb in found and not any(a.endswith("k") and a[0].isdigit() for a in found)


@pytest.mark.parametrize("text", [
    "On the third morning, after the descent to the village, my toes were black.",
    "Then a brutal descent on scree and the knee went.",
])
def test_one_descent_named_by_where_it_goes_or_how_it_was_is_the_movement(nlp, text):
    assert "descent" in activities(nlp, text)


def test_an_aircraft_descent_into_an_airport_is_not(nlp):
    assert "descent" not in activities(nlp, "My ears hurt on the descent into the airport.")


@pytest.mark.parametrize("text, activity", [
    ("Knee sore after the jumping drills on Tuesday.", "jumping drills"),
    ("Hip aches after long drive stints in the lorry.", "drive stints"),
])
def test_drills_and_stints_join_the_activity_before_them(nlp, text, activity):
    assert activity in activities(nlp, text)


def test_walking_drills_keep_the_drills_word_out(nlp):
    assert "heel-toe walking" in activities(nlp, "P: heel-toe walking drills once the heel calms.")


@pytest.mark.parametrize("text", [
    "On easy days do bike or pool instead of the run.",
    "Swim/pool or bike for fitness until review.",
    "Pool or bike for now, no running.",
])
def test_the_pool_beside_another_activity_is_the_pool_session(nlp, text):
    assert any(a.lower() == "pool" for a in activities(nlp, text))


def test_a_pool_as_the_place_of_an_activity_is_not(nlp):
    assert "pool" not in activities(nlp, "She can deep-water run in the pool.")


@pytest.mark.parametrize("text", [
    "Recruit, wk 4: shins sore with drill and the evening runs.",
    "Plan: no ruck, no drill in boots for a fortnight.",
])
def test_drill_in_a_soldiers_day_is_an_activity(nlp, text):
    assert "drill" in activities(nlp, text)


def test_a_bare_ruck_is_the_loaded_march(nlp):
    assert "ruck" in activities(nlp, "Plan: no ruck, no drill in boots for a fortnight.")


def test_a_tools_drill_is_no_activity(nlp):
    assert "drill" not in activities(nlp, "He bought a new drill bit and a ladder.")


@pytest.mark.parametrize("text, exercise", [
    ("Coached a short foot cue before every squat.", "short foot cue"),
    ("Foot exercises: marble pick-ups, short-foot, calf raises.", "short-foot"),
    ("Add foot intrinsic work in the warm-up.", "foot intrinsic work"),
])
def test_the_short_foot_exercise_and_foot_intrinsic_work_are_exercises(nlp, text, exercise):
    assert exercise in activities(nlp, text)


@pytest.mark.parametrize("text", [
    "Cheers,\nDana\nHead Coach, Riverside Harriers",
    "Report sent to the head coach on Monday.",
])
def test_a_head_coach_is_a_staff_role_not_an_activity(nlp, text):
    assert not any("coach" in a.lower() for a in activities(nlp, text))


def test_a_subreddits_name_is_no_activity(nlp):
    assert "cycling" not in activities(nlp, "r/cycling · posted by u/someone\nknee hurts on climbs")


def test_a_shoes_stretch_is_done_to_the_shoe(nlp):
    assert "stretch" not in activities(nlp, "Plan: toe spacer, stretch of existing shoes, review.")


@pytest.mark.parametrize("text, job", [
    ("I rang and spoke to the receptionist about my knee.", "receptionist"),
    ("Blister found by HCA on day two.", "HCA"),
    ("Asked to discuss seating with supervisor.", "supervisor"),
    ("Yesterday the practice nurse dressed the heel.", "practice nurse"),
])
def test_another_persons_job_after_an_article_or_preposition_is_not_the_subjects_occupation(nlp, text, job):
    assert job not in activities(nlp, text) and "nurse" not in activities(nlp, text)


@pytest.mark.parametrize("text, job", [
    ("I'm the receptionist at a dental surgery, sat all day.", "receptionist"),
    ("I work as a nurse on a busy ward.", "nurse"),
])
def test_the_subjects_own_job_stays(nlp, text, job):
    assert job in activities(nlp, text)


@pytest.mark.parametrize("text", [
    "My back seizes when I've been sat a while and get up again.",
    "Desk set-up poor, breaks: he tends to forget to get up for hours.",
])
def test_getting_up_again_or_forgetting_to_is_the_rise_from_a_seat(nlp, text):
    assert "get up" in activities(nlp, text)


@pytest.mark.parametrize("text, walk", [
    ("Before the Camino I only walked at weekends.", "Camino"),
    ("Three weeks on the West Highland Way and the heel blistered.", "West Highland Way"),
])
def test_a_named_long_distance_walk_is_the_walk(nlp, text, walk):
    assert walk in activities(nlp, text)


def test_a_named_walk_after_the_verb_that_walks_it_is_the_route(nlp):
    found = activities(nlp, "We walked 200 km of the Camino last spring.")
    assert "walked" in found and "Camino" not in found


@pytest.mark.parametrize("text", [
    "I lean hard on the walking poles going downhill.",
    "Mobilises with a walking frame on the ward.",
])
def test_a_walking_aid_is_no_walk(nlp, text):
    assert ("walking", "ACTIVITY") not in labels(nlp, text)

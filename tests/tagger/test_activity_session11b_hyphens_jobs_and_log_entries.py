"""ACTIVITY rules of session 11's second round, each stated in GUIDELINES.md or shared by two
blind annotators (corpora/reviews/gold_fixes_session11b_activity.md): a hyphenated word is one
word of the activity, an age-and-sex opener names the job with or without a comma, a school is
where a teacher works, the rise from a seat, a run named by its distance, ballet steps and skate
tricks, a gym's leg day, a field label, 'driving' as a cause, a gerund before equipment, a
descent with its height and an exercise's progression. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import activities, labels


@pytest.mark.parametrize("text, activity", [
    ("Occupation: cherry-picker, fruit farm.", "cherry-picker"),
    ("He works as a shop-floor supervisor at the depot.", "shop-floor supervisor"),
    ("She started a couch-to-5k in the spring.", "couch-to-5k"),
    ("I was given a back-bend exercise for the mornings.", "back-bend"),
    ("Hourly stand-and-walk breaks at work.", "stand-and-walk breaks"),  # session 13c: "breaks" joins too
])
def test_a_hyphenated_word_is_one_word_of_the_activity(nlp, text, activity):
    assert activity in activities(nlp, text)


@pytest.mark.parametrize("text, gone", [
    ("Ice post-shift and elevate.", "post-shift"),
    ("Mid-ride the knee started to ache.", "Mid-ride"),
    ("Leg length shorter in long-sit, longer in supine.", "long-sit"),
])
def test_a_time_prefix_or_long_stays_out_of_the_hyphen_join(nlp, text, gone):
    assert gone not in activities(nlp, text)


@pytest.mark.parametrize("text, activity", [
    ("S: 44F tree surgeon, climbing most days.", "tree surgeon"),
    ("S: 36M underwriter, at a desk all day.", "underwriter"),
    ("S: 50M, IT consultant, cycles to work.", "IT consultant"),
    ("PROBLEM LIST - 61F orchardist\nActive: plantar fasciitis", "orchardist"),
])
def test_an_age_and_sex_opener_names_the_job_with_or_without_a_comma(nlp, text, activity):
    assert activity in activities(nlp, text)


def test_an_age_and_sex_opener_before_a_finding_tags_no_job(nlp):
    found = activities(nlp, "S: 45F R heel pain x3/12, worse on stairs.")
    assert not any("heel" in a or "pain" in a for a in found)


@pytest.mark.parametrize("text, activity", [
    ("Job: secondary school teacher, on her feet all day.", "teacher"),
    ("I'm a primary school teacher so I kneel a lot.", "teacher"),
    ("Re: Mr Osei, 40, high school PE teacher.", "PE teacher"),
])
def test_a_school_before_a_school_worker_is_the_workplace(nlp, text, activity):
    assert activity in activities(nlp, text)


@pytest.mark.parametrize("text, activity", [
    ("Pt: 52F, primary care receptionist.", "primary care receptionist"),
    ("I am a primary teacher.", "teacher"),
])
def test_a_level_word_without_school_is_not_trimmed_as_a_school(nlp, text, activity):
    assert activity in activities(nlp, text)


@pytest.mark.parametrize("text, activity", [
    ("Advised to get up every 45 minutes at the desk.", "get up"),
    ("Stiff when she gets up from the staff room chair.", "gets up"),
    ("Sat for an hour, then got up each time the timer went.", "got up"),
])
def test_getting_up_from_a_seat_or_at_intervals_is_an_activity(nlp, text, activity):
    # a listed seat keeps its object ("gets up from the sofa", session 5's phrases)
    assert any(a.startswith(activity) for a in activities(nlp, text))


@pytest.mark.parametrize("text, activity", [
    ("Did a 14k on Sunday with no knee pain.", "14k"),
    ("An easy 6k this morning, fine.", "6k"),
])
def test_a_run_named_by_its_distance_in_a_log_is_the_run(nlp, text, activity):
    assert activity in activities(nlp, text)


@pytest.mark.parametrize("text", [
    "The knee goes at 9k every time.",
    "Up from 30k a week to 50k a week.",
    "Walked a 12 km day hike.",
])
def test_a_distance_that_measures_something_is_no_run(nlp, text):
    assert not any(a[0].isdigit() for a in activities(nlp, text))


@pytest.mark.parametrize("text, activity", [
    ("Grand jetés still hurt but pliés are fine.", "Grand jetés"),
    ("Grand jetés still hurt but pliés are fine.", "pliés"),
    ("Her hip is tight in arabesque.", "arabesque"),
    ("I landed a kickflip badly on the heel.", "kickflip"),
])
def test_ballet_steps_and_skate_tricks_are_activities(nlp, text, activity):
    assert activity in activities(nlp, text)


def test_a_first_name_is_no_skate_trick(nlp):
    assert activities(nlp, "Ollie has a sore heel after the weekend.") == []


def test_a_gym_leg_day_is_an_activity_not_the_leg(nlp):
    text = "Knee sore the morning after leg day."
    assert "leg day" in activities(nlp, text)
    assert ("leg", "BODY_REGION") not in labels(nlp, text)


def test_leg_day_by_day_is_no_gym_day(nlp):
    assert "leg day" not in activities(nlp, "My leg day by day feels stronger.")


@pytest.mark.parametrize("text", [
    "Gait screen\nRunner: Aoife Byrne, 34, marathon in May.",
    "Club screening\nSwimmer: Tom, 16, butterfly.",
])
def test_a_field_label_before_a_name_is_no_activity(nlp, text):
    assert not {"Runner", "Swimmer"} & set(activities(nlp, text))


def test_a_sport_person_noun_in_prose_is_still_an_activity(nlp):
    assert "runner" in activities(nlp, "I am a runner and the knee hurts after 10 km.")


@pytest.mark.parametrize("text", [
    "A: hip abductor weakness driving dynamic pronation.",
    "Foot pronation driving femoral IR on the step-down.",
])
def test_driving_before_a_finding_is_the_cause_not_the_car(nlp, text):
    assert "driving" not in activities(nlp, text)


def test_driving_a_car_is_still_an_activity(nlp):
    assert "driving" in activities(nlp, "The sciatica is worst after driving to work.")


@pytest.mark.parametrize("text, expected", [
    ("Seven hours a day at the sewing machine.", []),
    ("Avoid direct kneeling, use a kneeling pad.", ["kneeling"]),
])
def test_a_gerund_before_equipment_names_what_it_is_for(nlp, text, expected):
    assert activities(nlp, text) == expected


def test_an_exercise_machine_is_still_the_activity(nlp):
    assert "rowing machine" in activities(nlp, "The foot goes numb on the rowing machine.")


def test_a_descent_with_its_height_is_one_descent(nlp):
    assert "descent" in activities(nlp, "Did the ridge with an 800 m descent and the knee held up.")


def test_a_height_of_descent_is_a_quantity(nlp):
    assert "descent" not in activities(nlp, "There was 600 m of descent on the route.")


@pytest.mark.parametrize("text, activity", [
    ("P: glute med progression, calf raises.", "glute med progression"),
    ("HEP: glute bridge progression 3x/wk.", "glute bridge progression"),
])
def test_an_exercise_progression_is_one_activity(nlp, text, activity):
    assert activity in activities(nlp, text)


def test_a_progression_of_a_disease_is_no_exercise(nlp):
    assert activities(nlp, "The progression of the arthritis has been slow.") == []


@pytest.mark.parametrize("text", [
    "Preseason screen sheet - U16 girls.",
    "Reason for visit: annual pre-season screening.",
])
def test_a_season_before_a_form_names_the_form_not_an_activity(nlp, text):
    assert not {"Preseason", "pre-season"} & set(activities(nlp, text))


@pytest.mark.parametrize("text", [
    "Since preseason started the knees ache every evening.",
    "It flared with the preseason load.",
])
def test_a_season_that_started_or_loads_is_the_training(nlp, text):
    assert "preseason" in activities(nlp, text)


@pytest.mark.parametrize("text, activity, region", [
    ("Physio gave me foot-strengthening exercises for the arch.", "foot-strengthening exercises", "foot"),
    ("I do the back-bend exercise every morning.", "back-bend", "lower_back"),
])
def test_a_part_inside_the_hyphenated_word_gives_the_activity_its_region(nlp, text, activity, region):
    found = {e.text: e._.region for e in nlp(text).ents if e.label_ == "ACTIVITY"}
    assert found.get(activity) == region, found

"""ACTIVITY spans as outside annotators read them (session 8): parts joined by a slash or plus
before one exercise head share it, a bare exercise head takes the part after 'for', a noun that
names an activity's kind (place, vehicle, event, manner) stays in its span, and 'land' /
'reach' in a when/as clause are movements. Example sentences are written for these tests."""

from __future__ import annotations

import pytest

from tagger.pipeline.frames import _Trim
from tests.tagger.entity_lookup import activities, labels


@pytest.mark.parametrize("text, activity", [
    ("P: ITB/piriformis release twice daily.", "ITB/piriformis release"),
    ("Plan: calf/soleus stretches and review.", "calf/soleus stretches"),
    ("Home programme: hip + quad strengthening.", "hip + quad strengthening"),
    ("The adductor/hip flexor stretch she showed me helps the ache.", "adductor/hip flexor stretch"),
    ("Tx: QL/oblique/lat stretches.", "QL/oblique/lat stretches"),
])
def test_parts_joined_by_a_slash_or_plus_share_the_exercise_head(nlp, text, activity):
    found = labels(nlp, text)
    assert (activity, "ACTIVITY") in found, found
    assert not any(label in ("STRUCTURE", "BODY_REGION") for _, label in found), found


@pytest.mark.parametrize("text, part", [
    ("Hip/knee strength 4/5 on the left.", "Hip"),
    ("Good hip/knee strength throughout.", "hip"),
    ("Knee/hip pain when running.", "Knee"),
    ("QL & lat stretches eased it.", "QL"),
])
def test_a_finding_or_an_ampersand_keeps_the_first_part_apart(nlp, text, part):
    found = labels(nlp, text)
    assert any(t == part and label in ("STRUCTURE", "BODY_REGION") for t, label in found), found


@pytest.mark.parametrize("text, activity", [
    ("She gave me exercises for the buttock.", "exercises for the buttock"),
    ("I do stretches for my calves every night.", "stretches for my calves"),
    ("Any exercises for my deep abs and glutes?", "exercises for my deep abs and glutes"),
    ("Two exercises for the lower back helped.", "exercises for the lower back"),
])
def test_a_bare_exercise_head_takes_its_part_after_for(nlp, text, activity):
    assert activity in activities(nlp, text)


@pytest.mark.parametrize("text, activity, part", [
    ("The couch stretch for the hip flexors helps.", "couch stretch", "hip flexors"),
    ("Stretches for 10 minutes ease the calf.", "Stretches", "calf"),
])
def test_a_named_exercise_or_a_dose_after_for_is_not_joined(nlp, text, activity, part):
    found = labels(nlp, text)
    assert (activity, "ACTIVITY") in found, found
    assert any(t == part and label in ("STRUCTURE", "BODY_REGION") for t, label in found), found


@pytest.mark.parametrize("text, activity", [
    ("Started mountain hiking with friends in May.", "mountain hiking"),
    ("Pain after the long bus rides to away games.", "bus rides"),
    ("Knee flared since sportive training began.", "sportive training"),
    ("Beach running hurts my calves.", "Beach running"),
    ("P: SL step-down practice in front of a mirror.", "SL step-down"),
    ("Hill running every Sunday.", "Hill running"),
    ("Stair climber + flat feet = sore knees?", "Stair climber"),
])
def test_a_noun_naming_the_activity_kind_stays_in_the_span(nlp, text, activity):
    assert activity in activities(nlp, text)


@pytest.mark.parametrize("text, activity", [
    ("S: 38M road cyclist, 200 km/wk.", "cyclist"),
    ("S: 42M masters runner, 50 km/wk.", "runner"),
    ("She plays club tennis twice a week.", "tennis"),
    ("Broke my wrist in 2009 (fell skating).", "skating"),
])
def test_a_person_noun_setting_or_verb_keeps_the_kind_word_out(nlp, text, activity):
    assert activity in activities(nlp, text)


def test_a_one_leg_prefix_joins_an_exercise_named_by_its_part(nlp):
    # session 12b: 12tr a and b join 'SL heel raise', 'Single leg heel raise' (GUIDELINES 4
    # '[SL step-down]'); 5a's 'SL [heel raises]' was the one voice for leaving it out
    assert "SL heel raises" in activities(nlp, "P: SL heel raises x15 daily.")


@pytest.mark.parametrize("text, activity", [
    ("My arches flatten when I land.", "land"),
    ("Her knees cave in as soon as they land.", "land"),
    ("My shoulder is stiff when I reach for the top shelf.", "reach"),
    ("I moved flat and sat for two long drives.", "sat"),
])
def test_land_reach_and_sat_in_a_clause_are_movements(nlp, text, activity):
    assert activity in activities(nlp, text)


def test_kind_rule_rejects_unknown_keys():
    with pytest.raises(ValueError, match="unknown keys"):
        _Trim({"id": "k", "kind_before": {"place": ["hill"]}, "kinds_after": []})


@pytest.mark.parametrize("text, activity", [
    ("Pain is worst on bench days, barely there on admin days.", "bench days"),
    ("Graded return to full court sessions over 3 weeks.", "court sessions"),
    ("We went from two pitch sessions a week to four.", "pitch sessions"),
])
def test_a_day_or_session_named_by_its_kind_is_an_activity(nlp, text, activity):
    assert activity in activities(nlp, text)


def test_a_single_race_day_is_a_date(nlp):
    assert activities(nlp, "Flats on race day only.") == ["race"]


@pytest.mark.parametrize("text, activity", [
    ("Quick one about Kwame (200m). His hamstring is tight.", "200m"),
    ("Mo (5000m) has calf pain since Saturday.", "5000m"),
])
def test_an_athlete_named_by_their_event_distance(nlp, text, activity):
    assert activity in activities(nlp, text)


def test_a_distance_in_brackets_after_a_common_word_is_a_measure(nlp):
    assert "200m" not in activities(nlp, "I walked to the shop (200m) without pain.")


@pytest.mark.parametrize("text", [
    "I see your practice has taken on a new physio.",
    "It was there even when I was at the practice.",
    "Below is what I sent the GP practice.",
])
def test_a_clinic_practice_is_not_a_sport(nlp, text):
    assert "practice" not in activities(nlp, text)


def test_a_sport_practice_stays(nlp):
    assert activities(nlp, "Worse after choir practice and after practice on Monday.") == ["practice", "practice"]


@pytest.mark.parametrize("text, teach", [
    ("She teach me bridge exercise.", False),
    ("The physio taught me a hip stretch.", False),
    ("I teach art and Year 4.", True),
])
def test_teaching_the_writer_is_not_the_teaching_job(nlp, text, teach):
    assert any(a.startswith(("teach", "taught")) for a in activities(nlp, text)) is teach


def test_a_second_part_joins_only_at_the_end_of_the_phrase(nlp):
    found = labels(nlp, "I do his exercises for the buttock and foot is less painful.")
    assert ("exercises for the buttock", "ACTIVITY") in found and ("foot", "BODY_REGION") in found, found


def test_a_possessive_before_a_joined_exercise_does_not_own_the_next_part(nlp):
    doc = nlp("Treatment before: in Lyon the kiné said my left pelvis go down, so the knee turn inside. "
              "I do his exercises for the buttock and the foot is less painful.")
    foot = next(e for e in doc.ents if e.text == "foot")
    assert not foot._.other_subject

"""The archetypal input (seed 000): what a clinician must see at a glance."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def seed_result(rules_tagger, seed_email):
    return rules_tagger.tag(seed_email)


def find(result, text, label=None, *, after=0):
    for e in result.entities:
        if e.text == text and (label is None or e.label == label) and e.start >= after:
            return e
    raise AssertionError(f"no {label or 'entity'} {text!r} after offset {after}")


def test_right_forefoot_pain_at_the_third_or_fourth_metatarsal(seed_result):
    forefoot = find(seed_result, "forefoot", "BODY_REGION")
    assert forefoot.laterality == "right" and forefoot.region == "foot"
    met = find(seed_result, "3 or 4th metatarsal", "STRUCTURE")
    assert met.laterality == "right" and met.concept == "metatarsal"
    first_foot = find(seed_result, "foot", "BODY_REGION")
    assert first_foot.laterality == "right" and not first_foot.negated


def test_hip_thigh_and_back_pain_are_negated_in_the_coordinated_list(seed_result):
    start = seed_result.text.index("Currently, I have no hip or thigh pain, or back pain.")
    end = start + len("Currently, I have no hip or thigh pain, or back pain.")
    inside = [e for e in seed_result.entities if start <= e.start < end]
    assert {(e.text, e.label) for e in inside} == {("hip", "BODY_REGION"), ("thigh", "BODY_REGION"), ("pain", "SYMPTOM"),
                                                    ("back", "BODY_REGION")}
    assert all(e.negated for e in inside)
    assert all(any(t.attribute == "negated" and t.text == "no" for t in e.triggers) for e in inside)
    # the foot pain elsewhere stays present
    foot_pain = find(seed_result, "pain", "SYMPTOM", after=seed_result.text.index("The foot pain"))
    assert foot_pain.region == "foot" and not foot_pain.negated


def test_barefoot_and_loosening_the_laces_relieve(seed_result):
    barefoot = find(seed_result, "barefoot", "FOOTWEAR")
    assert barefoot.modifier == "relieving" and not barefoot.negated
    laces = find(seed_result, "laces", "FOOTWEAR")
    assert laces.modifier == "relieving"
    assert any(t.attribute == "modifier" and "loosen" in t.text for t in laces.triggers)


def test_sneakers_are_footwear_that_aggravates(seed_result):
    sneakers = find(seed_result, "sneakers", "FOOTWEAR")
    assert sneakers.modifier == "aggravating" and sneakers.concept == "sneakers"


def test_treadmill_carries_its_dose(seed_result):
    treadmill = find(seed_result, "treadmill", "ACTIVITY", after=seed_result.text.index("purchasing"))
    kinds = {d.kind: d.text for d in treadmill.dose}
    assert kinds["incline"] == "level 4 incline"
    assert kinds["speed"] == "4.5 MPH"
    assert "hour" in kinds["duration"] and kinds["frequency"] == "a day"
    assert next(d for d in treadmill.dose if d.kind == "speed").value == 4.5


def test_biking_a_hundred_miles_per_week(seed_result):
    bike = find(seed_result, "bike", "ACTIVITY")
    dist = next(d for d in bike.dose if d.kind == "distance")
    assert dist.text == "100 miles per week" and dist.value == 100.0


def test_stooping_to_write_in_charts_is_an_activity(seed_result):
    assert find(seed_result, "stooping", "ACTIVITY").concept == "stooping"


def test_i_was_thinking_quadratus_is_hypothetical(seed_result):
    quadratus = find(seed_result, "quadratus", "STRUCTURE")
    assert quadratus.hypothetical
    assert any(t.attribute == "hypothetical" and t.text == "I was thinking" for t in quadratus.triggers)


def test_stiff_right_upper_back_and_lat(seed_result):
    lat = find(seed_result, "lat", "STRUCTURE", after=seed_result.text.index("stiff"))
    upper_back = find(seed_result, "upper back", "BODY_REGION")
    assert lat.laterality == "right" and upper_back.laterality == "right"
    assert lat.region == "trunk" and lat.concept == "latissimus_dorsi"


def test_onset_and_duration_are_time_expressions(seed_result):
    times = {(t.kind, t.text) for t in seed_result.time_expressions}
    assert ("onset", "since August") in times
    assert ("onset", "3 months after purchasing a treadmill") in times
    assert ("duration", "for the past 24 hrs or more") in times


def test_muscles_named_in_the_whole_document_are_structures(rules_tagger, seed_document):
    result = rules_tagger.tag(seed_document)
    structures = {e.concept for e in result.entities if e.label == "STRUCTURE"}
    assert {"quadratus_lumborum", "latissimus_dorsi", "oblique", "tfl", "peroneals"} <= structures


def test_every_offset_points_at_its_text(seed_result):
    for e in seed_result.entities:
        assert seed_result.text[e.start : e.end] == e.text
        for t in e.triggers:
            assert seed_result.text[t.start : t.end] == t.text
        for d in e.dose:
            assert seed_result.text[d.start : d.end] == d.text

"""Historical readings added in session 10, each shared by at least two blind annotators or
stated in GUIDELINES.md (corpora/reviews/gold_fixes_session10_hist.md): a finding an investigation
reported at a past date is current; footwear the writer stopped wearing, or replaced by a new
pair bought, is given up; a past job's bracket and a "lapsed" sport are past; a denial before a
dated episode, the activity a past symptom came with and a load built up in numbers stay current."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import ent


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("MRI last year: L4/5 disc bulge touching the L5 root. Back is mostly okay now.", "L4/5 disc bulge"),
        ("Previous tests:\n- gait analysis at running shop last year: neutral, NO overpronation", "overpronation"),
        ("I've got a touch of arthritis in the lower back that the GP found on an X-ray years ago.", "arthritis"),
        ("She had a scan in 2019 which showed plantar fasciitis.", "plantar fasciitis"),
    ],
)
def test_finding_of_a_dated_investigation_is_current(rules_tagger, text, finding):
    assert not ent(rules_tagger.tag(text), finding).historical


@pytest.mark.parametrize(
    ("text", "past"),
    [
        ("I had plantar fasciitis in 2019, which settled completely with calf stretches.", "plantar fasciitis"),
        # a new clause after the investigation dates something else
        ("I had an MRI and then last year I tore my calf, which healed.", "tore"),
    ],
)
def test_dated_episode_without_an_investigation_is_still_past(rules_tagger, text, past):
    assert ent(rules_tagger.tag(text), past).historical


@pytest.mark.parametrize(
    ("text", "shoe"),
    [
        ("Bought OTC arch supports on a friend's advice 1/12 ago - no change whatsoever, has stopped wearing them.",
         "arch supports"),
        ("Podiatrist issued insoles 6/52 ago - pt says made \"no real difference\" at all, quit using them.", "insoles"),
    ],
)
def test_footwear_stopped_far_back_in_its_sentence_is_historical(rules_tagger, text, shoe):
    assert ent(rules_tagger.tag(text), shoe).historical


def test_stopped_doing_them_far_back_does_not_reach_a_shoe(rules_tagger):
    result = rules_tagger.tag("I wear my orthotics in my work boots every day and the physio gave me calf raises "
                              "at the start of the month, but I stopped doing them.")
    assert not ent(result, "orthotics").historical


@pytest.mark.parametrize(
    ("text", "old", "kept"),
    [
        ("My Pegasus had about 700km on them so I bought a brand new pair of a more cushioned model.", "Pegasus", None),
        ("The Kayanos were falling apart. I bought a new pair last month, a different brand.", "Kayanos", None),
        # a new pair of the same shoes is not a replacement (GUIDELINES session 8)
        ("I love my Hokas so I bought another pair of the same ones.", None, "Hokas"),
        # a purchase that is not a pair replaces nothing
        ("My Brooks are fine. I bought some tape for the blister.", None, "Brooks"),
        # the new pair's own name further on decides its kind: insoles replace insoles, not shoes
        ("My Brooks are great. I bought a brand new pair of the cushioned insoles last week.", None, "Brooks"),
        ("My old insoles were flat. I bought a brand new pair of the cushioned insoles.", "insoles", "cushioned insoles"),
    ],
)
def test_new_pair_bought_replaces_the_named_pair(rules_tagger, text, old, kept):
    result = rules_tagger.tag(text)
    if old:
        assert ent(result, old).historical
    if kept:
        assert not ent(result, kept).historical


@pytest.mark.parametrize(
    ("text", "past", "current"),
    [
        ("I'm 63, retired from the Post Office (sorting office, not rounds, so a lot of standing but not much "
         "walking), and I've been a steady parkrunner for about eight years.", ["standing", "walking"], ["parkrunner"]),
        ("She was a nurse (twelve-hour shifts, standing most of them) and now works in an office.",
         ["standing"], []),
        ("Lapsed touch footy player, now walks the dog.", ["touch footy"], ["walks"]),
    ],
)
def test_past_job_bracket_and_lapsed_sport_are_historical(rules_tagger, text, past, current):
    result = rules_tagger.tag(text)
    for word in past:
        assert ent(result, word).historical, word
    for word in current:
        assert not ent(result, word).historical, word


def test_bracket_after_a_current_job_is_not_historical(rules_tagger):
    result = rules_tagger.tag("I work at the Post Office (sorting office, so a lot of standing).")
    assert not ent(result, "standing").historical


def test_denial_before_a_dated_episode_stays_current(rules_tagger):
    result = rules_tagger.tag("No major injuries, one calf tear in 2017 that healed fine.")
    assert not ent(result, "injuries").historical
    assert ent(result, "injuries").negated
    assert ent(result, "tear").historical


@pytest.mark.parametrize(
    ("text", "symptom", "setting"),
    [
        ("But the ache I used to get by the third quarter of walking netball has more or less gone.",
         "ache", "walking netball"),
        ("The pain I used to feel in my heel after long runs is gone.", "pain", "long runs"),
        ("I used to get shin splints when I ran cross country.", "shin splints", "cross country"),
    ],
)
def test_what_the_writer_used_to_get_is_past_and_its_activity_current(rules_tagger, text, symptom, setting):
    result = rules_tagger.tag(text)
    assert ent(result, symptom).historical
    assert not ent(result, setting).historical


def test_what_the_writer_used_to_do_is_still_past(rules_tagger):
    assert ent(rules_tagger.tag("I used to play football every Sunday."), "football").historical


@pytest.mark.parametrize(
    ("text", "activity"),
    [
        ("She went from 5 km walks to 20 km hikes with a 9 kg pack over about six weeks.", "walks"),
        ("I went from one leg day a week to three leg days.", "leg day"),
    ],
)
def test_load_built_up_in_numbers_is_not_given_up(rules_tagger, text, activity):
    assert not ent(rules_tagger.tag(text), activity).historical


def test_switch_to_another_activity_with_a_number_on_one_side_is_given_up(rules_tagger):
    assert ent(rules_tagger.tag("She switched from netball to 10 km runs."), "netball").historical

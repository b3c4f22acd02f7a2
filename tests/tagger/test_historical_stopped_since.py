"""Session 9, historical: what has not happened since a point or for a stretch, episodes that say
they are over in other words, an onset that dates only its own anchor, given-up footwear named again."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import attrs, ent


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        ("I haven't limped since the first week; I'm walking normally.", ["limped"]),
        ("That ache on the inside of the right ankle I had since winter, the one I blamed on the trampoline, "
         "hasn't bugged me in over a week.", ["ache", "ankle"]),
        ("My knee hasn't hurt since March.", ["knee", "hurt"]),
        ("I haven't run since August because of the heel.", ["run"]),
        ("I haven't worn heels since my wedding.", ["heels"]),
        ("My heel pain went when I changed shoes and it hasn't bothered me for a couple of months.", ["heel", "pain"]),
    ],
)
def test_what_has_not_happened_since_is_historical_not_negated(rules_tagger, text, targets):
    result = rules_tagger.tag(text)
    for target in targets:
        assert attrs(result, target) == {"historical"}, target


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        # nothing since: the team gold reads these as absent
        ("I haven't had any pain since the injection.", "pain", {"negated"}),
        ("She made me orthotics and I have had no further hip pain since December.", "pain", {"negated"}),
        # a current problem, an unchanged one
        ("My knee hasn't been right since the fall.", "knee", set()),
        ("The lower back hasn't changed since the pothole.", "lower back", set()),
        # nothing is said to stop: the insoles are the fix
        ("Insoles sorted it and it's not bothered me since.", "Insoles", set()),
        # the activity that still goes on beside it
        ("I haven't run since August because of the knee.", "knee", set()),
    ],
)
def test_what_goes_on_or_never_was_is_not_a_stop(rules_tagger, text, target, expected):
    assert attrs(rules_tagger.tag(text), target) == expected


def test_a_stop_said_with_anymore_is_not_a_negation(rules_tagger):
    result = rules_tagger.tag("Six weeks on, the outside of my right knee doesn't hurt on my bike rides anymore.")
    assert attrs(result, "hurt") == {"historical"}


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        ("My right shoulder clicks, and I've had a trigger finger on the left hand which was injected last year "
         "and is fine.", ["trigger finger", "hand"]),
        ("Background:\n- I broke my right wrist at 12.\n- I get migraines.", ["broke", "wrist"]),
    ],
)
def test_an_episode_over_in_other_words_is_historical(rules_tagger, text, targets):
    result = rules_tagger.tag(text)
    for target in targets:
        assert ent(result, target).historical, target


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("My right shoulder clicks, and I've had a trigger finger on the left hand which was injected last year "
         "and is fine.", "shoulder"),
        # "are fine" alone is a current finding, whatever anchor stands in the sentence
        ("His dad had knee trouble as a teenager, but Jake's feet look normal and the GP said his arches are fine.",
         "arches"),
        # an age in brackets dates a telling, not an episode
        ("I have flat feet (told so by a shoe shop assistant at 14) but they've never given me trouble, "
         "and my knees are fine.", "knees"),
    ],
)
def test_what_is_fine_now_is_not_made_historical(rules_tagger, text, target):
    assert not ent(rules_tagger.tag(text), target).historical


def test_an_onset_takes_back_only_the_anchor_that_dates_it(rules_tagger):
    text = ("Right ankle pain which began about seven months ago without injury and which she had assumed was a "
            "flat-foot problem, having been told as a child that her arches were 'low'.")
    result = rules_tagger.tag(text)
    assert ent(result, "arches").historical
    assert not ent(result, "pain").historical
    assert not ent(rules_tagger.tag("Two years ago my knee started to ache."), "knee").historical


def test_an_activity_on_hold_is_historical(rules_tagger):
    assert ent(rules_tagger.tag("It's sore first thing. My running's on hold."), "running").historical


@pytest.mark.parametrize(
    ("text", "given_up", "kept"),
    [
        ("> Footwear?\nCheap canvas pumps, completely flat inside. I've now swapped them for a pair of proper "
         "supportive running shoes.", "canvas pumps", "supportive running shoes"),
    ],
)
def test_footwear_swapped_for_another_pair_is_historical(rules_tagger, text, given_up, kept):
    result = rules_tagger.tag(text)
    assert ent(result, given_up).historical
    assert not ent(result, kept).historical


def test_given_up_orthotics_named_again_stay_given_up(rules_tagger):
    text = ("S: Has flat feet, was given custom orthotics last year by a podiatrist - wore them 3 months, no change, "
            "stopped.\nA: Feet likely not relevant: symmetrical, orthotics gave no change.")
    result = rules_tagger.tag(text)
    assert ent(result, "custom orthotics").historical
    assert ent(result, "orthotics").historical


def test_given_up_orthotics_worn_again_are_current(rules_tagger):
    result = rules_tagger.tag("I stopped wearing my orthotics in May. The pain came back so I wear the orthotics again now.")
    assert ent(result, "orthotics", nth=0).historical
    assert not ent(result, "orthotics", nth=1).historical


def test_a_stopped_rule_without_its_lists_is_refused():
    from tagger.pipeline.episodes import validate_episode_rule

    with pytest.raises(ValueError, match="stopped rule"):
        validate_episode_rule({"kind": "stopped", "auxiliaries": ["has"], "negators": ["n't"]}, "rule 1")


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        ("I broke my left little toe on a door frame two years ago.", ["broke", "little toe"]),
        ("Broken right wrist in 2009 (fell skating).", ["skating"]),
    ],
)
def test_an_injury_told_in_a_distant_past_is_over(rules_tagger, text, targets):
    result = rules_tagger.tag(text)
    for target in targets:
        assert ent(result, target).historical, target


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # a chronic finding dated the same way
        ("F, 33, mild scoliosis (curve to the right in the lower back, diagnosed as a teen, never treated).", "scoliosis"),
        # an injury that still hurts is the present
        ("I broke my left little toe on a door frame two years ago and it still aches in cold weather.", "little toe"),
        # an onset
        ("Two years ago I hurt my knee skiing and it started to ache on runs.", "knee"),
    ],
)
def test_a_dated_finding_that_goes_on_is_not_over(rules_tagger, text, target):
    assert not ent(rules_tagger.tag(text), target).historical


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("I've stopped the rowing for now and the back is a bit better.", "rowing"),
        ("Stopped the hill sprints for 2 weeks and it calmed right down.", "hill sprints"),
        ("She wore orthotics for a year and hasn't needed them since.", "orthotics"),
    ],
)
def test_an_activity_or_insert_stopped_is_historical(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).historical


def test_what_a_treatment_stopped_is_not_made_historical(rules_tagger):
    result = rules_tagger.tag("The insoles stopped the pain within a week.")
    assert not ent(result, "pain").historical
    assert not ent(result, "insoles").historical


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        ("Back in 2019 I had ITB pain from tight hips, physio sorted it with stretches and it never came back.",
         ["pain", "hips", "stretches"]),
        ("I had plantar fasciitis after my first pregnancy but it went years ago and never came back.",
         ["plantar fasciitis"]),
    ],
)
def test_never_came_back_ends_an_episode(rules_tagger, text, targets):
    result = rules_tagger.tag(text)
    for target in targets:
        assert ent(result, target).historical, target


def test_a_view_no_longer_held_leaves_its_object_current(rules_tagger):
    text = "He has tried three pairs of shoes; none made any difference and he no longer thinks shoes are involved."
    assert not ent(rules_tagger.tag(text), "shoes", nth=1).historical

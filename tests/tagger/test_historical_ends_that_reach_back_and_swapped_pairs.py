"""Historical readings added in session 11 (corpora/reviews/gold_fixes_session11_hist.md), each
stated in GUIDELINES.md or shared by at least two blind annotators: an end said on its own points
back over the past-tense account before it; a condition an episode ends is over at its earlier
mentions; a pair swapped "for" another is given up; seasons counted back, "the winter of 1947" and
"last season" date the past; an activity the patient is excused from is on hold; a person coming
home is no recurrence."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import attrs, ent

# -- an end said on its own -------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "past"),
    [
        ("My neck was sore every evening from the new pillow, which was far too high. It eased once I'd had a "
         "shower. Gone now.", ["neck", "sore"]),
        ("Her calf cramped on the long walks and was tight the next morning. All healed now.",
         ["calf", "cramped", "tight"]),
    ],
)
def test_an_end_said_on_its_own_reaches_back_over_the_past_account(rules_tagger, text, past):
    result = rules_tagger.tag(text)
    for word in past:
        assert ent(result, word).historical, word


def test_the_activity_a_pointed_back_symptom_came_with_stays_current(rules_tagger):
    result = rules_tagger.tag("My lower back was stiff every morning on the trip. It was fine once we'd been walking "
                              "for a while. Gone now.")
    assert ent(result, "stiff").historical
    assert not ent(result, "walking").historical


@pytest.mark.parametrize(
    "text",
    [
        # the present stands before the end: it is about the current complaint
        "My knee hurts when I run. I walked 5 km yesterday. Gone now.",
        # an end the sentence gives its own subject is that subject's
        "My heel ached for weeks. My shin has settled now.",
        # an end still to come
        "Blister on the heel from new boots on a long walk. Wear old boots till healed.",
        # an end said with a hedge
        "The heel hurt for weeks. It's about healed now.",
        # the same line only: a new paragraph is another story
        "My hip ached after the long drive.\n\nGone now, the back I mean.",
    ],
)
def test_an_end_said_on_its_own_leaves_what_it_cannot_reach(rules_tagger, text):
    result = rules_tagger.tag(text)
    first_finding = next(e for e in result.entities if e.label in ("SYMPTOM", "CONDITION"))
    assert not first_finding.historical


# -- a condition ended at its earlier mentions ------------------------------------------------------

def test_a_condition_an_episode_ends_is_over_at_its_mentions_before_it(rules_tagger):
    text = ("Title: Wife had PF, I have the same thing\n\nMy wife had plantar fasciitis three summers ago and "
            "orthotics sorted her out in about two months.")
    result = rules_tagger.tag(text)
    assert ent(result, "PF").historical
    assert ent(result, "plantar fasciitis").historical


@pytest.mark.parametrize(
    ("text", "current"),
    [
        # a mention after the end may be its return
        ("I had plantar fasciitis in 2015 which cleared up with stretches. My plantar fasciitis, I believe, is back.",
         ("plantar fasciitis", 1)),
        # the writer's own condition is not the other person's
        ("Title: my PF and his\n\nMy husband had plantar fasciitis two winters ago, orthotics sorted him out.",
         ("PF", 0)),
    ],
)
def test_a_condition_ended_does_not_reach_a_return_or_another_owner(rules_tagger, text, current):
    word, nth = current
    assert not ent(rules_tagger.tag(text), word, nth=nth).historical


# -- a pair swapped for another ---------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "old", "new"),
    [
        ("He swapped his old court shoes for a pair of cushioned trainers last month.", "court shoes",
         "cushioned trainers"),
        ("I changed my sandals for trail shoes at work and the knee is no different.", "sandals", "trail shoes"),
    ],
)
def test_a_pair_swapped_for_another_is_given_up(rules_tagger, text, old, new):
    result = rules_tagger.tag(text)
    assert ent(result, old).historical
    assert not ent(result, new).historical


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("I swapped my work boots in May for a pair of safety trainers, but went back to the old ones after a week.",
         "work boots"),
        ("I swapped my insoles for new shoes.", "insoles"),
        ("She swapped the hills for flat runs.", "hills"),
    ],
)
def test_a_swap_gone_back_on_or_of_another_kind_gives_nothing_up(rules_tagger, text, kept):
    assert not ent(rules_tagger.tag(text), kept).historical


# -- past times ------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "past"),
    [
        ("I fractured my left wrist on the ice three winters ago.", "wrist"),
        ("I sprained my right ankle playing hockey in the summer of 1988.", "ankle"),
        ("Previous boots, no heel pain all last season.", "pain"),
    ],
)
def test_seasons_counted_back_and_past_seasons_date_the_past(rules_tagger, text, past):
    assert ent(rules_tagger.tag(text), past).historical


def test_no_pain_last_season_stays_negated_too(rules_tagger):
    assert attrs(rules_tagger.tag("Old studs, no knee pain all last season."), "pain") == {"negated", "historical"}


def test_since_last_season_is_current(rules_tagger):
    assert not ent(rules_tagger.tag("Knee pain since last season, worse on hard ground."), "pain").historical


@pytest.mark.parametrize(
    ("text", "on_hold"),
    [
        ("Excused running and jumping 4/52, review then.", "running"),
        ("Recruit excused from marching 2/52.", "marching"),
    ],
)
def test_an_activity_the_patient_is_excused_from_is_on_hold(rules_tagger, text, on_hold):
    assert ent(rules_tagger.tag(text), on_hold).historical


# -- a person coming home ------------------------------------------------------------------------

def test_a_person_coming_home_is_no_recurrence(rules_tagger):
    result = rules_tagger.tag("Walked the coast path in May. Came back with a blister on the right heel, now healed.")
    assert ent(result, "blister").historical


def test_a_symptom_coming_back_is_still_a_recurrence(rules_tagger):
    result = rules_tagger.tag("In 2019 my heel pain settled with stretches, then the pain came back with a vengeance "
                              "this spring.")
    assert not ent(result, "pain", nth=1).historical


# -- the account told right after an end ------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "past", "current"),
    [
        ("Good news: the hip thing is gone. Background, I'd had an ache in both hips after long drives last year. "
         "The physio watched me squat.", ["ache", "hips"], "squat"),
        ("Rolled the R ankle on a trail in May, now healed. For about two weeks she walked with the L foot turned out to "
         "keep weight off the ankle. L knee pain started during that time.", ["foot"], "knee"),
    ],
)
def test_an_end_reaches_the_past_account_told_right_after_it(rules_tagger, text, past, current):
    result = rules_tagger.tag(text)
    for word in past:
        assert ent(result, word).historical, word
    assert not ent(result, current).historical


@pytest.mark.parametrize(
    ("text", "current"),
    [
        # the account names another place than what ended
        ("TTP GT, bruising resolved. Feet: mild pes planus b/l, not felt relevant.", ("pes planus", 0)),
        # the end does not close its sentence
        ("The knee pain settled with rest and physio. The knee swelled after the match on Saturday.", ("knee", 1)),
        # the sentence after is of the present
        ("The heel blister is now healed. The heel still hurts when I walk.", ("hurts", 0)),
    ],
)
def test_an_end_does_not_reach_what_follows_of_something_else(rules_tagger, text, current):
    word, nth = current
    assert not ent(rules_tagger.tag(text), word, nth=nth).historical


def test_footwear_given_up_at_the_end_was_given_up_at_its_earlier_mentions(rules_tagger):
    result = rules_tagger.tag("Blister on the L heel from the new sandals her son bought. Sandals binned, trainers for now.")
    assert ent(result, "sandals").historical
    assert not ent(result, "trainers").historical


def test_footwear_gone_back_to_is_not_given_up_earlier(rules_tagger):
    result = rules_tagger.tag("I stopped wearing the orthotics in May. I'm back in the orthotics now and the arch is better.")
    assert not ent(result, "orthotics", nth=1).historical


@pytest.mark.parametrize(
    ("text", "current"),
    [
        # a test of the healed part now, no symptom told
        ("The blister healed. I walked 10 km on the foot yesterday and it was fine.", "walked"),
        # easing and better are not over
        ("My calf was tight after the match. Easing now.", "tight"),
        ("My knee was sore after the long run. Much better now.", "sore"),
        # an end undone by a return
        ("My heel hurt every morning. It went away, then came back last week.", "hurt"),
    ],
)
def test_what_is_not_over_stays_current(rules_tagger, text, current):
    assert not ent(rules_tagger.tag(text), current).historical

"""Historical: past episodes that say they are over, and the present that is not history.

Every sentence here is written for the test; none comes from the corpus or the seeds.
"""

from __future__ import annotations

import pytest
import spacy

from tagger.pipeline.episodes import validate_episode_rule
from tagger.pipeline.rules import data_file, read_jsonl
from tests.tagger.entity_lookup import ent


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        # the anchor and the resolution in one sentence, past the reach of a ConText scope
        ("I dislocated my left shoulder when I was 19 playing rugby and it has been fine since the operation.",
         ["shoulder", "rugby"]),
        ("- Right knee: I tore the cartilage in 2012 skiing, keyhole op, fine now.", ["cartilage", "skiing"]),
        # the resolution in the next sentence, which points back ("It ... but it did")
        ("Back in 2016 I had plantar fasciitis in my right heel. It took months to settle but it settled "
         "completely with calf stretches.", ["plantar fasciitis", "heel", "calf stretches"]),
        ("Two years ago I had a bad bout of sciatica down my left leg. It cleared up with physio.", ["sciatica", "leg"]),
        ("In 2016 I had plantar fasciitis in my right heel. It took a year but it went away with calf raises.",
         ["calf raises"]),
    ],
)
def test_an_old_episode_that_says_it_is_over_is_historical_as_a_whole(rules_tagger, text, targets):
    result = rules_tagger.tag(text)
    for target in targets:
        assert ent(result, target).historical, target


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # the onset of the current complaint: a past anchor, nothing over
        ("In July I got pain in my right heel and it still hurts every morning.", "heel"),
        ("Two years ago my knee started to ache. It has been getting worse since Easter.", "knee"),
        ("Last spring my arch started to ache on long walks. Insoles helped a bit.", "arch"),
        ("In 2019 I started getting pain in my hip. It settled for a while but came back again.", "hip"),
        # a resolution of the current complaint with no past anchor is relief, not history
        ("Hip pain went away on the two runs I did in my friend's stability shoes.", "Hip"),
    ],
)
def test_a_current_complaint_that_started_in_the_past_is_not_historical(rules_tagger, text, target):
    assert not ent(rules_tagger.tag(text), target).historical


def test_a_resolution_does_not_reach_past_a_but_clause(rules_tagger):
    result = rules_tagger.tag("Back in the autumn I strained my left calf. That settled within a week, "
                              "but then a dull ache started in my right buttock.")
    assert ent(result, "calf").historical
    assert not ent(result, "buttock").historical


def test_the_word_back_of_back_in_a_year_is_not_marked_by_its_own_episode(rules_tagger):
    result = rules_tagger.tag("I had plantar fasciitis back in 2019 which went away with calf raises.")
    assert ent(result, "calf raises").historical
    assert all(not e.historical for e in result.entities if e.text.lower() == "back")


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("She'd never run before January and now does three runs a week.", "run"),
        ("I had never worn heels in my life until the wedding.", "heels"),
    ],
)
def test_never_before_marks_what_lay_in_the_past(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).historical


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("My back has had a disc bulge since 2021 that flares now and then.", "disc bulge"),
        ("Hx: 56F, R knee pain x5/12, worse on stairs.", "knee"),
        ("I carry my 2 year old on my left hip all day.", "hip"),
        ("For the last year the arch of my right foot aches after walking.", "arch"),
        ("Seen today with a four-month history of right heel pain.", "heel"),
        ("He is sore going up the stairs at school.", "stairs"),
        ("If I wear my old flat loafers for a day the knee grumbles by evening.", "knee"),
        # what stands before "since" is current; a finding reported back then still holds
        ("Knee: sore on stairs since a netball game years ago, flares now and then.", "stairs"),
        ("A podiatrist in 2019 told me I overpronate and gave me insoles.", "overpronate"),
        # an activity taken up then is done now
        ("27F, took up running last year and did a half in April.", "running"),
        # "stopped" reaches what was stopped, not the next thing
        ("I stopped sitting on my left leg at work.", "leg"),
        ("She filmed me on a treadmill with a camera behind me.", "treadmill"),
        ("I sit a lot less than before, I'm off work.", "sit"),
    ],
)
def test_durations_ages_and_ongoing_states_are_not_historical(rules_tagger, text, target):
    assert not ent(rules_tagger.tag(text), target).historical


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("I broke my left collarbone when I was eleven.", "collarbone"),
        ("Previous hx: R ankle sprains in his football days.", "ankle"),
    ],
)
def test_ages_and_previous_history_headers_open_the_past(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).historical


def test_every_shipped_episode_rule_is_valid():
    rules = read_jsonl(data_file("episode_rules.jsonl"))
    assert {r["kind"] for r in rules} >= {"anchor", "resolution", "present", "past", "pointer", "contrast", "bracket"}
    for i, rule in enumerate(rules):
        validate_episode_rule(rule, f"rule {i + 1}")


@pytest.mark.parametrize(
    "rule",
    [{"kind": "sometime", "literal": "x"}, {"kind": "anchor"}, {"kind": "anchor", "literal": "x", "pattern": []},
     {"kind": "pointer", "words": []}, {"kind": "bracket", "open": ["never"], "close": ["before"]}],
)
def test_an_invalid_episode_rule_is_refused(rule):
    with pytest.raises(ValueError):
        validate_episode_rule(rule, "rule 1")


def test_past_episodes_run_as_a_component_of_their_own_and_round_trip(tmp_path):
    from tagger.pipeline import build_pipeline

    nlp = build_pipeline()
    step = nlp.get_pipe("clinical_attributes").step("past_episodes")
    step.to_disk(tmp_path)
    alone = spacy.blank("en")
    component = alone.add_pipe("past_episodes")
    component.from_disk(tmp_path)
    assert component.rules == step.rules


def test_a_pipeline_saved_before_past_episodes_existed_still_loads_without_them(tmp_path):
    from tagger.pipeline import build_pipeline

    nlp = build_pipeline()
    nlp.to_disk(tmp_path / "pipeline")
    (tmp_path / "pipeline" / "clinical_attributes" / "past_episodes" / "episode_rules.jsonl").unlink()
    loaded = spacy.load(tmp_path / "pipeline")
    step = loaded.get_pipe("clinical_attributes").step("past_episodes")
    assert step.rules == []
    doc = loaded("In 2016 I had plantar fasciitis in my right heel. It took a year but it went away with calf raises.")
    assert [e._.historical for e in doc.ents if e.text == "calf raises"] == [False]


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        # a list item that states its own end needs no time anchor
        ("Other things:\n- a sore left knee from kneeling to tile the floor, which has settled now\n", ["knee", "kneeling"]),
        ("Other things:\n- a right heel that hurt for a few months and went away after the birth\n", ["heel"]),
        # a bare year in a record line is an anchor when the line says the episode is over
        ("- Had L knee MCL sprain 2016 (slipped on ice), fully recovered.", ["MCL", "sprain"]),
        # a list item told wholly in a distant past, with nothing of the present in it
        ("Other things:\n- Gout in 2019, right big toe, one attack only.\n", ["big toe"]),
    ],
)
def test_a_list_item_or_record_line_that_states_its_end_is_historical(rules_tagger, text, targets):
    result = rules_tagger.tag(text)
    for target in targets:
        assert ent(result, target).historical, target


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # a hedged or denied resolution is no end
        ("Other things:\n- my left hip, which has almost settled since the new shoes\n", "hip"),
        ("Other things:\n- a sore left knee since Easter that hasn't settled\n", "knee"),
        # an item without a resolution is current
        ("Other things:\n- a stiff right ankle in the mornings\n", "ankle"),
        ("Other things:\n- My back: I've got a touch of arthritis that the GP found on an X-ray years ago.\n", "arthritis"),
        ("Other things:\n- Right foot: started in 2019, worse on stairs since.\n", "foot"),
        # the anchor's own clause only: what comes before a "|" in a record line is not the episode
        ("No groin pain, no LBP currently | PMH: L4/5 disc prolapse 2009 - fully resolved.", "groin"),
        # "no knee sx since" speaks of the time up to now
        ("Hx R knee pain 2021 attributed to overpronation, fully resolved with orthotics, no knee sx since.", "sx"),
    ],
)
def test_a_hedged_denied_or_distant_resolution_does_not_make_history(rules_tagger, text, target):
    assert not ent(rules_tagger.tag(text), target).historical


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("S: 68M retired electrician, R knee pain x3/12.", "electrician"),
        ("Ex-dancer turned runner, knees hurting.", "dancer"),
        ("I signed up for five classes a week, when before I did one gentle class and some walking.", "walking"),
        ("Last March I joined a hiking group: I'd been a bookkeeper and did very little exercise.", "bookkeeper"),
        ("Wk 7 of training (daily drill, was doing 2 runs/wk before).", "runs"),
    ],
)
def test_an_occupation_or_activity_given_up_is_historical(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).historical


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("I'm retired and spend most mornings standing at the workbench.", "standing"),
        ("Ex-dancer turned runner, knees hurting.", "runner"),
        ("Before I start the exercises, should I keep walking?", "walking"),
    ],
)
def test_the_activity_done_now_is_not_historical(rules_tagger, text, target):
    assert not ent(rules_tagger.tag(text), target).historical


@pytest.mark.parametrize("text", ["The heel's about healed now.", "The heel has not healed yet.", "The heel is nearly healed."])
def test_a_hedged_healing_is_not_history(rules_tagger, text):
    assert not ent(rules_tagger.tag(text), "heel").historical

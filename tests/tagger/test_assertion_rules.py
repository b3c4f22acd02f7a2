"""Rules added in the second rules session: assertions (ConText), spans and sides.

Every sentence here is written for the test; none comes from the corpus or the seeds.
"""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import ent


def texts(result, label=None):
    return [e.text for e in result.entities if label is None or e.label == label]


# -- other_subject -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Pt's wife has PF, pt himself has no heel pain.", "PF"),
        ("FHx: father had sciatica.", "sciatica"),
        ("Mum's flat feet gave her bunions years ago.", "flat feet"),
        ("Rolled my ankle on someone's foot at five-a-side.", "foot"),
        ("Bad knees run in the family, apparently.", "knees"),
        ("My brother had the same thing and ended up with a really bad hip in his fifties.", "hip"),
    ],
)
def test_someone_elses_body(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).other_subject


def test_the_subjects_own_body_after_a_relative(rules_tagger):
    r = rules_tagger.tag("Pt's wife has PF. R knee pain x2/52.")
    assert not ent(r, "knee").other_subject
    assert not ent(r, "pain").other_subject


# -- hypothetical ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("If you're a runner, knee pain is something you get used to.", "runner"),
        ("I'm supposed to run a half in May.", "run"),
        ("Could it be the TFL?", "TFL"),
        ("I was thinking quadratus lumborum.", "quadratus lumborum"),
        ("Achy shins since new shoes. ?MTSS.", "MTSS"),
        ("Referred as '?L shin splints' by GP.", "shin splints"),
        ("Pt thinks the new work boots caused it.", "work boots"),
        ("Pretty sure it's plantar fasciitis from what I read online.", "plantar fasciitis"),
        ("Has anyone had hip pain settle with insoles?", "insoles"),  # session 10b: the readers' hip is theirs, not a guess (10tr a, 9, 7a)
        ("Calf tightness since adding hills, 10k prep.", "10k"),
        ("P: TFL release, glute med prog (R only), hill volume ↓ 50%, heel raises.", "heel raises"),
    ],
)
def test_uncertain_planned_or_generic(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).hypothetical


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Four weeks in and the heel is maybe 70% better.", "heel"),
        ("Sitting is a likely contributor to the hip tightness.", "Sitting"),
        ("Hip aches at night if I lie on it.", "lie"),
        ("The ache in my shin is worse if I stand for long.", "stand"),
    ],
)
def test_hedges_about_numbers_roles_and_habits_are_not_hypothetical(rules_tagger, text, target):
    assert not ent(rules_tagger.tag(text), target).hypothetical


def test_an_attached_query_does_not_end_the_sentence(rules_tagger):
    r = rules_tagger.tag("Swollen knee after a twist. ?MCL sprain, TTP joint line.")
    assert ent(r, "sprain").hypothetical
    assert not ent(r, "Swollen").hypothetical


# -- historical ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("hx of L ankle sprain 2019", "sprain"),
        ("Retired from nursing two years ago.", "nursing"),
        ("Until this summer I walked the dog every morning.", "walked"),
        ("Had a PF flare in the left foot back in 2018, settled fully.", "PF"),
        ("Pointe shoes are long behind me.", "Pointe shoes"),
    ],
)
def test_past_and_not_current(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).historical


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Knee is fine in my old trainers, sore in the new ones.", "trainers"),
        ("Back in the stability shoes and the arch is calmer.", "stability shoes"),
        ("Flat feet since childhood, hip only sore this year.", "Flat feet"),
    ],
)
def test_current_things_with_past_words_are_not_historical(rules_tagger, text, target):
    assert not ent(rules_tagger.tag(text), target).historical


# -- spans --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "span", "label"),
    [
        ("L lateral ankle sprain", "lateral ankle", "BODY_REGION"),
        ("Aching along the outside of my foot.", "outside of my foot", "BODY_REGION"),
        ("Dorsal midfoot pain L.", "Dorsal midfoot", "BODY_REGION"),
        ("Pain at the front of both knees.", "knees", "BODY_REGION"),
        ("SL squat R: valgus.", "SL squat", "ACTIVITY"),
        ("Three weeks of banded walks and side planks.", "banded walks", "ACTIVITY"),
        ("Daily couch stretches after work.", "couch stretches", "ACTIVITY"),
        ("Works as a nurse, 12h shifts.", "nurse", "ACTIVITY"),
        ("Better in my walking shoes.", "walking shoes", "FOOTWEAR"),
        ("Her knees keep caving in on landing.", "caving in", "CONDITION"),
        ("TTP lateral femoral condyle.", "lateral femoral condyle", "STRUCTURE"),
    ],
)
def test_spans(rules_tagger, text, span, label):
    assert span in texts(rules_tagger.tag(text), label)


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("Feet went up half a size after pregnancy.", "half"),
        ("A sports massage guy said my TFL was tight.", "massage"),
        ("Got a gait analysis at a running shop.", "running"),
        ("Overpronation driving the knee into valgus.", "driving"),
        ("Symptoms started after the move.", "Symptoms"),
    ],
)
def test_not_an_activity_or_symptom(rules_tagger, text, wrong):
    assert wrong not in texts(rules_tagger.tag(text))


def test_prolonged_is_not_part_of_the_activity(rules_tagger):
    assert "sitting" in texts(rules_tagger.tag("Aggravated by prolonged sitting."), "ACTIVITY")


# -- sides --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "target", "side"),
    [
        ("Piriformis TTP R, reproduces buttock pain.", "Piriformis", "right"),
        ("Shin pain L, lower third.", "Shin", "left"),
        ("Heel pain on the left, worst in the mornings.", "Heel", "left"),
        ("R medial arch + inner ankle pain x8/52.", "inner ankle", "right"),
        ("Lower back, more on the right.", "Lower back", "right"),
    ],
)
def test_sides_written_after_the_site(rules_tagger, text, target, side):
    assert ent(rules_tagger.tag(text), target).laterality == side


# -- session 3: hearsay, generic claims, short questions, plan sections -----------------------
@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Pt read online that 'arches cause hip problems' - gait normal.", "hip"),
        ("Everyone says flat feet are bad for runners, but mine are fine.", "flat feet"),
        ("I've been reading about how weak glutes can wreck your knees.", "knees"),
        ("My neighbour reckons hips cause ankle trouble.", "ankle"),
        ("The GP said it sounds like bursitis from all the kneeling.", "bursitis"),
        ("Shin splints?", "Shin splints"),
        ("Tight calf or Achilles?? It started last week.", "Achilles"),
        ("Can I still do next Sunday's 10k?", "10k"),
        ("Worn in spikes for racing only from now on.", "spikes"),
    ],
)
def test_hearsay_generic_and_guessed_things_are_hypothetical(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).hypothetical


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Why does my knee hurt?", "knee"),
        ("Where is your pain? Right heel.", "pain"),
        ("Insoles have stopped my right knee caving in.", "knee"),
    ],
)
def test_the_subjects_own_complaint_in_a_question_stays_asserted(rules_tagger, text, target):
    r = rules_tagger.tag(text)
    assert not ent(r, target).hypothetical
    assert not ent(r, target).historical


def test_a_plan_header_on_its_own_line_covers_the_whole_next_line(rules_tagger):
    r = rules_tagger.tag("A: L glute med weakness.\nPlan:\nReassured; avoid hill sessions. Daily walking 20 min, calf raises.\n")
    assert ent(r, "walking").hypothetical
    assert ent(r, "calf raises").hypothetical
    assert not ent(r, "glute med").hypothetical


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("My brother has high arches and his physio told him that's why his shins ache when he runs.", "shins"),
        ("My brother has high arches and his physio told him that's why his shins ache when he runs.", "runs"),
        ("Her own mum's flat feet, fine. Parent's own history: I had shin splints as a teen.", "shin splints"),
        ("Her mum here. I've had sciatica myself so I worry.", "sciatica"),
        ("Hockey coach here, writing about one of my U14s.", "Hockey coach"),
        ("Pt read online that 'feet cause knee problems'.", "knee"),
    ],
)
def test_other_peoples_bodies_jobs_and_hearsay(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).other_subject


def test_a_relatives_clause_ends_at_the_writers_own_words(rules_tagger):
    r = rules_tagger.tag("My brother has high arches and sore shins, but my knee is the problem.")
    assert ent(r, "shins").other_subject
    assert not ent(r, "knee").other_subject


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Sprained the L ankle 3 yrs ago, fully recovered.", "ankle"),
        ("The physio at the time gave me some stretches.", "stretches"),
        ("Shin splints in my first season cleared up with rest.", "Shin splints"),
    ],
)
def test_past_episodes_are_historical(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).historical


@pytest.mark.parametrize(
    ("text", "target", "attribute"),
    [
        ("Previous injuries: L hamstring tear 2018 (football), fully recovered. Occupation: chef", "football", "historical"),
        ("The piriformis stretch (glute med I think) helps.", "glute med", "hypothetical"),
        ("My theory is that the QL is tight, hiking the pelvis up, so the foot rolls in.", "rolls in", "hypothetical"),
        ("I was ready to buy orthotics until the physio checked my back.", "orthotics", "hypothetical"),
    ],
)
def test_history_headers_trailing_hedges_theories_and_purchases(rules_tagger, text, target, attribute):
    assert getattr(ent(rules_tagger.tag(text), target), attribute)


def test_a_history_header_stops_at_the_next_form_field(rules_tagger):
    r = rules_tagger.tag("Previous injuries: L ankle sprain 2015. Occupation: chef, standing all day.")
    assert ent(r, "sprain").historical
    assert not ent(r, "standing").historical


def test_a_trailing_i_think_does_not_hedge_the_negated_findings_after_it(rules_tagger):
    r = rules_tagger.tag("What I've ruled out (I think): no numbness or tingling.")
    assert not ent(r, "numbness").hypothetical


def test_a_generic_plural_cause_is_hypothetical_but_my_own_is_not(rules_tagger):
    assert ent(rules_tagger.tag("Her coach says arches cause shin problems."), "arches").hypothetical
    assert not ent(rules_tagger.tag("My arches cause me no trouble."), "arches").hypothetical

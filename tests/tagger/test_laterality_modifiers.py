"""Sides, relieving/aggravating links and doses."""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import ent


@pytest.mark.parametrize(
    ("text", "target", "side"),
    [
        ("R forefoot pain", "forefoot", "right"),
        ("Pain on my right lateral trunk.", "lateral trunk", "right"),
        ("Both knees ache.", "knees", "bilateral"),
        ("b/l heel pain in the mornings", "heel", "bilateral"),
        ("The hip on the left side is sore.", "hip", "left"),
        ("L ITB tight.", "ITB", "left"),
        ("Right hip and knee are sore.", "knee", "right"),
        ("knee (L) swollen", "knee", "left"),
        ("Sore knees, L>R.", "knees", "bilateral"),
    ],
)
def test_laterality_from_the_phrase(rules_tagger, text, target, side):
    assert ent(rules_tagger.tag(text), target).laterality == side


def test_a_side_does_not_leak_across_a_finding(rules_tagger):
    r = rules_tagger.tag("Right foot pain and knee pain.")
    assert ent(r, "foot").laterality == "right"
    assert ent(r, "knee").laterality is None


def test_a_symptom_takes_the_site_and_side_it_describes(rules_tagger):
    r = rules_tagger.tag("Sharp pain in my left heel.")
    pain = ent(r, "Sharp pain")
    assert pain.region == "foot" and pain.laterality == "left"


@pytest.mark.parametrize(
    ("text", "target", "modifier"),
    [
        ("It goes away when I'm barefoot.", "barefoot", "relieving"),
        ("Feels better with a quad stretch.", "quad stretch", "relieving"),
        ("Worse in sneakers.", "sneakers", "aggravating"),
        ("My knee hurts when I take stairs.", "stairs", "aggravating"),
        ("Sitting makes it worse.", "Sitting", "aggravating"),
        ("No pain when barefoot.", "barefoot", "relieving"),
    ],
)
def test_relieving_and_aggravating_links(rules_tagger, text, target, modifier):
    e = ent(rules_tagger.tag(text), target)
    assert e.modifier == modifier
    assert any(t.attribute == "modifier" for t in e.triggers)


@pytest.mark.parametrize(
    ("text", "kind", "dose"),
    [
        ("I run about 30 km per week on the road.", "distance", "30 km per week"),
        ("Treadmill at 6 mph for 45 min.", "speed", "6 mph"),
        ("Treadmill at 6 mph for 45 min.", "duration", "45 min"),
        ("Cycling 3x/week since June.", "frequency", "3x/week"),
        ("Walking on a 10% incline.", "incline", "10% incline"),
    ],
)
def test_activity_doses(rules_tagger, text, kind, dose):
    r = rules_tagger.tag(text)
    activity = next(e for e in r.entities if e.label == "ACTIVITY")
    assert (kind, dose) in {(d.kind, d.text) for d in activity.dose}


@pytest.mark.parametrize(
    ("text", "kind", "span"),
    [("R knee pain x3/52", "duration", "x3/52"), ("Heel pain since March.", "onset", "since March"),
     ("It started 2 weeks ago.", "onset", "2 weeks ago"), ("Aching for the past 24 hrs.", "duration", "for the past 24 hrs")],
)
def test_time_expressions(rules_tagger, text, kind, span):
    assert (kind, span) in {(t.kind, t.text) for t in rules_tagger.tag(text).time_expressions}


@pytest.mark.parametrize(
    ("text", "label", "concept"),
    [("planter fasciitis again", "CONDITION", "plantar_fasciitis"), ("PF L heel", "CONDITION", "plantar_fasciitis"),
     ("ball of my foot", "BODY_REGION", "forefoot"), ("outside of my hip", "BODY_REGION", "hip"),
     ("new trainers", "FOOTWEAR", "sneakers"), ("flip flops", "FOOTWEAR", "sandals"), ("glute med weak", "STRUCTURE", "gluteus_medius"),
     ("ITBS", "CONDITION", "itbs"), ("PFPS", "CONDITION", "pfps"), ("LBP", "SYMPTOM", "lbp"), ("SIJ", "STRUCTURE", "sacroiliac_joint"),
     ("tight QL", "STRUCTURE", "quadratus_lumborum"), ("orthotics", "FOOTWEAR", "orthotics"), ("limping", "SYMPTOM", "limping")],
)
def test_vocabulary_covers_lay_clinical_and_abbreviated_forms(rules_tagger, text, label, concept):
    r = rules_tagger.tag(text)
    assert (label, concept) in {(e.label, e.concept) for e in r.entities}


def test_regions_roll_up_the_hierarchy_and_carry_verified_codes(rules_tagger):
    r = rules_tagger.tag("Pain in the ball of my foot, tight TFL, peroneals sore, plantar fasciitis.")
    assert ent(r, "ball of my foot").region == "foot"
    assert ent(r, "TFL").region == "hip"
    assert ent(r, "peroneals").region == "lower_leg"
    assert ent(r, "plantar fasciitis").codes == {"snomed": "202882003"}


def test_comes_back_is_not_a_back(rules_tagger):
    r = rules_tagger.tag("The pain comes back every evening.")
    assert not any(e.label == "BODY_REGION" for e in r.entities)


# -- session 3: form answers and "after" that follows a relieving word ---------------------------
@pytest.mark.parametrize(
    ("text", "target", "value"),
    [
        ("What makes it worse? Hills, long drives and standing at the sink.\nWhat makes it better? Cycling.", "standing", "aggravating"),
        ("What makes it worse? Hills, long drives and standing at the sink.\nWhat makes it better? Cycling.", "Cycling", "relieving"),
        ("Anything help? Soft slippers around the house.", "Soft slippers", "relieving"),  # a build word names the type (session 8)
        ("Worse: kneeling, gardening\nBetter: swimming", "swimming", "relieving"),
    ],
)
def test_form_answers_take_the_questions_modifier(rules_tagger, text, target, value):
    assert next(e for e in rules_tagger.tag(text).entities if e.text == target).modifier == value


@pytest.mark.parametrize(
    "text",
    [
        "The heel settles for an hour after she does her calf stretches.",
        "Knee pain ↓ after the hamstring stretches.",
    ],
)
def test_after_takes_the_value_of_a_relieving_word_just_before_it(rules_tagger, text):
    stretches = next(e for e in rules_tagger.tag(text).entities if "stretches" in e.text)
    assert stretches.modifier == "relieving"


def test_bare_after_still_aggravates(rules_tagger):
    r = rules_tagger.tag("My knee aches after long runs.")
    assert next(e for e in r.entities if "runs" in e.text).modifier == "aggravating"


def test_made_alone_is_not_a_modifier_but_made_it_better_is(rules_tagger):
    r = rules_tagger.tag("The podiatrist made me orthotics in May.")
    assert next(e for e in r.entities if e.text == "orthotics").modifier is None
    r = rules_tagger.tag("Cycling made it better.")
    assert next(e for e in r.entities if e.text == "Cycling").modifier == "relieving"


def test_someone_elses_activity_does_not_modify_the_subjects_complaint(rules_tagger):
    r = rules_tagger.tag("My brother has flat feet and his shins hurt when he runs. My knee is sore on stairs.")
    assert next(e for e in r.entities if e.text == "runs").modifier is None
    assert next(e for e in r.entities if e.text == "stairs").modifier == "aggravating"


@pytest.mark.parametrize(
    ("text", "target", "modifier"),
    [
        ("Walking is fine, sitting makes it worse.", "Walking", None),
        ("Walking is fine, sitting makes it worse.", "sitting", "aggravating"),
        ("It's fine walking, fine on the bike, just sore on long runs.", "walking", None),
        ("The heel hurts in new boots but she's fine in her old trainers.", "trainers", "relieving"),
        ("No pain when she walks.", "walks", None),
        ("My hips are tight from sitting all day.", "sitting", None),
        ("I bought barefoot shoes because a colleague said they were healthy.", "barefoot shoes", None),
        ("My foot tingles whenever I sit for long.", "sit", "aggravating"),
        ("Imp: ITBS R. Plan: physio, easy bike only, ↓ volume 2/52.", "bike", None),
        ("Knee pain ↓ with cycling.", "cycling", "relieving"),
    ],
)
def test_fine_and_causes_are_not_modifiers_of_an_activity(rules_tagger, text, target, modifier):
    """An activity that does not provoke the complaint ("walking is fine") is not relieving, and a
    cause ("tight from sitting") is not a modifier: the gold reads them so (train+dev, session 7)."""
    assert ent(rules_tagger.tag(text), target).modifier == modifier


@pytest.mark.parametrize(
    ("text", "target", "modifier"),
    [
        ("The heel pain started about 6 weeks after I upped my running to 45 km a week.", "running", None),
        ("I took up netball again after 12 years off.", "netball", None),
        ("My knee aches after running.", "running", "aggravating"),
        ("My hips feel glued after a day at the desk.", "desk", "aggravating"),
        ("The outside of my knee burns after about an hour on the bike.", "bike", "aggravating"),
    ],
)
def test_an_after_that_dates_the_complaint_is_not_a_trigger(rules_tagger, text, target, modifier):
    assert ent(rules_tagger.tag(text), target).modifier == modifier


# -- session 7: words in another sense (disambiguation.jsonl) --------------------------------------
@pytest.mark.parametrize(
    ("text", "label", "word", "kept"),
    [
        ("I had plantar fasciitis back in 2019.", "BODY_REGION", "back", False),
        ("The ache is back.", "BODY_REGION", "back", False),
        ("Back in the autumn I got a sudden twinge.", "BODY_REGION", "back", False),
        ("I went back to the old ones for three weeks.", "BODY_REGION", "back", False),
        ("Load management: back down to 40 km.", "BODY_REGION", "back", False),
        ("She showed me an exercise to bring it back.", "BODY_REGION", "back", False),
        ("My back in the mornings is stiff.", "BODY_REGION", "back", True),
        ("Is back pain from the ankle?", "BODY_REGION", "back", True),
        ("She hurt her back.", "BODY_REGION", "back", True),
        ("No back pain.", "BODY_REGION", "back", True),
        ("Back: slightly stiff.", "BODY_REGION", "back", True),
        ("Her mum bought court shoes with a built-in arch.", "BODY_REGION", "arch", False),
        ("My old walking shoes with the thick soles help.", "BODY_REGION", "soles", False),
        ("Concert shoes with a small heel for performances.", "BODY_REGION", "heel", False),
        ("Pain in my arch and heel.", "BODY_REGION", "arch", True),
        ("Burning in the soles of my feet.", "BODY_REGION", "soles of my feet", True),  # one region (session 14b)
        ("I am writing to hand over the care of Mrs F.", "BODY_REGION", "hand", False),
        ("My hand hurts.", "BODY_REGION", "hand", True),
        ("Ankle jerk R diminished.", "BODY_REGION", "ankle", False),
        ("L ankle sore.", "BODY_REGION", "ankle", True),
        ("Pain on the run leg only.", "BODY_REGION", "leg", False),
        ("My left leg aches.", "BODY_REGION", "leg", True),
        ("New football boots laced tight.", "SYMPTOM", "tight", False),
        ("I have been in the stiff surgical shoe.", "SYMPTOM", "stiff", False),
        ("An anti-fatigue mat at the tills.", "SYMPTOM", "fatigue", False),
        ("My calves feel tight and stiff.", "SYMPTOM", "tight", True),
        ("Fatigue in my legs.", "SYMPTOM", "fatigue", True),
        ("R knee IR in stance, R foot overpronates.", "CONDITION", "ir", True),
        ("L knee falls into IR/valgus on SLS.", "CONDITION", "ir", True),
        ("O: L hip IR 15° vs R 35°.", "CONDITION", "ir", False),
        ("Hip ROM: flexion full, IR ↓ R.", "CONDITION", "ir", False),
        ("SLR L 60° + with IR, slump +.", "CONDITION", "ir", False),
        ("Post STM + hip IR mobs: squat pain 5/10 to 1/10.", "CONDITION", "ir", False),
        ("The muscles are weak, so the knee turn inside.", "CONDITION", "turn inside", True),
        ("My left pelvis go down because the muscles are weak.", "CONDITION", "go down", True),
        ("The pain goes down my leg.", "CONDITION", "goes down", False),
    ],
)
def test_a_word_in_another_sense_is_not_an_entity(rules_tagger, text, label, word, kept):
    """'back in 2019', a shoe's arch, 'hand over', a reflex test, 'laced tight' are not the body or a
    symptom; "IR" in a gait finding is the rotation, in a range of motion it is not."""
    found = any(e.label == label and e.text.lower() == word for e in rules_tagger.tag(text).entities)
    assert found == kept


@pytest.mark.parametrize(
    ("text", "target", "modifier"),
    [
        ("Got custom orthotics in May for the arches and within about 6 weeks the knee ache had pretty much gone.", "custom orthotics", "relieving"),
        ("If I forget them and wear my old flats it creeps back by the evening.", "flats", "aggravating"),
        ("I tried new trainers. It made no difference to the knee.", "trainers", None),
        ("Same shoes, same job. The knee is much better this week.", "shoes", None),
        ("Her insoles were lost in the house move and the knee pain came back.", "insoles", "relieving"),
        ("I run in Brooks. My knee hurts on hills.", "Brooks", None),
    ],
)
def test_footwear_takes_the_outcome_that_follows_it(rules_tagger, text, target, modifier):
    """Footwear whose own clause says nothing takes the first outcome after it, to the end of the
    next sentence; nothing changed ("same shoes") or no outcome word leaves it without one."""
    assert ent(rules_tagger.tag(text), target).modifier == modifier


@pytest.mark.parametrize(
    ("text", "target", "modifier"),
    [
        ("She gave me clams and side planks. It's definitely calmer on the long days.", "side planks", "relieving"),
        ("She gave me clams and side planks. It's definitely calmer on the long days.", "clams", "relieving"),
        ("After a week of her hip flexor stretches the knee was much better.", "hip flexor stretches", "relieving"),
        ("SL squat R: knee drifts medially; with orthosis valgus reduced.", "SL squat", None),
        ("She had me stretch the left side and the knee is a lot better.", "stretch", "relieving"),
    ],
)
def test_an_exercise_that_was_done_takes_the_outcome_that_follows_it(rules_tagger, text, target, modifier):
    """An exercise given or done takes the first outcome after it, as footwear does; one named as a
    test takes none."""
    assert ent(rules_tagger.tag(text), target).modifier == modifier

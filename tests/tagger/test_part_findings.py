"""CONDITION and STRUCTURE as outside annotators read them (session 8): a finding noun right
after the part it is about, alignment verbs with an object or a complement, and structure
phrases (an attachment word, "lat"/"med" positions, "muscles of the <region>"). Each with
sentences where the same words are not a finding or not part of the structure. Sentences
written for these tests."""

from __future__ import annotations

import pickle

import pytest

from tests.tagger.entity_lookup import spans


@pytest.mark.parametrize("text, finding", [
    ("A: R tib post overload, hip-driven.", "overload"),
    ("Imp: ?ant compartment overload vs boot pressure.", "overload"),
    ("A: L ITBS secondary to L hip restriction.", "restriction"),
    ("Driven by hip flexor restriction and TFL overactivity.", "restriction"),
    ("Driven by hip flexor restriction and TFL overactivity.", "overactivity"),
    ("Weak abductors with glute inhibition on the R.", "inhibition"),
])
def test_a_finding_noun_right_after_its_part_is_a_condition(nlp, text, finding):
    assert finding in spans(nlp, text, "CONDITION")


@pytest.mark.parametrize("text", [
    "No restrictions at work, she can lift as normal.",
    "Training overload suspected, so we cut the volume.",
    "Avoid overload for two weeks.",
    "PMHx: overactive thyroid.",
])
def test_the_same_nouns_without_a_part_before_them_are_not_conditions(nlp, text):
    assert spans(nlp, text, "CONDITION") == []


@pytest.mark.parametrize("text, finding", [
    ("Both feet roll in and the knees seem to follow them inwards.", "follow them inwards"),
    ("My left foot overpronates and my left knee follows it inwards.", "follows it inwards"),
    ("The podiatrist says the whole leg spins inward when he lands.", "spins inward"),
    ("On the step-down the L knee winds inwards.", "winds inwards"),
    ("When I stood on the left the knee wobbled inward.", "wobbled inward"),
])
def test_an_inward_movement_with_its_object_after_the_part_is_one_condition(nlp, text, finding):
    assert finding in spans(nlp, text, "CONDITION")


@pytest.mark.parametrize("text", [
    "I follow it in the diary every evening.",
    "We wind in the line after the race.",
    "The kids swing in the park after school.",
])
def test_the_same_verbs_without_a_part_are_not_conditions(nlp, text):
    assert spans(nlp, text, "CONDITION") == []


@pytest.mark.parametrize("text, finding", [
    ("On the video you can see my feet squash flat in the sand.", "squash flat"),
    ("My right knee is turned in and the foot is rolled flat.", "rolled flat"),
    ("In slow motion my right arch was squashing flat at every step.", "squashing flat"),
])
def test_a_foot_flattening_verb_keeps_its_flat(nlp, text, finding):
    assert finding in spans(nlp, text, "CONDITION")


@pytest.mark.parametrize("text", [
    "Lie on your back and press flat into the floor.",
    "The dough is rolled flat before baking.",
])
def test_a_flattening_verb_without_a_foot_is_not_a_condition(nlp, text):
    assert spans(nlp, text, "CONDITION") == []


@pytest.mark.parametrize("text, finding", [
    ("I stand bent at the hips with my bum stuck out.", "stuck out"),
    ("In the photo her bottom stuck out like a duck.", "stuck out"),
    ("It has ached since about when my arches started going.", "going"),
    ("The knee started the same month the arch went.", "went"),
])
def test_a_pelvis_or_arch_written_as_a_verb_is_a_condition(nlp, text, finding):
    assert finding in spans(nlp, text, "CONDITION")


@pytest.mark.parametrize("text", [
    "We stuck out the rain under a tree.",
    "The arch pain has gone since the insoles.",
    "My arch went numb on the long drive.",
    "I was going to book a run.",
])
def test_the_same_verbs_elsewhere_are_not_conditions(nlp, text):
    assert [c for c in spans(nlp, text, "CONDITION") if c.lower() in {"stuck out", "gone", "went", "going"}] == []


@pytest.mark.parametrize("text, structure", [
    ("O: R Achilles insertion TTP, Haglund's.", "Achilles insertion"),
    ("TTP L glute med insertion and greater trochanter.", "glute med insertion"),
    ("Hamstring origin not tender.", "Hamstring origin"),
    ("S: 42M, R insertional Achilles pain x10/52.", "insertional Achilles"),
    ("O/E: TTP lat femoral condyle, Noble's + R.", "lat femoral condyle"),
    ("?med meniscus. MRI if no better.", "med meniscus"),
    ("The therapist said my buttock muscle is weak.", "buttock muscle"),
    ("She said the muscles of the buttock are weak.", "muscles of the buttock"),
])
def test_structure_phrases_keep_their_attachment_position_and_region_words(nlp, text, structure):
    assert structure in spans(nlp, text, "STRUCTURE")


def test_insertional_joins_a_named_diagnosis_too(nlp):
    assert spans(nlp, "A: insertional Achilles tendinopathy R.", "CONDITION") == ["insertional Achilles tendinopathy"]


def test_an_attachment_word_inside_another_entity_does_not_join(nlp):
    # 'insertion' is not taken when a longer pattern already holds it
    assert "lat" not in spans(nlp, "TTP lat femoral condyle.", "STRUCTURE")


def test_span_extensions_survive_pickle_and_disk(nlp, tmp_path):
    from tagger.pipeline import load_pipeline
    again = pickle.loads(pickle.dumps(nlp))
    assert "Achilles insertion" in spans(again, "R Achilles insertion TTP.", "STRUCTURE")
    nlp.to_disk(tmp_path / "p")
    loaded = load_pipeline(tmp_path / "p")
    assert "insertional Achilles" in spans(loaded, "R insertional Achilles pain.", "STRUCTURE")


@pytest.mark.parametrize("text, structure", [
    ("O: focal bony TTP R 3rd MT shaft, hop test painful.", "3rd MT shaft"),
    ("A: L bunionette with bursitis over 5th MT head.", "5th MT head"),
    ("Pain over the 5th metatarsal base since the ankle went.", "5th metatarsal base"),
    ("TTP between 3rd/4th MT heads, burning into the toes.", "3rd/4th MT heads"),
])
def test_a_bone_landmark_after_a_structure_joins_it(nlp, text, structure):
    assert structure in spans(nlp, text, "STRUCTURE")


@pytest.mark.parametrize("text", [
    "Tight hamstrings; head and neck clear.",
    "She rubbed her knee, head down, and kept going.",
])
def test_a_landmark_word_away_from_a_structure_stays_out(nlp, text):
    assert not any(s.lower().endswith(("head", "neck")) for s in spans(nlp, text, "STRUCTURE"))


@pytest.mark.parametrize("text, event", [
    ("S: 35F, rolled L ankle stepping off a kerb Sat.", "rolled"),
    ("I twisted my right knee at five-a-side.", "twisted"),
    ("Coach says Sam went over on his R ankle in the tackle.", "went over"),
    ("My hip started after I slipped on the icy path.", "slipped"),
    ("He fell off his bike on the gravel.", "fell"),
    ("Sore since I came off my bike last month.", "came off"),
    ("She tripped over a kerb on the school run.", "tripped"),
])
def test_an_injury_event_written_as_a_verb_is_a_condition(nlp, text, event):
    assert event in spans(nlp, text, "CONDITION")


@pytest.mark.parametrize("text", [
    "I rolled my foot on a frozen bottle every night.",
    "We went over the plan for next week.",
    "I fell asleep on the sofa.",
    "The pain fell to 2/10 by Friday.",
    "I slipped on my old trainers and went out.",
    "She turned 40 and her knee started aching.",
    "Ankle pain came off the back of a long walk.",
])
def test_the_same_verbs_without_an_injury_are_not_conditions(nlp, text):
    found = {c.lower() for c in spans(nlp, text, "CONDITION")}
    assert not found & {"rolled", "went over", "fell", "slipped", "turned", "came off"}


@pytest.mark.parametrize("text, finding", [
    ("The stooping tips my pelvis forward.", "tips"),
    ("My physio said I'm hitching that hip when I walk.", "hitching"),
    ("Tight hip flexors are tilting my pelvis forward.", "tilting"),
])
def test_an_alignment_verb_before_the_pelvis_or_hip_is_a_condition(nlp, text, finding):
    assert finding in spans(nlp, text, "CONDITION")


@pytest.mark.parametrize("text", [
    "Any tips? My hip hurts after long runs.",
    "Lie down and keep tilting your pelvis back, hold 10 s.",
    "She has a big forward tilt of the pelvis.",
])
def test_a_tilt_word_that_is_no_finding_verb_stays_out(nlp, text):
    assert not {c.lower() for c in spans(nlp, text, "CONDITION")} & {"tips", "tilting", "tilt"}

"""Long notes with several complaints: each complaint keeps its weight (no dilution)."""

from __future__ import annotations

import pytest

from tagger.classifier.model import build_model

COMPLAINT = "My flat feet roll in when I run and now my right knee aches on the stairs."
OTHER_COMPLAINTS = [
    "Separately, my neck has been stiff since I moved desks at work.",
    "My left shoulder clicks when I reach up to the top shelf.",
    "I also get the odd headache in the afternoons, probably screens.",
    "My wrist is sore from typing all day.",
    "Sleep has been poor for a month because of the new baby.",
]


@pytest.fixture(scope="module")
def complaint_and_long_note(rules_tagger):
    short = rules_tagger.tag(COMPLAINT)
    long = rules_tagger.tag(" ".join([OTHER_COMPLAINTS[0], COMPLAINT, *OTHER_COMPLAINTS[1:]]))
    return short, long


def test_a_complaint_keeps_its_entity_feature_values_in_a_long_multi_complaint_note(complaint_and_long_note):
    """The entity block is not normalised per case: a feature of the knee complaint has the
    same value whether the note holds that complaint alone or five others besides."""
    short, long = complaint_and_long_note
    block = build_model().named_steps["features"].transformer_list[0][1]
    block.fit([short, long])
    X = block.transform([short, long]).toarray()
    present = X[0] > 0
    assert present.sum() >= 5
    assert (X[1][present] == X[0][present]).all()
    assert X[1].sum() > X[0].sum()  # the other complaints add features of their own


def _long_note_probabilities(shipped_tagger, complaint_and_long_note):
    if not shipped_tagger.labels:
        pytest.skip("the shipped model (models/default) is not there yet")
    short, long = complaint_and_long_note
    model = shipped_tagger.classifier
    labels = list(model.labels_)
    return model, labels, labels.index("foot_to_knee"), model.predict_proba([short, long])


def test_a_long_multi_complaint_note_keeps_the_complaints_chain_on_top(shipped_tagger, complaint_and_long_note):
    """Five unrelated complaints around a foot -> knee complaint: foot_to_knee stays the most
    probable chain."""
    from tagger.classifier.taxonomy import CHAIN_LABELS

    model, labels, j, proba = _long_note_probabilities(shipped_tagger, complaint_and_long_note)
    assert proba[0, j] >= model.thresholds_[j], "the complaint alone should pass foot_to_knee"
    chains = [k for k, lab in enumerate(labels) if lab in CHAIN_LABELS]
    assert max(chains, key=lambda k: proba[1, k]) == j


@pytest.mark.xfail(reason="known limitation (README): the word block is L2-normalised per case, so five other "
                          "complaints dilute the chain's words; foot_to_knee falls from 0.98 to about 0.05 (0.5 before the character block, a second L2-normalised bag)", strict=False)
def test_a_long_multi_complaint_note_still_passes_the_complaints_chain(shipped_tagger, complaint_and_long_note):
    model, _, j, proba = _long_note_probabilities(shipped_tagger, complaint_and_long_note)
    assert proba[1, j] >= model.thresholds_[j]


def test_seed_email_gets_the_clinicians_hip_to_foot_hypothesis_and_no_wrong_chain(shipped_tagger, seed_email):
    """The clinician's reading of seed 000: foot pain eased by stretching at the trunk and
    hip (hip_to_foot), worse in sneakers and better barefoot (footwear). Under one
    L2-normalised bag this long email only passed hip_to_foot."""
    if not shipped_tagger.labels:
        pytest.skip("the shipped model (models/default) is not there yet")
    passing = {h.label for h in shipped_tagger.tag(seed_email).hypotheses if h.passes}
    assert "hip_to_foot" in passing
    assert not passing & {"foot_to_knee", "foot_to_back", "hip_to_knee", "local"}


def test_seed_email_passes_the_footwear_hypothesis(shipped_tagger, seed_email):
    """Read as one bag of 2,100 words the footwear evidence stays under its threshold (0.19
    against 0.46 in session 7); a factor is read on the note's strongest part too
    (``tagger.long_notes``), and the evidence points into the email."""
    if not shipped_tagger.labels:
        pytest.skip("the shipped model (models/default) is not there yet")
    result = shipped_tagger.tag(seed_email)
    footwear = next(h for h in result.hypotheses if h.label == "footwear")
    assert footwear.passes
    spans = [s for ev in footwear.evidence for s in ev.spans]
    assert spans and all(result.text[s.start:s.end] == s.text for s in spans)

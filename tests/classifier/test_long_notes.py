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


@pytest.mark.xfail(strict=True, reason="known regression (README, session 6): trained with the 158 cases added in session 6, "
                   "the shipped model gives the seed email footwear 0.35, under its threshold (0.50 without them); "
                   "the model shipped in session 7 gives 0.19 against its threshold 0.46. Session 7 found no label "
                   "contradicting GUIDELINES 2: the footwear evidence is there but the long email's diluted text blocks "
                   "do not lift it over the intercept (benchmarks/writer_cv_results.md, Session 7)")
def test_seed_email_passes_the_footwear_hypothesis(shipped_tagger, seed_email):
    if not shipped_tagger.labels:
        pytest.skip("the shipped model (models/default) is not there yet")
    passing = {h.label for h in shipped_tagger.tag(seed_email).hypotheses if h.passes}
    assert "footwear" in passing

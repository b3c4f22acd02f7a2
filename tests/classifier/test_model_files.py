"""Model directories: round trip, refusal of tampered and foreign files, retraining."""

from __future__ import annotations

import json
import re
import shutil

import numpy as np
import pytest
import skops.io as sio

import tagger
from tagger.classifier.persistence import load_classifier
from tagger.errors import ModelLoadError


def test_train_save_load_predict_gives_identical_probabilities(small_model_dir, small_corpus):
    from tagger.classifier.training import fit_model, indicator, label_set, tag_cases

    loaded = tagger.load(small_model_dir)
    texts = [c.text for c in small_corpus[:15]]
    results = [loaded.tag(t) for t in texts]
    again = [tagger.load(small_model_dir).tag(t) for t in texts]
    for a, b in zip(results, again, strict=True):
        assert [(h.label, h.probability) for h in a.hypotheses] == [(h.label, h.probability) for h in b.hypotheses]
    # the file's classifier gives exactly the probabilities of the in-memory model it was saved from
    train = [c for c in small_corpus if c.split == "train"]
    rules_results = tag_cases(tagger.Tagger(loaded.nlp), train)
    labels = label_set(small_corpus)
    refit = fit_model(rules_results, indicator(train, labels), labels)
    np.testing.assert_allclose(refit.predict_proba(rules_results[:10]), loaded.classifier.predict_proba(rules_results[:10]))


def test_card_records_corpus_thresholds_metrics_and_versions(small_model_dir):
    card = json.loads((small_model_dir / "card.json").read_text())
    assert card["corpus"]["sha256"] and card["corpus"]["train_cases"] == 120
    assert set(card["thresholds"]) == set(card["labels"])
    assert "dev" in card["metrics"] and 0.0 <= card["metrics"]["dev"]["macro_f1"] <= 1.0
    assert card["libraries"]["scikit-learn"] and card["libraries"]["spacy"]
    assert (small_model_dir / "card.md").read_text().startswith("# Model card")


def test_a_tampered_classifier_file_is_refused(small_model_dir, tmp_path):
    copy = tmp_path / "model"
    shutil.copytree(small_model_dir, copy)
    data = bytearray((copy / "classifier.skops").read_bytes())
    data[len(data) // 2] ^= 0xFF
    (copy / "classifier.skops").write_bytes(bytes(data))
    with pytest.raises(ModelLoadError, match=r"SHA-256|not a readable|could not be loaded"):
        tagger.load(copy)


class Foreign:
    """A type no allow-list knows: a file holding it must not be loaded."""

    def __init__(self):
        self.payload = "anything"


def test_a_file_with_unknown_types_is_refused_and_names_them(tmp_path):
    path = tmp_path / "classifier.skops"
    sio.dump({"format": "tagger.classifier.v1", "labels": [], "pipeline": Foreign()}, path)
    with pytest.raises(ModelLoadError, match="Foreign") as err:
        load_classifier(path)
    assert "allow-list" in str(err.value)


def test_loaded_model_explains_each_hypothesis_with_spans_from_the_text(small_model_dir):
    result = tagger.load(small_model_dir).tag(
        "My flat feet roll in and my right knee caves in on squats; knee pain is better with orthotics."
    )
    assert result.hypotheses, "the model returned no hypotheses"
    probs = [h.probability for h in result.hypotheses]
    assert probs == sorted(probs, reverse=True)
    spans = [s for h in result.hypotheses for ev in h.evidence for s in ev.spans]
    assert spans
    for s in spans:
        assert result.text[s.start : s.end] == s.text
    chain = next(h for h in result.hypotheses if h.label == "foot_to_knee")
    assert chain.path == ["foot", "knee"] and chain.kind == "chain"


def test_hypotheses_carry_exactly_the_pipelines_probabilities(small_model_dir, small_corpus):
    """The explanation path rebuilds the feature row itself; it must equal the pipeline's."""
    loaded = tagger.load(small_model_dir)
    model = loaded.classifier
    texts = [c.text for c in small_corpus[:12]] + ["R knee pain x3/52, worse stairs, (-) numbness, tight hip flexors, desk job"]
    for text in texts:
        result = loaded.tag(text)
        expected = dict(zip(model.labels_, model.predict_proba([result])[0], strict=True))
        for h in result.hypotheses:
            assert h.probability == pytest.approx(expected[h.label], abs=1e-4)


def test_tag_many_gives_each_note_the_hypotheses_tag_gives_it(small_model_dir, small_corpus):
    """``tag_many`` scores a whole batch in one matrix; each row must come out as if alone."""
    loaded = tagger.load(small_model_dir)
    texts = [c.text for c in small_corpus[:20]]
    for alone, batched in zip((loaded.tag(t) for t in texts), loaded.tag_many(texts, batch_size=8), strict=True):
        assert [h.model_dump() for h in batched.hypotheses] == [h.model_dump() for h in alone.hypotheses]


def test_evidence_can_be_left_out_without_changing_probabilities(small_model_dir, small_corpus):
    loaded = tagger.load(small_model_dir)
    texts = [c.text for c in small_corpus[:10]]
    full = list(loaded.tag_many(texts))
    bare = list(loaded.tag_many(texts, evidence=False))
    assert any(h.evidence for r in full for h in r.hypotheses)
    assert all(not h.evidence for r in bare for h in r.hypotheses)
    assert [[(h.label, h.probability, h.passes) for h in r.hypotheses] for r in bare] == \
           [[(h.label, h.probability, h.passes) for h in r.hypotheses] for r in full]


def _block_evidence(model_dir, corpus, block: str):
    """(result, feature name without its block prefix, evidence) for every evidence item of
    ``block`` ("words", "chars") on the first 40 cases."""
    loaded = tagger.load(model_dir)
    for case in corpus[:40]:
        result = loaded.tag(case.text)
        for h in result.hypotheses:
            for ev in h.evidence:
                if ev.feature.startswith(f"{block}:"):
                    yield result, ev.feature.removeprefix(f"{block}:"), ev


def test_word_evidence_points_at_the_words_of_its_feature(small_model_dir, small_corpus):
    """A TF-IDF feature's spans are the text's own words, found as the vectorizer found them."""
    checked = 0
    for result, name, ev in _block_evidence(small_model_dir, small_corpus, "words"):
        term = name.split()
        for span in ev.spans:
            assert result.text[span.start:span.end] == span.text
            assert re.findall(r"\w\w+", span.text.lower()) == term
            checked += 1
    assert checked > 0


def test_tag_and_tag_many_give_the_same_result_for_the_same_note(shipped_tagger, seed_email):
    notes = [seed_email, "R knee pain x3/52, worse stairs, tight hip flexors, desk job.", "No pain today."]
    one_by_one = [shipped_tagger.tag(note).model_dump() for note in notes]
    batched = [result.model_dump() for result in shipped_tagger.tag_many(notes, batch_size=2)]
    assert one_by_one == batched
    assert any(h["evidence"] for h in one_by_one[0]["hypotheses"])


def test_character_evidence_points_at_the_words_that_hold_the_ngram(small_model_dir, small_corpus):
    """A char_wb feature's spans are whole words of the text; the n-gram, padded as the
    vectorizer pads a word, lies inside each."""
    from sklearn.feature_extraction.text import strip_accents_unicode

    checked = 0
    for result, gram, ev in _block_evidence(small_model_dir, small_corpus, "chars"):
        assert ev.spans
        for span in ev.spans:
            assert result.text[span.start:span.end] == span.text
            assert not any(ch.isspace() for ch in span.text)
            assert gram in f" {strip_accents_unicode(span.text.lower())} "
            checked += 1
    assert checked > 0

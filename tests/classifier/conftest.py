"""A small trained model, shared by the classifier tests (trained once per session)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tagger.corpus.io import read_cases

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def small_corpus():
    """120 train cases and 40 dev cases from the shipped corpus: enough for every label."""
    cases = read_cases([REPO / "corpora" / "cases"])
    train = [c for c in cases if c.split == "train"][:120]
    dev = [c for c in cases if c.split == "dev"][:40]
    return train + dev


@pytest.fixture(scope="session")
def small_model_dir(tmp_path_factory, small_corpus):
    from tagger.classifier.training import train_model

    out = tmp_path_factory.mktemp("models") / "small"
    train_model(small_corpus, out, command="pytest")
    return out

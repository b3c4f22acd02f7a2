"""Fixtures shared by every test package."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO.parent / "shared" / "seeds"


def seed_text(prefix: str) -> str:
    matches = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not matches:
        pytest.fail(f"seed document {prefix}_*.txt not found under {SEEDS}")
    return matches[0].read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_document() -> str:
    """Seed 000 as it is: a blog page quoting a patient's emails, then the clinician's reasoning."""
    return seed_text("000")


@pytest.fixture(scope="session")
def seed_email(seed_document: str) -> str:
    """The patient's part of seed 000: her four messages, without the blog around them."""
    start = seed_document.index("Seriously. Your Blog")
    end = seed_document.index("down to my toes.") + len("down to my toes.")
    return seed_document[start:end]


@pytest.fixture(scope="session")
def rules_tagger():
    """The pipeline alone (no classifier), built from config and rules: no model files needed."""
    from tagger.core import Tagger
    from tagger.pipeline import build_pipeline

    return Tagger(build_pipeline())


@pytest.fixture(scope="session")
def shipped_tagger():
    """The shipped default model (pipeline + classifier), as `tagger.load()` gives it."""
    import tagger

    return tagger.load()

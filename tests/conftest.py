"""Fixtures shared by every test package."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO.parent / "shared" / "seeds"


# The patient's emails of seed 000, as the API docs show them (identical to the slice below).
SEED_EMAIL_EXAMPLE = REPO / "service" / "examples" / "seed_email.txt"


def seed_text(prefix: str) -> str | None:
    matches = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    return matches[0].read_text(encoding="utf-8") if matches else None


@pytest.fixture(scope="session")
def seed_document() -> str:
    """Seed 000 as it is: a blog page quoting a patient's emails, then the clinician's reasoning.
    It lives beside the repository (../shared/seeds), not in it."""
    text = seed_text("000")
    if text is None:
        pytest.skip(f"seed document 000_*.txt not found under {SEEDS} (a clone outside the workspace)")
    return text


@pytest.fixture(scope="session")
def seed_email() -> str:
    """The patient's part of seed 000: her four messages, without the blog around them."""
    document = seed_text("000")
    if document is None:
        return SEED_EMAIL_EXAMPLE.read_text(encoding="utf-8")
    start = document.index("Seriously. Your Blog")
    end = document.index("down to my toes.") + len("down to my toes.")
    return document[start:end]


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

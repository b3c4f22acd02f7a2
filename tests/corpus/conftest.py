"""Fixtures for the corpus tests (helpers live in corpus_helpers.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_helpers import TEXTS, case_dict, entity, write_jsonl


@pytest.fixture
def good_cases() -> list[dict]:
    """Five valid cases, two with gold entities, correct splits."""
    c0 = case_dict(0, labels=["hip_to_knee", "training_load"],
                   entities=[entity(TEXTS[0], "knee", "BODY_REGION", laterality="right"),
                             entity(TEXTS[0], "stairs", "ACTIVITY", modifier="aggravating")])
    c1 = case_dict(1, labels=["foot_to_hip"], entities=[])
    c2 = case_dict(2, id="ehr-0002", register="ehr", labels=["foot_to_back", "posture"])
    c3 = case_dict(3, id="coach-0003", register="coach", labels=["local"])
    c4 = case_dict(4, labels=["referred_neural", "posture"])
    return [c0, c1, c2, c3, c4]


@pytest.fixture
def corpus_dir(tmp_path: Path, good_cases: list[dict]) -> Path:
    root = tmp_path / "corpora"
    write_jsonl(root / "cases" / "a.jsonl", good_cases[:3])
    write_jsonl(root / "cases" / "b.jsonl", good_cases[3:])
    return root

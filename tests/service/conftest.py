"""Fixtures for the service tests: apps over the session taggers, and a stub classifier."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

# Bare `pytest` (unlike `python -m pytest`) does not put the repository on sys.path, and then the
# tests/tagger and tests/service folders shadow the real packages as namespace packages.
_REPO = str(Path(__file__).resolve().parents[2])
if _REPO not in sys.path:
    sys.path.insert(0, _REPO)

from service.config import Settings  # noqa: E402
from service.main import create_app  # noqa: E402
from tagger.core import Tagger  # noqa: E402
from tagger.schema import Evidence, Hypothesis, TagResult, TextSpan  # noqa: E402


class StubChainModel:
    """Fixed hypotheses whose evidence points at entities of the text, as a trained model's would.

    Lets the API and page tests check hypotheses and evidence without the shipped model.
    """

    def __init__(self) -> None:
        self.labels_ = ["footwear", "hip_to_foot", "posture"]

    def hypotheses_many(self, results, *, evidence=True):
        out = [self.hypotheses(result) for result in results]
        for hypothesis in (h for ranked in out for h in ranked if not evidence):
            hypothesis.evidence = []
        return out

    def hypotheses(self, result: TagResult) -> list[Hypothesis]:
        def spans(keep: Callable[[Any], bool]) -> list[TextSpan]:
            return [TextSpan(start=e.start, end=e.end, text=e.text) for e in result.entities if keep(e)]

        return [
            Hypothesis(
                label="footwear", probability=0.86, threshold=0.5, passes=True, kind="factor",
                description="Symptoms change with footwear.",
                evidence=[
                    Evidence(feature="aggravating:FOOTWEAR=sneakers", weight=1.7, spans=spans(lambda e: e.concept == "sneakers")),
                    Evidence(feature="relieving:FOOTWEAR=barefoot", weight=1.2, spans=spans(lambda e: e.concept == "barefoot")),
                ],
            ),
            Hypothesis(
                label="hip_to_foot", probability=0.41, threshold=0.45, passes=False, kind="chain",
                path=["pelvis", "hip", "knee", "foot"], direction="descending",
                description="Pelvis or hip position drives the foot into overpronation.",
                evidence=[Evidence(feature="pain@foot:right", weight=0.9,
                                   spans=spans(lambda e: e.label == "SYMPTOM" and e.region == "foot"))],
            ),
            Hypothesis(label="posture", probability=0.22, threshold=0.5, passes=False, kind="factor"),
        ]


@pytest.fixture(scope="session")
def hyp_tagger(rules_tagger: Tagger) -> Tagger:
    """The rules pipeline with the stub classifier: results carry hypotheses with evidence."""
    return Tagger(rules_tagger.nlp, StubChainModel(), name="stub", version="test",
                  card={"name": "stub", "version": "test", "classifier": "StubChainModel"})


def isolated_settings(**overrides: Any) -> Settings:
    """Settings that ignore the developer's environment for the knobs the tests depend on."""
    base: dict[str, Any] = {"api_key": None, "cors_origins": "", "load_in_background": False, "_env_file": None}
    base.update(overrides)
    return Settings(**base)


@pytest.fixture
def make_app(rules_tagger: Tagger) -> Callable[..., FastAPI]:
    def build(tagger: Tagger | None = rules_tagger, **settings: Any) -> FastAPI:
        return create_app(isolated_settings(**settings), tagger=tagger)

    return build


@pytest.fixture
def client(make_app: Callable[..., FastAPI]) -> Iterator[TestClient]:
    with TestClient(make_app()) as c:
        yield c


@pytest.fixture
def hyp_client(make_app: Callable[..., FastAPI], hyp_tagger: Tagger) -> Iterator[TestClient]:
    with TestClient(make_app(hyp_tagger)) as c:
        yield c

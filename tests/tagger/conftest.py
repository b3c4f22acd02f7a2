"""Fixtures shared by the pipeline tests."""

from __future__ import annotations

import pytest

from tagger.pipeline import build_pipeline


@pytest.fixture(scope="session")
def nlp():
    # one pipeline for every module: building it is the slow part, and no test changes it
    return build_pipeline()

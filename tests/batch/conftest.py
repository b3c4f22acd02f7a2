"""Fixtures for the batch tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# tests/ is on sys.path (rootdir conftest) and tests/tagger/ has no __init__.py, so without
# the repository itself on sys.path `import tagger` finds that directory as a namespace
# package and half the library fails to import. A regular package anywhere on the path wins.
_REPO = str(Path(__file__).resolve().parents[2])
if _REPO not in sys.path:
    sys.path.append(_REPO)

from batch_helpers import StubChains  # noqa: E402


@pytest.fixture(scope="session")
def stub_tagger(rules_tagger):
    """The rules pipeline with ``StubChains``: hypotheses without waiting for the shipped model."""
    from tagger.core import Tagger

    return Tagger(rules_tagger.nlp, StubChains(), name="stub", version="0")

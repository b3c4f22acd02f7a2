"""Row building when the pipeline itself fails: only the failing rows are lost, never logged as text."""

from __future__ import annotations

import logging

import pytest

from tagger.batch.errors import EngineError
from tagger.batch.rows import tag_rows
from tagger.core import RowError
from tagger.schema import TagResult


class Flaky:
    """A tagger whose pipeline raises on notes containing ``bad``."""

    def __init__(self, real, bad):
        self.real, self.bad = real, bad

    def tag_many(self, texts, errors="raise", evidence=True):
        texts = list(texts)
        if any(isinstance(t, str) and self.bad in t for t in texts):
            raise RuntimeError(f"cannot handle {texts[0]!r}")
        return self.real.tag_many(texts, errors=errors, evidence=evidence)


def test_a_pipeline_failure_costs_only_the_rows_that_cause_it(rules_tagger, caplog):
    notes = ["Right knee pain.", "BOOM: confidential note", "", "Left hip pain."]
    with caplog.at_level(logging.INFO, logger="tagger"):
        results = list(tag_rows(Flaky(rules_tagger, "BOOM"), notes, first_row=40))
    assert [type(r) for r in results] == [TagResult, RowError, RowError, TagResult]
    assert (results[1].code, results[2].code) == ("E605", "E101")
    assert "row 41" in caplog.text and "RuntimeError" in caplog.text
    assert "confidential" not in caplog.text and "knee" not in caplog.text


def test_a_pipeline_that_fails_on_every_note_stops_the_run(rules_tagger):
    with pytest.raises(EngineError, match=r"fails on every note.*RuntimeError") as err:
        list(tag_rows(Flaky(rules_tagger, "pain"), [f"knee pain {i}" for i in range(8)]))
    assert "knee pain" not in str(err.value)


class FailsMidway:
    """A tagger whose pipeline breaks after yielding its first two results."""

    def __init__(self, real):
        self.real = real

    def tag_many(self, texts, errors="raise", evidence=True):
        texts = list(texts)
        if len(texts) == 1:
            return self.real.tag_many(texts, errors=errors, evidence=evidence)
        return self._broken(texts, errors)

    def _broken(self, texts, errors):
        yield from self.real.tag_many(texts[:2], errors=errors)
        raise ValueError("batch broke")


def test_rows_tagged_before_a_failing_batch_are_kept_and_the_rest_tagged_one_by_one(rules_tagger):
    notes = [f"Right knee pain, visit {i}." for i in range(5)]
    results = list(tag_rows(FailsMidway(rules_tagger), notes))
    assert [type(r) for r in results] == [TagResult] * 5
    assert [r.text for r in results] == notes

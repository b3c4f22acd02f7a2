"""The fixed split: a stable hash of the id, rewritten in place atomically."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from corpus_helpers import case_dict, write_jsonl

from tagger.corpus import read_cases
from tagger.corpus.errors import CorpusFormatError
from tagger.corpus.split import assign_split, split_files


def test_assign_split_is_pinned_to_sha256_of_the_id():
    # These values must never change: results are only comparable across versions if ids stay put.
    got = [assign_split(x) for x in ["ehr-0001", "forum-0001", "email-0042", "soap-0007", "coach-0003", "intake-0010"]]
    assert got == ["test", "train", "dev", "train", "train", "test"]


def test_assign_split_gives_about_70_15_15_on_1000_ids():
    counts = Counter(assign_split(f"case-{i:05d}") for i in range(1000))
    assert set(counts) == {"train", "dev", "test"}
    assert 650 <= counts["train"] <= 750
    assert 110 <= counts["dev"] <= 190
    assert 110 <= counts["test"] <= 190


def test_split_files_sets_every_split_and_keeps_the_rest_of_each_line(tmp_path):
    rows = [case_dict(0, split=""), case_dict(1, split="test" if assign_split("forum-0001") != "test" else "dev")]
    path = write_jsonl(tmp_path / "a.jsonl", rows)
    report = split_files([path])
    assert (report.cases, report.changed, report.files_changed) == (2, 2, 1)
    cases = read_cases(path)
    assert [c.split for c in cases] == [assign_split("forum-0000"), assign_split("forum-0001")]
    for before, line in zip(rows, path.read_text().splitlines(), strict=True):
        after = json.loads(line)
        assert list(after) == list(before)
        assert {k: v for k, v in after.items() if k != "split"} == {k: v for k, v in before.items() if k != "split"}


def test_split_files_adds_a_missing_split_after_register(tmp_path):
    row = case_dict(0)
    del row["split"]
    path = write_jsonl(tmp_path / "a.jsonl", [row])
    split_files([path])
    keys = list(json.loads(path.read_text()))
    assert keys.index("split") == keys.index("register") + 1


def test_split_files_is_idempotent_and_leaves_unchanged_files_alone(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [case_dict(0, split=""), case_dict(1)])
    split_files([path])
    mtime, content = path.stat().st_mtime_ns, path.read_bytes()
    report = split_files([path])
    assert report.changed == 0 and report.files_changed == 0
    assert path.read_bytes() == content and path.stat().st_mtime_ns == mtime


def test_split_files_writes_nothing_when_any_file_is_malformed(tmp_path):
    good = write_jsonl(tmp_path / "a.jsonl", [case_dict(0, split="")])
    bad = write_jsonl(tmp_path / "b.jsonl", [case_dict(1, split=""), {"text": "no id here"}])
    before = (good.read_bytes(), bad.read_bytes())
    with pytest.raises(CorpusFormatError, match=r"b\.jsonl:2: field 'id'"):
        split_files([good, bad])
    assert (good.read_bytes(), bad.read_bytes()) == before

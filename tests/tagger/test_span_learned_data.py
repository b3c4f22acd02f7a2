"""The learned-span benchmark's data selection and span union (benchmarks/span_learned.py; its
data rule lives in benchmarks/assertion_learned.py, which trains on the same pool).

Its figure is only honest if no test case and no clean check is ever trained on or scored in
the cross-validation: these tests hold the selection to that rule.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from tagger.evaluation.cases import case_split
from tagger.evaluation.scoring import Mention

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


@pytest.fixture(scope="module")
def span_learned():
    sys.path.insert(0, str(BENCHMARKS))
    spec = importlib.util.spec_from_file_location("span_learned", BENCHMARKS / "span_learned.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def data_rule(span_learned):
    # the selection span_learned trains on is defined once, in assertion_learned
    return sys.modules["assertion_learned"]


@pytest.fixture(scope="module")
def blind():
    sys.path.insert(0, str(BENCHMARKS))
    spec = importlib.util.spec_from_file_location("blind_dev_cases", BENCHMARKS / "blind_dev_cases.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_training_pool_holds_no_test_case_and_no_clean_check(span_learned, blind):
    pool = span_learned.training_pool()
    cases = [case for cs in pool.values() for case in cs]
    assert cases, "the pool is not empty"
    assert all(case_split(case)[0] != "test" for case in cases)
    ids = {case["id"] for case in cases}
    off_limits = set().union(*(blind.blind_dev_ids(name) for name in ("5b", "7b", "8b", "10", "10t", "11", "11t", "12",
                                                                        "12t", "7t", "8t", "9t", "9nt")))
    assert not ids & off_limits
    tune = blind.blind_dev_ids("tune")
    assert all(case_split(case)[0] == "train" or case["id"] in tune for case in cases)


def test_session_10_to_12_writer_files_give_only_their_blind_train_cases(span_learned, blind):
    pool = span_learned.training_pool()
    for name, which in (("letters_s10.jsonl", "10tr"), ("voices_s10.jsonl", "10tr"),
                        ("forms_s11.jsonl", "11tr"), ("messages_s11.jsonl", "11tr"),
                        ("clinics_s12.jsonl", "12tr"), ("people_s12.jsonl", "12tr")):
        assert {case["id"] for case in pool.get(name, [])} <= blind.blind_dev_ids(which)


def test_selection_rule_on_made_up_cases(data_rule):
    rule = data_rule
    tune, limited = {"d1"}, {"forms_s11.jsonl": {"t2"}}
    case = lambda cid, split: {"id": cid, "split": split, "text": "x", "entities": []}  # noqa: E731
    assert rule.is_allowed(case("t1", "train"), "forum.jsonl", tune, limited)
    assert rule.is_allowed(case("d1", "dev"), "forum.jsonl", tune, limited)
    assert not rule.is_allowed(case("d2", "dev"), "forum.jsonl", tune, limited), "a dev case outside tune"
    assert not rule.is_allowed(case("x1", "test"), "forum.jsonl", tune, limited)
    assert not rule.is_allowed(case("t1", "train"), "forms_s11.jsonl", tune, limited), "not in 11tr"
    assert rule.is_allowed(case("t2", "train"), "forms_s11.jsonl", tune, limited)
    assert not rule.is_allowed({"id": "t3", "split": "train", "text": "x"}, "forum.jsonl", tune, limited)


def test_test_split_is_refused(span_learned):
    with pytest.raises(SystemExit):
        span_learned.main(["--eval", "/tmp/nowhere", "--split", "test"])


def test_union_adds_only_learned_spans_that_touch_no_rule_span(span_learned):
    rules = [Mention(0, 4, "knee", "BODY_REGION")]
    learned = [Mention(0, 9, "knee pain", "SYMPTOM"), Mention(20, 27, "running", "ACTIVITY"),
               Mention(30, 40, "tendonitis", "CONDITION")]
    assert span_learned.union(rules, learned, ("ACTIVITY", "CONDITION")) == rules + learned[1:]
    assert span_learned.union(rules, learned, ("CONDITION",)) == rules + learned[2:]


def test_folds_keep_each_writer_file_whole(span_learned):
    pool = {f"f{i}.jsonl": [{"id": f"{i}-{j}"} for j in range(i + 1)] for i in range(7)}
    groups = span_learned.grouped_folds(pool, 3)
    assert sorted(name for g in groups for name in g) == sorted(pool)
    assert len(groups) == 3
    assert span_learned.grouped_folds(pool, 0) == [[name] for name in sorted(pool)]

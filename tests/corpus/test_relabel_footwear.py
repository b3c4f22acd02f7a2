"""The session-8 FOOTWEAR relabelling script (corpora/reviews/relabel_session8_footwear.py):
extends gold spans over type-naming words, trims drop-class words, is idempotent and leaves
every blind-round case alone. Cases are written for these tests."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from tagger.pipeline import build_pipeline

REVIEWS = Path(__file__).resolve().parents[2] / "corpora" / "reviews"
_spec = importlib.util.spec_from_file_location("relabel_session8_footwear", REVIEWS / "relabel_session8_footwear.py")
relabel = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = relabel  # its dataclass looks its module up
_spec.loader.exec_module(relabel)


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def _entity(text: str, surface: str, label: str, **attrs) -> dict:
    start = text.index(surface)
    return {"start": start, "end": start + len(surface), "text": surface, "label": label, "laterality": None,
            "negated": False, "historical": False, "hypothetical": False, "other_subject": False,
            "modifier": attrs.get("modifier")}


def _case(cid: str, split: str, text: str, spans: list[tuple[str, str]]) -> dict:
    return {"id": cid, "text": text, "labels": ["footwear"], "register": "forum", "split": split,
            "rationale": "written for a test", "entities": [_entity(text, s, label) for s, label in spans]}


TEXTS = {
    "team": "Hip better since custom orthotics; worse in my old work trainers and the arch insoles help.",
    "trim": "She wore 4-inch heels all night.",
    "blind": "Got custom orthotics in May.",
    "other": "Got custom orthotics in June.",
    "barefoot": "Worse walking barefoot on the tiles.",
}


@pytest.fixture
def corpus(tmp_path: Path) -> tuple[Path, Path]:
    cases, reviews = tmp_path / "cases", tmp_path / "reviews"
    cases.mkdir()
    reviews.mkdir()
    rows = [
        _case("forum-9001", "train", TEXTS["team"], [("orthotics", "FOOTWEAR"), ("trainers", "FOOTWEAR"),
                                                    ("arch", "BODY_REGION"), ("insoles", "FOOTWEAR")]),
        _case("forum-9002", "train", TEXTS["trim"], [("4-inch heels", "FOOTWEAR")]),
        _case("forum-9003", "train", TEXTS["blind"], [("orthotics", "FOOTWEAR")]),
        _case("forum-9004", "test", TEXTS["other"], [("orthotics", "FOOTWEAR")]),
        _case("forum-9005", "train", TEXTS["barefoot"], [("walking", "ACTIVITY"), ("barefoot", "FOOTWEAR")]),
    ]
    (cases / "forum.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    (reviews / "gold_blind_session9_ids.txt").write_text("forum-9003\n", encoding="utf-8")
    return cases, reviews


def _gold(cases: Path) -> dict[str, list[tuple[str, str]]]:
    rows = [json.loads(line) for line in (cases / "forum.jsonl").read_text(encoding="utf-8").splitlines() if line]
    return {r["id"]: [(e["text"], e["label"]) for e in r["entities"]] for r in rows}


def test_gold_footwear_spans_take_their_type_words_and_lose_drop_words(corpus, nlp):
    cases, reviews = corpus
    changes = relabel.run("train", False, cases, reviews, nlp=nlp)
    gold = _gold(cases)
    assert gold["forum-9001"] == [("custom orthotics", "FOOTWEAR"), ("work trainers", "FOOTWEAR"), ("arch insoles", "FOOTWEAR")]
    assert gold["forum-9002"] == [("heels", "FOOTWEAR")]
    assert gold["forum-9005"] == [("walking", "ACTIVITY"), ("barefoot", "FOOTWEAR")]  # 'barefoot' takes no words
    assert any(c.removed == ["BODY_REGION [arch]"] for c in changes)
    for row in (json.loads(line) for line in (cases / "forum.jsonl").read_text(encoding="utf-8").splitlines() if line):
        assert all(row["text"][e["start"]:e["end"]] == e["text"] for e in row["entities"])


def test_the_relabelling_is_idempotent(corpus, nlp):
    cases, reviews = corpus
    relabel.run("train", False, cases, reviews, nlp=nlp)
    once = (cases / "forum.jsonl").read_bytes()
    assert relabel.run("train", False, cases, reviews, nlp=nlp) == []
    assert (cases / "forum.jsonl").read_bytes() == once


def test_blind_cases_and_other_splits_are_left_alone(corpus, nlp):
    cases, reviews = corpus
    relabel.run("train", False, cases, reviews, nlp=nlp)
    gold = _gold(cases)
    assert gold["forum-9003"] == [("orthotics", "FOOTWEAR")]  # a blind-round id
    assert gold["forum-9004"] == [("orthotics", "FOOTWEAR")]  # test split, not asked for


def test_a_dry_run_reports_changes_and_writes_nothing(corpus, nlp):
    cases, reviews = corpus
    before = (cases / "forum.jsonl").read_bytes()
    changes = relabel.run("train", True, cases, reviews, nlp=nlp)
    assert [(c.before, c.after) for c in changes] == [
        ("orthotics", "custom orthotics"), ("trainers", "work trainers"), ("insoles", "arch insoles"), ("4-inch heels", "heels")]
    assert (cases / "forum.jsonl").read_bytes() == before


def test_the_blind_ids_include_the_test_round():
    assert {"gold_blind_session5_ids.txt", "gold_blind_session7_ids.txt", "gold_blind_session7_test_ids.txt"} <= {
        p.name for p in REVIEWS.glob("gold_blind_session*_ids.txt")}
    test_ids = {line.strip() for line in (REVIEWS / "gold_blind_session7_test_ids.txt").read_text().splitlines() if line.strip()}
    assert test_ids <= relabel.blind_ids()


@pytest.mark.parametrize("split", ["train", "dev"])
def test_the_team_gold_already_follows_the_convention(split, nlp):
    assert relabel.run(split, True, nlp=nlp) == []

"""``tagger corpus stats`` figures on a small fixture whose answers are known."""

from __future__ import annotations

import json

import pytest
from corpus_helpers import case_dict, write_jsonl
from typer.testing import CliRunner

from tagger.cli import app
from tagger.corpus import Case, read_cases
from tagger.corpus.stats import corpus_stats, percentile, render_brief, render_markdown


@pytest.fixture
def stats(corpus_dir):
    return corpus_stats(read_cases(corpus_dir), files=2)


def test_counts_per_label_register_and_split(stats):
    assert stats["cases"] == 5 and stats["files"] == 2
    assert stats["labels"] == {
        "foot_to_knee": 0, "foot_to_hip": 1, "foot_to_back": 1, "hip_to_knee": 1, "hip_to_foot": 0,
        "referred_neural": 1, "local": 1, "footwear": 0, "training_load": 1, "posture": 2,
    }
    assert {k: v for k, v in stats["registers"].items() if v} == {"forum": 3, "ehr": 1, "coach": 1}
    # forum-0000, forum-0001, coach-0003, forum-0004 hash to train; ehr-0002 to dev
    assert stats["splits"] == {"train": 4, "dev": 1, "test": 0}
    assert stats["label_split"]["posture"] == {"train": 1, "dev": 1, "test": 0}
    assert stats["label_split"]["foot_to_back"] == {"train": 0, "dev": 1, "test": 0}


def test_length_distribution_in_words(stats):
    # word counts 15, 17, 16, 15, 18
    assert stats["length_words"] == {"min": 15, "median": 16, "p90": 18, "max": 18}
    assert stats["length_buckets"]["11-25"] == 5 and sum(stats["length_buckets"].values()) == 5


def test_cooccurrence_no_chain_and_gold_entities(stats):
    co = stats["cooccurrence"]
    assert co["posture"]["posture"] == 2
    assert co["posture"]["referred_neural"] == co["referred_neural"]["posture"] == 1
    assert co["posture"]["foot_to_back"] == 1 and co["local"]["posture"] == 0
    assert stats["no_chain"] == {"count": 1, "share": 0.2}  # only the local ankle sprain
    assert stats["no_label"] == 0
    assert stats["gold"]["cases"] == 2  # one with two spans, one annotated with none
    assert stats["gold"]["entities"] == 2
    assert stats["gold"]["by_label"]["BODY_REGION"] == 1 and stats["gold"]["by_label"]["ACTIVITY"] == 1
    assert stats["diversity"]["max_share"] == 0.0 and stats["diversity"]["pair"] == []


def test_diversity_is_the_largest_5gram_jaccard_and_names_the_pair():
    texts = ["one two three four five six", "one two three four five seven", "alpha beta gamma delta epsilon zeta"]
    cases = [Case.model_validate(case_dict(0, id=f"x-{i}", text=t)) for i, t in enumerate(texts)]
    d = corpus_stats(cases)["diversity"]
    assert d["max_share"] == pytest.approx(1 / 3)  # one shared 5-gram of three distinct
    assert d["pair"] == ["x-0", "x-1"] and d["pairs_over_20pct"] == 1


def test_percentile_is_nearest_rank():
    assert percentile(list(range(1, 11)), 90) == 9
    assert percentile([7], 90) == 7
    assert percentile([], 90) == 0


def test_markdown_and_brief_show_the_figures(stats):
    md = render_markdown(stats)
    assert "| posture | 2 | 40.0% | 1 | 1 | 0 |" in md
    assert "| (all cases) | 5 | 100.0% | 4 | 1 | 0 |" in md
    assert "1 (20.0%) with no chain label" in md
    brief = render_brief(stats)
    assert len(brief.splitlines()) <= 5
    assert "corpus: 5 cases in 2 files | split train 4 / dev 1 / test 0" in brief


def test_stats_cli_json_brief_and_bad_input(corpus_dir, tmp_path):
    runner = CliRunner()
    res = runner.invoke(app, ["corpus", "stats", str(corpus_dir), "--json"])
    assert res.exit_code == 0
    assert json.loads(res.stdout)["labels"]["posture"] == 2
    res = runner.invoke(app, ["corpus", "stats", str(corpus_dir), "--brief"])
    assert res.exit_code == 0 and res.stdout.startswith("corpus: 5 cases")
    bad = write_jsonl(tmp_path / "bad.jsonl", [case_dict(0, labels="local")])
    res = runner.invoke(app, ["corpus", "stats", str(bad)])
    assert res.exit_code == 2 and f"{bad}:1: field 'labels'" in res.stderr

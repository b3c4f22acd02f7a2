"""The output table: one row per input row, in order; per-row errors; formats; entities."""

from __future__ import annotations

import json

import pandas as pd
import pyarrow.parquet as pq
import pytest
from batch_helpers import note_rows, write_rows

from tagger.batch.errors import BatchError, ResumeError
from tagger.batch.rows import ENTITY_LABELS
from tagger.batch.run import BatchOptions, run_batch
from tagger.core import Tagger


def run(tmp_path, inputs, tagger, name="out.parquet", **kwargs):
    opts = BatchOptions(inputs=[str(p) for p in inputs], output=tmp_path / name, chunk_size=kwargs.pop("chunk_size", 3),
                        **kwargs)
    return run_batch(opts, tagger=tagger), opts.output


def read_output(path):
    if path.suffix == ".csv":
        return pd.read_csv(path, dtype={"id": str}, keep_default_na=False, na_values=[""])
    if path.suffix == ".jsonl":
        return pd.read_json(path, lines=True, dtype={"id": str})
    return pd.read_parquet(path)


def test_row_count_and_order_are_those_of_the_input(tmp_path, rules_tagger):
    rows = note_rows(17)
    summary, out = run(tmp_path, [write_rows(tmp_path / "in.csv", rows)], rules_tagger, chunk_size=4)
    table = pd.read_parquet(out)
    assert summary.rows == len(table) == 17 and summary.errors == 0
    assert table["id"].tolist() == [r["id"] for r in rows]
    assert table["row"].tolist() == list(range(17))
    texts = [json.loads(js)["text"] for js in table["result_json"]]
    assert texts == [r["text"] for r in rows]
    assert not (tmp_path / "out.parquet.parts").exists()


def test_bad_notes_become_error_rows_in_place(tmp_path, rules_tagger):
    small = Tagger(rules_tagger.nlp, max_chars=200)
    good = "Right knee pain on stairs."
    lines = [{"id": 1, "text": good}, {"id": 2, "text": ""}, {"id": 3, "text": "   \n "}, {"id": 4, "text": None},
             {"id": 5}, {"id": 6, "text": 12345}, {"id": 7, "text": 3.5}, {"id": 8, "text": "knee " * 60},
             {"id": 9, "text": ["a", "list"]}, {"id": 10, "text": good}]
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    summary, out = run(tmp_path, [path], small, max_chars=200)
    table = pd.read_parquet(out)
    assert table["id"].tolist() == [str(i) for i in range(1, 11)]
    codes = [e.split(":")[0] if isinstance(e, str) else None for e in table["error"]]
    assert codes == [None, "E101", "E101", "E103", "E103", "E103", "E103", "E102", "E103", None]
    assert "got int" in table["error"][5] and "got NoneType" in table["error"][3]
    assert "300 characters; the limit is 200" in table["error"][7]
    failed = table[table["error"].notna()]
    assert failed["result_json"].isna().all() and failed["n_SYMPTOM"].isna().all() and failed["labels"].isna().all()
    assert summary.errors == 8 and summary.error_codes == {"E101": 2, "E103": 5, "E102": 1}


@pytest.mark.parametrize("name", ["out.parquet", "out.csv", "out.jsonl"])
@pytest.mark.parametrize("source", ["in.csv", "in.jsonl", "in.parquet"])
def test_each_input_format_to_each_output_format(tmp_path, rules_tagger, source, name):
    rows = note_rows(7)
    rows[3]["text"] = ""
    _, out = run(tmp_path, [write_rows(tmp_path / source, rows)], rules_tagger, name=name)
    table = read_output(out)
    reference = pd.read_parquet(run(tmp_path, [tmp_path / source], rules_tagger, name="ref.parquet")[1])
    assert table["id"].tolist() == [r["id"] for r in rows]
    assert table["error"].isna().tolist() == [True, True, True, False, True, True, True]
    for col in [f"n_{label}" for label in ENTITY_LABELS]:
        assert table[col].fillna(-1).astype(int).tolist() == reference[col].fillna(-1).astype(int).tolist()
    assert table["result_json"].fillna("").tolist() == reference["result_json"].fillna("").tolist()


def test_format_option_overrides_the_suffix(tmp_path, rules_tagger):
    _, out = run(tmp_path, [write_rows(tmp_path / "in.csv", note_rows(2))], rules_tagger, name="out.data", format="jsonl")
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["n000", "n001"]


def test_probability_columns_follow_the_model_labels(tmp_path, stub_tagger):
    summary, out = run(tmp_path, [write_rows(tmp_path / "in.csv", note_rows(6))], stub_tagger)
    table = pd.read_parquet(out)
    assert [c for c in table.columns if c.startswith("prob_")] == ["prob_knee_chain", "prob_hip_factor"]
    for _, row in table.iterrows():
        hyps = json.loads(row["result_json"])["hypotheses"]
        assert row["prob_knee_chain"] == pytest.approx(hyps[0]["probability"])
        assert list(row["labels"]) == [h["label"] for h in hyps if h["passes"]]
    assert summary.labels == {label: int(table["labels"].map(lambda ls, lb=label: lb in ls).sum())
                              for label in ("knee_chain", "hip_factor")}


def test_rules_only_output_has_no_probability_columns(tmp_path, rules_tagger):
    _, out = run(tmp_path, [write_rows(tmp_path / "in.csv", note_rows(2))], rules_tagger)
    columns = pq.read_schema(out).names
    assert not [c for c in columns if c.startswith("prob_")]
    assert columns == ["id", "row", "labels", *[f"n_{label}" for label in ENTITY_LABELS], "result_json", "error"]


@pytest.mark.parametrize("name", ["entities.parquet", "entities.csv"])
def test_entities_out_has_one_row_per_entity(tmp_path, rules_tagger, name):
    rows = note_rows(9)
    rows[2]["text"] = ""
    summary, out = run(tmp_path, [write_rows(tmp_path / "in.csv", rows)], rules_tagger, entities_out=tmp_path / name)
    table = pd.read_parquet(out)
    ents = read_output(tmp_path / name)
    assert list(ents.columns) == ["id", "row", "start", "end", "text", "label", "concept", "region", "laterality",
                                  "negated", "historical", "hypothetical", "other_subject", "modifier"]
    counts = table[[f"n_{label}" for label in ENTITY_LABELS]].fillna(0).sum(axis=1)
    assert ents.groupby("row").size().reindex(range(9), fill_value=0).tolist() == counts.astype(int).tolist()
    assert ents["row"].is_monotonic_increasing and 2 not in set(ents["row"])
    first = json.loads(table["result_json"][0])["entities"][0]
    assert ents.iloc[0][["start", "end", "text", "label"]].tolist() == [first["start"], first["end"], first["text"],
                                                                         first["label"]]
    assert sum(summary.entities.values()) == len(ents)


def test_an_existing_unfinished_run_is_not_overwritten_without_resume(tmp_path, rules_tagger):
    path = write_rows(tmp_path / "in.csv", note_rows(4))
    parts = tmp_path / "out.parquet.parts"
    parts.mkdir()
    (parts / "manifest.json").write_text(json.dumps({"format": "tagger.batch.manifest.v1", "chunks": {"0": 3},
                                                     "n_chunks": 2, "fingerprint": {}}))
    with pytest.raises(ResumeError, match="--resume"):
        run(tmp_path, [path], rules_tagger)


@pytest.mark.parametrize(("option", "why"), [({"engine": "spark"}, "unknown engine"),
                                             ({"scheduler": "tcp://x:8786"}, "needs --engine dask"),
                                             ({"format": "xlsx"}, "unknown output format"),
                                             ({"suggest": 5}, "no classifier")])
def test_bad_options_are_refused_before_any_work(tmp_path, rules_tagger, option, why):
    path = write_rows(tmp_path / "in.csv", note_rows(2))
    with pytest.raises(BatchError, match=why):
        run(tmp_path, [path], rules_tagger, **option)
    assert not (tmp_path / "out.parquet").exists()


def test_an_input_with_no_rows_gives_an_empty_table_with_the_columns(tmp_path, rules_tagger):
    path = tmp_path / "in.csv"
    path.write_text("id,text\n", encoding="utf-8")
    summary, out = run(tmp_path, [path], rules_tagger)
    assert summary.rows == 0 and pq.read_table(out).num_rows == 0 and "result_json" in pq.read_schema(out).names

"""``tagger batch`` on the command line: output, summary, and one-line errors with codes."""

from __future__ import annotations

import json

import pandas as pd
from batch_helpers import note_rows, write_rows
from typer.testing import CliRunner

from tagger.cli import app

runner = CliRunner()


def test_cli_batch_writes_the_table_and_prints_a_summary(tmp_path):
    rows = note_rows(5)
    rows[1]["text"] = ""
    source = write_rows(tmp_path / "in.csv", rows)
    out = tmp_path / "out.csv"
    result = runner.invoke(app, ["batch", str(source), "-o", str(out), "--workers", "1", "--chunk-size", "2",
                                 "--entities-out", str(tmp_path / "entities.jsonl")])
    assert result.exit_code == 0, result.output
    table = pd.read_csv(out)
    assert table["id"].tolist() == [r["id"] for r in rows]
    assert "rows" in result.output and "E101: 1" in result.output and "SYMPTOM" in result.output
    assert (tmp_path / "entities.jsonl").read_text().count("\n") == int(table.filter(like="n_").sum().sum())


def test_cli_column_error_is_one_line_with_its_code(tmp_path):
    source = write_rows(tmp_path / "in.csv", [{"mrn": "1", "narrative": "knee pain"}])
    result = runner.invoke(app, ["batch", str(source), "-o", str(tmp_path / "out.parquet"), "--workers", "1",
                                 "--text-col", "note"])
    assert result.exit_code == 2
    assert "E601" in result.output and "'mrn', 'narrative'" in result.output
    assert "Traceback" not in result.output and not (tmp_path / "out.parquet").exists()


def test_cli_broken_csv_names_the_line(tmp_path):
    source = tmp_path / "in.csv"
    source.write_text('id,text\n1,fine\n2,"bad"quote\n', encoding="utf-8")
    result = runner.invoke(app, ["batch", str(source), "-o", str(tmp_path / "out.parquet"), "--workers", "1"])
    assert result.exit_code == 2 and "E602" in result.output and "line 3" in result.output


def test_cli_no_evidence_keeps_probabilities_and_drops_evidence_spans(tmp_path):
    source = write_rows(tmp_path / "in.jsonl", note_rows(4))
    tables = {}
    for flag in ("--evidence", "--no-evidence"):
        out = tmp_path / f"out{flag}.parquet"
        result = runner.invoke(app, ["batch", str(source), "-o", str(out), "--workers", "1", flag])
        assert result.exit_code == 0, result.output
        tables[flag] = pd.read_parquet(out)
    with_evidence, without = tables["--evidence"], tables["--no-evidence"]
    hypotheses = [json.loads(r)["hypotheses"] for r in without["result_json"]]
    assert hypotheses[0] and all(not h["evidence"] for hs in hypotheses for h in hs)
    assert any(h["evidence"] for r in with_evidence["result_json"] for h in json.loads(r)["hypotheses"])
    probs = [c for c in without.columns if c.startswith("prob_")]
    assert probs and without[probs].equals(with_evidence[probs])

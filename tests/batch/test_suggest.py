"""``--suggest K``: the least certain notes in doccano and Label Studio import formats."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pandas as pd
from batch_helpers import note_rows, write_rows

from tagger.batch.run import BatchOptions, run_batch


def test_suggest_writes_the_k_least_certain_notes_for_doccano_and_label_studio(tmp_path, stub_tagger):
    rows = note_rows(24)
    rows[4]["text"] = ""  # an error row is never suggested
    source = write_rows(tmp_path / "in.csv", rows)
    opts = BatchOptions(inputs=[str(source)], output=tmp_path / "out.parquet", chunk_size=5, suggest=4,
                        suggest_out=tmp_path / "to_annotate")
    summary = run_batch(opts, tagger=stub_tagger)
    table = pd.read_parquet(opts.output)

    def margin(result_json):
        hyps = json.loads(result_json)["hypotheses"]
        return min(abs(h["probability"] - h["threshold"]) for h in hyps)

    ranked = sorted((margin(js), row) for js, row in zip(table["result_json"], table["row"], strict=True)
                    if isinstance(js, str))
    expected_rows = [row for _, row in ranked[:4]]

    doccano = [json.loads(line) for line in (tmp_path / "to_annotate.doccano.jsonl").read_text().splitlines()]
    assert [d["row"] for d in doccano] == expected_rows
    for d in doccano:
        source_row = table.iloc[d["row"]]
        assert d["text"] == json.loads(source_row["result_json"])["text"]
        assert d["label"] == list(source_row["labels"]) and d["note_id"] == source_row["id"]
        assert set(d["label"]) <= {"knee_chain", "hip_factor"}

    tasks = json.loads((tmp_path / "to_annotate.labelstudio.json").read_text())
    assert [t["data"]["row"] for t in tasks] == expected_rows
    for task, d in zip(tasks, doccano, strict=True):
        assert task["data"]["text"] == d["text"]
        (prediction,) = task["predictions"]
        chosen = [c for r in prediction["result"] for c in r["value"]["choices"]]
        assert chosen == d["label"]
        assert all(r["from_name"] == "chains" and r["to_name"] == "text" and r["type"] == "choices"
                   for r in prediction["result"])
    config = ET.fromstring((tmp_path / "to_annotate.labelstudio.xml").read_text())
    assert config.find("Text").get("name") == "text"
    assert [c.get("value") for c in config.find("Choices")] == ["knee_chain", "hip_factor"]
    assert summary.outputs["suggest_doccano"] == tmp_path / "to_annotate.doccano.jsonl"


def test_suggest_default_prefix_sits_next_to_the_output(tmp_path, stub_tagger):
    source = write_rows(tmp_path / "in.csv", note_rows(3))
    run_batch(BatchOptions(inputs=[str(source)], output=tmp_path / "tagged.parquet", suggest=10), tagger=stub_tagger)
    lines = (tmp_path / "tagged.suggest.doccano.jsonl").read_text().splitlines()
    assert len(lines) == 3  # fewer notes than K: all of them

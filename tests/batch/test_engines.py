"""Engines: worker processes and a Dask LocalCluster give the one-process output, row for row."""

from __future__ import annotations

import pandas as pd
import pytest
from batch_helpers import note_rows, write_rows

from tagger.batch.run import BatchOptions, run_batch


@pytest.fixture(scope="module")
def export(tmp_path_factory):
    """A small mixed export: two files, bad rows included, read in chunks of 4."""
    root = tmp_path_factory.mktemp("export")
    rows = note_rows(30)
    rows[5]["text"] = ""
    rows[17]["text"] = "   "
    write_rows(root / "a.csv", rows[:18])
    write_rows(root / "b.jsonl", [*rows[18:], {"id": "n-null", "text": None}, {"id": "n-num", "text": 7}])
    return root


def run(root, out, **kwargs):
    opts = BatchOptions(inputs=[str(root / "a.csv"), str(root / "b.jsonl")], output=out, chunk_size=4,
                        entities_out=out.with_name(out.stem + "_entities.parquet"), **kwargs)
    summary = run_batch(opts)
    return summary, pd.read_parquet(out), pd.read_parquet(opts.entities_out)


@pytest.fixture(scope="module")
def one_process(export, tmp_path_factory):
    return run(export, tmp_path_factory.mktemp("one") / "out.parquet", workers=1)


def test_two_worker_processes_give_the_one_process_output(export, one_process, tmp_path):
    summary, rows, entities = run(export, tmp_path / "out.parquet", workers=2)
    assert summary.rows == 32 and summary.errors == 4
    pd.testing.assert_frame_equal(rows, one_process[1])
    pd.testing.assert_frame_equal(entities, one_process[2])


def test_dask_local_cluster_with_two_worker_processes_gives_the_local_output(export, one_process, tmp_path):
    summary, rows, entities = run(export, tmp_path / "out.parquet", engine="dask", workers=2, dask_processes=True)
    assert summary.engine == "dask" and summary.rows == 32
    assert rows["error"].notna().sum() == 4 and "got int" in rows["error"].iloc[-1]
    pd.testing.assert_frame_equal(rows, one_process[1])
    pd.testing.assert_frame_equal(entities, one_process[2])

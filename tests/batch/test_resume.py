"""Interrupted runs: resuming gives exactly the rows of an uninterrupted run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest
from batch_helpers import note_rows, write_rows

from tagger.batch.errors import ResumeError
from tagger.batch.run import BatchOptions, run_batch


class Boom(Exception):
    pass


def fail_after(n):
    def on_chunk(index):
        if index + 1 >= n:
            raise Boom(f"injected failure after chunk {index}")
    return on_chunk


def options(tmp_path, source, name, **kwargs):
    return BatchOptions(inputs=[str(source)], output=tmp_path / name, chunk_size=3, **kwargs)


def manifest_chunks(output):
    return json.loads((output.parent / (output.name + ".parts") / "manifest.json").read_text())["chunks"]


def test_failure_after_some_chunks_then_resume_gives_the_uninterrupted_output(tmp_path, rules_tagger):
    source = write_rows(tmp_path / "in.csv", note_rows(20))
    reference = options(tmp_path, source, "ref.parquet", entities_out=tmp_path / "ref_ents.parquet")
    run_batch(reference, tagger=rules_tagger)

    opts = options(tmp_path, source, "out.parquet", entities_out=tmp_path / "ents.parquet")
    with pytest.raises(Boom):
        run_batch(opts, tagger=rules_tagger, on_chunk=fail_after(3))
    assert not opts.output.exists()
    assert sorted(manifest_chunks(opts.output)) == ["0", "1", "2"]

    tagged_again = []
    opts.resume = True
    summary = run_batch(opts, tagger=rules_tagger, on_chunk=tagged_again.append)
    assert tagged_again == [3, 4, 5, 6]  # chunks 0-2 were not tagged again
    assert summary.chunks_resumed == 3 and summary.rows_tagged == 11 and summary.rows == 20
    pd.testing.assert_frame_equal(pd.read_parquet(opts.output), pd.read_parquet(reference.output))
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "ents.parquet"), pd.read_parquet(tmp_path / "ref_ents.parquet"))


KILLED_RUN = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from tagger.batch.run import BatchOptions, run_batch

    def on_chunk(index):
        if index == 2:  # a hard kill: no exception handling, no cleanup
            os.kill(os.getpid(), signal.SIGKILL)

    if __name__ == "__main__":
        opts = BatchOptions(inputs=[sys.argv[1]], output=Path(sys.argv[2]), chunk_size=3, workers=1)
        run_batch(opts, on_chunk=on_chunk)
""")


def test_killed_run_resumed_gives_every_row_exactly_once(tmp_path):
    """A SIGKILLed process, plus debris of a chunk cut off mid-write, then ``--resume``."""
    source = write_rows(tmp_path / "in.jsonl", note_rows(16))
    script = tmp_path / "killed_run.py"
    script.write_text(KILLED_RUN)
    out = tmp_path / "out.csv"
    repo = str(Path(__file__).resolve().parents[2])
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([repo, os.environ.get("PYTHONPATH", "")]))
    proc = subprocess.run([sys.executable, str(script), str(source), str(out)], capture_output=True, env=env, timeout=120)
    assert proc.returncode == -9, proc.stderr.decode()[-2000:]
    assert sorted(manifest_chunks(out)) == ["0", "1", "2"]
    parts = tmp_path / "out.csv.parts"
    (parts / "part-000003.parquet").write_bytes(b"PAR1 half a chunk")  # written but never recorded
    (parts / ".part-000004.parquet.999.tmp").write_bytes(b"PAR1")

    run_batch(options(tmp_path, source, "out.csv", resume=True))
    run_batch(options(tmp_path, source, "ref.csv"))
    resumed, reference = pd.read_csv(out), pd.read_csv(tmp_path / "ref.csv")
    assert resumed["row"].tolist() == list(range(16))
    pd.testing.assert_frame_equal(resumed, reference)
    assert not parts.exists()


def test_a_damaged_recorded_chunk_is_tagged_again(tmp_path, rules_tagger):
    source = write_rows(tmp_path / "in.csv", note_rows(12))
    opts = options(tmp_path, source, "out.parquet")
    with pytest.raises(Boom):
        run_batch(opts, tagger=rules_tagger, on_chunk=fail_after(3))
    part = tmp_path / "out.parquet.parts" / "part-000001.parquet"
    part.write_bytes(part.read_bytes()[:100])  # e.g. a disk that lost the end of the file
    tagged_again = []
    opts.resume = True
    run_batch(opts, tagger=rules_tagger, on_chunk=tagged_again.append)
    assert tagged_again == [1, 3]
    assert pd.read_parquet(opts.output)["id"].tolist() == [r["id"] for r in note_rows(12)]


def test_resume_refuses_changed_inputs_or_options(tmp_path, rules_tagger):
    source = write_rows(tmp_path / "in.csv", note_rows(12))
    opts = options(tmp_path, source, "out.parquet")
    with pytest.raises(Boom):
        run_batch(opts, tagger=rules_tagger, on_chunk=fail_after(2))
    changed = options(tmp_path, source, "out.parquet", resume=True)
    changed.chunk_size = 4
    with pytest.raises(ResumeError, match="chunk_size differ"):
        run_batch(changed, tagger=rules_tagger)
    write_rows(source, note_rows(13))
    with pytest.raises(ResumeError, match="inputs differ"):
        run_batch(options(tmp_path, source, "out.parquet", resume=True), tagger=rules_tagger)


def test_resume_without_an_earlier_run_just_runs(tmp_path, rules_tagger):
    source = write_rows(tmp_path / "in.csv", note_rows(4))
    summary = run_batch(options(tmp_path, source, "out.parquet", resume=True), tagger=rules_tagger)
    assert summary.rows == 4 and summary.chunks_resumed == 0

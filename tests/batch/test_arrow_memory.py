"""Batch processes allocate Arrow memory with the system allocator (tagger.batch.arrow_memory)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from batch_helpers import note_rows, write_rows

REPO = Path(__file__).resolve().parents[2]

# run in a fresh interpreter: the switch is once per process, and this one may have made it
PROBE = """
import sys
from pathlib import Path
import pyarrow as pa
from tagger.batch.run import BatchOptions, run_batch
before = pa.default_memory_pool().backend_name
run_batch(BatchOptions(inputs=[sys.argv[1]], output=Path(sys.argv[2]), workers=1, chunk_size=2))
print(before, pa.default_memory_pool().backend_name)
"""


def test_a_one_worker_batch_run_switches_its_process_to_the_system_allocator(tmp_path):
    export = write_rows(tmp_path / "notes.csv", note_rows(3))
    done = subprocess.run([sys.executable, "-c", PROBE, str(export), str(tmp_path / "out.parquet")], cwd=REPO,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    before, after = done.stdout.split()
    assert before != "system"
    assert after == "system"


def test_a_dask_partition_is_tagged_on_the_system_allocator(tmp_path):
    probe = PROBE.replace("workers=1, chunk_size=2", "workers=1, chunk_size=2, engine='dask', dask_processes=False")
    export = write_rows(tmp_path / "notes.csv", note_rows(3))
    done = subprocess.run([sys.executable, "-c", probe, str(export), str(tmp_path / "out.parquet")], cwd=REPO,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split()[-1] == "system"

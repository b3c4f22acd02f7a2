"""The Dask engine: ``--engine dask`` on a ``LocalCluster`` or an existing scheduler.

The inputs become a ``dask.dataframe`` with one partition per chunk of the plan (columns
``row``, ``id``, ``text``), read on the workers by the same reader as the local engine;
``map_partitions`` tags each partition with the worker's cached model (loaded once per
worker process). The client collects the tagged partitions a few at a time, writes them as
chunk files and records them in the same manifest, so the output, ``--resume`` and the
final assembly are exactly those of the local engine.

On an existing cluster, the workers need this package installed, the inputs at the same
path (a shared filesystem) and, for a trained model, the model directory at the same path.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd
import pyarrow as pa

from ..errors import TaggerError
from ..gc_tuning import tune_after_load
from .arrow_memory import release_unused, use_system_allocator
from .errors import EngineError
from .readers import ChunkReader, ChunkSpec
from .rows import output_schema, tag_chunk
from .worker import ChunkJob, check_labels, get_tagger, write_chunk

log = logging.getLogger("tagger")

OnDone = Callable[[ChunkSpec, int], None]


def read_partition(spec: ChunkSpec, text_col: str, id_col: str | None) -> pd.DataFrame:
    """One chunk as a frame; ``object`` columns keep a null or a number in the note column as it is."""
    reader = ChunkReader(text_col, id_col)
    try:
        data = reader.read(spec)
    finally:
        reader.close()
    return pd.DataFrame({
        "row": pd.Series(range(spec.first_row, spec.first_row + spec.n_rows), dtype="int64"),
        "id": pd.Series(data.ids, dtype=object),
        "text": pd.Series(data.texts, dtype=object),
    })


def tag_partition(frame: pd.DataFrame, job: ChunkJob) -> pd.DataFrame:
    """Tag one partition with this worker's model; Arrow-backed columns keep types exact."""
    use_system_allocator()
    tagger = get_tagger(job.tagger)
    tune_after_load()  # after the model is loaded; only the first call per process does anything
    check_labels(tagger, job.labels)
    rows = frame["row"].tolist()
    first_row = rows[0] if rows else 0
    table = tag_chunk(tagger, frame["id"].tolist(), frame["text"].tolist(), first_row, job.labels, evidence=job.evidence)
    tagged = table.to_pandas(types_mapper=pd.ArrowDtype)
    del table
    release_unused()
    return tagged


def _input_meta() -> pd.DataFrame:
    return pd.DataFrame({"row": pd.Series([], dtype="int64"), "id": pd.Series([], dtype=object),
                         "text": pd.Series([], dtype=object)})


def _output_meta(labels: Sequence[str]) -> pd.DataFrame:
    return output_schema(labels, internal=True).empty_table().to_pandas(types_mapper=pd.ArrowDtype)


def build_frame(chunks: Sequence[ChunkSpec], job: ChunkJob):
    """The lazy pipeline: a dask dataframe of the inputs, tagged partition by partition."""
    import dask
    import dask.dataframe as dd

    # Dask would otherwise turn the object columns into strings, making a numeric or null
    # note look like text; set while the graph is built, which is when it applies.
    with dask.config.set({"dataframe.convert-string": False}):
        frame = dd.from_map(read_partition, list(chunks), text_col=job.text_col, id_col=job.id_col,
                            meta=_input_meta(), enforce_metadata=False)
        tagged = frame.map_partitions(tag_partition, job, meta=_output_meta(job.labels), enforce_metadata=False)
        return tagged.to_delayed()


def connect(scheduler: str | None, workers: int, *, processes: bool = True) -> tuple[Any, Any]:
    """A client on ``scheduler``, or on a new ``LocalCluster`` of ``workers`` single-threaded workers."""
    from dask.distributed import Client, LocalCluster

    if scheduler:
        try:
            return Client(scheduler, timeout="20s"), None
        except (OSError, TimeoutError) as exc:
            raise EngineError(f"cannot reach the Dask scheduler at {scheduler} ({exc})") from exc
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=processes,
                           dashboard_address=None, silence_logs=logging.ERROR)
    return Client(cluster), cluster


def run_dask(chunks: Sequence[ChunkSpec], job: ChunkJob, on_done: OnDone, *, scheduler: str | None = None,
             workers: int = 2, processes: bool = True) -> None:
    """Tag ``chunks`` on Dask; the client writes each finished partition as a chunk file."""
    if not chunks:
        return
    from dask.distributed import as_completed

    client, cluster = connect(scheduler, workers, processes=processes)
    try:
        parts = build_frame(chunks, job)
        # one partition queued per worker thread beyond the running ones: the client holds few
        window = 2 * max(1, sum(client.nthreads().values()))
        schema = output_schema(job.labels, internal=True)
        queue = list(zip(chunks, parts, strict=True))[::-1]
        futures: dict[Any, ChunkSpec] = {}
        running = as_completed()
        while queue or futures:
            while queue and len(futures) < window:
                spec, part = queue.pop()
                future = client.compute(part)
                futures[future] = spec
                running.add(future)
            future = next(running)
            spec = futures.pop(future)
            try:
                frame = future.result()
            except Exception as exc:
                # only our own errors' messages are shown: another exception's text might quote a note
                detail = exc.message if isinstance(exc, TaggerError) else type(exc).__name__
                raise EngineError(f"chunk {spec.index} failed on a Dask worker ({detail}); "
                                  "rerun the same command with --resume to continue") from exc
            table = pa.Table.from_pandas(frame, schema=schema, preserve_index=False)
            write_chunk(job, spec.index, table)
            on_done(spec, table.num_rows)
            future.release()
            del table, frame
            release_unused()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


__all__ = ["build_frame", "connect", "read_partition", "run_dask", "tag_partition"]

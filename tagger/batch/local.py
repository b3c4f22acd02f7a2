"""The local engine: ``--workers N`` processes on this machine.

Each worker process loads the model once (pool initializer) and then, per chunk, reads its
rows from the input itself, tags them and writes the chunk file; the parent only hands out
chunk descriptions and records finished chunks in the manifest. Nothing large crosses a
process boundary: spaCy's own ``nlp.pipe(n_process=2)`` was measured 3x *slower* than one
process on this pipeline because every Doc is pickled back to the parent.

With one worker everything runs in this process (no pool to start, no model to reload).
"""

from __future__ import annotations

import concurrent.futures as cf
import logging
import multiprocessing
import os
import signal
from collections.abc import Callable, Sequence

from ..core import Tagger
from ..gc_tuning import tune_after_load
from .arrow_memory import use_system_allocator
from .errors import EngineError
from .readers import ChunkReader, ChunkSpec
from .worker import ChunkJob, get_tagger, process_chunk

log = logging.getLogger("tagger")

OnDone = Callable[[ChunkSpec, int], None]


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _init_worker(job: ChunkJob) -> None:
    # Ctrl+C goes to the whole process group: let the parent alone decide what happens
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    use_system_allocator()
    get_tagger(job.tagger)
    tune_after_load()


def _run_chunk(job: ChunkJob, spec: ChunkSpec) -> int:
    return process_chunk(job, spec)


def run_local(chunks: Sequence[ChunkSpec], job: ChunkJob, on_done: OnDone, *, workers: int = 1,
              tagger: Tagger | None = None) -> None:
    """Tag ``chunks``; ``on_done(spec, rows)`` is called in this process as each one finishes."""
    if workers <= 1:
        use_system_allocator()  # as the pool workers do, so one worker and N workers are compared fairly
        if tagger is None:
            tagger = get_tagger(job.tagger)
        tune_after_load()  # as the pool workers do, so one worker and N workers are compared fairly
        reader = ChunkReader(job.text_col, job.id_col)
        try:
            for spec in chunks:
                on_done(spec, process_chunk(job, spec, tagger, reader))
        finally:
            reader.close()
        return
    # spawn, not fork: the parent may hold threads (progress bar) and a loaded pipeline
    context = multiprocessing.get_context("spawn")
    pool = cf.ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_init_worker, initargs=(job,))
    pending: dict[cf.Future[int], ChunkSpec] = {}
    todo = iter(chunks)
    try:
        for spec in todo:
            pending[pool.submit(_run_chunk, job, spec)] = spec
            if len(pending) >= 2 * workers:  # a short queue: each worker always has its next chunk
                _collect(pending, on_done, cf.FIRST_COMPLETED)
        while pending:
            _collect(pending, on_done, cf.FIRST_COMPLETED)
    except cf.process.BrokenProcessPool as exc:
        raise EngineError("a worker process died (out of memory, or killed) while tagging; "
                          "rerun the same command with --resume to continue") from exc
    except BaseException:
        _terminate(pool)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _collect(pending: dict[cf.Future[int], ChunkSpec], on_done: OnDone, how: str) -> None:
    finished, _ = cf.wait(pending, return_when=how)
    for future in sorted(finished, key=lambda f: pending[f].index):
        spec = pending.pop(future)
        on_done(spec, future.result())


def _terminate(pool: cf.ProcessPoolExecutor) -> None:
    """Stop the workers now rather than after their current chunk (Ctrl+C, or an error).

    ``ProcessPoolExecutor`` has no public way to do this; a chunk cut off here was never
    recorded, so it is simply tagged again on ``--resume``.
    """
    for process in list(getattr(pool, "_processes", {}).values()):
        if process.is_alive():
            process.terminate()


__all__ = ["cpu_count", "run_local"]

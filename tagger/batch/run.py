"""One batch run from options to files: plan, resume, tag (local or Dask), assemble, suggest.

``run_batch`` is what the ``tagger batch`` command calls and what tests call; it returns a
``BatchSummary`` and reports progress through an optional ``Progress`` object.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol

from ..cleaning import DEFAULT_MAX_CHARS
from ..core import Tagger
from .errors import BatchError
from .manifest import ChunkStore, parts_dir_for
from .readers import ChunkSpec, file_fingerprint, plan, resolve_inputs
from .suggest import SuggestionPicker, write_suggestions
from .worker import ChunkJob, ModelSummary, TaggerSpec, describe_model, get_tagger
from .writers import output_format

log = logging.getLogger("tagger")

BATCH_FORMAT = "tagger.batch.v1"  # bump when the output table changes


@dataclass
class BatchOptions:
    inputs: Sequence[str | Path]
    output: Path
    text_col: str | None = None
    id_col: str | None = None
    format: str | None = None
    workers: int = 1
    chunk_size: int = 1000
    resume: bool = False
    engine: Literal["local", "dask"] = "local"
    scheduler: str | None = None
    entities_out: Path | None = None
    suggest: int = 0
    suggest_out: Path | None = None
    model: Path | None = None
    max_chars: int = DEFAULT_MAX_CHARS
    evidence: bool = True  # False: hypotheses without evidence spans, about twice as fast
    dask_processes: bool = True  # LocalCluster workers as processes (threads share one GIL)


@dataclass
class BatchSummary:
    rows: int
    errors: int
    error_codes: dict[str, int]
    labels: dict[str, int]
    entities: dict[str, int]
    seconds: float
    rows_tagged: int  # in this invocation (the rest came from a resumed run)
    chunks: int
    chunks_resumed: int
    engine: str
    workers: int
    outputs: dict[str, Path] = field(default_factory=dict)

    @property
    def rows_per_second(self) -> float:
        return self.rows_tagged / self.seconds if self.seconds > 0 else 0.0


class Progress(Protocol):
    def start(self, total_rows: int, done_rows: int) -> None: ...

    def advance(self, rows: int) -> None: ...


def _check(opts: BatchOptions) -> None:
    if opts.engine not in ("local", "dask"):
        raise BatchError(f"unknown engine {opts.engine!r}; use 'local' or 'dask'")
    if opts.scheduler and opts.engine != "dask":
        raise BatchError("--scheduler needs --engine dask")
    if opts.workers < 1:
        raise BatchError(f"--workers must be at least 1, got {opts.workers}")
    if opts.suggest < 0:
        raise BatchError(f"--suggest must be 0 or more, got {opts.suggest}")
    if opts.max_chars < 1:
        raise BatchError(f"--max-chars must be at least 1, got {opts.max_chars}")
    output_format(opts.output, opts.format)
    if Path(opts.output).is_dir():
        raise BatchError(f"the output {opts.output} is a directory; give a file name such as {Path(opts.output) / 'tagged.parquet'}")
    if opts.entities_out is not None and Path(opts.entities_out).resolve() == Path(opts.output).resolve():
        raise BatchError("--entities-out must be a different file from the output")


def run_batch(opts: BatchOptions, *, tagger: Tagger | None = None, progress: Progress | None = None,
              on_chunk: Callable[[int], None] | None = None) -> BatchSummary:
    """Tag every row of ``opts.inputs`` into ``opts.output``.

    ``tagger`` (optional) is used as is by a one-worker local run; other runs load the model
    named by ``opts.model`` in each worker, and this process does not load it at all.
    ``on_chunk(index)`` is called after each chunk is recorded in the manifest.
    """
    began = time.perf_counter()
    _check(opts)
    output = Path(opts.output)
    files = resolve_inputs(opts.inputs)
    the_plan = plan(files, text_col=opts.text_col, id_col=opts.id_col, chunk_size=opts.chunk_size)
    spec = TaggerSpec.resolve(opts.model, opts.max_chars)
    in_process = opts.engine == "local" and opts.workers == 1
    if tagger is None and in_process:
        tagger = get_tagger(spec)
    if tagger is not None:
        if tagger.max_chars != opts.max_chars:
            raise BatchError(f"the tagger given allows {tagger.max_chars:,} characters but max_chars is {opts.max_chars:,}")
        model = ModelSummary(tagger.info.name, tagger.info.version, tuple(tagger.labels))
    else:
        model = describe_model(spec)  # the workers load the model; this process need not
    labels = model.labels
    if opts.suggest and not labels:
        raise BatchError("--suggest ranks notes by their hypotheses, and this model has no classifier "
                         "(rules only); give --model with a trained model")

    output.parent.mkdir(parents=True, exist_ok=True)
    fingerprint: dict[str, Any] = {
        "batch_format": BATCH_FORMAT, "inputs": file_fingerprint(files), "text_col": the_plan.text_col,
        "id_col": the_plan.id_col, "chunk_size": opts.chunk_size, "max_chars": opts.max_chars,
        "model": {"name": model.name, "version": model.version, "labels": list(labels)},
        "entities": opts.entities_out is not None, "evidence": opts.evidence,
    }
    store = ChunkStore(output, fingerprint, len(the_plan.chunks), entities=opts.entities_out is not None)
    done = store.open(resume=opts.resume)
    todo = [c for c in the_plan.chunks if c.index not in done]
    if progress is not None:
        progress.start(the_plan.total_rows, sum(done.values()))
    log.info("batch: %d rows in %d chunks (%d to do), engine %s, %d workers",
             the_plan.total_rows, len(the_plan.chunks), len(todo), opts.engine, opts.workers)

    tagged = 0

    def finished(chunk: ChunkSpec, rows: int) -> None:
        nonlocal tagged
        store.record(chunk.index, rows)
        tagged += rows
        if progress is not None:
            progress.advance(rows)
        if on_chunk is not None:
            on_chunk(chunk.index)

    job = ChunkJob(spec, the_plan.text_col, the_plan.id_col, labels, str(store.dir), opts.entities_out is not None,
                   evidence=opts.evidence)
    if opts.engine == "dask":
        from .dask_engine import run_dask

        run_dask(todo, job, finished, scheduler=opts.scheduler, workers=opts.workers, processes=opts.dask_processes)
    else:
        from .local import run_local

        run_local(todo, job, finished, workers=opts.workers, tagger=tagger)

    picker = SuggestionPicker(opts.suggest)
    totals = store.assemble(the_plan.chunks, labels, fmt=opts.format, entities_out=opts.entities_out,
                            on_part=picker.add if opts.suggest else None)
    outputs = {"output": output}
    if opts.entities_out is not None:
        outputs["entities"] = Path(opts.entities_out)
    if opts.suggest:
        prefix = Path(opts.suggest_out) if opts.suggest_out else output.with_name(output.stem + ".suggest")
        paths = write_suggestions(prefix, picker.picks(), labels, f"{model.name} {model.version}")
        outputs.update({f"suggest_{k}": v for k, v in paths.items()})
    store.remove()
    return BatchSummary(
        rows=totals["rows"], errors=totals["errors"], error_codes=totals["error_codes"], labels=totals["labels"],
        entities=totals["entities"], seconds=time.perf_counter() - began, rows_tagged=tagged,
        chunks=len(the_plan.chunks), chunks_resumed=len(done), engine=opts.engine, workers=opts.workers,
        outputs=outputs,
    )


__all__ = ["BATCH_FORMAT", "BatchOptions", "BatchSummary", "Progress", "parts_dir_for", "run_batch"]

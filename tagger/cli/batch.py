"""``tagger batch``: tag every note of CSV/TSV, JSONL or Parquet exports into one table."""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Annotated

import typer

from ..cleaning import DEFAULT_MAX_CHARS
from ..errors import TaggerError


class RichProgress:
    """A progress bar on stderr: rows done, rows/s, elapsed and ETA."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.progress = Progress(
            TextColumn("[bold]tagging[/bold]"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[rate]} rows/s"), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
            console=Console(stderr=True), transient=False, speed_estimate_period=300,
        )
        self.task = None
        self.began = 0.0
        self.tagged = 0

    def start(self, total_rows: int, done_rows: int) -> None:
        self.progress.start()
        self.task = self.progress.add_task("tagging", total=total_rows, completed=done_rows, rate="-")
        self.began = time.perf_counter()

    def advance(self, rows: int) -> None:
        # the rate shown is this run's average (chunks finish in bursts; a windowed rate jumps)
        self.tagged += rows
        rate = self.tagged / max(time.perf_counter() - self.began, 1e-9)
        self.progress.update(self.task, advance=rows, rate=f"{rate:,.1f}")

    def stop(self) -> None:
        self.progress.stop()


def print_summary(summary) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    table = Table(title="tagger batch", show_header=False)
    table.add_column(style="bold")
    table.add_column()
    table.add_row("rows", f"{summary.rows:,}")
    codes = ", ".join(f"{code}: {n:,}" for code, n in sorted(summary.error_codes.items()))
    table.add_row("errors", f"{summary.errors:,}" + (f" ({codes})" if codes else ""))
    table.add_row("time", f"{summary.seconds:,.1f} s ({summary.rows_per_second:,.1f} rows/s tagged in this run, "
                          f"{summary.engine} engine, {summary.workers} worker{'s' if summary.workers != 1 else ''})")
    if summary.chunks_resumed:
        table.add_row("resumed", f"{summary.chunks_resumed} of {summary.chunks} chunks were already done")
    labels = ", ".join(f"{k}: {v:,}" for k, v in sorted(summary.labels.items(), key=lambda kv: -kv[1]))
    table.add_row("labels", labels or "(the model has no classifier)")
    table.add_row("entities", ", ".join(f"{k}: {v:,}" for k, v in summary.entities.items()))
    for name, path in summary.outputs.items():
        table.add_row(name.replace("_", " "), str(path))
    console.print(table)


def batch_cli(
    inputs: Annotated[list[str], typer.Argument(help="Input files or globs: .csv, .tsv, .jsonl, .parquet.", show_default=False)],
    output: Annotated[Path, typer.Option("--output", "-o", help="Output file (.parquet, .csv or .jsonl).", show_default=False)],
    text_col: Annotated[str | None, typer.Option(help="Column holding the note (default: text, note, notes, note_text, body or content).")] = None,
    id_col: Annotated[str | None, typer.Option(help="Column holding the note id (default: id, note_id or record_id if present, else the row number).")] = None,
    format: Annotated[str | None, typer.Option("--format", help="parquet, csv or jsonl (default: from the output suffix, else parquet).")] = None,
    workers: Annotated[int | None, typer.Option("--workers", "-w", help="Worker processes (default: this machine's cores).")] = None,
    chunk_size: Annotated[int, typer.Option(help="Rows per chunk: the unit of work, of memory and of resume.")] = 1000,
    resume: Annotated[bool, typer.Option("--resume", help="Continue an interrupted run of the same command.")] = False,
    engine: Annotated[str, typer.Option(help="local (processes on this machine) or dask.")] = "local",
    scheduler: Annotated[str | None, typer.Option(help="Dask scheduler address, e.g. tcp://host:8786 (default: a local cluster).")] = None,
    entities_out: Annotated[Path | None, typer.Option(help="Also write one row per entity to this file (.parquet, .csv, .jsonl).")] = None,
    suggest: Annotated[int, typer.Option(help="Also write the K least certain notes for annotation (doccano and Label Studio).")] = 0,
    suggest_out: Annotated[Path | None, typer.Option(help="Prefix of the suggestion files (default: OUTPUT without suffix + .suggest).")] = None,
    model: Annotated[Path | None, typer.Option(help="Model directory (default: the shipped model).")] = None,
    max_chars: Annotated[int, typer.Option(help="Longest note to tag; longer notes get an error row.")] = DEFAULT_MAX_CHARS,
    evidence: Annotated[bool, typer.Option("--evidence/--no-evidence", help="Keep each hypothesis's evidence spans in result_json; --no-evidence keeps only the probabilities and runs about twice as fast.")] = True,
) -> None:
    """Tag every note of one or more exports: one output row per input row, in input order."""
    from ..batch.local import cpu_count
    from ..batch.run import BatchOptions, run_batch

    opts = BatchOptions(
        inputs=inputs, output=output, text_col=text_col, id_col=id_col, format=format,
        workers=workers if workers is not None else cpu_count(), chunk_size=chunk_size, resume=resume,
        engine=engine, scheduler=scheduler, entities_out=entities_out, suggest=suggest, suggest_out=suggest_out,
        model=model, max_chars=max_chars, evidence=evidence,
    )
    logging.getLogger("distributed").setLevel(logging.ERROR)
    progress = RichProgress()
    try:
        summary = run_batch(opts, progress=progress)
    except TaggerError as exc:
        progress.stop()
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    except KeyboardInterrupt:
        progress.stop()
        typer.echo("interrupted: finished chunks are saved; run the same command with --resume to continue", err=True)
        raise typer.Exit(130) from None
    except Exception as exc:  # a bug: no traceback with local variables, which would hold note text
        from ..batch.rows import where_raised

        progress.stop()
        logging.getLogger("tagger").debug("batch failed", exc_info=True)
        typer.echo(f"error: unexpected {where_raised(exc)}; finished chunks are saved: rerun the same command "
                   "with --resume once it is fixed", err=True)
        raise typer.Exit(1) from None
    progress.stop()
    print_summary(summary)


def register(app: typer.Typer) -> None:
    app.command("batch")(batch_cli)

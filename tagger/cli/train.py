"""``tagger train``, ``tagger evaluate`` and ``tagger compare``: the classifier's life cycle."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from ..errors import TaggerError


def _read(corpus: list[Path], include: list[Path] | None = None):
    from ..corpus.io import read_cases
    from ..corpus.split import assign_split

    cases = read_cases(corpus)
    for path in include or []:
        from ..corpus.formats import read_any

        extra = read_any(path)
        for case in extra:
            if not case.split:
                case.split = assign_split(case.id)
        cases.extend(extra)
    missing = [c.id for c in cases if not c.split]
    if missing:
        raise typer.BadParameter(f"{len(missing)} cases have no split (e.g. {missing[:3]}); run `tagger corpus split` first")
    return cases


def train_cli(
    corpus: Annotated[list[Path], typer.Argument(help="Case files or directories (JSONL).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Model directory to write.")],
    include: Annotated[list[Path] | None, typer.Option("--include", help="A clinic's exported annotations (doccano, Label Studio, Prodigy or our JSONL).")] = None,
    use_all: Annotated[bool, typer.Option("--all", help="Train on every split (dev/test figures are then not held out).")] = False,
    C: Annotated[float, typer.Option("--C", help="Inverse regularisation strength.")] = 8.0,
    seed: Annotated[int, typer.Option(help="Random seed.")] = 0,
) -> None:
    """Train the chain classifier and write a model directory (pipeline, classifier, card)."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from ..classifier.training import command_line, train_model

    try:
        cases = _read(corpus, include)
        with Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed}/{task.total}"),
                      TimeElapsedColumn(), transient=False) as bar:
            tasks: dict[str, int] = {}

            def progress(stage: str, done: int, total: int) -> None:
                if stage not in tasks:
                    tasks[stage] = bar.add_task(stage, total=total)
                bar.update(tasks[stage], completed=done)

            card = train_model(cases, out, use_all=use_all, C=C, seed=seed, command=command_line(), progress=progress)
    except (TaggerError, ValueError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    typer.echo(f"wrote {out} in {card['training_seconds']} s ({card['corpus']['train_cases']} training cases, {len(card['labels'])} labels)")
    for split, m in card["metrics"].items():
        typer.echo(f"{split}: macro F1 {m['macro_f1']:.3f}  micro F1 {m['micro_f1']:.3f}  ({m['n_cases']} cases)")
        for label, row in m["per_label"].items():
            typer.echo(f"  {label:18} P {row['precision']:.2f}  R {row['recall']:.2f}  F1 {row['f1']:.2f}  n={row['support']}")


def evaluate_cli(
    corpus: Annotated[list[Path], typer.Argument(help="Case files or directories.")],
    model: Annotated[Path, typer.Option("--model", "-m", help="Model directory.")] = Path("models/default"),
    split: Annotated[str, typer.Option(help="test (default), dev, train or all.")] = "test",
    out: Annotated[Path, typer.Option("--out", "-o", help="Where to write report.md and the plots.")] = Path("reports/evaluation"),
    learning_curve: Annotated[bool, typer.Option(help="Also fit on 25/50/75/100% of train.")] = True,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Per-label precision/recall/F1 of a model next to a TF-IDF and an entities-only baseline."""
    from ..classifier.evaluate import evaluate_model, report_markdown

    try:
        report = evaluate_model(model, _read(corpus), split=split, out_dir=out, learning_curve=learning_curve)
    except (TaggerError, ValueError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    typer.echo(json.dumps(report, indent=2) if as_json else report_markdown(report))
    if not as_json:
        typer.echo(f"\nwrote {out / 'report.md'}")


def compare_cli(
    model_a: Annotated[Path, typer.Argument(help="Current model directory.")],
    model_b: Annotated[Path, typer.Argument(help="Candidate model directory.")],
    corpus: Annotated[list[Path], typer.Argument(help="Case files or directories.")],
    split: Annotated[str, typer.Option(help="Split to compare on.")] = "test",
) -> None:
    """Decide whether a retrained model (B) is better than the current one (A)."""
    from ..classifier.evaluate import compare_models

    try:
        result = compare_models(model_a, model_b, _read(corpus), split=split)
    except (TaggerError, ValueError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    typer.echo(f"{'label':18}  {'A':>6}  {'B':>6}  {'B-A':>6}")
    for label in result["labels"]:
        fa, fb = result["a"]["per_label"][label]["f1"], result["b"]["per_label"][label]["f1"]
        typer.echo(f"{label:18}  {fa:6.3f}  {fb:6.3f}  {fb - fa:+6.3f}")
    typer.echo(f"{'macro F1':18}  {result['a']['macro_f1']:6.3f}  {result['b']['macro_f1']:6.3f}  {result['macro_f1_diff']:+6.3f}")
    typer.echo(result["verdict"])


def register(app: typer.Typer) -> None:
    app.command("train")(train_cli)
    app.command("evaluate")(evaluate_cli)
    app.command("compare")(compare_cli)

"""``tagger evaluate-entities``: entity and attribute figures on the gold cases of a split."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from ..errors import CorpusError, ModelLoadError


def evaluate_entities_cli(
    paths: Annotated[list[Path], typer.Argument(help="Case files (JSONL) or directories of them, e.g. corpora/cases.")],
    split: Annotated[str, typer.Option(help="dev, test, train or all.")] = "dev",
    model: Annotated[Path | None, typer.Option(help="Model directory (default: the shipped model).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    errors: Annotated[int, typer.Option("--errors", min=0, help="Show up to N example errors per kind, with the "
                                        "surrounding words, and the most frequent error patterns (dev split only).")] = 0,
    list_kinds: Annotated[list[str] | None, typer.Option("--list", help="List every error of this kind (repeatable: "
                                                         "historical, hypothetical, other_subject, modifier, missed, ...), "
                                                         "not one per pattern (dev or train split only).")] = None,
) -> None:
    """Per-label precision/recall/F1 (strict and lenient) and per-attribute figures against gold entities."""
    from ..core import load
    from ..evaluation import evaluate_entities, format_report, load_cases
    from ..evaluation.cases import SPLIT_CHOICES
    from ..evaluation.entities import ERROR_SPLITS
    from ..evaluation.scoring import ERROR_KINDS

    listed = tuple(list_kinds or ())
    unknown = [kind for kind in listed if kind not in ERROR_KINDS]
    if unknown:
        raise typer.BadParameter(f"--list takes error kinds ({', '.join(ERROR_KINDS)}), not {', '.join(unknown)}")

    if split not in SPLIT_CHOICES:
        raise typer.BadParameter(f"--split must be one of {', '.join(SPLIT_CHOICES)}, not {split!r}")
    if (errors or listed) and split not in ERROR_SPLITS:
        raise typer.BadParameter("--errors and --list list note text for tuning; it works on --split dev (or train), "
                                 "so the test split stays unseen")
    try:
        cases = load_cases(paths)
        tagger = load(model)
    except (CorpusError, ModelLoadError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    report = evaluate_entities(cases, tagger, split=split, error_examples=errors, list_errors=listed)
    if report["cases"] == 0:
        typer.echo(f"error: no case with gold entities in split {split!r} under {', '.join(map(str, paths))}", err=True)
        raise typer.Exit(1)
    typer.echo(json.dumps(report, indent=2) if as_json else format_report(report))


def register(app: typer.Typer) -> None:
    app.command("evaluate-entities")(evaluate_entities_cli)

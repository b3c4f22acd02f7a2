"""``tagger corpus``: check, describe, split, import and export the annotated case corpus."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from ..errors import CorpusError

corpus_app = typer.Typer(
    no_args_is_help=True,
    add_completion=False,
    help="Check, describe, split, import and export annotated cases (corpora/GUIDELINES.md).",
)

PathsArg = Annotated[list[Path], typer.Argument(help="Case files, directories (every *.jsonl under them) or globs.")]


def _fail(exc: Exception) -> typer.Exit:
    typer.echo(f"error: {exc}", err=True)
    return typer.Exit(2)


@corpus_app.command("check")
def check_cli(
    paths: PathsArg,
    labels: Annotated[
        str | None,
        typer.Option(help="Labels accepted besides the taxonomy: 'a,b,c' or a JSON file (a labels.json beside the corpus is read too)."),
    ] = None,
) -> None:
    """Validate cases: schema, offsets, labels, ids, split, exact and near-duplicate texts. Exit 1 on any problem."""
    from ..corpus.check import check_paths, parse_labels_option

    try:
        report = check_paths(paths, labels=parse_labels_option(labels) if labels else ())
    except CorpusError as exc:
        raise _fail(exc) from exc
    for item in report.problems + report.warnings:
        typer.echo(str(item))
    typer.echo(
        f"checked {report.cases} cases in {report.files} files: {len(report.problems)} problems, "
        f"{len(report.warnings)} warnings",
        err=True,
    )
    if not report.ok:
        raise typer.Exit(1)


@corpus_app.command("stats")
def stats_cli(
    paths: PathsArg,
    brief: Annotated[bool, typer.Option("--brief", help="A few summary lines.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="All figures as JSON.")] = False,
) -> None:
    """Counts per label, register and split, lengths, co-occurrence, gold entities and the diversity figure."""
    from ..corpus.io import expand_paths, read_cases
    from ..corpus.stats import corpus_stats, render_brief, render_markdown

    try:
        files = expand_paths(paths)
        stats = corpus_stats(read_cases(files), files=len(files))
    except CorpusError as exc:
        raise _fail(exc) from exc
    if as_json:
        typer.echo(json.dumps(stats, indent=2))
    elif brief:
        typer.echo(render_brief(stats), nl=False)
    else:
        typer.echo(render_markdown(stats), nl=False)


@corpus_app.command("split")
def split_cli(paths: PathsArg) -> None:
    """Set each case's split from a stable hash of its id (about 70/15/15), rewriting the files in place."""
    from ..corpus.split import split_files

    try:
        report = split_files(paths)
    except CorpusError as exc:
        raise _fail(exc) from exc
    counts = ", ".join(f"{k} {report.counts[k]}" for k in ("train", "dev", "test"))
    typer.echo(
        f"{report.cases} cases in {report.files} files ({counts}); {report.changed} changed, "
        f"{report.files_changed} files rewritten",
        err=True,
    )


@corpus_app.command("import")
def import_cli(
    file: Annotated[Path, typer.Argument(help="An export from doccano (JSONL), Label Studio (JSON) or Prodigy (JSONL).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Case file to write (JSONL).")],
    from_: Annotated[
        str | None, typer.Option("--from", help="doccano, labelstudio or prodigy (default: recognised from the file).")
    ] = None,
    register: Annotated[str | None, typer.Option(help="Register of the imported cases (default: 'imported').")] = None,
    label_map: Annotated[
        list[str] | None,
        typer.Option("--label-map", help="SRC=DST (repeat or comma-separate; DST empty drops the label) or a JSON file."),
    ] = None,
    id_prefix: Annotated[str | None, typer.Option(help="Prefix of generated ids (default: the format name).")] = None,
    text_key: Annotated[str | None, typer.Option(help="Label Studio: the data field holding the text (default: text).")] = None,
) -> None:
    """Import annotated cases from an annotation tool; nothing is written unless every record is valid."""
    from ..corpus.convert import import_file
    from ..corpus.formats.common import parse_label_map
    from ..corpus.io import write_cases

    try:
        mapping = parse_label_map(label_map)
        result = import_file(file, from_, register=register, label_map=mapping, id_prefix=id_prefix, text_key=text_key)
        if not result.cases:
            raise CorpusError(f"{file}: no case to import ({result.records} records read)")
        write_cases(output, result.cases)
    except (CorpusError, ValueError) as exc:
        raise _fail(exc) from exc
    for warning in result.warnings:
        typer.echo(f"warning: {warning}", err=True)
    skipped = "; ".join(f"{n} {reason}" for reason, n in sorted(result.skipped.items()))
    with_entities = sum(1 for c in result.cases if c.entities is not None)
    typer.echo(
        f"imported {len(result.cases)} cases ({with_entities} with gold entities) from {result.records} records"
        + (f"; skipped: {skipped}" if skipped else "")
        + f" -> {output}",
        err=True,
    )


@corpus_app.command("export")
def export_cli(
    paths: PathsArg,
    to: Annotated[str, typer.Option("--to", help="doccano, labelstudio or prodigy.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write.")],
    split: Annotated[str | None, typer.Option(help="Only cases of this split (train, dev or test).")] = None,
) -> None:
    """Export cases for an annotation tool (ids, registers, rationales and attributes ride along for re-import)."""
    from ..corpus.convert import export_cases, format_name
    from ..corpus.io import read_cases, write_text_atomic

    if split is not None and split not in {"train", "dev", "test"}:
        raise typer.BadParameter("--split must be train, dev or test")
    try:
        fmt = format_name(to)
        cases = read_cases(paths)
        if split is not None:
            cases = [c for c in cases if c.split == split]
        write_text_atomic(output, export_cases(cases, fmt))
    except CorpusError as exc:
        raise _fail(exc) from exc
    typer.echo(f"exported {len(cases)} cases as {fmt} -> {output}", err=True)


def register(app: typer.Typer) -> None:
    app.add_typer(corpus_app, name="corpus")

"""``tagger tag``: tag one note from an argument, a file or stdin."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ..errors import InputError, ModelLoadError
from ..schema import TagResult


def render_table(result: TagResult) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    table = Table(title=f"Entities ({len(result.entities)})", show_lines=False)
    for col in ("label", "text", "concept", "region", "side", "assertion", "modifier", "dose"):
        table.add_column(col)
    for e in result.entities:
        flags = ",".join(k for k in ("negated", "historical", "hypothetical", "other_subject") if getattr(e, k))
        table.add_row(e.label, e.text, e.concept, e.region or "", e.laterality or "", flags, e.modifier or "",
                      "; ".join(d.text for d in e.dose))
    console.print(table)
    if result.time_expressions:
        console.print("Time: " + "; ".join(f"{t.kind}: {t.text}" for t in result.time_expressions))
    if result.hypotheses:
        hyp = Table(title="Hypotheses")
        for col in ("label", "probability", "passes", "path", "evidence"):
            hyp.add_column(col)
        for h in result.hypotheses:
            hyp.add_row(h.label, f"{h.probability:.2f}", "yes" if h.passes else "", " -> ".join(h.path),
                        ", ".join(ev.feature for ev in h.evidence[:3]))
        console.print(hyp)
    for w in result.warnings:
        console.print(f"[yellow]warning:[/yellow] {w}")


def tag_cli(
    text: Annotated[str | None, typer.Argument(help="Text to tag, or '-' to read stdin.")] = None,
    file: Annotated[Path | None, typer.Option("--file", "-f", help="A text or .eml file to tag.")] = None,
    model: Annotated[Path | None, typer.Option(help="Model directory (default: the shipped model).")] = None,
    format: Annotated[str | None, typer.Option("--format", help="json or table (default: table on a terminal, json when piped).")] = None,
) -> None:
    """Tag one note, email or .eml file."""
    from ..core import load

    if (text is None) == (file is None):
        raise typer.BadParameter("give the text as an argument, '-' for stdin, or --file PATH (exactly one)")
    fmt = format or ("table" if sys.stdout.isatty() else "json")
    if fmt not in {"json", "table"}:
        raise typer.BadParameter("--format must be 'json' or 'table'")
    try:
        tagger = load(model)
        if file is not None:
            if not file.is_file():
                raise typer.BadParameter(f"{file} is not a file")
            data = file.read_bytes()
            result = tagger.tag_eml(data) if file.suffix.lower() == ".eml" else tagger.tag_bytes(data)
        elif text == "-":
            result = tagger.tag_bytes(sys.stdin.buffer.read())
        else:
            result = tagger.tag(text or "")
    except (InputError, ModelLoadError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    if fmt == "json":
        typer.echo(result.model_dump_json(indent=2))
    else:
        render_table(result)


def register(app: typer.Typer) -> None:
    app.command("tag")(tag_cli)

"""``tagger evaluate-entities``: placeholder until the entity evaluation lands."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app (none yet)."""

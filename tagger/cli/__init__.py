"""The ``tagger`` command line: thin commands over library functions.

Each command group lives in its own module with a ``register(app)`` function.
"""

from __future__ import annotations

import typer

from . import batch, corpus, entities, serve, tag, train

# No locals in crash reports: they would hold note text.
app = typer.Typer(no_args_is_help=True, add_completion=False, pretty_exceptions_show_locals=False,
                  help="Clinical case-notes tagger.")


@app.callback()
def _root() -> None:
    """Clinical case-notes tagger: entities and kinetic-chain hypotheses from free text."""


for module in (tag, corpus, entities, train, batch, serve):
    module.register(app)


def main() -> None:
    app()


__all__ = ["app", "main"]

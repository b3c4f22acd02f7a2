"""Clinical case-notes tagger: entities with laterality, assertion and modifiers, and
kinetic-chain hypotheses, from free-text musculoskeletal narratives.

``tagger.load()`` returns the ``Tagger`` every face uses. Names are imported lazily, so
``import tagger.classifier`` does not pull in spaCy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .core import RowError, Tagger, load
    from .schema import SCHEMA_VERSION, TagResult

_LAZY = {"load": "core", "Tagger": "core", "RowError": "core", "TagResult": "schema", "SCHEMA_VERSION": "schema"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'tagger' has no attribute {name!r}")


def tag_dataframe(df, text_col: str = "text", id_col: str | None = None, tagger=None, **kwargs):
    """Tag a pandas DataFrame; one output row per input row (see ``tagger.batch``)."""
    from .batch.frame import tag_dataframe as _tag_dataframe

    return _tag_dataframe(df, text_col=text_col, id_col=id_col, tagger=tagger, **kwargs)


__all__ = ["SCHEMA_VERSION", "RowError", "TagResult", "Tagger", "__version__", "load", "tag_dataframe"]

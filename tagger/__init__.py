"""Clinical case-notes tagger: entities with laterality, assertion and modifiers, and
kinetic-chain hypotheses, from free-text musculoskeletal narratives."""

from __future__ import annotations

__version__ = "0.1.0"

from .core import RowError, Tagger, load  # noqa: E402
from .schema import SCHEMA_VERSION, TagResult  # noqa: E402


def tag_dataframe(df, text_col: str = "text", id_col: str | None = None, tagger: Tagger | None = None, **kwargs):
    """Tag a pandas DataFrame; one output row per input row (see ``tagger.batch``)."""
    from .batch.frame import tag_dataframe as _tag_dataframe

    return _tag_dataframe(df, text_col=text_col, id_col=id_col, tagger=tagger, **kwargs)


__all__ = ["SCHEMA_VERSION", "RowError", "TagResult", "Tagger", "__version__", "load", "tag_dataframe"]

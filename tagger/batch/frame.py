"""``tag_dataframe``: the batch output table for a pandas DataFrame already in memory (notebooks)."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pyarrow as pa

from ..core import Tagger
from .readers import id_text, resolve_columns
from .rows import output_schema, public_columns, tag_chunk


def _cell(value: Any) -> Any:
    """pandas marks a missing value as NaN/NA/None; the tagger should see a missing note as None."""
    try:
        if value is not None and not isinstance(value, str) and pd.isna(value):
            return None
    except (TypeError, ValueError):  # arrays and other values pd.isna cannot reduce to one bool
        pass
    return value


def tag_dataframe(df: pd.DataFrame, text_col: str = "text", id_col: str | None = None, tagger: Tagger | None = None,
                  *, chunk_size: int = 1000, evidence: bool = True) -> pd.DataFrame:
    """Tag ``df[text_col]``; one output row per input row, same index, same order.

    Columns are those of ``tagger batch`` (``id``, ``row``, ``labels``, ``prob_<label>``,
    ``n_<ENTITY_LABEL>``, ``result_json``, ``error``). ``id`` is ``df[id_col]`` as text, or
    the index when ``id_col`` is not given. A note that cannot be tagged (empty, missing,
    not text, too long) gets its reason in ``error`` instead of raising. ``evidence=False``
    leaves the hypotheses' evidence out of ``result_json`` (faster).
    """
    if tagger is None:
        from .worker import TaggerSpec, get_tagger

        tagger = get_tagger(TaggerSpec.resolve(None))  # loaded once, then reused by later calls
    columns = [str(c) for c in df.columns]
    resolve_columns(columns, text_col, id_col, "the DataFrame")
    labels = tuple(tagger.labels)
    texts = [_cell(v) for v in df[text_col].tolist()]
    raw_ids = df[id_col].tolist() if id_col is not None else df.index.tolist()
    ids = [id_text(_cell(v)) for v in raw_ids]
    tables = [tag_chunk(tagger, ids[i:i + chunk_size], texts[i:i + chunk_size], i, labels, evidence=evidence)
              for i in range(0, len(texts), chunk_size)]
    table = pa.concat_tables(tables) if tables else output_schema(labels, internal=True).empty_table()
    out = public_columns(table).to_pandas(types_mapper={pa.int64(): pd.Int64Dtype()}.get)
    out.index = df.index
    return out


__all__ = ["tag_dataframe"]

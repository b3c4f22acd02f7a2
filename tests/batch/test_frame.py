"""``tagger.tag_dataframe``: the batch table for a DataFrame in memory."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

import tagger
from tagger.batch.errors import ColumnError


def test_tag_dataframe_keeps_index_order_and_marks_bad_notes(rules_tagger):
    df = pd.DataFrame({"note": ["Right knee pain on stairs.", None, np.nan, "", 42, "Left heel pain barefoot."],
                       "mrn": ["a", "b", "c", "d", "e", "f"]}, index=[10, 11, 12, 13, 14, 15])
    out = tagger.tag_dataframe(df, text_col="note", id_col="mrn", tagger=rules_tagger)
    assert out.index.tolist() == [10, 11, 12, 13, 14, 15]
    assert out["id"].tolist() == ["a", "b", "c", "d", "e", "f"]
    codes = [e.split(":")[0] if isinstance(e, str) else None for e in out["error"]]
    assert codes == [None, "E103", "E103", "E101", "E103", None]
    assert json.loads(out["result_json"].iloc[-1])["text"] == "Left heel pain barefoot."
    assert out["n_BODY_REGION"].iloc[0] >= 1 and pd.isna(out["n_BODY_REGION"].iloc[1])


def test_tag_dataframe_without_id_col_uses_the_index(rules_tagger):
    df = pd.DataFrame({"text": ["hip pain", "knee pain"]}, index=["x", "y"])
    out = tagger.tag_dataframe(df, tagger=rules_tagger, chunk_size=1)
    assert out["id"].tolist() == ["x", "y"] and out["row"].tolist() == [0, 1]


def test_tag_dataframe_wrong_column_lists_the_columns(rules_tagger):
    df = pd.DataFrame({"narrative": ["hip pain"], "mrn": [1]})
    with pytest.raises(ColumnError, match=r"'text' not found in the DataFrame\. Available columns: 'narrative', 'mrn'"):
        tagger.tag_dataframe(df, tagger=rules_tagger)


def test_tag_dataframe_of_an_empty_frame_is_empty(stub_tagger):
    out = tagger.tag_dataframe(pd.DataFrame({"text": []}), tagger=stub_tagger)
    assert len(out) == 0 and "prob_knee_chain" in out.columns

"""POST /v1/tag/batch: one NDJSON line per input row, in order, bad rows included."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from tagger.schema import TagResult


def lines(response) -> list[dict]:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/x-ndjson")
    return [json.loads(line) for line in response.text.splitlines()]


def test_json_texts_stream_one_line_per_row_in_order(client) -> None:
    texts = ["Right foot pain.", "", None, "Left knee hurts after running.", "bad\x00binary\x00row"]
    out = lines(client.post("/v1/tag/batch", json={"texts": texts}))
    assert [row["index"] for row in out] == [0, 1, 2, 3, 4]
    assert TagResult.model_validate(out[0]["result"]).text == "Right foot pain."
    assert out[1]["error"]["code"] == "E101" and out[2]["error"]["code"] == "E101"
    assert out[3]["result"]["text"] == "Left knee hurts after running."
    assert out[4]["error"]["code"] == "E103"
    assert all(("result" in row) != ("error" in row) for row in out)


def test_json_items_echo_their_ids(client) -> None:
    items = [{"id": "case-7", "text": "Hip pain."}, {"id": 8, "text": "   "}, {"id": None, "text": "Heel pain."}]
    out = lines(client.post("/v1/tag/batch", json={"items": items}))
    assert [row["id"] for row in out] == ["case-7", 8, None]
    assert "result" in out[0] and out[1]["error"]["code"] == "E101" and "result" in out[2]


def test_a_too_long_row_gets_an_error_line_and_the_rest_are_tagged(client) -> None:
    out = lines(client.post("/v1/tag/batch", json={"texts": ["Foot pain.", "a " * 100_001, "Knee pain."]}))
    assert "result" in out[0] and "result" in out[2]
    assert out[1]["error"]["code"] == "E102" and "200,000" in out[1]["error"]["message"]


def test_batch_rows_carry_hypotheses(hyp_client) -> None:
    out = lines(hyp_client.post("/v1/tag/batch", json={"texts": ["Sneakers make my foot numb."]}))
    assert out[0]["result"]["hypotheses"][0]["label"] == "footwear"


def test_too_many_rows_is_413_with_the_limit(make_app) -> None:
    with TestClient(make_app(max_batch_items=3)) as c:
        response = c.post("/v1/tag/batch", json={"texts": ["a", "b", "c", "d"]})
    assert response.status_code == 413
    assert "the limit is 3" in response.json()["error"]["message"]


@pytest.mark.parametrize("payload", [{}, {"texts": ["a"], "items": [{"text": "b"}]}], ids=["neither", "both"])
def test_texts_or_items_exactly_one(client, payload) -> None:
    response = client.post("/v1/tag/batch", json=payload)
    assert response.status_code == 422
    assert "exactly one of 'texts'" in response.json()["error"]["message"]


def test_csv_upload_uses_the_named_text_and_id_columns(client) -> None:
    csv = 'case,note\nA1,"Right foot pain,\nworse in sneakers."\nA2,\nA3,No hip pain.\n'
    response = client.post("/v1/tag/batch", files={"file": ("cases.csv", csv.encode(), "text/csv")},
                           data={"text_col": "note", "id_col": "case"})
    out = lines(response)
    assert [row["id"] for row in out] == ["A1", "A2", "A3"]
    assert out[0]["result"]["text"] == "Right foot pain,\nworse in sneakers."
    assert out[1]["error"]["code"] == "E101"
    assert "result" in out[2]


def test_csv_without_the_text_column_names_the_columns_it_has(client) -> None:
    response = client.post("/v1/tag/batch", files={"file": ("cases.csv", b"case,note\nA1,foot pain\n", "text/csv")})
    assert response.status_code == 422
    error = response.json()["error"]
    assert "no column 'text'" in error["message"] and "'case', 'note'" in error["message"]
    assert error["fields"][0]["field"] == "text_col"


def test_csv_without_the_id_column_is_422(client) -> None:
    response = client.post("/v1/tag/batch", files={"file": ("cases.csv", b"text\nfoot pain\n", "text/csv")},
                           data={"id_col": "case_id"})
    assert response.status_code == 422
    assert response.json()["error"]["fields"][0]["field"] == "id_col"


def test_csv_that_is_not_utf8_is_refused_with_the_encoding_error(client) -> None:
    response = client.post("/v1/tag/batch", files={"file": ("cases.csv", "text\ncaf\u00e9 foot pain\n".encode("latin-1"), "text/csv")})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "E104"


def test_jsonl_upload_gives_bad_lines_their_own_error_lines(client) -> None:
    jsonl = "\n".join([
        json.dumps({"id": 1, "text": "Right foot pain."}),
        "{not json",
        json.dumps({"id": 3, "body": "no text key"}),
        json.dumps(["a", "list"]),
        "",
        json.dumps({"id": 5, "text": "Heel pain when barefoot."}),
    ]).encode()
    out = lines(client.post("/v1/tag/batch", files={"file": ("rows.jsonl", jsonl, "application/octet-stream")},
                            data={"id_col": "id"}))
    assert [row["index"] for row in out] == [0, 1, 2, 3, 4]
    assert "result" in out[0] and out[0]["id"] == 1
    assert out[1]["error"]["code"] == "E120" and "line 2" in out[1]["error"]["message"]
    assert out[2]["error"]["code"] == "E101" and out[2]["id"] == 3
    assert out[3]["error"]["code"] == "E120"
    assert out[4]["id"] == 5 and "result" in out[4]


def test_jsonl_where_no_row_has_the_text_key_names_the_keys_it_has(client) -> None:
    jsonl = b'{"id": 1, "note": "foot pain"}\n{"id": 2, "note": "knee pain"}\n'
    response = client.post("/v1/tag/batch", files={"file": ("rows.jsonl", jsonl, "application/x-ndjson")})
    assert response.status_code == 422
    assert "'id', 'note'" in response.json()["error"]["message"]


def test_upload_of_another_file_type_is_415(client) -> None:
    response = client.post("/v1/tag/batch", files={"file": ("cases.xlsx", b"PK\x03\x04", "application/vnd.ms-excel")})
    assert response.status_code == 415
    assert ".csv or .jsonl" in response.json()["error"]["message"]


def test_format_field_overrides_the_file_name(client) -> None:
    out = lines(client.post("/v1/tag/batch", files={"file": ("export.txt", b"text\nfoot pain\n", "text/plain")},
                            data={"format": "csv"}))
    assert len(out) == 1 and "result" in out[0]


def test_batch_with_a_plain_text_body_is_415_listing_the_types(client) -> None:
    response = client.post("/v1/tag/batch", content=b"foot pain", headers={"content-type": "text/plain"})
    assert response.status_code == 415
    assert "application/json, multipart/form-data" in response.json()["error"]["message"]


def test_batch_body_over_its_limit_is_413(make_app) -> None:
    with TestClient(make_app(max_batch_body_bytes=5_000)) as c:
        response = c.post("/v1/tag/batch", json={"texts": ["foot pain " * 100] * 10})
    assert response.status_code == 413
    assert "5,000 bytes" in response.json()["error"]["message"]


def test_upload_with_too_many_rows_is_413(make_app) -> None:
    csv = "text\n" + "foot pain\n" * 5
    with TestClient(make_app(max_batch_items=4)) as c:
        response = c.post("/v1/tag/batch", files={"file": ("cases.csv", csv.encode(), "text/csv")})
    assert response.status_code == 413
    assert "5 rows" in response.json()["error"]["message"]


def test_a_failure_mid_stream_still_gives_every_row_a_line(make_app, rules_tagger) -> None:
    from tagger.core import Tagger

    class BreaksOnThird(Tagger):
        def tag_many(self, texts, **kwargs):
            for i, result in enumerate(super().tag_many(texts, **kwargs)):
                if i == 2:
                    raise RuntimeError("boom")
                yield result

    broken = BreaksOnThird(rules_tagger.nlp)
    with TestClient(make_app(broken)) as c:
        out = lines(c.post("/v1/tag/batch", json={"texts": ["foot pain"] * 4}))
    assert [row["index"] for row in out] == [0, 1, 2, 3]
    assert "result" in out[1] and out[2]["error"]["code"] == "E500" and out[3]["error"]["code"] == "E500"

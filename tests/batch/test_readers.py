"""Reading exports: formats, chunk boundaries, column checks and broken lines."""

from __future__ import annotations

import json

import pytest
from batch_helpers import note_rows, write_rows

from tagger.batch.errors import ColumnError, InputFormatError
from tagger.batch.readers import ChunkReader, plan, resolve_inputs


def read_all(paths, **kwargs):
    the_plan = plan(resolve_inputs([str(p) for p in paths]), **kwargs)
    reader = ChunkReader(the_plan.text_col, the_plan.id_col)
    ids, texts = [], []
    for spec in the_plan.chunks:
        data = reader.read(spec)
        ids += data.ids
        texts += data.texts
    reader.close()
    return the_plan, ids, texts


@pytest.mark.parametrize("name", ["notes.csv", "notes.tsv", "notes.jsonl", "notes.parquet"])
def test_every_format_reads_every_row_in_order(tmp_path, name):
    rows = note_rows(23)
    path = write_rows(tmp_path / name, rows, row_group_size=5)
    the_plan, ids, texts = read_all([path], chunk_size=4)
    assert [c.n_rows for c in the_plan.chunks] == [4, 4, 4, 4, 4, 3]
    assert ids == [r["id"] for r in rows]
    assert texts == [r["text"] for r in rows]


def test_csv_notes_spanning_lines_survive_chunk_boundaries(tmp_path):
    rows = [{"id": str(i), "text": f"line one of {i}\nline two, with \"quotes\"\r\nline three"} for i in range(7)]
    path = write_rows(tmp_path / "multi.csv", rows)
    _, ids, texts = read_all([path], chunk_size=2)
    assert ids == [r["id"] for r in rows]
    assert texts == [r["text"] for r in rows]


def test_csv_cells_stay_text_and_a_bom_is_ignored(tmp_path):
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbfid,text\r\n1,42\r\n2,\r\n")
    the_plan, _, texts = read_all([path])
    assert the_plan.text_col == "text" and the_plan.id_col == "id"
    assert texts == ["42", ""]


def test_several_files_and_globs_keep_file_order(tmp_path):
    write_rows(tmp_path / "a.csv", note_rows(3))
    write_rows(tmp_path / "b.jsonl", note_rows(5)[3:])
    write_rows(tmp_path / "c.parquet", note_rows(8)[5:])
    the_plan, ids, _ = read_all([tmp_path / "c.parquet", tmp_path / "[ab].*"], chunk_size=2)
    assert ids == ["n005", "n006", "n007", "n000", "n001", "n002", "n003", "n004"]
    assert [c.first_row for c in the_plan.chunks] == [0, 2, 3, 5, 6]  # a chunk never spans two files


def test_without_an_id_column_the_row_number_is_the_id(tmp_path):
    path = write_rows(tmp_path / "noid.csv", [{"note": "knee pain"}, {"note": "hip pain"}])
    the_plan, ids, _ = read_all([path])
    assert (the_plan.text_col, the_plan.id_col) == ("note", None)
    assert ids == ["0", "1"]


@pytest.mark.parametrize("name", ["notes.csv", "notes.jsonl", "notes.parquet"])
def test_wrong_text_column_lists_the_available_columns(tmp_path, name):
    path = write_rows(tmp_path / name, [{"record": "1", "narrative": "knee pain"}])
    with pytest.raises(ColumnError) as err:
        plan(resolve_inputs([str(path)]), text_col="note_text")
    assert err.value.code == "E601"
    assert "'note_text'" in str(err.value) and "'record', 'narrative'" in str(err.value)


def test_missing_default_text_column_asks_for_text_col(tmp_path):
    path = write_rows(tmp_path / "notes.csv", [{"record": "1", "narrative": "knee pain"}])
    with pytest.raises(ColumnError, match=r"pass --text-col.*'record', 'narrative'"):
        plan(resolve_inputs([str(path)]))


def test_wrong_id_column_lists_the_available_columns(tmp_path):
    path = write_rows(tmp_path / "notes.csv", note_rows(2))
    with pytest.raises(ColumnError, match=r"id column 'patient'.*'id', 'text'"):
        plan(resolve_inputs([str(path)]), id_col="patient")


def test_a_second_file_without_the_column_is_named(tmp_path):
    write_rows(tmp_path / "a.csv", note_rows(2))
    second = write_rows(tmp_path / "b.csv", [{"id": "x", "body": "knee"}])
    with pytest.raises(ColumnError, match=f"{second.name}.*'id', 'body'"):
        plan(resolve_inputs([str(tmp_path / "a.csv"), str(second)]))


@pytest.mark.parametrize(("content", "line", "why"), [
    ('id,text\n1,fine\n2,"stray"quote here\n3,fine\n', 3, "quoting"),
    ('id,text\n1,fine\n2,fine\n3,"never closed\n4,fine\n5,fine\n', 4, "never closed"),
    ('id,text\n1,fine\n2,one,too many\n', 3, "expected 2 fields"),
    ('id,text\n1,"a note\nover two lines",extra\n', 2, "expected 2 fields"),
])
def test_broken_csv_line_is_reported_with_its_line_number(tmp_path, content, line, why):
    path = tmp_path / "broken.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputFormatError) as err:
        plan(resolve_inputs([str(path)]))
    assert err.value.code == "E602"
    assert f"line {line}" in str(err.value) and why in str(err.value)


def test_invalid_utf8_is_reported_with_its_line_number(tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes("id,text\n1,fine\n2,caf\xe9 au lait\n".encode("latin-1"))
    with pytest.raises(InputFormatError, match="line 3: not valid UTF-8"):
        plan(resolve_inputs([str(path)]))


@pytest.mark.parametrize(("line", "why"), [('{"id": 2, "text": "unterminated}', "not valid JSON"),
                                            ('["a", "list"]', "expected one JSON object")])
def test_broken_jsonl_line_is_reported_with_its_line_number(tmp_path, line, why):
    path = tmp_path / "broken.jsonl"
    path.write_text(json.dumps({"id": 1, "text": "fine"}) + "\n\n" + line + "\n", encoding="utf-8")
    with pytest.raises(InputFormatError, match=f"line 3: {why}"):
        plan(resolve_inputs([str(path)]))


@pytest.mark.parametrize(("name", "why"), [("notes.xlsx", "unknown input format"), ("notes.csv.gz", "compressed"),
                                           ("missing.csv", "does not exist"), ("none-*.csv", "no file matches")])
def test_unusable_input_paths_say_why(tmp_path, name, why):
    if name.endswith(("xlsx", "gz")):
        (tmp_path / name).write_bytes(b"x")
    with pytest.raises(InputFormatError, match=why):
        resolve_inputs([str(tmp_path / name)])


def test_a_parquet_that_is_not_parquet_is_an_input_error(tmp_path):
    path = tmp_path / "fake.parquet"
    path.write_text("id,text\n1,knee\n")
    with pytest.raises(InputFormatError, match="not a readable Parquet file"):
        plan(resolve_inputs([str(path)]))


def test_a_file_without_a_header_line_is_not_echoed_in_the_column_error(tmp_path):
    note = "Right knee pain for three weeks after running, worse on stairs and better with rest."
    path = tmp_path / "noheader.csv"
    path.write_text(f"1,{note}\n2,{note}\n", encoding="utf-8")
    with pytest.raises(ColumnError) as err:
        plan(resolve_inputs([str(path)]))
    assert note not in str(err.value) and "header line" in str(err.value)


def test_a_header_only_file_plans_no_chunks(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_text("id,text\n", encoding="utf-8")
    assert plan(resolve_inputs([str(path)])).chunks == []
    (tmp_path / "nothing.csv").write_text("")
    with pytest.raises(InputFormatError, match="is empty"):
        plan(resolve_inputs([str(tmp_path / "nothing.csv")]))

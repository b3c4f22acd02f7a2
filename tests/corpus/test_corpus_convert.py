"""Format detection, ``read_any`` (what ``tagger train --include`` calls) and the import/export commands."""

from __future__ import annotations

import json

import pytest
from corpus_helpers import case_dict, write_jsonl
from typer.testing import CliRunner

from tagger.cli import app
from tagger.corpus import read_any, read_cases
from tagger.corpus.convert import detect_format, export_cases, format_name
from tagger.corpus.errors import UnknownFormatError
from tagger.corpus.split import assign_split

TEXT = "Plantar fasciitis on the left and my right hip hurts from limping around."
LIMP = TEXT.index("limping")


@pytest.mark.parametrize(
    ("content", "name", "expected"),
    [
        (json.dumps({"text": TEXT, "label": [[0, 17, "CONDITION"]]}) + "\n", "d.jsonl", "doccano"),
        (json.dumps({"text": TEXT, "entities": [], "cats": []}) + "\n", "d.jsonl", "doccano"),
        (json.dumps({"data": TEXT, "label": ["local"]}) + "\n", "d.jsonl", "doccano"),
        (json.dumps({"text": TEXT, "spans": [], "answer": "accept"}) + "\n", "p.jsonl", "prodigy"),
        (json.dumps([{"id": 1, "data": {"text": TEXT}, "annotations": []}], indent=2), "ls.json", "labelstudio"),
        (json.dumps(case_dict(0)) + "\n", "c.jsonl", "tagger"),
    ],
)
def test_detect_format_from_the_first_record(tmp_path, content, name, expected):
    path = tmp_path / name
    path.write_text(content)
    assert detect_format(path) == expected


def test_unrecognised_file_asks_for_from(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps({"body": TEXT}) + "\n")
    with pytest.raises(UnknownFormatError, match=r"fields: body.*--from"):
        detect_format(path)


def test_format_names_and_aliases():
    assert format_name("Label-Studio") == "labelstudio" and format_name("ls") == "labelstudio"
    with pytest.raises(UnknownFormatError):
        format_name("brat")


def test_read_any_reads_our_own_directory_and_fills_missing_splits(tmp_path):
    write_jsonl(tmp_path / "c" / "a.jsonl", [case_dict(0, split=""), case_dict(1)])
    cases = read_any(tmp_path / "c")
    assert [c.split for c in cases] == [assign_split("forum-0000"), assign_split("forum-0001")]


def test_read_any_imports_a_tool_file_with_options(tmp_path):
    path = write_jsonl(tmp_path / "d.jsonl", [{"text": TEXT, "label": [[0, 17, "Diagnosis"]], "cats": ["foot_to_back"]}])
    (case,) = read_any(path, register="soap", label_map={"Diagnosis": "CONDITION"})
    assert case.register == "soap" and case.labels == ["foot_to_back"]
    assert [(e.text, e.label) for e in case.entities] == [("Plantar fasciitis", "CONDITION")]
    (case,) = read_any(path, fmt="doccano")
    assert case.entities == []


def test_cli_import_writes_cases_that_pass_check(tmp_path):
    src = write_jsonl(tmp_path / "p.jsonl", [
        {"text": TEXT, "spans": [{"start": 0, "end": 17, "label": "CONDITION"}], "accept": ["foot_to_back"], "answer": "accept"},
        {"text": "Rolled my ankle stepping off a kerb, swollen since.", "accept": ["local"], "answer": "accept"},
        {"text": "Rejected one.", "answer": "reject"},
    ])
    out = tmp_path / "out" / "cases.jsonl"
    runner = CliRunner()
    res = runner.invoke(app, ["corpus", "import", "--from", "prodigy", str(src), "-o", str(out),
                              "--register", "forum", "--id-prefix", "north"])
    assert res.exit_code == 0, res.output
    assert "imported 2 cases" in res.stderr and "1 answer reject" in res.stderr
    cases = read_cases(out)
    assert [c.id for c in cases] == ["north-1", "north-2"] and {c.register for c in cases} == {"forum"}
    assert runner.invoke(app, ["corpus", "check", str(out)]).exit_code == 0


def test_cli_import_label_map_option_forms(tmp_path):
    src = write_jsonl(tmp_path / "d.jsonl", [{"text": TEXT, "label": [[0, 17, "Dx"], [LIMP, LIMP + 7, "Gait"]], "cats": ["chain:fb"]}])
    mapping = tmp_path / "map.json"
    mapping.write_text(json.dumps({"chain:fb": "foot_to_back"}))
    out = tmp_path / "o.jsonl"
    res = CliRunner().invoke(app, ["corpus", "import", str(src), "-o", str(out), "--label-map", "Dx=CONDITION,Gait=SYMPTOM",
                                   "--label-map", str(mapping)])
    assert res.exit_code == 0, res.output
    (case,) = read_cases(out)
    assert case.labels == ["foot_to_back"]
    assert [(e.text, e.label) for e in case.entities] == [("Plantar fasciitis", "CONDITION"), ("limping", "SYMPTOM")]
    bad = CliRunner().invoke(app, ["corpus", "import", str(src), "-o", str(out), "--label-map", "nonsense"])
    assert bad.exit_code == 2 and "SRC=DST" in bad.stderr


@pytest.mark.parametrize("fmt", ["doccano", "labelstudio", "prodigy"])
def test_cli_export_then_import_round_trips(tmp_path, corpus_dir, fmt):
    runner = CliRunner()
    exported = tmp_path / f"export.{fmt}"
    res = runner.invoke(app, ["corpus", "export", "--to", fmt, str(corpus_dir), "-o", str(exported)])
    assert res.exit_code == 0, res.output
    back = tmp_path / "back.jsonl"
    res = runner.invoke(app, ["corpus", "import", "--from", fmt, str(exported), "-o", str(back)])
    assert res.exit_code == 0, res.output
    assert read_cases(back) == read_cases(corpus_dir)


def test_cli_export_filters_by_split(tmp_path, corpus_dir):
    out = tmp_path / "dev.jsonl"
    res = CliRunner().invoke(app, ["corpus", "export", "--to", "prodigy", str(corpus_dir), "-o", str(out), "--split", "dev"])
    assert res.exit_code == 0
    assert [json.loads(line)["meta"]["id"] for line in out.read_text().splitlines()] == ["ehr-0002"]
    assert export_cases([], "doccano") == ""


def test_read_any_is_also_reachable_from_formats(tmp_path):
    from tagger.corpus.formats import read_any as formats_read_any

    write_jsonl(tmp_path / "c" / "a.jsonl", [case_dict(0)])
    assert formats_read_any(tmp_path / "c") == read_any(tmp_path / "c")

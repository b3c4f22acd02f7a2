"""Label Studio JSON export import (first non-cancelled annotation, labels and choices) and export."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from tagger.cli import app
from tagger.corpus import CorpusFormatError, read_cases
from tagger.corpus.formats import labelstudio

TEXT = "Left hip aches after my new running block; I overpronate, says the physio."
HIP = (TEXT.index("hip"), TEXT.index("hip") + 3)
RUN = (TEXT.index("running"), TEXT.index("running") + 7)


def span(start, end, label, text=None):
    value = {"start": start, "end": end, "labels": [label]}
    if text is not None:
        value["text"] = text
    return {"id": "r1", "from_name": "label", "to_name": "text", "type": "labels", "value": value}


def choices(*labels):
    return {"id": "c1", "from_name": "chain", "to_name": "text", "type": "choices", "value": {"choices": list(labels)}}


def task(results, *, cancelled_first=None, **data):
    anns = []
    if cancelled_first is not None:
        anns.append({"id": 1, "result": cancelled_first, "was_cancelled": True})
    anns.append({"id": 2, "result": results, "was_cancelled": False})
    return {"id": 41, "data": {"text": TEXT, **data}, "annotations": anns, "predictions": []}


def write(tmp_path, tasks, name="export.json"):
    path = tmp_path / name
    path.write_text(json.dumps(tasks, indent=2))
    return path


def test_labels_and_choices_of_the_first_non_cancelled_annotation(tmp_path):
    t = task([span(*HIP, "BODY_REGION", "hip"), span(*RUN, "ACTIVITY"), choices("foot_to_hip", "training_load")],
             cancelled_first=[choices("local")])
    (case,) = labelstudio.read(write(tmp_path, [t])).cases
    assert case.id == "labelstudio-41" and case.register == "imported"
    assert case.labels == ["foot_to_hip", "training_load"]
    assert [(e.text, e.label) for e in case.entities] == [("hip", "BODY_REGION"), ("running", "ACTIVITY")]


def test_tasks_with_only_cancelled_or_no_annotations_are_skipped_and_counted(tmp_path):
    cancelled = task([], cancelled_first=[choices("local")])
    cancelled["annotations"] = cancelled["annotations"][:1]
    empty = {"id": 43, "data": {"text": TEXT + " Second."}, "annotations": []}
    ok = task([choices("local")])
    result = labelstudio.read(write(tmp_path, [cancelled, empty, ok]))
    assert len(result.cases) == 1 and result.records == 3
    assert result.skipped == {"all annotations cancelled": 1, "no annotation": 1}


def test_text_key_is_configurable_and_a_lone_string_field_is_found(tmp_path):
    t = {"id": 5, "data": {"note": TEXT, "clinic": "north"}, "annotations": [{"result": [choices("local")]}]}
    path = write(tmp_path, [t])
    with pytest.raises(CorpusFormatError, match=r"data\.text"):
        labelstudio.read(path)
    assert labelstudio.read(path, text_key="note").cases[0].text == TEXT
    del t["data"]["clinic"]
    assert labelstudio.read(write(tmp_path, [t], "b.json")).cases[0].text == TEXT


def test_other_result_types_are_ignored_with_a_warning(tmp_path):
    rel = {"type": "relation", "from_id": "a", "to_id": "b"}
    result = labelstudio.read(write(tmp_path, [task([choices("local"), rel])]))
    assert result.cases[0].labels == ["local"]
    assert result.warnings == ["1 result(s) of type 'relation' ignored (only 'labels' and 'choices' are read)"]


def test_old_completions_key_is_read(tmp_path):
    t = {"id": 9, "data": {"text": TEXT}, "completions": [{"result": [choices("posture")]}]}
    assert labelstudio.read(write(tmp_path, [t])).cases[0].labels == ["posture"]


@pytest.mark.parametrize(
    ("mutate", "field", "problem"),
    [
        (lambda t: t["annotations"][0]["result"][0]["value"].update(start="3"), "annotations[0].result[0].value.start", "integer"),
        (lambda t: t["annotations"][0]["result"][0]["value"].update(end=999), "annotations[0].result[0].value", "not inside"),
        (lambda t: t["annotations"][0]["result"][0]["value"].update(text="knee"), "annotations[0].result[0].value.text", "does not match"),
        (lambda t: t["annotations"][0]["result"][1]["value"].update(choices="local"), "annotations[0].result[1].value.choices", "list"),
        (lambda t: t["annotations"][0]["result"][0]["value"].update(labels=[3]), "annotations[0].result[0].value.labels[0]", "string"),
        (lambda t: t.pop("data"), "data", "no data object"),
        (lambda t: t.update(annotations={}), "annotations", "list"),
    ],
)
def test_malformed_task_names_its_line_and_field(tmp_path, mutate, field, problem):
    good = task([span(*HIP, "BODY_REGION", "hip"), choices("local")])
    bad = task([span(*HIP, "BODY_REGION", "hip"), choices("local")])
    bad["data"]["text"] = TEXT  # same text: the error must come before any duplicate handling
    mutate(bad)
    path = write(tmp_path, [good, bad])
    lines = path.read_text().splitlines()
    task_line = [i for i, line in enumerate(lines, 1) if line == "  {"][1]
    with pytest.raises(CorpusFormatError) as exc:
        labelstudio.read(path)
    assert (exc.value.line, exc.value.field) == (task_line, field)
    assert problem in str(exc.value) and f"{path}:{task_line}" in str(exc.value)


def test_broken_json_names_the_line(tmp_path):
    path = tmp_path / "x.json"
    path.write_text('[\n  {"id": 1, "data": {"text": "hip"}},\n  {"id": 2, "data": {"text": }\n]\n')
    with pytest.raises(CorpusFormatError, match=r"x\.json:3: invalid JSON"):
        labelstudio.read(path)


def test_cli_import_refuses_a_file_without_usable_tasks(tmp_path):
    t = task([], cancelled_first=[])
    t["annotations"] = t["annotations"][:1]
    out = tmp_path / "out.jsonl"
    res = CliRunner().invoke(app, ["corpus", "import", str(write(tmp_path, [t])), "-o", str(out)])
    assert res.exit_code == 2 and "no case to import" in res.stderr and not out.exists()


def test_export_then_import_gives_the_same_cases(tmp_path, corpus_dir):
    cases = read_cases(corpus_dir)
    path = tmp_path / "ls.json"
    path.write_text(labelstudio.write(cases))
    tasks = json.loads(path.read_text())
    kinds = {r["type"] for r in tasks[0]["annotations"][0]["result"]}
    assert kinds == {"labels", "choices"} and tasks[0]["data"]["text"] == cases[0].text
    assert labelstudio.read(path).cases == cases
    assert '<Choice value="posture"/>' in labelstudio.config_for(cases)

"""doccano JSONL import (every layout doccano has exported) and export."""

from __future__ import annotations

import json

import pytest
from corpus_helpers import write_jsonl
from typer.testing import CliRunner

from tagger.cli import app
from tagger.corpus import CorpusFormatError, read_cases
from tagger.corpus.formats import doccano
from tagger.corpus.split import assign_split

TEXT = "Sore right heel since the new boots, limping, and now my lower back aches."
HEEL = (TEXT.index("heel"), TEXT.index("heel") + 4)
BOOTS = (TEXT.index("boots"), TEXT.index("boots") + 5)


def test_sequence_labeling_label_lists_become_gold_entities(tmp_path):
    path = write_jsonl(tmp_path / "d.jsonl", [{"id": 7, "text": TEXT, "label": [[*HEEL, "BODY_REGION"], [*BOOTS, "FOOTWEAR"]]}])
    result = doccano.read(path)
    (case,) = result.cases
    assert case.id == "doccano-7" and case.register == "imported" and case.split == assign_split("doccano-7")
    assert [(e.text, e.label) for e in case.entities] == [("heel", "BODY_REGION"), ("boots", "FOOTWEAR")]
    assert case.entities[0].laterality is None and case.entities[0].negated is False
    assert case.labels == [] and result.warnings == []


def test_entities_objects_and_cats_give_spans_and_case_labels(tmp_path):
    row = {
        "text": TEXT,
        "entities": [{"id": 1, "start_offset": HEEL[0], "end_offset": HEEL[1], "label": "BODY_REGION"}],
        "cats": ["foot_to_back", {"label": "Footwear"}],
        "meta": {"id": "clinic-12"},
    }
    (case,) = doccano.read(write_jsonl(tmp_path / "d.jsonl", [row]), register="patient_email").cases
    assert case.id == "clinic-12" and case.register == "patient_email"
    assert case.labels == ["foot_to_back", "footwear"]
    assert [e.text for e in case.entities] == ["heel"]


def test_text_classification_labels_and_old_data_field(tmp_path):
    path = write_jsonl(tmp_path / "d.jsonl", [{"data": TEXT, "label": ["FOOT_TO_BACK", "training-load"]}])
    (case,) = doccano.read(path).cases
    assert case.text == TEXT and case.labels == ["foot_to_back", "training_load"]
    assert case.entities is None  # no span annotation in this file: not annotated
    assert case.id == "doccano-1"


def test_record_without_spans_in_a_span_file_is_annotated_with_none(tmp_path):
    rows = [{"text": TEXT, "label": [[*HEEL, "BODY_REGION"]]}, {"text": "Nothing to see in this one at all."}]
    cases = doccano.read(write_jsonl(tmp_path / "d.jsonl", rows)).cases
    assert cases[1].entities == []


def test_unknown_span_labels_are_counted_not_silently_dropped_and_can_be_mapped(tmp_path):
    path = write_jsonl(tmp_path / "d.jsonl", [{"text": TEXT, "label": [[*HEEL, "Anatomy"], [*BOOTS, "Shoe"]]}])
    result = doccano.read(path)
    assert result.cases[0].entities == []
    assert any("'Anatomy' not imported" in w and "--label-map Anatomy=LABEL" in w for w in result.warnings)
    mapped = doccano.read(path, label_map={"Anatomy": "BODY_REGION", "Shoe": ""})
    assert [e.label for e in mapped.cases[0].entities] == ["BODY_REGION"] and mapped.warnings == []


def test_foreign_case_labels_are_kept_with_a_warning(tmp_path):
    result = doccano.read(write_jsonl(tmp_path / "d.jsonl", [{"text": TEXT, "cats": ["shin_splints"]}]))
    assert result.cases[0].labels == ["shin_splints"]
    assert any("'shin_splints'" in w for w in result.warnings)


def test_spans_are_trimmed_of_whitespace(tmp_path):
    path = write_jsonl(tmp_path / "d.jsonl", [{"text": TEXT, "label": [[HEEL[0] - 1, HEEL[1] + 1, "BODY_REGION"]]}])
    result = doccano.read(path)
    assert result.cases[0].entities[0].text == "heel"
    assert any("trimmed" in w for w in result.warnings)


def test_json_array_export_is_read_too(tmp_path):
    path = tmp_path / "d.json"
    path.write_text(json.dumps([{"text": TEXT, "label": ["local"]}, {"text": TEXT + " Again.", "label": []}], indent=2))
    assert [c.labels for c in doccano.read(path).cases] == [["local"], []]


@pytest.mark.parametrize(
    ("row", "field", "problem"),
    [
        ('{"text": "Heel pain", "label": [[0, 4, "BODY_REGION"]', None, "invalid JSON"),
        ({"label": [[0, 4, "BODY_REGION"]]}, "text", "the text must be a string"),
        ({"text": "   "}, "text", "empty"),
        ({"text": TEXT, "label": [[0, 400, "BODY_REGION"]]}, "label[0]", "not inside the text"),
        ({"text": TEXT, "label": [["0", 4, "BODY_REGION"]]}, "label[0].start", "integer"),
        ({"text": TEXT, "label": [[0, 4]]}, "label[0]", "expected [start, end"),
        ({"text": TEXT, "label": ["local", [0, 4, "BODY_REGION"]]}, "label", "mixes"),
        ({"text": TEXT, "entities": [{"start_offset": 0, "label": "BODY_REGION"}]}, "entities[0].end", "integer"),
        ({"text": TEXT, "cats": "local"}, "cats", "list"),
        ({"text": TEXT, "id": "dup"}, "id", "also used at line 1"),
    ],
)
def test_malformed_record_names_line_and_field_and_writes_nothing(tmp_path, row, field, problem):
    src = write_jsonl(tmp_path / "d.jsonl", [{"text": "A fine first record about a knee.", "id": "dup"}, row])
    with pytest.raises(CorpusFormatError) as exc:
        doccano.read(src)
    assert exc.value.line == 2 and exc.value.field == field and problem in str(exc.value)
    out = tmp_path / "out.jsonl"
    out.write_text("previous content\n")
    res = CliRunner().invoke(app, ["corpus", "import", "--from", "doccano", str(src), "-o", str(out)])
    assert res.exit_code == 2 and f"{src}:2" in res.stderr and "Traceback" not in res.output
    assert out.read_text() == "previous content\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.jsonl", "out.jsonl"]


def test_export_then_import_gives_the_same_cases(tmp_path, corpus_dir):
    cases = read_cases(corpus_dir)
    out = tmp_path / "export.jsonl"
    out.write_text(doccano.write(cases))
    first = json.loads(out.read_text().splitlines()[0])
    assert first["entities"] == [[e.start, e.end, e.label] for e in cases[0].entities]
    assert first["cats"] == cases[0].labels
    assert doccano.read(out).cases == cases

"""Prodigy JSONL import (accepted answers only, spans, choices, binary labels) and export."""

from __future__ import annotations

import json

import pytest
from corpus_helpers import write_jsonl

from tagger.corpus import CorpusFormatError, read_cases
from tagger.corpus.formats import prodigy

TEXT = "Numbness down my right calf when I drive; my physio blames the piriformis."
CALF = (TEXT.index("calf"), TEXT.index("calf") + 4)
PIRI = (TEXT.index("piriformis"), TEXT.index("piriformis") + 10)
OPTIONS = [{"id": "referred_neural", "text": "Referred (neural)"}, {"id": "posture", "text": "Posture"}]


def example(**kw):
    base = {"text": TEXT, "_input_hash": 1, "_task_hash": 2, "answer": "accept"}
    base.update(kw)
    return base


def test_spans_and_accepted_choices(tmp_path):
    row = example(spans=[{"start": CALF[0], "end": CALF[1], "label": "BODY_REGION", "token_start": 4, "token_end": 4},
                         {"start": PIRI[0], "end": PIRI[1], "label": "STRUCTURE"}],
                  options=OPTIONS, accept=["referred_neural", "posture"], meta={"id": "pt-88"})
    (case,) = prodigy.read(write_jsonl(tmp_path / "p.jsonl", [row])).cases
    assert case.id == "pt-88"
    assert case.labels == ["referred_neural", "posture"]
    assert [(e.text, e.label) for e in case.entities] == [("calf", "BODY_REGION"), ("piriformis", "STRUCTURE")]


def test_only_accepted_answers_are_kept(tmp_path):
    rows = [example(text=TEXT + " a", answer="reject"), example(text=TEXT + " b", answer="ignore"),
            example(text=TEXT + " c", accept=["posture"], options=OPTIONS)]
    result = prodigy.read(write_jsonl(tmp_path / "p.jsonl", rows))
    assert [c.text for c in result.cases] == [TEXT + " c"]
    assert result.skipped == {"answer reject": 1, "answer ignore": 1} and result.records == 3
    assert result.cases[0].id == "prodigy-1"


def test_integer_option_ids_stand_for_their_text(tmp_path):
    row = example(options=[{"id": 0, "text": "local"}, {"id": 1, "text": "footwear"}], accept=[1])
    assert prodigy.read(write_jsonl(tmp_path / "p.jsonl", [row])).cases[0].labels == ["footwear"]


def test_binary_decisions_on_one_text_merge_into_one_case(tmp_path):
    rows = [example(label="referred_neural"), example(label="posture"), example(label="local", answer="reject")]
    result = prodigy.read(write_jsonl(tmp_path / "p.jsonl", rows))
    (case,) = result.cases
    assert case.labels == ["referred_neural", "posture"] and case.entities is None
    assert result.skipped["merged into an earlier example with the same text"] == 1


def test_examples_without_answer_are_read_as_accepted_with_a_warning(tmp_path):
    row = {"text": TEXT, "spans": []}
    result = prodigy.read(write_jsonl(tmp_path / "p.jsonl", [row]))
    assert result.cases[0].entities == []
    assert result.warnings == ["1 example(s) have no 'answer' field: read as accepted"]


@pytest.mark.parametrize(
    ("row", "field", "problem"),
    [
        ("not json at all", None, "invalid JSON"),
        (example(answer="maybe"), "answer", "must be one of accept, reject, ignore"),
        (example(text=None), "text", "must be a string"),
        (example(spans=[{"start": CALF[0], "end": 500, "label": "BODY_REGION"}]), "spans[0]", "not inside the text"),
        (example(spans=[{"start": CALF[0], "end": CALF[1]}]), "spans[0].label", "must be a string"),
        (example(spans=["calf"]), "spans[0]", "a span must be"),
        (example(accept=[7], options=OPTIONS), "accept[0]", "not a label string"),
        (example(accept="posture"), "accept", "must be a list"),
    ],
)
def test_malformed_example_names_line_and_field(tmp_path, row, field, problem):
    path = write_jsonl(tmp_path / "p.jsonl", [example(text="First, fine."), row])
    with pytest.raises(CorpusFormatError) as exc:
        prodigy.read(path)
    assert (exc.value.line, exc.value.field) == (2, field) and problem in str(exc.value)


def test_export_then_import_gives_the_same_cases(tmp_path, corpus_dir):
    cases = read_cases(corpus_dir)
    path = tmp_path / "p.jsonl"
    path.write_text(prodigy.write(cases))
    first = json.loads(path.read_text().splitlines()[0])
    assert first["answer"] == "accept" and first["accept"] == cases[0].labels
    assert {o["id"] for o in first["options"]} >= set(cases[0].labels)
    assert [s["text"] for s in first["spans"]] == [e.text for e in cases[0].entities]
    assert prodigy.read(path).cases == cases

"""Case schema, reading (files, directories, globs) and atomic writing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from corpus_helpers import TEXTS, case_dict, entity, write_jsonl

from tagger.corpus import LABELS, TAXONOMY_LABELS, Case, CorpusFormatError, CorpusPathError, read_cases, write_cases
from tagger.corpus.schema import CHAIN_LABELS, ENTITY_LABELS
from tagger.errors import CorpusError

REPO = Path(__file__).resolve().parents[2]


def test_taxonomy_is_the_ten_v1_labels():
    assert TAXONOMY_LABELS == LABELS
    assert set(LABELS) == {"foot_to_knee", "foot_to_hip", "foot_to_back", "hip_to_knee", "hip_to_foot",
                           "referred_neural", "local", "footwear", "training_load", "posture"}
    assert set(CHAIN_LABELS) < set(LABELS) and "local" not in CHAIN_LABELS
    assert ENTITY_LABELS == ("BODY_REGION", "STRUCTURE", "CONDITION", "SYMPTOM", "ACTIVITY", "FOOTWEAR")


def test_case_keeps_not_annotated_apart_from_annotated_with_none(tmp_path):
    cases = [Case.model_validate(case_dict(0)), Case.model_validate(case_dict(1, entities=[]))]
    out = tmp_path / "x.jsonl"
    write_cases(out, cases)
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert "entities" not in rows[0] and rows[1]["entities"] == []
    assert read_cases(out) == cases


def test_written_cases_keep_the_corpus_layout(tmp_path, good_cases):
    src = write_jsonl(tmp_path / "in.jsonl", good_cases)
    out = tmp_path / "out.jsonl"
    write_cases(out, read_cases(src))
    assert out.read_text(encoding="utf-8") == src.read_text(encoding="utf-8")


def test_gold_entity_attributes_default_to_false_and_null():
    case = Case.model_validate(case_dict(0, entities=[{"start": 9, "end": 13, "text": "knee", "label": "BODY_REGION"}]))
    ent = case.entities[0]
    assert (ent.laterality, ent.negated, ent.historical, ent.hypothetical, ent.other_subject, ent.modifier) == (
        None, False, False, False, False, None)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"entities": [{**entity(TEXTS[0], "knee", "BODY_REGION"), "laterality": "r"}]}, "entities[0].laterality"),
        ({"entities": [{**entity(TEXTS[0], "knee", "BODY_REGION"), "label": "KNEE"}]}, "entities[0].label"),
        ({"labels": "local"}, "labels"),
        ({"rationale": ""}, "rationale"),
        ({"split": "validation"}, "split"),
        ({"colour": "blue"}, "colour"),
    ],
)
def test_read_cases_names_file_line_and_field(tmp_path, change, field):
    path = write_jsonl(tmp_path / "x.jsonl", [case_dict(0), case_dict(1, **change)])
    with pytest.raises(CorpusFormatError) as exc:
        read_cases(path)
    assert exc.value.line == 2 and exc.value.field == field
    assert f"{path}:2: field {field!r}" in str(exc.value)
    assert isinstance(exc.value, CorpusError) and exc.value.code == "E301"


def test_read_cases_error_never_quotes_the_note_text(tmp_path):
    path = write_jsonl(tmp_path / "x.jsonl", [case_dict(0, text=["Secret narrative about a knee"])])
    with pytest.raises(CorpusFormatError) as exc:
        read_cases(path)
    assert "Secret" not in str(exc.value) and "'text'" in str(exc.value)


def test_read_cases_reports_invalid_json_with_its_line(tmp_path):
    path = write_jsonl(tmp_path / "x.jsonl", [case_dict(0), "", '{"id": "x", "text": '])
    with pytest.raises(CorpusFormatError, match=r"x\.jsonl:3: invalid JSON"):
        read_cases(path)


def test_read_cases_accepts_files_directories_and_globs(corpus_dir):
    cases_dir = corpus_dir / "cases"
    by_dir = read_cases(corpus_dir)
    assert [c.id for c in by_dir] == [c.id for c in read_cases([cases_dir / "a.jsonl", cases_dir / "b.jsonl"])]
    assert [c.id for c in read_cases(str(cases_dir / "*.jsonl"))] == [c.id for c in by_dir]
    assert len(by_dir) == 5
    # the same file named twice is read once
    assert len(read_cases([cases_dir / "a.jsonl", cases_dir])) == 5


@pytest.mark.parametrize("bad", ["nope.jsonl", "nope/*.jsonl"])
def test_read_cases_rejects_paths_that_match_nothing(tmp_path, bad):
    with pytest.raises(CorpusPathError):
        read_cases(str(tmp_path / bad))


def test_write_cases_leaves_the_old_file_when_writing_fails(tmp_path, good_cases):
    out = write_jsonl(tmp_path / "x.jsonl", good_cases)
    before = out.read_bytes()

    def broken():
        yield Case.model_validate(good_cases[0])
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        write_cases(out, broken())
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["x.jsonl"]


def test_shipped_corpus_reads_with_taxonomy_labels_only():
    # Offsets, duplicates and splits of the shipped corpus are `tagger corpus check corpora/` (in `make test`).
    cases = read_cases(REPO / "corpora")
    assert len(cases) >= 500
    assert all(set(c.labels) <= set(LABELS) for c in cases)

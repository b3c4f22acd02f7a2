"""``tagger corpus check``: one line per problem, file:line first."""

from __future__ import annotations

import json

import pytest
from corpus_helpers import TEXTS, case_dict, entity, write_jsonl
from typer.testing import CliRunner

from tagger.cli import app
from tagger.corpus.check import check_paths


def messages(report) -> list[str]:
    return [str(p) for p in report.problems]


def test_clean_corpus_has_no_problems(corpus_dir):
    report = check_paths([corpus_dir])
    assert report.ok, messages(report)
    assert (report.cases, report.files) == (5, 2)


def test_bad_offsets_are_reported_with_file_line_and_entity(tmp_path):
    ent = entity(TEXTS[0], "knee", "BODY_REGION")
    shifted = {**ent, "start": ent["start"] + 1, "end": ent["end"] + 1}
    past_end = {**ent, "start": len(TEXTS[0]) - 2, "end": len(TEXTS[0]) + 5}
    path = write_jsonl(tmp_path / "c.jsonl", [case_dict(0, entities=[shifted, past_end])])
    msgs = messages(check_paths([path]))
    assert any(m.startswith(f"{path}:1: entities[0] (BODY_REGION): text[") and "'knee'" in m for m in msgs)
    assert any(m.startswith(f"{path}:1: entities[1]") and "past the end" in m for m in msgs)


def test_span_with_surrounding_whitespace_is_a_problem(tmp_path):
    text = TEXTS[0]
    start = text.index("knee")
    ent = {**entity(text, "knee", "BODY_REGION"), "end": start + 5, "text": "knee "}
    msgs = messages(check_paths([write_jsonl(tmp_path / "c.jsonl", [case_dict(0, entities=[ent])])]))
    assert any("whitespace" in m for m in msgs)


def test_laterality_on_a_symptom_is_a_problem(tmp_path):
    ent = entity(TEXTS[0], "aches", "SYMPTOM", laterality="right")
    msgs = messages(check_paths([write_jsonl(tmp_path / "c.jsonl", [case_dict(0, entities=[ent])])]))
    assert any("laterality is only for" in m for m in msgs)


def test_unknown_label_is_reported(tmp_path):
    path = write_jsonl(tmp_path / "c.jsonl", [case_dict(0, labels=["foot_to_kne"])])
    msgs = messages(check_paths([path]))
    assert len(msgs) == 1 and msgs[0].startswith(f"{path}:1: label 'foot_to_kne' is not in the taxonomy")


def test_labels_option_accepts_a_clinics_own_labels(tmp_path):
    path = write_jsonl(tmp_path / "c.jsonl", [case_dict(0, labels=["shin_splints", "local"])])
    assert not check_paths([path]).ok
    assert check_paths([path], labels=["shin_splints"]).ok


def test_labels_json_beside_the_corpus_is_read(tmp_path):
    path = write_jsonl(tmp_path / "corpora" / "cases" / "c.jsonl", [case_dict(0, labels=["shin_splints"])])
    (tmp_path / "corpora" / "labels.json").write_text(json.dumps({"labels": {"shin_splints": "MTSS"}}))
    assert check_paths([tmp_path / "corpora"]).ok
    assert check_paths([path]).ok


def test_duplicate_ids_across_files_are_reported(tmp_path):
    a = write_jsonl(tmp_path / "a.jsonl", [case_dict(0)])
    b = write_jsonl(tmp_path / "b.jsonl", [case_dict(1, id="forum-0000")])
    msgs = messages(check_paths([a, b]))
    assert msgs == [f"{b}:1: duplicate id 'forum-0000' (first at {a}:1)"]


def test_exact_duplicate_text_is_reported_even_with_other_case_and_spacing(tmp_path):
    twin = "  " + TEXTS[0].upper().replace(" ", "   ")
    path = write_jsonl(tmp_path / "c.jsonl", [case_dict(0), case_dict(1, id="forum-0009", text=twin)])
    msgs = messages(check_paths([path]))
    assert msgs == [f"{path}:2: same text as forum-0000 ({path}:1)"]


def test_near_duplicate_over_20_percent_of_5grams_is_reported(tmp_path):
    # Two texts that share one clause and differ elsewhere: well over 20% of their 5-grams in common.
    a = "Heel pain every morning for six weeks, worse after standing at the till, better in trainers"
    b = "Heel pain every morning for six weeks, worse after standing at the till, no better with insoles"
    path = write_jsonl(tmp_path / "c.jsonl", [case_dict(0, text=a), case_dict(1, text=b)])
    msgs = messages(check_paths([path]))
    assert any(m.startswith(f"{path}:2: near-duplicate of forum-0000") and "5-grams shared" in m for m in msgs)


def test_low_overlap_is_not_a_near_duplicate(tmp_path):
    shared = "worse after standing at the till"  # 6 words: two 5-grams out of many
    a = TEXTS[0] + " Also my calf gets tight when I am " + shared.replace("the till", "work") + " and so on today."
    b = TEXTS[1] + " Feels " + shared.replace("the till", "home") + " rather than on the bike or in the pool, oddly."
    path = write_jsonl(tmp_path / "c.jsonl", [case_dict(0, text=a), case_dict(1, text=b)])
    assert not any("near-duplicate" in m for m in messages(check_paths([path])))


def test_sentence_of_six_words_in_two_cases_is_reported_once(tmp_path):
    sentence = "Tib post tender on the right, no swelling."
    path = write_jsonl(
        tmp_path / "c.jsonl", [case_dict(0, text=TEXTS[0] + " " + sentence), case_dict(1, text=sentence + " " + TEXTS[1])]
    )
    msgs = [m for m in messages(check_paths([path])) if "sentence" in m]
    assert len(msgs) == 1
    assert msgs[0].startswith(f"{path}:1: sentence at chars") and "also appears in forum-0001" in msgs[0]


def test_shared_five_word_sentence_is_allowed(tmp_path):
    sentence = "Neuro intact, reflexes symmetrical today."  # five words
    path = write_jsonl(tmp_path / "c.jsonl", [case_dict(0, text=TEXTS[0] + " " + sentence),
                                             case_dict(1, text=TEXTS[1] + " " + sentence)])
    assert check_paths([path]).ok


@pytest.mark.parametrize(
    ("split", "expected"),
    [("", "split is empty"), ("WRONG", "split is 'WRONG' but the id hashes to")],
)
def test_empty_or_wrong_split_is_reported(tmp_path, split, expected):
    from tagger.corpus.split import assign_split

    if split == "WRONG":
        split = next(s for s in ("train", "dev", "test") if s != assign_split("forum-0000"))
        expected = expected.replace("WRONG", split)
    path = write_jsonl(tmp_path / "c.jsonl", [case_dict(0, split=split)])
    msgs = messages(check_paths([path]))
    assert len(msgs) == 1 and expected in msgs[0]


def test_schema_errors_and_bad_json_each_get_a_line(tmp_path):
    path = write_jsonl(tmp_path / "c.jsonl", [case_dict(0, labels="local"), "{not json", case_dict(2)])
    msgs = messages(check_paths([path]))
    assert f"{path}:1: field 'labels': Input should be a valid list (got 'local')" in msgs
    assert any(m.startswith(f"{path}:2: invalid JSON") for m in msgs)
    assert not any(m.startswith(f"{path}:3") for m in msgs)


def test_unknown_register_is_a_warning_not_a_problem(tmp_path):
    report = check_paths([write_jsonl(tmp_path / "c.jsonl", [case_dict(0, register="physio_letter")])])
    assert report.ok
    assert [str(w) for w in report.warnings] == [
        f"{tmp_path / 'c.jsonl'}:1: warning: register 'physio_letter' is not one of "
        "patient_email, forum, soap, ehr, intake, coach, imported"
    ]


def test_check_cli_exits_1_with_one_line_per_problem(tmp_path, corpus_dir):
    runner = CliRunner()
    ok = runner.invoke(app, ["corpus", "check", str(corpus_dir)])
    assert ok.exit_code == 0, ok.output
    assert ok.stdout == ""
    bad = write_jsonl(tmp_path / "bad.jsonl", [case_dict(0, labels=["nope"]), case_dict(1, id="forum-0000")])
    res = runner.invoke(app, ["corpus", "check", str(bad)])
    assert res.exit_code == 1
    lines = res.stdout.splitlines()
    assert len(lines) == 2 and all(line.startswith(f"{bad}:") for line in lines)
    assert "2 problems" in res.stderr


def test_check_cli_reports_a_missing_path_without_traceback(tmp_path):
    res = CliRunner().invoke(app, ["corpus", "check", str(tmp_path / "nothing")])
    assert res.exit_code == 2
    assert res.stderr.startswith("error: E303:") and "Traceback" not in res.output

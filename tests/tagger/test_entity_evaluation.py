"""Entity evaluation: matching, arithmetic, offset mapping, case loading and the CLI."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from tagger.cli import app
from tagger.errors import CorpusError
from tagger.evaluation import CaseEval, Mention, evaluate_entities, format_report, load_cases, score, stable_split
from tagger.evaluation.entities import alignment, input_span
from tagger.evaluation.error_analysis import analyse_errors
from tagger.schema import Cleaning, Segment

TEXT = "No R knee pain but sore L hip after running in sneakers."


def at(word: str, label: str, **attrs) -> Mention:
    start = TEXT.index(word)
    return Mention(start=start, end=start + len(word), text=word, label=label, **attrs)


GOLD = [
    at("knee", "BODY_REGION", laterality="right", negated=True),
    at("pain", "SYMPTOM", negated=True),
    at("sore", "SYMPTOM"),
    at("hip", "BODY_REGION", laterality="left"),
    at("running", "ACTIVITY", modifier="aggravating"),
    at("sneakers", "FOOTWEAR"),
]
PRED = [
    at("knee", "BODY_REGION", laterality="right", negated=True),  # strict, all right
    at("pain", "SYMPTOM"),  # strict, negation missed
    at("sore", "SYMPTOM", negated=True, triggers=(("negated", "No"),)),  # strict, negation invented
    at("L hip", "BODY_REGION", laterality="left"),  # boundary
    at("running", "ACTIVITY", modifier="aggravating"),  # strict
    at("sneakers", "ACTIVITY"),  # wrong label
    at("after", "ACTIVITY"),  # spurious
]


@pytest.fixture()
def report():
    return score([CaseEval("t-1", TEXT, list(GOLD), list(PRED))])


def test_strict_scores_count_only_exact_span_and_label(report):
    strict = report["entities"]["strict"]
    assert (strict["BODY_REGION"]["precision"], strict["BODY_REGION"]["recall"], strict["BODY_REGION"]["f1"]) == (0.5, 0.5, 0.5)
    assert (strict["SYMPTOM"]["precision"], strict["SYMPTOM"]["recall"], strict["SYMPTOM"]["f1"]) == (1.0, 1.0, 1.0)
    assert strict["ACTIVITY"]["precision"] == pytest.approx(1 / 3)
    assert (strict["ACTIVITY"]["recall"], strict["ACTIVITY"]["f1"]) == (1.0, 0.5)
    assert strict["FOOTWEAR"]["precision"] is None  # nothing predicted
    assert (strict["FOOTWEAR"]["recall"], strict["FOOTWEAR"]["f1"]) == (0.0, 0.0)
    assert strict["micro"]["precision"] == pytest.approx(4 / 7)
    assert strict["micro"]["recall"] == pytest.approx(4 / 6)
    assert strict["micro"]["f1"] == pytest.approx(8 / 13)


def test_lenient_scores_accept_an_overlapping_span_with_the_same_label(report):
    lenient = report["entities"]["lenient"]
    assert lenient["BODY_REGION"]["f1"] == 1.0
    assert lenient["ACTIVITY"]["f1"] == 0.5  # "sneakers" overlaps, but with another label
    assert lenient["micro"]["precision"] == pytest.approx(5 / 7)
    assert lenient["micro"]["recall"] == pytest.approx(5 / 6)


def test_attributes_are_scored_over_strict_pairs_only(report):
    attrs = report["attributes"]
    assert attrs["pairs"] == 4
    assert attrs["laterality"]["n"] == 1  # "L hip" is a boundary pair, not scored
    assert attrs["laterality"]["accuracy"] == 1.0
    findings = attrs["negated"]["findings"]
    assert (findings["tp"], findings["fp"], findings["fn"], findings["n"]) == (0, 1, 1, 2)
    assert (findings["precision"], findings["recall"], findings["f1"], findings["accuracy"]) == (0.0, 0.0, 0.0, 0.0)
    every = attrs["negated"]["all"]
    assert (every["precision"], every["recall"], every["f1"], every["accuracy"]) == (0.5, 0.5, 0.5, 0.5)
    assert attrs["historical"]["all"]["f1"] is None  # no true class on either side
    assert attrs["modifier"]["accuracy"] == 1.0
    assert attrs["modifier"]["aggravating"]["f1"] == 1.0
    assert attrs["modifier"]["relieving"]["support"] == 0


def test_modifier_with_the_wrong_value_counts_as_both_a_false_positive_and_a_miss():
    gold = [at("running", "ACTIVITY", modifier="aggravating"), at("sneakers", "FOOTWEAR")]
    pred = [at("running", "ACTIVITY", modifier="relieving"), at("sneakers", "FOOTWEAR")]
    mod = score([CaseEval("t-2", TEXT, gold, pred)])["attributes"]["modifier"]
    assert (mod["micro"]["tp"], mod["micro"]["fp"], mod["micro"]["fn"]) == (0, 1, 1)
    assert mod["accuracy"] == 0.5


def test_errors_are_grouped_by_kind_with_the_trigger_and_surrounding_words(report):
    errors = analyse_errors([CaseEval("t-1", TEXT, list(GOLD), list(PRED))], examples=5)
    counts = errors["counts"]
    assert (counts["missed"], counts["spurious"], counts["boundary"], counts["label"], counts["negated"]) == (0, 1, 1, 1, 2)
    spurious_negation = next(p for p in errors["patterns"] if p["kind"] == "negated" and p["text"] == "sore")
    assert spurious_negation["detail"] == "spurious via 'no'"
    assert errors["examples"]["boundary"][0]["context"] == "No R knee pain but sore L [hip] after running in sneakers."
    assert errors["examples"]["spurious"][0]["text"] == "after"


def test_format_report_prints_every_label_and_attribute(report):
    text = format_report({"split": "dev", "cases": 1, "gold_entities": 6, "predicted_entities": 7,
                          "unmapped_predictions": 0, "failed_cases": [], **report})
    for name in ("BODY_REGION", "FOOTWEAR", "micro", "laterality", "negated", "other_subject", "aggravating"):
        assert name in text


def test_input_span_puts_a_start_at_a_segment_join_in_the_later_segment():
    # Cleaned text "abcXYZ" is input[0:3] + input[10:13]; "XYZ" starts where the first segment ends.
    cleaning = Cleaning(source="cleaned", segments=[Segment(clean_start=0, input_start=0, length=3),
                                                    Segment(clean_start=3, input_start=10, length=3)])
    blocks, realigned = alignment("abcXYZ", cleaning, "abc-------XYZ")
    assert not realigned
    assert input_span(blocks, "abcXYZ", "abc-------XYZ", 3, 6) == (10, 13)
    assert input_span(blocks, "abcXYZ", "abc-------XYZ", 0, 3) == (0, 3)
    assert input_span(blocks, "abcXYZ", "abc-------XYZ", 2, 4) is None  # crosses the removed text


def test_text_decoded_from_an_email_is_mapped_back_by_alignment():
    raw = "From: a@b.c\nSubject: x\nContent-Type: text/plain\n\nMy R knee hurts.\n"
    decoded = "My R knee hurts.\n"
    blocks, realigned = alignment(decoded, Cleaning(source="decoded"), raw)
    assert realigned
    start = decoded.index("knee")
    assert input_span(blocks, decoded, raw, start, start + 4) == (raw.index("knee"), raw.index("knee") + 4)


def test_a_case_without_a_split_gets_the_one_corpus_split_would_assign():
    from tagger.corpus.split import assign_split
    from tagger.evaluation import select_cases

    cases = [{"id": f"x-{i}", "text": "knee", "split": "", "entities": []} for i in range(40)]
    chosen, computed = select_cases(cases, "dev")
    assert [c["id"] for c in chosen] == [c["id"] for c in cases if assign_split(c["id"]) == "dev"]
    assert computed == len(chosen) > 0
    assert all(stable_split(c["id"]) == assign_split(c["id"]) for c in cases)


def test_the_split_field_wins_over_the_hash():
    from tagger.evaluation import select_cases

    case = {"id": "x-1", "text": "knee", "split": "test", "entities": []}
    assert select_cases([case], "test") == ([case], 0)
    assert select_cases([{**case, "entities": None}], "all") == ([], 0)  # not annotated


def test_evaluation_maps_cleaned_offsets_back_and_counts_gold_in_removed_quotes(rules_tagger):
    text = "From: Ana\n> My right knee hurts.\n\nMy right knee hurts."  # the quote is a copy: dropped
    quoted, body = text.index("knee"), text.rindex("knee")
    case = {"id": "x-1", "text": text, "split": "dev", "entities": [
        {"start": quoted, "end": quoted + 4, "text": "knee", "label": "BODY_REGION", "laterality": None},
        {"start": body, "end": body + 4, "text": "knee", "label": "BODY_REGION", "laterality": "right"},
    ]}
    report = evaluate_entities([case, {**case, "id": "x-2", "split": "test"}], rules_tagger, split="dev")
    assert report["cases"] == 1
    assert report["gold_in_removed_text"] == 1
    assert report["entities"]["strict"]["BODY_REGION"]["tp"] == 1  # the body's knee, found at its input offset
    assert report["attributes"]["laterality"]["accuracy"] == 1.0


def test_error_examples_are_refused_on_the_test_split(rules_tagger):
    with pytest.raises(ValueError, match="dev split"):
        evaluate_entities([], rules_tagger, split="test", error_examples=3)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"id": "a-1", "text": "knee", "entities": [{"start": 0, "end": 3, "text": "kne", "label": "KNEE"}]}', "label"),
        ('{"id": "a-1", "text": "knee", "entities": [{"start": 0, "end": 9, "text": "knee", "label": "BODY_REGION"}]}', "start/end"),
        ('{"id": "a-1", "text": "knee", "entities": [{"start": 0, "end": 4, "text": "knew", "label": "BODY_REGION"}]}', "differs"),
        ('{"id": "a-1", "text": "knee", "split": "holdout"}', "split"),
        ("not json", "not valid JSON"),
    ],
)
def test_load_cases_rejects_bad_gold_naming_the_line(tmp_path, line, message):
    path = tmp_path / "cases.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=message) as info:
        load_cases([path])
    assert "cases.jsonl:1" in str(info.value)


def test_cli_prints_json_for_a_split_and_refuses_errors_on_test(tmp_path, monkeypatch, rules_tagger):
    import tagger.core

    monkeypatch.setattr(tagger.core, "load", lambda path=None: rules_tagger)
    text = "Sore R knee."
    case = {"id": "c-1", "text": text, "split": "dev", "labels": [], "entities": [
        {"start": 7, "end": 11, "text": "knee", "label": "BODY_REGION", "laterality": "right"}]}
    (tmp_path / "cases.jsonl").write_text(json.dumps(case) + "\n", encoding="utf-8")
    runner = CliRunner()
    ok = runner.invoke(app, ["evaluate-entities", str(tmp_path), "--split", "dev", "--json"])
    assert ok.exit_code == 0, ok.output
    assert json.loads(ok.stdout)["entities"]["strict"]["BODY_REGION"]["support"] == 1
    refused = runner.invoke(app, ["evaluate-entities", str(tmp_path), "--split", "test", "--errors", "3"])
    assert refused.exit_code != 0
    assert "dev" in refused.output


def test_listed_kinds_show_every_error_not_one_per_pattern():
    text = "No knee pain. No knee pain."
    first, second = text.index("knee"), text.rindex("knee")
    gold = [Mention(first, first + 4, "knee", "BODY_REGION", negated=True),
            Mention(second, second + 4, "knee", "BODY_REGION", negated=True)]
    pred = [Mention(first, first + 4, "knee", "BODY_REGION"), Mention(second, second + 4, "knee", "BODY_REGION")]
    errors = analyse_errors([CaseEval("t-3", text, gold, pred)], examples=5, listed=("negated",))
    assert len(errors["examples"]["negated"]) == 1  # one per pattern
    assert [e["start"] for e in errors["listed"]["negated"]] == [first, second]
    assert "All negated errors (2)" in format_report({"split": "dev", "cases": 1, "gold_entities": 2,
                                                      "predicted_entities": 2, "unmapped_predictions": 0,
                                                      "failed_cases": [], **score([CaseEval("t-3", text, gold, pred)]),
                                                      "errors": errors})


def test_listing_an_unknown_error_kind_is_refused():
    with pytest.raises(ValueError, match="unknown error kind"):
        analyse_errors([], examples=0, listed=("histrical",))

"""Property-based tests: any string in, a result or a clear ``InputError`` out, spans that fit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from tagger.errors import InputError, TextTooLongError
from tagger.schema import TagResult

FIXTURE_OK = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# Words the rules know, so random notes also carry entities, triggers, doses and times.
CLINICAL = [
    "R knee pain", "no hip or thigh pain, or back pain", "L forefoot", "bilat", "ITBS", "PF", "planter fasciitis",
    "denies numbness", "negative for swelling", "tingling: none", "worse in sneakers", "better barefoot",
    "treadmill at 4.5 MPH, level 4 incline", "about 100 miles per week", "since August", "for the past 24 hrs",
    "my mum's flat feet", "FHx: father had sciatica", "I was thinking quadratus", "could it be the TFL?",
    "used to get shin splints", "stiff R upper back/lat", "hurts when I take stairs", "ball of my foot",
    "3 or 4th metatarsal", "glute med", "QL", "SIJ", "LBP x3/52", "(-) numbness", "?S1", "Numbness? No.",
]
FURNITURE = ["From: A Person <a@b.c>", "Subject: hip", "> quoted knee pain", "On Mon, 3 Mar, Bob wrote:", "--",
             "Sent from my iPhone", "Thanks,", "---------- Forwarded message ---------", "Hi,", ""]



def _rule_words() -> list[str]:
    """Every word the rule files name (triggers, person words, reflexives, anchors, patterns), so
    random word runs put rule steps at the edges of docs, clauses and sentences."""
    words: set[str] = set()

    def collect(value: object) -> None:
        if isinstance(value, str):
            words.update(w for w in value.split() if 0 < len(w) <= 15)
        elif isinstance(value, list):
            for item in value:
                collect(item)
        elif isinstance(value, dict):
            for key, item in value.items():
                if key not in {"id", "why", "name", "concept", "kind", "label", "comment"}:
                    collect(item)

    data = Path(__file__).resolve().parents[2] / "tagger" / "pipeline" / "data"
    for path in sorted(data.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.lstrip().startswith(("#", "//")):
                collect(json.loads(line))
    return sorted(words)


RULE_WORDS = _rule_words()
rule_word_runs = st.lists(st.one_of(st.sampled_from(RULE_WORDS), st.sampled_from([".", ",", "?", "\n", "-", ":", "'s"])),
                          min_size=1, max_size=40).map(" ".join)
any_text = st.text(alphabet=st.characters(blacklist_categories=()), max_size=400)  # controls and surrogates too
mixed_scripts = st.text(alphabet=st.sampled_from("abc knee 膝の痛み ألم الركبة боль колена 🦶\u200b\u202e\t\r\n.,;:?!-/()'"),
                        max_size=300)
notes = st.lists(st.one_of(st.sampled_from(CLINICAL), st.sampled_from(FURNITURE), any_text, mixed_scripts),
                 max_size=12).flatmap(lambda parts: st.sampled_from([" ", "\n", ". ", ", ", "\r\n"]).map(lambda sep: sep.join(parts)))


def assert_spans_fit(result: TagResult) -> None:
    text = result.text
    n = len(text)

    def fits(span, what: str) -> None:
        assert 0 <= span.start <= span.end <= n, f"{what} [{span.start}:{span.end}] outside text of {n}"
        assert text[span.start:span.end] == span.text, f"{what} text differs from result.text at its offsets"

    for ent in result.entities:
        fits(ent, f"entity {ent.label}")
        assert ent.start < ent.end
        assert 0 <= ent.sentence < max(len(result.sentences), 1)
        for trig in ent.triggers:
            fits(trig, f"{trig.attribute} trigger")
        for dose in ent.dose:
            fits(dose, f"{dose.kind} dose")
    for time_expr in result.time_expressions:
        fits(time_expr, f"{time_expr.kind} time expression")
    for sent in result.sentences:
        assert 0 <= sent.start <= sent.end <= n
    for hyp in result.hypotheses:
        for ev in hyp.evidence:
            for span in ev.spans:
                fits(span, "evidence span")


def tag_or_input_error(tagger, text: str) -> TagResult | None:
    try:
        result = tagger.tag(text)
    except InputError as exc:
        assert exc.code.startswith("E1") and exc.message
        event(f"InputError {exc.code}")
        return None
    assert isinstance(result, TagResult)
    event("result with entities" if result.entities else "result without entities")
    return result


@FIXTURE_OK
@given(text=any_text)
@example(text="")
@example(text=" \n\t ")
@example(text="\x00knee")
@example(text="\ud800 knee pain")
@example(text="\x07\x1b[31m R knee pain \x1b[0m")
def test_any_unicode_string_gives_a_result_or_an_input_error(rules_tagger, text):
    result = tag_or_input_error(rules_tagger, text)
    if result is not None:
        assert_spans_fit(result)


@FIXTURE_OK
@given(text=notes)
@example(text="Currently, I have no hip or thigh pain, or back pain. R forefoot hurts, worse in sneakers.")
@example(text="From: A <a@b.c>\nSubject: knee\n\nMy R knee hurts.\n\nOn Mon, Bob wrote:\n> no hip pain")
def test_every_span_lies_in_the_text_and_matches_it(rules_tagger, text):
    result = tag_or_input_error(rules_tagger, text)
    if result is not None:
        assert_spans_fit(result)


@FIXTURE_OK
@given(text=rule_word_runs)
@example(text="I did it myself . Now my knee")
def test_runs_of_rule_words_give_a_result_with_spans_that_fit(rules_tagger, text):
    result = tag_or_input_error(rules_tagger, text)
    if result is not None:
        assert_spans_fit(result)


@FIXTURE_OK
@given(text=mixed_scripts)
def test_mixed_scripts_give_a_result_or_an_input_error(rules_tagger, text):
    result = tag_or_input_error(rules_tagger, text)
    if result is not None:
        assert_spans_fit(result)


@pytest.mark.parametrize("unit", ["R knee pain, worse on stairs. ", "膝 🦶 ألم ", "x" * 99 + "\n"])
def test_a_one_megabyte_string_is_refused_with_a_clear_length_error(rules_tagger, unit):
    text = (unit * (1_000_000 // len(unit) + 1))[:1_000_000]
    with pytest.raises(TextTooLongError) as info:
        rules_tagger.tag(text)
    assert info.value.code == "E102"
    assert "1,000,000 characters" in info.value.message and "limit" in info.value.message

"""Doses of activities and time expressions, found by token patterns kept as data.

Both are quantities written in the same few shapes ("4.5 MPH", "an hour a day",
"100 miles per week"; "since August", "x3/52", "for the past 24 hrs"), so one module
holds the two components and the matcher they share.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .extensions import register_extensions
from .rules import data_file, read_jsonl, rules_to_disk

_NUMBER_WORDS = {"a": 1.0, "an": 1.0, "one": 1.0, "two": 2.0, "three": 3.0, "four": 4.0, "five": 5.0,
                 "six": 6.0, "seven": 7.0, "eight": 8.0, "nine": 9.0, "ten": 10.0, "half": 0.5,
                 "twice": 2.0, "once": 1.0, "thrice": 3.0}
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)?$")


def parse_quantity(span: Span) -> tuple[float | None, str | None]:
    """The first number in the span and the word after it (its unit)."""
    for i, tok in enumerate(span):
        text = tok.lower_
        if _NUMBER.match(text):
            value = float(text.replace(",", "."))
        elif text in _NUMBER_WORDS:
            value = _NUMBER_WORDS[text]
        else:
            continue
        rest = [t.lower_ for t in span[i + 1 :] if not t.is_punct or t.text == "%"]
        return value, (" ".join(rest) or None)
    return None, None


class _PatternComponent:
    """Shared plumbing: a Matcher built from ``{"kind": ..., "pattern": [...]}`` rows."""

    rules_file = ""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.vocab = nlp.vocab
        self.rules: list[dict[str, Any]] = []
        self._set([])

    def initialize(self, get_examples=None, *, nlp: Language | None = None) -> None:
        self._set(read_jsonl(data_file(self.rules_file)))

    def _set(self, rules: list[dict[str, Any]]) -> None:
        self.rules = rules
        self.matcher = Matcher(self.vocab)
        for rule in rules:
            self.matcher.add(rule["kind"], [rule["pattern"]])

    def spans(self, doc: Doc) -> list[Span]:
        return filter_spans([Span(doc, s, e, label=m) for m, s, e in self.matcher(doc)])

    def to_disk(self, path, *, exclude=()) -> None:
        rules_to_disk(Path(path) / self.rules_file, self.rules)

    def from_disk(self, path, *, exclude=()):
        self._set(read_jsonl(Path(path) / self.rules_file))
        return self


class Dose(_PatternComponent):
    """Attach each dose to the nearest ACTIVITY in its sentence, or in the sentence
    before when its own has none ("...a treadmill. Which I use at 4.5 MPH")."""

    rules_file = "dose_patterns.jsonl"

    def __call__(self, doc: Doc) -> Doc:
        activities = [e for e in doc.ents if e.label_ == "ACTIVITY"]
        if not activities:
            return doc
        for span in self.spans(doc):
            if any(e.start < span.end and span.start < e.end for e in doc.ents if e.label_ != "ACTIVITY"):
                continue
            target = self._nearest(span, activities)
            if target is None:
                continue
            value, unit = parse_quantity(span)
            if target._.dose is None:
                target._.dose = []
            target._.dose.append((span.label_, span.start_char, span.end_char, value, unit))
        return doc

    @staticmethod
    def _nearest(span: Span, activities: list[Span]) -> Span | None:
        sent = span.sent
        same = [a for a in activities if a.sent.start == sent.start and not (a.start < span.end and span.start < a.end)]
        if same:
            return min(same, key=lambda a: abs(a.start - span.start))
        if sent.start > 0:
            prev = span.doc[sent.start - 1].sent
            before = [a for a in activities if a.sent.start == prev.start]
            if before:
                return before[-1]
        return None


class TimeExpressions(_PatternComponent):
    rules_file = "time_patterns.jsonl"

    def __call__(self, doc: Doc) -> Doc:
        doc._.time_expressions = [(s.label_, s.start_char, s.end_char) for s in self.spans(doc)]
        return doc


@Language.factory("dose", assigns=["span._.dose"], requires=["doc.ents", "token.is_sent_start"])
def make_dose(nlp: Language, name: str) -> Dose:
    register_extensions()
    return Dose(nlp, name)


@Language.factory("time_expressions", assigns=["doc._.time_expressions"])
def make_time_expressions(nlp: Language, name: str) -> TimeExpressions:
    register_extensions()
    return TimeExpressions(nlp, name)

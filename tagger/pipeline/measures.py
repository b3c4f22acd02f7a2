"""Doses of activities and time expressions, found by token patterns kept as data.

Both are quantities written in the same few shapes ("4.5 MPH", "an hour a day",
"100 miles per week"; "since August", "x3/52", "for the past 24 hrs"), so one module
holds the two components and the matcher they share.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any

from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from .docview import DocView, view
from .extensions import entity_store, register_extensions, store_record
from .fastmatch import TokenMatcher
from .rules import RulesComponent

_NUMBER_WORDS = {"a": 1.0, "an": 1.0, "one": 1.0, "two": 2.0, "three": 3.0, "four": 4.0, "five": 5.0,
                 "six": 6.0, "seven": 7.0, "eight": 8.0, "nine": 9.0, "ten": 10.0, "half": 0.5,
                 "twice": 2.0, "once": 1.0, "thrice": 3.0}
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)?$")
_PERCENT = get_string_id("%")


def parse_quantity(span: Span) -> tuple[float | None, str | None]:
    """The first number in the span and the word after it (its unit)."""
    return quantity([t.lower_ for t in span], [t.is_punct and t.text != "%" for t in span])


def quantity(lowers: list[str], skip: list[bool]) -> tuple[float | None, str | None]:
    """``parse_quantity`` on the lower-case words of a span, with ``skip`` marking the
    punctuation that is no part of a unit (all but "%")."""
    for i, text in enumerate(lowers):
        if _NUMBER.match(text):
            value = float(text.replace(",", "."))
        elif text in _NUMBER_WORDS:
            value = _NUMBER_WORDS[text]
        else:
            continue
        rest = [word for word, skipped in zip(lowers[i + 1 :], skip[i + 1 :], strict=True) if not skipped]
        return value, (" ".join(rest) or None)
    return None, None


def filter_matches(matches: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """``spacy.util.filter_spans`` on ``(match_id, start, end)`` tuples: the longest
    (then earliest) of overlapping matches wins; the result is sorted by start."""
    ordered = sorted(matches, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)
    result = []
    seen: set[int] = set()
    for m in ordered:
        if m[1] not in seen and m[2] - 1 not in seen:
            result.append(m)
            seen.update(range(m[1], m[2]))
    return sorted(result, key=lambda m: m[1])


class _PatternComponent(RulesComponent):
    """A token matcher built from ``{"kind": ..., "pattern": [...]}`` rows."""

    def _set(self, rules: list[dict[str, Any]]) -> None:
        self.rules = rules
        self.matcher = TokenMatcher(self.vocab)
        for rule in rules:
            self.matcher.add(rule["kind"], [rule["pattern"]])

    def matches(self, doc: Doc) -> list[tuple[str, int, int]]:
        """``(kind, start, end)`` of the non-overlapping matches, by start token."""
        strings = self.vocab.strings
        return [(strings[m], s, e) for m, s, e in filter_matches(self.matcher(doc))]

    def spans(self, doc: Doc) -> list[Span]:
        return [Span(doc, s, e, label=kind) for kind, s, e in self.matches(doc)]

class Dose(_PatternComponent):
    """Attach each dose to the nearest ACTIVITY in its sentence, or in the sentence
    before when its own has none ("...a treadmill. Which I use at 4.5 MPH")."""

    rules_file = "dose_patterns.jsonl"

    def run(self, doc: Doc, v: DocView, ents: list[tuple[int, int, str, int]]) -> list[tuple[int, int, str, int]]:
        """Attach doses to the activities among ``ents`` (the doc's entities); returns them."""
        activities = [(e[0], e[1]) for e in ents if e[2] == "ACTIVITY"]
        if not activities:
            return ents
        others = [(e[0], e[1]) for e in ents if e[2] != "ACTIVITY"]
        other_starts = [o[0] for o in others]
        store = None
        strings = v.strings
        by_sent: dict[int, list[tuple[int, int]]] | None = None
        for kind, start, end in self.matches(doc):
            # entities never overlap, so of those starting before ``end`` only the last can reach ``start``
            k = bisect_left(other_starts, end) - 1
            if k >= 0 and others[k][1] > start:
                continue
            if by_sent is None:
                by_sent = {}
                for a in activities:
                    by_sent.setdefault(v.sent_bounds(doc, a[0], a[1])[0], []).append(a)
            target = self._nearest(doc, v, start, end, by_sent)
            if target is None:
                continue
            value, unit = quantity(
                [strings[lower] for lower in v.lowers[start:end]],
                [punct and orth != _PERCENT for punct, orth in zip(v.is_punct[start:end], v.orths[start:end], strict=True)],
            )
            if store is None:
                store = entity_store(doc)
            record = store_record(store, target[0], target[1])
            if record.get("dose") is None:
                record["dose"] = []
            record["dose"].append((kind, v.start_char(start), v.end_char(end), value, unit))
        return ents

    @staticmethod
    def _nearest(doc: Doc, v, start: int, end: int, by_sent: dict[int, list[tuple[int, int]]]):
        """``by_sent``: the activities by the start token of their sentence, in doc order."""
        sent_start = v.sent_bounds(doc, start, end)[0]
        same = [a for a in by_sent.get(sent_start, ()) if not (a[0] < end and start < a[1])]
        if same:
            return min(same, key=lambda a: abs(a[0] - start))
        if sent_start > 0:
            before = by_sent.get(v.sent_bounds(doc, sent_start - 1)[0])
            if before:
                return before[-1]
        return None


class TimeExpressions(_PatternComponent):
    rules_file = "time_patterns.jsonl"

    def __call__(self, doc: Doc) -> Doc:
        self.run(doc, view(doc), [])
        return doc

    def run(self, doc: Doc, v: DocView, ents: list[tuple[int, int, str, int]]) -> list[tuple[int, int, str, int]]:
        """Set ``doc._.time_expressions``; ``ents`` (the doc's entities) pass through."""
        doc._.time_expressions = [(kind, v.start_char(s), v.end_char(e)) for kind, s, e in self.matches(doc)]
        return ents


@Language.factory("dose", assigns=["span._.dose"], requires=["doc.ents", "token.is_sent_start"])
def make_dose(nlp: Language, name: str) -> Dose:
    register_extensions()
    return Dose(nlp, name)


@Language.factory("time_expressions", assigns=["doc._.time_expressions"])
def make_time_expressions(nlp: Language, name: str) -> TimeExpressions:
    register_extensions()
    return TimeExpressions(nlp, name)

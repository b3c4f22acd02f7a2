"""The ConText algorithm (Harkema et al. 2009) as a spaCy component, rules as data.

A trigger phrase from ``data/context_rules.jsonl`` opens a scope forward, backward or
both ways inside its sentence; the scope stops at a terminator ("but", "however", a
category-specific word such as "I" for another person's body), at ``max_scope`` tokens,
or at a comma that does not continue a list. Every entity wholly inside the scope takes
the trigger's attribute, and the trigger is recorded. Pseudo-triggers ("no change",
"not only") win the longest-match contest and set nothing.

Beyond the published rule sets we handle: "negative for X", "X: none", "no further X",
"denies X", coordinated negation ("no hip or thigh pain, or back pain"), a yes/no answer
after a question ("Numbness? No"), and EHR query prefixes ("?S1").
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span

from .extensions import add_trigger, register_extensions
from .rules import data_file, read_jsonl, rules_to_disk

CATEGORY_ATTRIBUTE = {
    "NEGATED_EXISTENCE": "negated",
    "HISTORICAL": "historical",
    "HYPOTHETICAL": "hypothetical",
    "OTHER_SUBJECT": "other_subject",
}
DIRECTIONS = {"FORWARD", "BACKWARD", "BIDIRECTIONAL", "TERMINATE", "PSEUDO"}
LIST_CONTINUERS = frozenset({"or", "nor", "and", "no", "&", "/"})


def validate_rule(rule: dict[str, Any], where: str) -> None:
    if ("literal" in rule) == ("pattern" in rule):
        raise ValueError(f"{where}: a rule needs exactly one of 'literal' or 'pattern'")
    if rule.get("direction") not in DIRECTIONS:
        raise ValueError(f"{where}: direction must be one of {sorted(DIRECTIONS)}, not {rule.get('direction')!r}")
    if rule["direction"] not in {"TERMINATE", "PSEUDO"} and rule.get("category") not in CATEGORY_ATTRIBUTE:
        raise ValueError(f"{where}: category must be one of {sorted(CATEGORY_ATTRIBUTE)}, not {rule.get('category')!r}")


class _Trigger:
    __slots__ = ("start", "end", "rule", "span")

    def __init__(self, start: int, end: int, rule: dict[str, Any], span: Span):
        self.start, self.end, self.rule, self.span = start, end, rule, span


class ConText:
    def __init__(self, nlp: Language, name: str, default_max_scope: int = 10):
        self.name = name
        self.vocab = nlp.vocab
        self._make_doc = nlp.make_doc
        self.default_max_scope = default_max_scope
        self.rules: list[dict[str, Any]] = []
        self._set([])

    def initialize(self, get_examples=None, *, nlp: Language | None = None) -> None:
        self._set(read_jsonl(data_file("context_rules.jsonl")))

    def _set(self, rules: list[dict[str, Any]]) -> None:
        for i, rule in enumerate(rules):
            validate_rule(rule, f"context rule {i + 1}")
        self.rules = rules
        self.phrases = PhraseMatcher(self.vocab, attr="LOWER")
        self.patterns = Matcher(self.vocab)
        for i, rule in enumerate(rules):
            key = str(i)
            if "literal" in rule:
                self.phrases.add(key, [self._make_doc(rule["literal"])])
            else:
                self.patterns.add(key, [rule["pattern"]])

    # -- matching ---------------------------------------------------------
    def _triggers(self, doc: Doc) -> list[_Trigger]:
        found = []
        for match_id, start, end in list(self.phrases(doc)) + list(self.patterns(doc)):
            rule = self.rules[int(self.vocab.strings[match_id])]
            if not self._context_ok(doc, start, end, rule):
                continue
            found.append(_Trigger(start, end, rule, doc[start:end]))
        # Longest match wins, so a pseudo-trigger silences the shorter trigger inside it.
        # Rules matching the very same span all stay ("no" forward and "no" after a question).
        found.sort(key=lambda t: (-(t.end - t.start), t.start))
        owner: dict[int, tuple[int, int]] = {}
        kept = []
        for trig in found:
            span = (trig.start, trig.end)
            if any(owner.get(i, span) != span for i in range(trig.start, trig.end)):
                continue
            for i in range(trig.start, trig.end):
                owner[i] = span
            kept.append(trig)
        kept.sort(key=lambda t: t.start)
        return kept

    @staticmethod
    def _context_ok(doc: Doc, start: int, end: int, rule: dict[str, Any]) -> bool:
        required = rule.get("require_preceding")
        if required:
            if start == 0 or doc[start - 1].text not in required:
                return False
        if rule.get("attached"):
            # "?S1": the trigger touches the next word and does not end a sentence.
            if doc[end - 1].whitespace_ or end >= len(doc) or doc[end].is_punct:
                return False
            if start > 0 and not doc[start - 1].whitespace_ and not doc[start - 1].is_space:
                return False
        return True

    # -- scope --------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        ents = doc.ents
        if not ents:
            return doc
        triggers = self._triggers(doc)
        if not triggers:
            return doc
        ent_starts = {e.start for e in ents}
        for trig in triggers:
            direction = trig.rule["direction"]
            if direction in {"TERMINATE", "PSEUDO"}:
                continue
            attribute = CATEGORY_ATTRIBUTE[trig.rule["category"]]
            sent = doc[trig.start].sent
            max_scope = int(trig.rule.get("max_scope") or self.default_max_scope)
            stops = self._stops(doc, triggers, trig, ent_starts)
            scopes = []
            if direction in {"FORWARD", "BIDIRECTIONAL"}:
                end = min(sent.end, trig.end + max_scope)
                for i in range(trig.end, end):
                    if i in stops:
                        end = i
                        break
                scopes.append((trig.end, end))
            if direction in {"BACKWARD", "BIDIRECTIONAL"}:
                lower = sent.start
                if trig.start == sent.start and sent.start > 0 and doc[sent.start - 1].text in {"?", ":"}:
                    lower = doc[sent.start - 1].sent.start  # "Numbness? No."
                start = max(lower, trig.start - max_scope)
                for i in range(trig.start - 1, start - 1, -1):
                    if i in stops:
                        start = i + 1
                        break
                scopes.append((start, trig.start))
            for ent in ents:
                if any(s <= ent.start and ent.end <= e for s, e in scopes):
                    if not getattr(ent._, attribute):
                        setattr(ent._, attribute, True)
                        add_trigger(ent, attribute, "true", trig.span)
        return doc

    def _stops(self, doc: Doc, triggers: list[_Trigger], trig: _Trigger, ent_starts: set[int]) -> set[int]:
        """Token indices where this trigger's scope ends."""
        stops = {t.start for t in triggers if t.rule["direction"] == "TERMINATE" and t is not trig}
        stops.update(t.end - 1 for t in triggers if t.rule["direction"] == "TERMINATE" and t is not trig)
        own = set(trig.rule.get("terminated_by") or ())
        lo, hi = doc[trig.start].sent.start, doc[trig.start].sent.end
        for i in range(lo, hi):
            tok = doc[i]
            if own and tok.lower_ in own:
                stops.add(i)
            elif tok.text == "," and not self._list_continues(doc, i, hi, ent_starts):
                stops.add(i)
            elif tok.text in {";", "(", ")"} and i != trig.start:
                stops.add(i)
        return stops

    @staticmethod
    def _list_continues(doc: Doc, comma: int, hi: int, ent_starts: set[int]) -> bool:
        """A comma continues the scope only inside a list that a coordinator closes:
        "no numbness, tingling or weakness", "no hip or thigh pain, or back pain".
        In "(-) numbness, tight hip flexors, desk job" each item stands alone."""
        for j in range(comma + 1, hi):
            text = doc[j].lower_
            if text in LIST_CONTINUERS:
                return True
            if text in {",", ";", ".", ":"}:
                return False
        return False

    def to_disk(self, path, *, exclude=()) -> None:
        rules_to_disk(Path(path) / "context_rules.jsonl", self.rules)

    def from_disk(self, path, *, exclude=()) -> ConText:
        self._set(read_jsonl(Path(path) / "context_rules.jsonl"))
        return self


@Language.factory(
    "context",
    assigns=["span._.negated", "span._.historical", "span._.hypothetical", "span._.other_subject"],
    requires=["doc.ents", "token.is_sent_start"],
    default_config={"default_max_scope": 10},
)
def make_context(nlp: Language, name: str, default_max_scope: int) -> ConText:
    register_extensions()
    return ConText(nlp, name, default_max_scope=default_max_scope)

"""Relieving / aggravating links from a complaint to what changes it.

The target of a link is an ACTIVITY, FOOTWEAR or a STRUCTURE being stretched or
released ("goes away when barefoot" -> barefoot relieving; "worse in sneakers" ->
sneakers aggravating). The nearest trigger in the target's clause wins. Without a
trigger, a symptom joined to the target by a linking word ("hurts when I take
stairs") makes it aggravating, or relieving when the symptom is negated ("no pain
when barefoot").
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from .extensions import add_trigger, register_extensions
from .rules import data_file, read_jsonl, rules_to_disk

TARGET_LABELS = frozenset({"ACTIVITY", "FOOTWEAR"})
CLAUSE_BREAKS = frozenset({"but", "however", "although", "though", "whereas", ";", "except", "yet", "otherwise"})


class Modifiers:
    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.vocab = nlp.vocab
        self._make_doc = nlp.make_doc
        self.rules: list[dict[str, Any]] = []
        self._set([])

    def initialize(self, get_examples=None, *, nlp: Language | None = None) -> None:
        self._set(read_jsonl(data_file("modifier_rules.jsonl")))

    def _set(self, rules: list[dict[str, Any]]) -> None:
        self.rules = rules
        self.matcher = PhraseMatcher(self.vocab, attr="LOWER")
        self.link: dict[str, Any] | None = None
        for i, rule in enumerate(rules):
            if "symptom_link" in rule:
                self.link = rule
                self.link_words = frozenset(rule["symptom_link"])
            elif rule.get("modifier") not in {"relieving", "aggravating"}:
                raise ValueError(f"modifier rule {i + 1}: 'modifier' must be 'relieving' or 'aggravating'")
            else:
                self.matcher.add(str(i), [self._make_doc(rule["literal"])])

    def __call__(self, doc: Doc) -> Doc:
        targets = [e for e in doc.ents if e.label_ in TARGET_LABELS or (e.label_ == "STRUCTURE" and e.end < len(doc) and doc[e.end].lower_.startswith("stretch"))]
        if not targets:
            return doc
        # A trigger may contain a symptom ("no pain", "hurts"), never another entity.
        non_symptom_tokens = {i for e in doc.ents if e.label_ != "SYMPTOM" for i in range(e.start, e.end)}
        triggers = []
        for match_id, start, end in self.matcher(doc):
            if non_symptom_tokens.intersection(range(start, end)):
                continue
            triggers.append((start, end, self.rules[int(self.vocab.strings[match_id])]))
        # longest trigger wins where two overlap ("feels better" over "better")
        triggers.sort(key=lambda t: (-(t[1] - t[0]), t[0]))
        taken: set[int] = set()
        kept = []
        for t in triggers:
            if not taken.intersection(range(t[0], t[1])):
                taken.update(range(t[0], t[1]))
                kept.append(t)
        for target in targets:
            self._link_target(doc, target, kept)
        return doc

    def _clause(self, doc: Doc, target: Span) -> tuple[int, int]:
        sent = target.sent
        lo, hi = sent.start, sent.end
        for i in range(target.start - 1, sent.start - 1, -1):
            if doc[i].lower_ in CLAUSE_BREAKS:
                lo = i + 1
                break
        for i in range(target.end, sent.end):
            if doc[i].lower_ in CLAUSE_BREAKS:
                hi = i
                break
        return lo, hi

    def _link_target(self, doc: Doc, target: Span, triggers) -> None:
        lo, hi = self._clause(doc, target)
        best = None
        for start, end, rule in triggers:
            if start < lo or end > hi:
                continue
            if end <= target.start:
                if rule["direction"] == "FORWARD" or rule["direction"] == "BIDIRECTIONAL":
                    dist = target.start - end
                else:
                    continue
            elif start >= target.end:
                if rule["direction"] in {"BACKWARD", "BIDIRECTIONAL"}:
                    dist = start - target.end
                else:
                    continue
            else:
                continue
            if dist <= int(rule.get("max_scope", 8)) and (best is None or dist < best[0]):
                best = (dist, start, end, rule["modifier"])
        if best is not None:
            target._.modifier = best[3]
            add_trigger(target, "modifier", best[3], doc[best[1] : best[2]])
            return
        if self.link is None:
            return
        for ent in doc.ents:
            if ent.label_ != "SYMPTOM" or ent.end > target.start or ent.start < lo:
                continue
            between = doc[ent.end : target.start]
            if len(between) > int(self.link.get("max_scope", 8)):
                continue
            words = [t for t in between if t.lower_ in self.link_words]
            if words:
                value = self.link["negated_modifier"] if ent._.negated else self.link["modifier"]
                target._.modifier = value
                add_trigger(target, "modifier", value, doc[words[0].i : words[0].i + 1])
                return

    def to_disk(self, path, *, exclude=()) -> None:
        rules_to_disk(Path(path) / "modifier_rules.jsonl", self.rules)

    def from_disk(self, path, *, exclude=()) -> Modifiers:
        self._set(read_jsonl(Path(path) / "modifier_rules.jsonl"))
        return self


@Language.factory("modifiers", assigns=["span._.modifier"], requires=["doc.ents", "span._.negated"])
def make_modifiers(nlp: Language, name: str) -> Modifiers:
    register_extensions()
    return Modifiers(nlp, name)

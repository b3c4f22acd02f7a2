"""Give every entity its concept id, chain-level region and codes; drop blocker matches.

The EntityRuler runs first with patterns whose ``id`` is the concept; this component
looks the id up in ``data/concepts.jsonl``. ``BLOCKER`` patterns exist only to win the
longest-match contest against a wrong reading ("comes back" is not a back) and are
removed here, as are matches that a rule in ``data/disambiguation.jsonl`` rejects.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, NamedTuple

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .docview import DocView, ids, view
from .entities import write_entities
from .extensions import entity_store, register_extensions
from .rules import data_file, read_jsonl, rules_to_disk

BLOCKER_LABEL = "BLOCKER"
_RULE_KEYS = frozenset({"concept", "why", "when_lower", "drop_if_prev_lower", "drop_if_next_lower", "drop_if_next_label",
                        "keep_if_prev_lower", "keep_if_prev_label", "drop_if_prev_label", "window", "drop_if_doc_has",
                        "relabel_if_prev_lower", "relabel_as"})


class _Test(NamedTuple):
    """One rule of ``data/disambiguation.jsonl`` for one concept. A match of the concept is
    dropped when (only for matches whose first word is in ``when_lower``, if given) the word
    before it is in ``prev_lower``, the word after it in ``next_lower``, the entity right after
    it has a label in ``next_label``, the word before it is not in ``keep_if_prev_lower``, the
    nearest entity before it (at most ``window`` tokens back, within the clause) has no label in
    ``keep_if_prev_label`` (or has one in ``drop_if_prev_label``), or the doc holds a match of a concept in ``doc_has``.
    A rule with ``relabel_as`` (``{"label": ..., "concept": ...}``) drops nothing: it gives the
    match that label and concept when the word before it is in ``relabel_if_prev_lower``
    ("10 cm heels" are shoes, not a body part)."""

    when_lower: frozenset[int]
    prev_lower: frozenset[int]
    next_lower: frozenset[int]
    next_label: frozenset[str]
    keep_if_prev_lower: frozenset[int]
    keep_if_prev_label: frozenset[str]
    drop_if_prev_label: frozenset[str]
    window: int
    doc_has: frozenset[str]
    relabel_prev: frozenset[int]
    relabel_as: tuple[str, str] | None


_NO_INFO: tuple[None, dict] = (None, {})
_BREAKS = ids([",", ";", ".", ":", "(", ")", "!", "?"])


@spacy.registry.misc("tagger.entity_patterns.v1")
def entity_patterns() -> list[dict[str, Any]]:
    """The shipped EntityRuler patterns (referenced from the pipeline config)."""
    return read_jsonl(data_file("entity_patterns.jsonl"))


def load_regions(path: Path | None = None) -> dict[str, dict[str, Any]]:
    raw = json.loads((path or data_file("regions.json")).read_text(encoding="utf-8"))
    return {k: v for k, v in raw.items() if not k.startswith("//")}


class ConceptAttributes:
    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.concepts: dict[str, dict[str, Any]] = {}
        self.regions: dict[str, dict[str, Any]] = {}
        self.rules: list[dict[str, Any]] = []
        # span id -> concept id: a string-store lookup per entity was most of this step's cost
        self._names: dict[int, str] = {}

    def initialize(self, get_examples=None, *, nlp: Language | None = None) -> None:
        self._set(read_jsonl(data_file("concepts.jsonl")), load_regions(), read_jsonl(data_file("disambiguation.jsonl")))

    def _set(self, concepts, regions, rules) -> None:
        self.concepts = {c["id"]: c for c in concepts}
        # per concept: (region, codes), what every mention of it gets
        self._info = {c["id"]: (c.get("region"), c.get("codes") or {}) for c in concepts}
        self.regions = regions
        self.rules = rules
        # per concept, one _Test per rule
        self._tests: dict[str, list[_Test]] = {}
        for rule in rules:
            unknown_keys = set(rule) - _RULE_KEYS
            if unknown_keys:
                raise ValueError(f"disambiguation rule for {rule.get('concept')!r} has unknown keys {sorted(unknown_keys)}")
            self._tests.setdefault(rule["concept"], []).append(_Test(
                ids(rule.get("when_lower", ())),
                ids(rule.get("drop_if_prev_lower", ())), ids(rule.get("drop_if_next_lower", ())),
                frozenset(rule.get("drop_if_next_label") or ()), ids(rule.get("keep_if_prev_lower", ())),
                frozenset(rule.get("keep_if_prev_label") or ()), frozenset(rule.get("drop_if_prev_label") or ()),
                int(rule.get("window", 3)),
                frozenset(rule.get("drop_if_doc_has") or ()),
                ids(rule.get("relabel_if_prev_lower", ())),
                (rule["relabel_as"]["label"], rule["relabel_as"]["concept"]) if rule.get("relabel_as") else None,
            ))
        self._needs_ends = any(t.keep_if_prev_label or t.drop_if_prev_label for tests in self._tests.values() for t in tests)
        self._needs_present = any(t.doc_has for tests in self._tests.values() for t in tests)
        self._relabels = frozenset(c for c, tests in self._tests.items() if any(t.relabel_as for t in tests))
        unknown = [c["region"] for c in concepts if c.get("region") and c["region"] not in regions]
        if unknown:
            raise ValueError(f"concepts.jsonl names regions missing from regions.json: {sorted(set(unknown))}")

    def _rejected(self, start: int, end: int, concept: str, lowers: list[int], label_at: dict[int, str],
                  label_end: dict[int, str], present: frozenset[str]) -> bool:
        for test in self._tests.get(concept, ()):
            if test.relabel_as or (test.when_lower and lowers[start] not in test.when_lower):
                continue
            if start > 0 and lowers[start - 1] in test.prev_lower:
                return True
            if end < len(lowers):
                if lowers[end] in test.next_lower:
                    return True
                if test.next_label:
                    nxt = label_at.get(end)
                    if nxt is not None and nxt in test.next_label:
                        return True
            if test.keep_if_prev_lower and (start == 0 or lowers[start - 1] not in test.keep_if_prev_lower):
                return True
            if test.keep_if_prev_label and self._prev_label(start, test.window, label_end, lowers) not in test.keep_if_prev_label:
                return True
            if test.drop_if_prev_label and self._prev_label(start, test.window, label_end, lowers) in test.drop_if_prev_label:
                return True
            if test.doc_has and not test.doc_has.isdisjoint(present):
                return True
        return False

    def __call__(self, doc: Doc) -> Doc:
        v = view(doc)
        self.run(doc, v, v.entities(doc))
        return doc

    def run(self, doc: Doc, v: DocView, ents: list[tuple[int, int, str, int]]) -> list[tuple[int, int, str, int]]:
        """Set the concept attributes of ``ents`` (the doc's entities, from ``v.entities``) and
        drop blockers and rejected matches; returns the entities that stay."""
        strings = v.strings
        label_at = {e[0]: e[2] for e in ents}  # entities never overlap: one per start token
        label_end = {e[1]: e[2] for e in ents if e[2] != BLOCKER_LABEL} if self._needs_ends else {}
        kept = []
        tests = self._tests
        lowers = v.lowers
        names = self._names
        present = self._present(ents, strings) if self._needs_present else frozenset()
        relabelled: dict[int, tuple[str, int]] = {}
        for start, end, label, span_id in ents:
            if label == BLOCKER_LABEL:
                continue
            if span_id:
                name = names.get(span_id)
                if name is None:
                    name = names[span_id] = strings[span_id]
            else:
                name = ""
            concept = name or label.lower()
            if concept in self._relabels:
                new = self._relabel(start, concept, lowers)
                if new is not None:
                    label, concept = new
                    strings.add(label)  # a label the ruler has not written yet is not in the store
                    relabelled[start] = (label, strings.add(concept))
            if concept not in tests or not self._rejected(start, end, concept, lowers, label_at, label_end, present):
                kept.append((start, end, concept))
        if len(kept) != len(ents) or relabelled:
            keep = {k[0] for k in kept}
            ents = [(s, e, *relabelled.get(s, (label, span_id))) for s, e, label, span_id in ents if s in keep]
            # the kept entities as they were (``doc.ents = [...]`` would build a Span per entity twice)
            write_entities(doc, [(s, e, strings[label], span_id) for s, e, label, span_id in ents])
        store = entity_store(doc)
        info = self._info
        for start, end, concept in kept:
            region, codes = info.get(concept, _NO_INFO)
            store[start] = {"end": end, "concept": concept, "region": region, "codes": dict(codes)}
        return ents

    def _relabel(self, start: int, concept: str, lowers: list[int]) -> tuple[str, str] | None:
        for test in self._tests[concept]:
            if test.relabel_as and (not test.when_lower or lowers[start] in test.when_lower) \
                    and start > 0 and lowers[start - 1] in test.relabel_prev:
                return test.relabel_as
        return None

    @staticmethod
    def _prev_label(start: int, window: int, label_end: dict[int, str], lowers: list[int]) -> str | None:
        """Label of the nearest entity ending at most ``window`` tokens before ``start``, or
        None when there is none or a clause break (, ; . : brackets) comes first."""
        for k in range(start, max(start - window, 0) - 1, -1):
            label = label_end.get(k)
            if label is not None:
                return label
            if k > 0 and lowers[k - 1] in _BREAKS:
                return None
        return None

    def _present(self, ents: list[tuple[int, int, str, int]], strings) -> frozenset[str]:
        """Concept ids matched anywhere in the doc, blockers' ids included."""
        names = self._names
        found = set()
        for _, _, _, span_id in ents:
            if span_id:
                name = names.get(span_id)
                if name is None:
                    name = names[span_id] = strings[span_id]
                found.add(name)
        return frozenset(found)

    def to_disk(self, path, *, exclude=()) -> None:
        path = Path(path)
        rules_to_disk(path / "concepts.jsonl", list(self.concepts.values()))
        rules_to_disk(path / "disambiguation.jsonl", self.rules)
        path.mkdir(parents=True, exist_ok=True)
        (path / "regions.json").write_text(json.dumps(self.regions, indent=1), encoding="utf-8")

    def from_disk(self, path, *, exclude=()) -> ConceptAttributes:
        path = Path(path)
        self._set(read_jsonl(path / "concepts.jsonl"), load_regions(path / "regions.json"), read_jsonl(path / "disambiguation.jsonl"))
        return self


@Language.factory("concept_attributes", assigns=["span._.concept", "span._.region", "span._.codes"], requires=["doc.ents"])
def make_concept_attributes(nlp: Language, name: str) -> ConceptAttributes:
    register_extensions()
    return ConceptAttributes(nlp, name)

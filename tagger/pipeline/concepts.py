"""Give every entity its concept id, chain-level region and codes; drop blocker matches.

The EntityRuler runs first with patterns whose ``id`` is the concept; this component
looks the id up in ``data/concepts.jsonl``. ``BLOCKER`` patterns exist only to win the
longest-match contest against a wrong reading ("comes back" is not a back) and are
removed here, as are matches that a rule in ``data/disambiguation.jsonl`` rejects.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .docview import DocView, ids, view
from .entities import write_entities
from .extensions import entity_store, register_extensions
from .rules import data_file, read_jsonl, rules_to_disk

BLOCKER_LABEL = "BLOCKER"
_NO_INFO: tuple[None, dict] = (None, {})


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
        # per concept: (previous-word ids, next-word ids, next-entity labels) of each rule
        self._tests: dict[str, list[tuple[frozenset[int], frozenset[int], frozenset[str]]]] = {}
        for rule in rules:
            self._tests.setdefault(rule["concept"], []).append((
                ids(rule.get("drop_if_prev_lower", ())), ids(rule.get("drop_if_next_lower", ())),
                frozenset(rule.get("drop_if_next_label") or ()),
            ))
        unknown = [c["region"] for c in concepts if c.get("region") and c["region"] not in regions]
        if unknown:
            raise ValueError(f"concepts.jsonl names regions missing from regions.json: {sorted(set(unknown))}")

    def _rejected(self, start: int, end: int, concept: str, lowers: list[int], label_at: dict[int, str]) -> bool:
        for prev_lower, next_lower, next_label in self._tests.get(concept, ()):
            if start > 0 and lowers[start - 1] in prev_lower:
                return True
            if end < len(lowers):
                if lowers[end] in next_lower:
                    return True
                if next_label:
                    nxt = label_at.get(end)
                    if nxt is not None and nxt in next_label:
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
        kept = []
        tests = self._tests
        lowers = v.lowers
        names = self._names
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
            if concept not in tests or not self._rejected(start, end, concept, lowers, label_at):
                kept.append((start, end, concept))
        if len(kept) != len(ents):
            keep = {k[0] for k in kept}
            ents = [ent for ent in ents if ent[0] in keep]
            # the kept entities as they were (``doc.ents = [...]`` would build a Span per entity twice)
            write_entities(doc, [(s, e, strings[label], span_id) for s, e, label, span_id in ents])
        store = entity_store(doc)
        info = self._info
        for start, end, concept in kept:
            region, codes = info.get(concept, _NO_INFO)
            store[start] = {"end": end, "concept": concept, "region": region, "codes": dict(codes)}
        return ents

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

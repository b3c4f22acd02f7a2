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
from spacy.tokens import Doc, Span

from .extensions import register_extensions
from .rules import data_file, read_jsonl, rules_to_disk

BLOCKER_LABEL = "BLOCKER"


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

    def initialize(self, get_examples=None, *, nlp: Language | None = None) -> None:
        self._set(read_jsonl(data_file("concepts.jsonl")), load_regions(), read_jsonl(data_file("disambiguation.jsonl")))

    def _set(self, concepts, regions, rules) -> None:
        self.concepts = {c["id"]: c for c in concepts}
        self.regions = regions
        self.rules = rules
        self._by_concept: dict[str, list[dict[str, Any]]] = {}
        for rule in rules:
            self._by_concept.setdefault(rule["concept"], []).append(rule)
        unknown = [c["region"] for c in concepts if c.get("region") and c["region"] not in regions]
        if unknown:
            raise ValueError(f"concepts.jsonl names regions missing from regions.json: {sorted(set(unknown))}")

    def _rejected(self, doc: Doc, ent: Span, concept: str) -> bool:
        for rule in self._by_concept.get(concept, ()):
            prev = doc[ent.start - 1] if ent.start > 0 else None
            nxt = doc[ent.end] if ent.end < len(doc) else None
            if prev is not None and prev.lower_ in rule.get("drop_if_prev_lower", ()):
                return True
            if nxt is not None and nxt.lower_ in rule.get("drop_if_next_lower", ()):
                return True
            if nxt is not None and rule.get("drop_if_next_label"):
                nxt_labels = {e.label_ for e in doc.ents if e.start == ent.end}
                if nxt_labels & set(rule["drop_if_next_label"]):
                    return True
        return False

    def __call__(self, doc: Doc) -> Doc:
        kept = []
        for ent in doc.ents:
            if ent.label_ == BLOCKER_LABEL:
                continue
            concept = ent.ent_id_ or ent.label_.lower()
            if not self._rejected(doc, ent, concept):
                kept.append(ent)
        doc.ents = kept
        # Span extension values are keyed by offsets, label and id, so they survive re-reading doc.ents.
        for ent in doc.ents:
            concept = ent.ent_id_ or ent.label_.lower()
            info = self.concepts.get(concept, {})
            ent._.concept = concept
            ent._.region = info.get("region")
            ent._.codes = dict(info.get("codes") or {})
        return doc

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

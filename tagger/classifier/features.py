"""From a tagged case to features that carry meaning, for scikit-learn.

``CaseFeaturizer`` turns a ``TagResult`` (or its JSON dict) into a feature dict:
concepts and regions with their assertion status (``CONDITION=overpronation:cur``,
``SYMPTOM@hip:neg``), concept groups (``group=foot_mechanics:cur``), relieving and
aggravating links (``relieving:FOOTWEAR=barefoot``), activity doses, the regions that
are symptomatic together (``pair:knee+foot``), the side agreement between them, the
first symptomatic site, and driver -> site crosses (``foot_mechanics->knee``) that say
what a chain looks like without depending on the words a writer chose.

This module does not import spaCy: the classifier side reads only the result schema.
"""

from __future__ import annotations

import bisect
import json
import re
from collections import defaultdict
from itertools import combinations
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

from ..schema import TagResult

DATA_DIR = Path(__file__).parent / "data"
FINDING_LABELS = frozenset({"SYMPTOM", "CONDITION"})
SITE_LABELS = frozenset({"BODY_REGION", "STRUCTURE"})
# Regions ordered from trunk to foot, so pairs and crosses read the same way every time.
CHAIN_ORDER = {"trunk": 1, "upper_back": 1, "lower_back": 2, "pelvis": 3, "hip": 4, "thigh": 5, "knee": 6,
               "lower_leg": 7, "leg": 7, "ankle": 8, "foot": 9}
LOWER_CHAIN = frozenset(CHAIN_ORDER)


def _load_groups() -> dict[str, tuple[str, ...]]:
    raw = json.loads((DATA_DIR / "concept_groups.json").read_text(encoding="utf-8"))
    groups: dict[str, list[str]] = defaultdict(list)
    for group, concepts in raw.items():
        if group.startswith("//"):
            continue
        for concept in concepts:
            groups[concept].append(group)
    return {c: tuple(g) for c, g in groups.items()}


CONCEPT_GROUPS = _load_groups()
CUE_WINDOW = 6  # words either side of an entity


def _load_cues() -> list[tuple[str, tuple[str, ...]]]:
    raw = json.loads((DATA_DIR / "cues.json").read_text(encoding="utf-8"))
    cues = []
    for cue_class, phrases in raw.items():
        if not cue_class.startswith("//"):
            for phrase in phrases:
                cues.append((cue_class, tuple(phrase.lower().split())))
    return cues


CUES = _load_cues()
_CUES_BY_FIRST: dict[str, list[tuple[str, tuple[str, ...]]]] = defaultdict(list)  # first word -> its cues
for _cue_class, _phrase in CUES:
    _CUES_BY_FIRST[_phrase[0]].append((_cue_class, _phrase))
_WORD = re.compile(r"[a-z0-9']+")


def _words(text: str) -> tuple[list[str], list[int]]:
    """Lower-case words of ``text`` and their start offsets (no spaCy on this side)."""
    words, starts = [], []
    for m in _WORD.finditer(text.lower()):
        words.append(m.group())
        starts.append(m.start())
    return words, starts


def _cue_hits(words: list[str]) -> list[tuple[int, str]]:
    """(word index, cue class) for every cue phrase in the text."""
    by_first = _CUES_BY_FIRST
    hits = []
    for i, w in enumerate(words):
        for cue_class, phrase in by_first.get(w, ()):
            if tuple(words[i : i + len(phrase)]) == phrase:
                hits.append((i, cue_class))
    return hits


def as_result(case: TagResult | dict[str, Any]) -> TagResult:
    return case if isinstance(case, TagResult) else TagResult.model_validate(case)


def status_of(entity) -> str:
    """One assertion status per entity; someone else's body outranks everything."""
    if entity.other_subject:
        return "oth"
    if entity.negated:
        return "neg"
    if entity.hypothetical:
        return "hyp"
    if entity.historical:
        return "hist"
    return "cur"


def case_features(case: TagResult | dict[str, Any]) -> tuple[dict[str, float], dict[str, list[int]]]:
    """The feature dict of one case, and for each feature the entities it came from."""
    result = as_result(case)
    feats: dict[str, float] = {}
    sources: dict[str, list[int]] = defaultdict(list)

    def add(name: str, *entity_ids: int) -> None:
        feats[name] = 1.0
        sources[name].extend(entity_ids)

    symptomatic: dict[str, list[int]] = defaultdict(list)
    sides: dict[str, set[str]] = defaultdict(set)
    current_groups: dict[str, list[int]] = defaultdict(list)
    for i, e in enumerate(result.entities):
        st = status_of(e)
        add(f"{e.label}={e.concept}:{st}", i)
        if e.region:
            add(f"{e.label}@{e.region}:{st}", i)
        for group in CONCEPT_GROUPS.get(e.concept, ()):
            add(f"group={group}:{st}", i)
            if st == "cur":
                current_groups[group].append(i)
        if e.modifier and st in {"cur", "hyp"}:
            add(f"{e.modifier}:{e.label}={e.concept}", i)
            add(f"{e.modifier}:{e.label}", i)
            for group in CONCEPT_GROUPS.get(e.concept, ()):
                add(f"{e.modifier}:group={group}", i)
        if e.label == "ACTIVITY" and e.dose and st in {"cur", "hyp"}:
            add(f"ACTIVITY={e.concept}:dose", i)
            for item in e.dose:
                add(f"dose:{item.kind}", i)
        if e.label in FINDING_LABELS and st == "cur" and e.region in LOWER_CHAIN:
            symptomatic[e.region].append(i)
            if e.laterality:
                sides[e.region].add(e.laterality)
        if e.label in SITE_LABELS and st == "cur" and e.region and e.laterality:
            sides[e.region].add(e.laterality)
        if e.label == "SYMPTOM" and st == "cur" and e.region:
            add(f"SYMPTOM@{e.region}:{e.laterality or 'unsided'}", i)
    regions = sorted(symptomatic, key=lambda r: CHAIN_ORDER[r])
    for a, b in combinations(regions, 2):
        add(f"pair:{a}+{b}", *symptomatic[a], *symptomatic[b])
        common = sides[a] & sides[b]
        if common:
            add("sides_agree", *symptomatic[a], *symptomatic[b])
        elif sides[a] and sides[b]:
            add("sides_differ", *symptomatic[a], *symptomatic[b])
    add(f"n_sites={min(len(regions), 3)}", *[i for r in regions for i in symptomatic[r]])
    if regions:
        first = min(regions, key=lambda r: min(symptomatic[r]))
        add(f"first_site={first}", min(symptomatic[first]))
    for group, ids in current_groups.items():
        for region in regions:
            add(f"{group}->{region}", *ids, *symptomatic[region])
    _add_cue_features(result, add)
    if result.time_expressions:
        add("time:" + ",".join(sorted({t.kind for t in result.time_expressions})))
    return feats, dict(sources)


def _add_cue_features(result: TagResult, add) -> None:
    """'<what>~<cue class>' when a cue word sits near an entity in the same sentence, and
    sentence-level links: a driver and a painful site in one sentence ('group->region@sent'),
    joined by a causal or response cue ('group=>region') - the stated link the guidelines ask for."""
    words, starts = _words(result.text)
    if not words:
        return
    hits = _cue_hits(words)
    sent_bounds = [s.start for s in result.sentences] or [0]
    _add_sentence_links(result, hits, starts, sent_bounds, add)
    if not hits:
        return
    for _, cue_class in hits:
        add(f"cue:{cue_class}")  # anywhere in the case: a curated, meaning-level keyword layer
    for i, e in enumerate(result.entities):
        if e.label not in {"ACTIVITY", "FOOTWEAR", "CONDITION", "STRUCTURE"} or status_of(e) in {"neg", "oth"}:
            continue
        centre = bisect.bisect_left(starts, e.start)
        sent_lo = sent_bounds[max(0, bisect.bisect_right(sent_bounds, e.start) - 1)]
        if e.label == "ACTIVITY" and e.modifier == "relieving":
            names = ["treatment"]  # "better since doing clams" is a treatment, not a change in load
        else:
            names = [e.label] + [f"group={g}" for g in CONCEPT_GROUPS.get(e.concept, ())]
        for idx, cue_class in hits:
            if abs(idx - centre) <= CUE_WINDOW and starts[idx] >= sent_lo:
                for name in names:
                    add(f"{name}~{cue_class}", i)


def _add_sentence_links(result: TagResult, hits, starts, sent_bounds, add) -> None:
    linking = {"cause", "relief", "worse"}
    cue_sents: dict[int, set[str]] = defaultdict(set)
    for idx, cue_class in hits:
        cue_sents[max(0, bisect.bisect_right(sent_bounds, starts[idx]) - 1)].add(cue_class)
    groups: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    sites: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for i, e in enumerate(result.entities):
        if status_of(e) != "cur":
            continue
        for group in CONCEPT_GROUPS.get(e.concept, ()):
            groups[e.sentence][group].append(i)
        if e.label in FINDING_LABELS and e.region in LOWER_CHAIN:
            sites[e.sentence][e.region].append(i)
    for sent, by_group in groups.items():
        # the driver's sentence and the next one: "My arches have collapsed. Now my knee hurts."
        for other in (sent, sent + 1):
            for region, site_ids in sites.get(other, {}).items():
                for group, ids in by_group.items():
                    add(f"{group}->{region}@sent", *ids, *site_ids)
                    if cue_sents.get(sent, set()) & linking or cue_sents.get(other, set()) & linking:
                        add(f"{group}=>{region}", *ids, *site_ids)
    for sent, by_region in sites.items():
        regions = sorted(by_region, key=lambda r: CHAIN_ORDER[r])
        if len(regions) >= 2 and cue_sents.get(sent, set()) & linking:
            for a, b in combinations(regions, 2):
                add(f"link:{a}+{b}", *by_region[a], *by_region[b])


class CaseFeaturizer(TransformerMixin, BaseEstimator):
    """Tagged cases (``TagResult`` objects or their JSON dicts) -> feature dicts.

    Stateless: ``fit`` learns nothing; pair it with a ``DictVectorizer``.
    """

    def fit(self, X, y=None):
        return self

    def transform(self, X) -> list[dict[str, float]]:
        return [case_features(case)[0] for case in X]

    def get_feature_names_out(self, input_features=None):
        # Names come from the DictVectorizer that follows; this step has no columns of its own.
        return np.asarray(input_features if input_features is not None else [], dtype=object)


class CaseText(TransformerMixin, BaseEstimator):
    """Tagged cases -> the text the tagger read, for word n-gram vectorizers."""

    def fit(self, X, y=None):
        return self

    def transform(self, X) -> list[str]:
        return [as_result(case).text for case in X]

    def get_feature_names_out(self, input_features=None):
        return np.asarray(input_features if input_features is not None else [], dtype=object)

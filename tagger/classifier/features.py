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
    by_first: dict[str, list[tuple[str, tuple[str, ...]]]] = defaultdict(list)
    for cue_class, phrase in CUES:
        by_first[phrase[0]].append((cue_class, phrase))
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


EXTRA_FEATURES = frozenset({"modlink", "sidepair", "order", "drive"})


def case_features(case: TagResult | dict[str, Any], extra: frozenset[str] = frozenset()) -> tuple[dict[str, float], dict[str, list[int]]]:
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
    if extra:
        _add_extra_features(result, extra, symptomatic, sides, regions, add)
    _add_cue_features(result, add)
    if result.time_expressions:
        add("time:" + ",".join(sorted({t.kind for t in result.time_expressions})))
    return feats, dict(sources)


DRIVER_GROUPS = frozenset({"foot_mechanics", "painful_foot", "hip_restriction", "hip_stabiliser", "trunk_pull",
                           "neural_source", "gait_change", "knee_alignment"})


def _add_extra_features(result: TagResult, extra, symptomatic, sides, regions, add) -> None:
    if "sidepair" in extra:
        for a, b in combinations(regions, 2):
            if sides[a] & sides[b]:
                add(f"sides_agree:{a}+{b}", *symptomatic[a], *symptomatic[b])
            elif sides[a] and sides[b]:
                add(f"sides_differ:{a}+{b}", *symptomatic[a], *symptomatic[b])
    if "order" in extra and len(regions) >= 2:
        first = min(regions, key=lambda r: min(symptomatic[r]))
        for other in regions:
            if other != first:
                way = "distal_first" if CHAIN_ORDER[first] > CHAIN_ORDER[other] else "proximal_first"
                add(f"onset:{way}", min(symptomatic[first]), min(symptomatic[other]))
                add(f"onset:{first}<{other}", min(symptomatic[first]), min(symptomatic[other]))
    sites_by_sent: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for r in regions:
        for i in symptomatic[r]:
            sites_by_sent[result.entities[i].sentence][r].append(i)
    for i, e in enumerate(result.entities):
        st = status_of(e)
        if st not in {"cur", "hyp"}:
            continue
        if "modlink" in extra and e.modifier:
            if e.label in FINDING_LABELS and e.region in LOWER_CHAIN:
                add(f"{e.modifier}@{e.region}", i)
            elif e.label not in FINDING_LABELS:
                for other in (e.sentence - 1, e.sentence, e.sentence + 1):
                    for region, ids in sites_by_sent.get(other, {}).items():
                        add(f"{e.modifier}:{e.label}->{region}", i, *ids)
                        for group in CONCEPT_GROUPS.get(e.concept, ()):
                            add(f"{e.modifier}:{group}->{region}", i, *ids)
        if "drive" in extra and st == "cur" and e.region in LOWER_CHAIN:
            for group in set(CONCEPT_GROUPS.get(e.concept, ())) & DRIVER_GROUPS:
                for other in (e.sentence, e.sentence + 1):
                    for region, ids in sites_by_sent.get(other, {}).items():
                        if region == e.region:
                            continue
                        way = "up" if CHAIN_ORDER[e.region] > CHAIN_ORDER[region] else "down"
                        add(f"drive:{way}", i, *ids)
                        add(f"drive:{group}:{way}", i, *ids)


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

    def __init__(self, extra: tuple[str, ...] = ()):
        self.extra = extra

    def fit(self, X, y=None):
        return self

    def transform(self, X) -> list[dict[str, float]]:
        return [case_features(case, frozenset(self.extra))[0] for case in X]

    def get_feature_names_out(self, input_features=None):
        # Names come from the DictVectorizer that follows; this step has no columns of its own.
        return np.asarray(input_features if input_features is not None else [], dtype=object)


# Assertion-aware words: the word block reads "no hip pain" and "my mum's hip pain" as
# "hip pain" unless the words the pipeline marked are told apart. A word inside a
# non-current entity, or between it and its trigger ("no ... pain"), gets its status prefix.
ASSERTION_PREFIX = {"oth": "oth_", "neg": "neg_", "hyp": "hyp_", "hist": "hist_"}
_STATUS_ATTRIBUTE = {"oth": "other_subject", "neg": "negated", "hyp": "hypothetical", "hist": "historical"}
_STATUS_RANK = {"oth": 4, "neg": 3, "hyp": 2, "hist": 1}
SCOPE_GAP = 60  # characters: a trigger further from its entity than this marks only the entity
_TEXT_TOKEN = re.compile(r"(?u)\b\w\w+\b")  # TfidfVectorizer's default token pattern


def assertion_scopes(result: TagResult, statuses=tuple(ASSERTION_PREFIX)) -> list[tuple[int, int, str]]:
    """(start, end, status) for each entity whose status is in ``statuses``: the entity
    and, when near, the trigger that set the status ("no" in "no numbness")."""
    scopes = []
    for e in result.entities:
        st = status_of(e)
        if st not in statuses:
            continue
        lo, hi = e.start, e.end
        for t in e.triggers:
            if t.attribute == _STATUS_ATTRIBUTE[st] and max(t.start - e.end, e.start - t.end) <= SCOPE_GAP:
                lo, hi = min(lo, t.start), max(hi, t.end)
        scopes.append((lo, hi, st))
    return scopes


def assertion_text(result: TagResult, mode: str = "mark", statuses=tuple(ASSERTION_PREFIX)) -> tuple[str, list[tuple[int, int, bool]]]:
    """The text for the word block, and anchors mapping it back to ``result.text``.

    ``mode="mark"`` rewrites each word in a scope with its status prefix ("neg_pain");
    ``"dup"`` keeps the text and appends the prefixed words of each scope; ``"drop"``
    deletes the scoped words. Anchors are ``(new_start, original_start, inserted)`` pieces,
    in order: see ``to_original``.
    """
    text = result.text
    scopes = assertion_scopes(result, statuses)
    if not scopes:
        return text, [(0, 0, False)]
    status_at: dict[int, str] = {}
    for token in _TEXT_TOKEN.finditer(text):
        for lo, hi, st in scopes:
            if lo <= token.start() < hi and _STATUS_RANK[st] > _STATUS_RANK.get(status_at.get(token.start(), ""), 0):
                status_at[token.start()] = st
    pieces: list[str] = []
    anchors: list[tuple[int, int, bool]] = []
    length = 0

    def emit(piece: str, original: int, inserted: bool) -> None:
        nonlocal length
        if piece:
            anchors.append((length, original, inserted))
            pieces.append(piece)
            length += len(piece)

    tail: list[tuple[str, int, int]] = []
    at = 0
    for token in _TEXT_TOKEN.finditer(text):
        st = status_at.get(token.start())
        if st is None:
            continue
        if mode == "dup":
            tail.append((ASSERTION_PREFIX[st], token.start(), token.end()))
            continue
        emit(text[at:token.start()], at, False)
        if mode == "mark":
            emit(ASSERTION_PREFIX[st], token.start(), True)
            emit(token.group(), token.start(), False)
        elif mode != "drop":
            raise ValueError(f"assertion mode must be 'mark', 'dup' or 'drop', not {mode!r}")
        at = token.end()
    emit(text[at:], at, False)
    for k, (prefix, start, end) in enumerate(tail):
        emit("\n" if k == 0 else " ", start, True)
        emit(prefix, start, True)
        emit(text[start:end], start, False)
    return "".join(pieces), anchors


def to_original(anchors: list[tuple[int, int, bool]], position: int) -> int:
    """A position in ``assertion_text``'s text -> the position in the original text
    (inside an inserted prefix: where the word it prefixes starts)."""
    k = bisect.bisect_right(anchors, (position, float("inf"), True)) - 1
    new_start, original, inserted = anchors[max(k, 0)]
    return original if inserted else original + (position - new_start)


class CaseText(TransformerMixin, BaseEstimator):
    """Tagged cases -> the text the tagger read, for word n-gram vectorizers.

    ``assertion`` (``"none"``, ``"mark"``, ``"dup"``, ``"drop"``) hands the word block the
    entities' assertion status (see ``assertion_text``) for the statuses in ``statuses``.
    """

    def __init__(self, assertion: str = "none", statuses: tuple[str, ...] = ("oth", "neg", "hyp", "hist")):
        self.assertion = assertion
        self.statuses = statuses

    def fit(self, X, y=None):
        return self

    def text_of(self, case) -> tuple[str, list[tuple[int, int, bool]]]:
        """The text the vectorizer reads for one case, and its anchors (see ``to_original``)."""
        result = as_result(case)
        if self.assertion == "none":
            return result.text, [(0, 0, False)]
        return assertion_text(result, self.assertion, tuple(self.statuses))

    def transform(self, X) -> list[str]:
        return [self.text_of(case)[0] for case in X]

    def get_feature_names_out(self, input_features=None):
        return np.asarray(input_features if input_features is not None else [], dtype=object)

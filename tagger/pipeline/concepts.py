"""Give every entity its concept id, chain-level region and codes; drop blocker matches.

The EntityRuler runs first with patterns whose ``id`` is the concept; this component
looks the id up in ``data/concepts.jsonl``. ``BLOCKER`` patterns exist only to win the
longest-match contest against a wrong reading ("comes back" is not a back) and are
removed here, as are matches that a rule in ``data/disambiguation.jsonl`` rejects.
Diagnoses no vocabulary lists are then found by their form (``data/condition_forms.json``:
"sesamoiditis", "fasciopathy", "peroneal tendinosis"; see ``ConditionForms``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, NamedTuple

import spacy
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc

from .docview import DocView, ids, view
from .entities import write_entities
from .extensions import entity_store, register_extensions
from .footwear_spans import LABEL as FOOTWEAR
from .footwear_spans import FootwearSpans
from .rules import data_file, read_jsonl, rules_to_disk
from .weakness import WeaknessReading

BLOCKER_LABEL = "BLOCKER"
_FORMS_FILE = "condition_forms.json"
_QUALIFIERS_FILE = "span_qualifiers.json"
_EXTENSIONS_FILE = "span_extensions.json"
_WEAKNESS_FILE = "weakness.json"
# the CONDITION phrases and pattern words misspelling repair was set up with, saved with the
# component so that a saved pipeline does not read the package's current patterns
_PHRASES_FILE = "condition_phrases.json"
_RULE_KEYS = frozenset({"concept", "why", "when_lower", "drop_if_prev_lower", "drop_if_next_lower", "drop_if_next_label",
                        "keep_if_prev_lower", "keep_if_prev_label", "drop_if_prev_label", "window", "drop_if_doc_has",
                        "relabel_if_prev_lower", "relabel_as", "unless_span_lower",
                        "keep_if_lower_before", "drop_if_lower_before", "unless_prev_lower",
                        "unless_next_label", "drop_if_next_number", "keep_if_lower_after",
                        "or_after", "relabel_if_next_lower", "or_heading",
                        "keep_if_subject_before", "subject_between", "relabel_if_subject_before",
                        "drop_if_prev_number", "drop_if_subject_before"})


class _Test(NamedTuple):
    """One rule of ``data/disambiguation.jsonl`` for one concept. A match of the concept is
    dropped when (only for matches whose first word is in ``when_lower``, if given) the word
    before it is in ``prev_lower``, the word after it in ``next_lower``, the entity right after
    it has a label in ``next_label``, the word before it is not in ``keep_if_prev_lower``, the
    nearest entity before it (at most ``window`` tokens back, within the clause) has no label in
    ``keep_if_prev_label`` (or has one in ``drop_if_prev_label``), or the doc holds a match of a concept in ``doc_has``.
    A rule with ``relabel_as`` (``{"label": ..., "concept": ...}``) drops nothing: it gives the
    match that label and concept when the word before it is in ``relabel_if_prev_lower``
    ("10 cm heels" are shoes, not a body part), or the word after it in ``relabel_if_next_lower``
    with a ``keep_if_lower_after`` word within ``window`` tokens after it ("a big arch in my
    lower back" is the lordosis finding, "the arch of my foot" the part). A match whose words are one of
    ``unless_span_lower`` is never dropped by the rule ("knock knees" is a finding wherever it
    stands, "knees knock in" only after the part). With ``keep_if_lower_before`` a match is kept
    only when one of those words stands at most ``window`` tokens before it, within the clause
    ("my feet are flat": a flat foot; "keep your back flat": not); with ``drop_if_lower_before``
    it is dropped when one stands there ("shoes with a built-in arch"). A rule does not apply at all
    when the word before the match is one of ``unless_prev_lower`` ("back in 2019" is a time,
    "my back in the mornings" the body) or the entity right after it has a label in
    ``unless_next_label`` ("the ache is back": the adverb; "is back pain from the ankle?": the body).
    ``drop_if_next_number`` drops it before a number ("hip IR 15°" is a range of motion, "knee IR
    in stance" the finding). With ``keep_if_lower_after`` a match is kept only when one of those
    words stands at most ``window`` tokens after it, within the clause (an injury verb: "[rolled]
    my ankle", "[slipped] on ice"; "rolled my foot on a ball" is a treatment). With ``or_after``
    a ``keep_if_lower_before`` word may instead stand right after the match or after one word
    (a side: "[Flat] R foot", "a slightly [flat] right foot"; not "the back flat and the foot").
    With ``or_heading`` it may instead head the match's line as a form field ("Feet: very [flat]").
    With ``keep_if_subject_before`` a match is kept only when one of those words is its subject:
    it stands at most ``window`` tokens before the match with only ``subject_between`` words
    (copulas, auxiliaries, adverbs) between them ("my ankles were [folding in]"; not "my knee
    hurts going down stairs"). A rule with ``relabel_as`` and ``relabel_if_subject_before`` relabels a
    match whose subject, found the same way, is one of those words ("my glutes basically [asleep]" is
    the muscle's finding; "my foot is asleep" stays the numbness). ``drop_if_prev_number`` drops it
    right after a number ("300 ft", "a 22 lb hammer" are units, not a foot or a lower back). With
    ``drop_if_subject_before`` a match is dropped when one of those words stands before it, found as
    ``keep_if_subject_before`` finds its subject ("a shoe with more [heel]" is the shoe's heel, "my shoes
    rub the heel" the foot's)."""

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
    unless_span: frozenset[tuple[int, ...]] = frozenset()
    lower_before: frozenset[int] = frozenset()
    unless_prev: frozenset[int] = frozenset()
    unless_next_label: frozenset[str] = frozenset()
    drop_lower_before: frozenset[int] = frozenset()
    drop_next_number: bool = False
    lower_after: frozenset[int] = frozenset()
    or_after: bool = False
    relabel_next: frozenset[int] = frozenset()
    or_heading: bool = False
    subject: frozenset[int] = frozenset()
    subject_between: frozenset[int] = frozenset()
    relabel_subject: frozenset[int] = frozenset()
    drop_prev_number: bool = False
    drop_subject: frozenset[int] = frozenset()


_NO_INFO: tuple[None, dict] = (None, {})
_BREAKS = ids([",", ";", ".", ":", "(", ")", "!", "?"])
_COLON = get_string_id(":")


@spacy.registry.misc("tagger.entity_patterns.v1")
def entity_patterns() -> list[dict[str, Any]]:
    """The shipped EntityRuler patterns (referenced from the pipeline config)."""
    return read_jsonl(data_file("entity_patterns.jsonl"))


def condition_phrases() -> tuple[list[tuple[str, str]], set[str]]:
    """The shipped CONDITION phrase patterns, lower-cased, with their concepts (the targets
    of misspelling repair in ``ConditionForms``), and the words of every phrase pattern."""
    patterns = [p for p in entity_patterns() if isinstance(p["pattern"], str)]
    phrases = [(p["pattern"].lower(), p["id"]) for p in patterns if p["label"] == "CONDITION" and p.get("id")]
    return phrases, {w for p in patterns for w in p["pattern"].lower().split()}


def _read_forms(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def load_regions(path: Path | None = None) -> dict[str, dict[str, Any]]:
    raw = json.loads((path or data_file("regions.json")).read_text(encoding="utf-8"))
    return {k: v for k, v in raw.items() if not k.startswith("//")}


class _WordCache:
    """Results per word (LOWER id) remembered across docs, with the words met (``seen``) and
    those with a result (``hits``) kept as sets, so that a doc's words are sorted by set
    operations in C and Python runs only for words not met yet. Emptied past ``limit`` words:
    a long-running service keeps meeting new ones."""

    __slots__ = ("hits", "limit", "results", "seen")

    def __init__(self, limit: int = 100_000):
        self.results: dict[int, Any] = {}
        self.seen: set[int] = set()
        self.hits: set[int] = set()
        self.limit = limit

    def get(self, key: int) -> Any:
        return self.results.get(key)

    def put(self, key: int, value: Any) -> None:
        if len(self.results) > self.limit:
            self.results.clear()
            self.seen.clear()
            self.hits.clear()
        self.results[key] = value
        self.seen.add(key)
        if value:
            self.hits.add(key)


class ConditionForms:
    """CONDITIONs by word form: a word that no pattern took and that ends in a diagnosis
    suffix (-itis, -osis, -opathy, -algia, ...) and is not excluded. Anatomical adjectives
    right before it, and a STRUCTURE right before those, join the span ("Achilles
    tendinopathy", "prepatellar bursitis"); a BODY_REGION does not ("knee" + "arthrosis")."""

    _MAX_JOIN = 3

    def __init__(self, spec: dict[str, Any] | None = None):
        spec = {k: v for k, v in (spec or {}).items() if not k.startswith("//")}
        self.spec = spec
        self.suffixes = tuple(spec.get("suffixes") or ())
        self.min_length = int(spec.get("min_length", 7))
        self.concept = spec.get("concept", "")
        self.stems = [(stem, concept) for stem, concept in spec.get("stems") or ()]
        self.exclude = frozenset(spec.get("exclude") or ())
        self.join = ids(spec.get("join_words") or ())
        self.absorb = frozenset(spec.get("absorb_structure_for") or ())
        self.heads = ids(spec.get("head_words") or ())
        self.head_stop = ids(spec.get("head_stop_words") or ())
        self.head_concept = spec.get("head_concept", self.concept)
        # one-letter misspellings of the long words of CONDITION phrase patterns: variant -> word
        # ("ilitibial" -> "iliotibial"), and the phrases by their words
        self._typos: _WordCache = _WordCache()  # LOWER id -> the target words it misspells (() = none)
        self._phrases: dict[int, list[tuple[tuple[int, ...], int, str]]] = {}
        self._deletes: dict[str, set[str]] = {}
        self._known: set[str] = set()
        self._min_typo = 9
        self._verdicts: _WordCache = _WordCache()  # LOWER id -> concept ("" = not a condition form)

    def __bool__(self) -> bool:
        return bool(self.suffixes)

    def set_phrases(self, phrases: list[tuple[str, str]], known: set[str]) -> None:
        """CONDITION phrase patterns (text, concept) whose long words may be misspelt by one
        letter (a deletion, insertion, substitution or swap) and still be found. A word that
        is a word of any pattern (``known``: 'abduction' is not a misspelt 'adduction') or is
        shorter than ``typo_min_length`` ('plasters', 'version') is left alone, and so are the
        words in ``typo_exclude`` (ordinary words whose neighbours are ordinary words)."""
        self._min_typo = int(self.spec.get("typo_min_length", 9))
        exclude = set(self.spec.get("typo_exclude") or ())
        self._known = known | {w for text, _ in phrases for w in text.split()}
        # symmetric-delete index: a target word and each of its one-letter deletions -> the word
        self._deletes = {}
        self._phrases = {}
        for text, concept in phrases:
            words = text.split()
            key = tuple(get_string_id(w) for w in words)
            for k, word in enumerate(words):
                if len(word) < self._min_typo - 1 or not word.isalpha() or word in exclude:
                    continue
                self._phrases.setdefault(get_string_id(word), []).append((key, k, concept))
                for variant in {word, *_deletions(word)}:
                    self._deletes.setdefault(variant, set()).add(word)
        self._typos = _WordCache()  # filled as words are met

    def _typo_targets(self, lower: int, strings) -> tuple[int, ...]:
        found = self._typos.get(lower)
        if found is None:
            found = ()
            word = strings[lower]
            if len(word) >= self._min_typo and word.isalpha() and word not in self._known:
                deletes = self._deletes
                candidates = set(deletes.get(word, ()))
                for variant in _deletions(word):
                    candidates |= deletes.get(variant, set())
                targets = sorted(c for c in candidates if _one_edit(word, c))
                # words of different concepts one letter away: ambiguous, left alone
                # ('overpronaton' is near 'overpronation' and 'overpronator', both overpronation)
                concepts = {frozenset(c for _, _, c in self._phrases[get_string_id(t)]) for t in targets}
                if targets and len(concepts) == 1:
                    found = tuple(get_string_id(t) for t in targets)
            self._typos.put(lower, found)
        return found

    def concepts(self) -> set[str]:
        return {self.concept, *(c for _, c in self.stems)} if self else set()

    def _verdict(self, lower: int, strings) -> str:
        found = self._verdicts.get(lower)
        if found is None:
            word = strings[lower]
            found = ""
            if len(word) >= self.min_length and word.endswith(self.suffixes) and word not in self.exclude \
                    and word.replace("-", "").isalpha():
                found = next((c for stem, c in self.stems if stem in word), self.concept)
            self._verdicts.put(lower, found)
        return found

    def find(self, v: DocView, ents: list[tuple[int, int, str, int]], matched: list[tuple[int, int, str, int]],
             names: dict[int, str]) -> list[tuple[int, int, str, tuple[int, ...]]]:
        """``(start, end, concept, starts of the entities it replaces)`` per condition form:
        words that no match (``matched``, blockers included) covers, and one-word CONDITION
        matches of a diagnosis suffix that an adjective or a STRUCTURE before them joins."""
        lowers, strings, join = v.lowers, v.strings, self.join
        # most docs hold no diagnosis word: set operations in C find the few candidates
        words = set(lowers)
        extra = self._heads_and_typos(v, ents, matched, words) if (self.heads or self._deletes) else []
        unseen = words - self._verdicts.seen
        if unseen:
            for lower in unseen:
                self._verdict(lower, strings)
        hits = words & self._verdicts.hits
        if not hits:
            return extra
        verdicts = self._verdicts.results
        candidates = [(i, verdicts[lower]) for i, lower in enumerate(lowers) if lower in hits]
        covered = bytearray(v.n)
        for s, e, _, _ in matched:
            covered[s:e] = b"\x01" * (e - s)
        structure_end = {e: s for s, e, label, _ in ents if label == "STRUCTURE"}
        conditions = {s: names.get(sid, "") for s, e, label, sid in ents if label == "CONDITION" and e == s + 1}
        found = []
        for i, concept in candidates:
            replaced: tuple[int, ...] = ()
            if i in conditions:
                concept = conditions[i] or concept
                replaced = (i,)
            elif covered[i]:
                continue
            start = i
            while start > 0 and i - start < self._MAX_JOIN and not covered[start - 1] and lowers[start - 1] in join:
                start -= 1
            absorbed = structure_end.get(start) if concept in self.absorb else None
            if absorbed is not None:
                replaced += (absorbed,)
                start = absorbed
            if replaced == (i,) and start == i:
                continue  # a pattern's match, unchanged
            found.append((start, i + 1, concept, replaced))
        taken = {k for s, e, *_ in found for k in range(s, e)}
        return found + [x for x in extra if not taken.intersection(range(x[0], x[1]))]

    def _heads_and_typos(self, v: DocView, ents, matched, words: set[int]) -> list[tuple[int, int, str, tuple[int, ...]]]:
        """'<words> syndrome' no pattern took ("cuboid syndrome", "sinus tarsi syndrome": the
        words before the head, or a STRUCTURE, join it), and CONDITION phrases with one word
        misspelt by a letter ("ilitibial band syndrome")."""
        heads = words & self.heads
        typos: set[int] = set()
        if self._deletes:
            # as for the suffix verdicts: set operations in C, a Python call only for words not met yet
            for lower in words - self._typos.seen:
                self._typo_targets(lower, v.strings)
            typos = words & self._typos.hits
        if not heads and not typos:
            return []
        lowers, n = v.lowers, v.n
        covered = bytearray(n)
        for s, e, _, _ in matched:
            covered[s:e] = b"\x01" * (e - s)
        starts = {s: (e, label) for s, e, label, _ in ents}
        ends = {e: (s, label) for s, e, label, _ in ents}
        found: list[tuple[int, int, str, tuple[int, ...]]] = []
        for i, lower in enumerate(lowers):
            if lower in typos and not covered[i]:
                for key, k, concept in (x for target in self._typos.results[lower] for x in self._phrases.get(target, ())):
                    s, e = i - k, i - k + len(key)
                    if s < 0 or e > n:
                        continue
                    if any(lowers[j] != key[j - s] for j in range(s, e) if j != i):
                        continue
                    # the other words may be tagged as parts ('band' of 'IT band'): they are absorbed
                    inside = [a for a, (b, label) in starts.items() if s <= a < e]
                    if any(starts[a][1] == "CONDITION" or starts[a][0] > e for a in inside) or any(a < s < b for b, (a, _) in ends.items() if a < s):
                        continue
                    replaced = tuple(inside)
                    if e - s == 1 and concept in self.absorb and s in ends and ends[s][1] == "STRUCTURE":
                        s, replaced = ends[s][0], (ends[s][0],)  # 'Achilles tendinopahty', as for a suffix word
                    found.append((s, e, concept, replaced))
                    covered[s:e] = b"\x01" * (e - s)
                    break
            elif lower in heads and not covered[i]:
                start, replaced = i, ()
                while start > 0 and i - start < self._MAX_JOIN:
                    prev = start - 1
                    if prev + 1 in ends and ends[prev + 1][1] == "STRUCTURE":
                        start = ends[prev + 1][0]
                        replaced += (start,)
                        break
                    if covered[prev] or lowers[prev] in self.head_stop or not v.strings[lowers[prev]].replace("'", "").replace("-", "").isalpha():
                        break
                    start = prev
                if start < i:
                    found.append((start, i + 1, self.head_concept, replaced))
        return found


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by one deletion, insertion, substitution or swap of
    neighbouring letters."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _is_number(word: str) -> bool:
    """Whether ``word`` is a number as records write one ("300", "1,120", "11.2")."""
    return word.replace(",", "").replace(".", "", 1).isdigit()


def _first_before_break(positions: range, words: frozenset[int], lowers: list[int]) -> bool:
    """Whether, walking ``positions``, one of ``words`` comes before a clause break (``_BREAKS``)."""
    for k in positions:
        if lowers[k] in words:
            return True
        if lowers[k] in _BREAKS:
            return False
    return False


def _labels_by_start(ents, relabelled) -> dict[int, str]:
    """Each entity's label by its start token, after this step's relabelling."""
    return {s: relabelled[s][0] if s in relabelled else label for s, _, label, _ in ents}


class SpanQualifiers:
    """Leading words cut off a label's spans, whichever pattern made them
    (``data/span_qualifiers.json``): degree words before a diagnosis ("excessive [pronation]",
    "grade 2 [strain]"). A span keeps at least one word. FOOTWEAR spans are read by
    ``FootwearSpans`` (a label whose section has no ``leading`` list is left alone here; a
    pipeline saved before session 8 has one for FOOTWEAR: "old [shoes]", "custom [orthotics]")."""

    def __init__(self, spec: dict[str, Any] | None = None):
        self.spec = spec or {}
        self.leading: dict[str, frozenset[int]] = {}
        self.grade_words: dict[str, frozenset[int]] = {}
        self.grades: dict[str, frozenset[int]] = {}
        self.keep_before: dict[str, frozenset[int]] = {}
        for label, rule in self.spec.items():
            if label.startswith("//"):
                continue
            self.leading[label] = ids(rule.get("leading") or ())
            self.grade_words[label] = ids(rule.get("grade_words") or ())
            self.grades[label] = ids(rule.get("grades") or ())
            self.keep_before[label] = ids(rule.get("keep_before") or ())

        # every word that can start a trim, for a cheap test before the per-label one
        self.first_words = frozenset().union(*self.leading.values(), *self.grade_words.values())

    def __bool__(self) -> bool:
        return bool(self.leading)

    def trimmed_start(self, start: int, end: int, label: str, lowers: list[int]) -> int:
        """The first token of ``lowers[start:end]`` after its leading qualifiers."""
        leading = self.leading.get(label)
        if not leading:
            return start
        grade_words, grades, keep = self.grade_words[label], self.grades[label], self.keep_before[label]
        while end - start > 1:
            lower = lowers[start]
            if lower in grade_words:
                step = 2 if end - start > 2 and lowers[start + 1] in grades else 1
            elif lower in leading and lowers[start + 1] not in keep:
                step = 1
            else:
                break
            if end - start - step < 1:
                break
            start += step
        return start


class SpanExtensions:
    """Words that join a neighbouring span of a label, whichever pattern made it
    (``data/span_extensions.json``): an attachment word after a structure is part of the place
    ("Achilles [insertion]", "glute med [origin]"), and "insertional" before a structure or a
    diagnosis names where on it ("[insertional] Achilles", "[insertional] Achilles
    tendinopathy"). A word already inside another entity never joins. A last word of
    ``not_last_before`` leaves its span before the words listed with it: after a verb finding,
    "in" before a determiner or a phase of gait starts a place or a time ("L midfoot [collapses]
    in late stance"), where "[drop in] on SLS" keeps its particle."""

    def __init__(self, spec: dict[str, Any] | None = None):
        self.spec = spec or {}
        self.after: dict[str, frozenset[int]] = {}
        self.before: dict[str, frozenset[int]] = {}
        self.shed_last: dict[str, frozenset[int]] = {}
        self.shed_next: dict[str, frozenset[int]] = {}
        for label, rule in self.spec.items():
            if label.startswith("//"):
                continue
            self.after[label] = ids(rule.get("after") or ())
            self.before[label] = ids(rule.get("before") or ())
            # session 13 round 3: a last word that is no part of the span before some words
            # ("[collapses] in late stance": "in" starts a time, not the verb's particle)
            shed = rule.get("not_last_before") or {}
            self.shed_last[label] = ids(shed.get("last") or ())
            self.shed_next[label] = ids(shed.get("next") or ())
        self._words = frozenset().union(*self.after.values(), *self.before.values())
        self._shed = frozenset().union(*self.shed_last.values())

    def __bool__(self) -> bool:
        return any(self.after.values()) or any(self.before.values()) or bool(self._shed)

    def grown(self, ents, kept, relabelled, lowers: list[int]) -> dict[int, tuple[int, int]]:
        """Old start -> (new start, new end) for the kept spans that take in a neighbouring word
        or shed a last one."""
        n, words = len(lowers), self._words
        # most notes hold no attachment word next to an entity: a cheap test per entity first
        shed = self._shed
        candidates = [(s, e) for s, e, _ in kept
                      if (e < n and lowers[e] in words) or (s > 0 and lowers[s - 1] in words)
                      or (e - s > 1 and e < n and lowers[e - 1] in shed)]
        if not candidates:
            return {}
        labels = _labels_by_start(ents, relabelled)
        taken = bytearray(n)
        for s, e, *_ in ents:
            taken[s:e] = b"\x01" * (e - s)
        out = {}
        for start, end in candidates:
            label = labels[start]
            after, before = self.after.get(label), self.before.get(label)
            new_start, new_end = start, end
            if end - start > 1 and end < n and lowers[end - 1] in self.shed_last.get(label, ()) \
                    and lowers[end] in self.shed_next[label]:
                out[start] = (start, end - 1)  # "[collapses] in late stance": shed, nothing joins
                continue
            if after and end < len(lowers) and lowers[end] in after and not taken[end]:
                new_end = end + 1
            if before and start > 0 and lowers[start - 1] in before and not taken[start - 1]:
                new_start = start - 1
            if (new_start, new_end) != (start, end):
                out[start] = (new_start, new_end)
        return out


class ConceptAttributes:
    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.concepts: dict[str, dict[str, Any]] = {}
        self.regions: dict[str, dict[str, Any]] = {}
        self.rules: list[dict[str, Any]] = []
        # span id -> concept id: a string-store lookup per entity was most of this step's cost
        self._names: dict[int, str] = {}

    def initialize(self, get_examples=None, *, nlp: Language | None = None) -> None:
        self._set(read_jsonl(data_file("concepts.jsonl")), load_regions(), read_jsonl(data_file("disambiguation.jsonl")),
                  _read_forms(data_file(_FORMS_FILE)), _read_forms(data_file(_QUALIFIERS_FILE)),
                  extensions=_read_forms(data_file(_EXTENSIONS_FILE)), weakness=_read_forms(data_file(_WEAKNESS_FILE)))

    def _set(self, concepts, regions, rules, forms: dict[str, Any] | None = None,
             qualifiers: dict[str, Any] | None = None,
             phrases: tuple[list[tuple[str, str]], set[str]] | None = None,
             extensions: dict[str, Any] | None = None, weakness: dict[str, Any] | None = None) -> None:
        self.forms = ConditionForms(forms)
        self.weakness = WeaknessReading(weakness)
        self.qualifiers = SpanQualifiers(qualifiers)
        self.extensions = SpanExtensions(extensions)
        self.footwear = FootwearSpans((qualifiers or {}).get(FOOTWEAR))
        self.concepts = {c["id"]: c for c in concepts}
        self._condition_phrases = phrases or condition_phrases()
        if self.forms:
            self.forms.set_phrases(*self._condition_phrases)
        missing = self.forms.concepts() - set(self.concepts)
        if missing:
            raise ValueError(f"{_FORMS_FILE} names concepts missing from concepts.jsonl: {sorted(missing)}")
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
                frozenset(tuple(get_string_id(w) for w in phrase.split()) for phrase in rule.get("unless_span_lower") or ()),
                ids(rule.get("keep_if_lower_before", ())),
                ids(rule.get("unless_prev_lower", ())),
                frozenset(rule.get("unless_next_label") or ()),
                ids(rule.get("drop_if_lower_before", ())),
                bool(rule.get("drop_if_next_number")),
                ids(rule.get("keep_if_lower_after", ())),
                bool(rule.get("or_after")),
                ids(rule.get("relabel_if_next_lower", ())),
                bool(rule.get("or_heading")),
                ids(rule.get("keep_if_subject_before", ())),
                ids(rule.get("subject_between", ())),
                ids(rule.get("relabel_if_subject_before", ())),
                bool(rule.get("drop_if_prev_number")),
                ids(rule.get("drop_if_subject_before", ())),
            ))
        self._needs_ends = any(t.keep_if_prev_label or t.drop_if_prev_label for tests in self._tests.values() for t in tests)
        self._needs_present = any(t.doc_has for tests in self._tests.values() for t in tests)
        self._relabels = frozenset(c for c, tests in self._tests.items() if any(t.relabel_as for t in tests))
        unknown = [c["region"] for c in concepts if c.get("region") and c["region"] not in regions]
        if unknown:
            raise ValueError(f"concepts.jsonl names regions missing from regions.json: {sorted(set(unknown))}")

    def _rejected(self, start: int, end: int, concept: str, lowers: list[int], label_at: dict[int, str],
                  label_end: dict[int, str], present: frozenset[str], strings: Any) -> bool:
        for test in self._tests.get(concept, ()):
            if test.relabel_as or (test.when_lower and lowers[start] not in test.when_lower):
                continue
            if test.unless_span and tuple(lowers[start:end]) in test.unless_span:
                continue
            if test.unless_prev and start > 0 and lowers[start - 1] in test.unless_prev:
                continue
            if test.unless_next_label and label_at.get(end) in test.unless_next_label:
                continue
            if start > 0 and lowers[start - 1] in test.prev_lower:
                return True
            if test.drop_prev_number and start > 0 and _is_number(strings[lowers[start - 1]]):
                return True
            if test.drop_subject and self._subject_before(start, test.window, test.drop_subject, test.subject_between, lowers):
                return True
            if end < len(lowers):
                if lowers[end] in test.next_lower:
                    return True
                if test.drop_next_number and strings[lowers[end]].replace(".", "", 1).isdigit():
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
            if test.lower_before and not self._lower_before(start, test.window, test.lower_before, lowers) \
                    and not (test.or_after and self._lower_after(end, 2, test.lower_before, lowers)) \
                    and not (test.or_heading and self._heading_before(start, test.window, test.lower_before, lowers)):
                return True
            if test.drop_lower_before and self._lower_before(start, test.window, test.drop_lower_before, lowers):
                return True
            if test.lower_after and not self._lower_after(end, test.window, test.lower_after, lowers):
                return True
            if test.subject and not self._subject_before(start, test.window, test.subject, test.subject_between, lowers):
                return True
        return False

    @staticmethod
    def _subject_before(start: int, window: int, words: frozenset[int], between: frozenset[int],
                        lowers: list[int]) -> bool:
        """Whether one of ``words`` stands at most ``window`` tokens before ``start`` with only
        ``between`` words after it, up to ``start``."""
        for k in range(start - 1, max(start - window, 0) - 1, -1):
            if lowers[k] in words:
                return True
            if lowers[k] not in between:
                return False
        return False

    @staticmethod
    def _lower_after(end: int, window: int, words: frozenset[int], lowers: list[int]) -> bool:
        """Whether one of ``words`` is among the ``window`` tokens from ``end`` on, with no
        clause break (, ; . : brackets) in between."""
        return _first_before_break(range(end, min(end + window, len(lowers))), words, lowers)

    @staticmethod
    def _heading_before(start: int, window: int, words: frozenset[int], lowers: list[int]) -> bool:
        """Whether a form field named by one of ``words`` ends with its colon at most ``window``
        tokens before ``start`` ("Feet: always been flat"), with no other break in between."""
        for k in range(start - 1, max(start - window, 1) - 1, -1):
            if lowers[k] == _COLON:
                return lowers[k - 1] in words
            if lowers[k] in _BREAKS:
                return False
        return False

    @staticmethod
    def _lower_before(start: int, window: int, words: frozenset[int], lowers: list[int]) -> bool:
        """Whether one of ``words`` is among the ``window`` tokens before ``start``, with no
        clause break (, ; . : brackets) in between."""
        return _first_before_break(range(start - 1, max(start - window, 0) - 1, -1), words, lowers)

    def __call__(self, doc: Doc) -> Doc:
        v = view(doc)
        self.run(doc, v, v.entities(doc))
        return doc

    def run(self, doc: Doc, v: DocView, ents: list[tuple[int, int, str, int]]) -> list[tuple[int, int, str, int]]:
        """Set the concept attributes of ``ents`` (the doc's entities, from ``v.entities``) and
        drop blockers and rejected matches; returns the entities that stay."""
        strings = v.strings
        matched = ents
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
                new = self._relabel(start, end, concept, lowers)
                if new is not None:
                    label, concept = new
                    strings.add(label)  # a label the ruler has not written yet is not in the store
                    relabelled[start] = (label, strings.add(concept))
            if concept not in tests or not self._rejected(start, end, concept, lowers, label_at, label_end, present, strings):
                kept.append((start, end, concept))
        if self.weakness and not self.weakness.concepts.isdisjoint(c for _, _, c in kept):
            kept = self._read_weakness(doc, v, ents, kept, relabelled)
        trims = self._trims(ents, kept, relabelled, lowers, strings) if self.qualifiers else {}
        absorbed: set[int] = set()
        if self.footwear:
            kept = self._footwear_spans(doc, v, ents, kept, relabelled, trims, absorbed)
        grown = self.extensions.grown(ents, kept, relabelled, lowers) if self.extensions else {}
        if len(kept) != len(ents) or relabelled or trims or grown:
            keep = {k[0] for k in kept}
            ents = [(*grown.get(s, (trims.get(s, s), e)), *relabelled.get(s, (label, span_id)))
                    for s, e, label, span_id in ents if s in keep]
            kept = [(*grown.get(s, (trims.get(s, s), e)), c) for s, e, c in kept]
            # the kept entities as they were (``doc.ents = [...]`` would build a Span per entity twice)
            write_entities(doc, [(s, e, strings[label], span_id) for s, e, label, span_id in ents])
        if self.forms:
            ents, kept = self._add_forms(doc, v, ents, kept, matched)
        store = entity_store(doc)
        info = self._info
        for start, end, concept in kept:
            region, codes = info.get(concept, _NO_INFO)
            if region is None and start in store:  # an exercise named by the part it works takes the part's region
                part = store[start].get("part")
                if part is not None and store[start].get("end") == end:
                    region = info.get(part, _NO_INFO)[0]
            store[start] = {"end": end, "concept": concept, "region": region, "codes": dict(codes)}
        return ents

    def _read_weakness(self, doc: Doc, v: DocView, ents, kept, relabelled) -> list[tuple[int, int, str]]:
        """Keep each weakness mention as a CONDITION, relabel it SYMPTOM or drop it
        (``WeaknessReading``: a part's finding, or a felt, asked or neural-list weakness)."""
        reader, strings = self.weakness, v.strings
        labels = _labels_by_start(ents, relabelled)
        parts = [(s, e, labels[s]) for s, e, _ in kept if labels[s] in reader.part_labels]
        part_ends, part_starts = {e: lab for _, e, lab in parts}, {s: lab for s, _, lab in parts}
        out = []
        for start, end, concept in kept:
            if concept in reader.concepts:
                found = reader.reading(v, start, end, v.sent_bounds(doc, start), part_ends, part_starts)
                if found is None:
                    continue
                if found != labels[start]:
                    concept = reader.symptom_concept
                    strings.add(found)
                    relabelled[start] = (found, strings.add(concept))
            out.append((start, end, concept))
        return out

    def _trims(self, ents, kept, relabelled, lowers, strings) -> dict[int, int]:
        """Old start -> new start for the kept spans that lose leading qualifiers."""
        first = self.qualifiers.first_words
        candidates = [(start, end) for start, end, _ in kept if end - start > 1 and lowers[start] in first]
        if not candidates:
            return {}
        labels = _labels_by_start(ents, relabelled)
        trims = {}
        for start, end in candidates:
            new = self.qualifiers.trimmed_start(start, end, labels[start], lowers)
            if new != start:
                trims[start] = new
        return trims

    def _footwear_spans(self, doc: Doc, v: DocView, ents, kept, relabelled, trims: dict[int, int],
                        absorbed: set[int]) -> list[tuple[int, int, str]]:
        """Set the start of every kept FOOTWEAR span (GUIDELINES 4, session 8: the head with the
        words that name its type, ``FootwearSpans``) in ``trims``; the entities a span takes in
        ("squash" in "squash trainers", "arch" in "arch insoles") go into ``absorbed`` and out
        of the returned ``kept``, and a span whose type word names a finer concept takes it."""
        if not relabelled and all(label != FOOTWEAR for _, _, label, _ in ents):
            return kept  # most notes name no footwear
        labels = _labels_by_start(ents, relabelled)
        shoes = [k for k in kept if labels[k[0]] == FOOTWEAR]
        if not shoes:
            return kept
        spans = self.footwear
        by_end = {e: (s, labels[s], c) for s, e, c in kept}
        refined: dict[int, str] = {}
        for start, end, concept in reversed(shoes):  # right to left: a run may take in a FOOTWEAR match before it
            if start in absorbed:
                continue
            new = spans.trimmed_start(v, start, end, concept)
            if new == start:
                new, taken, finer = spans.extended_start(v, start, concept, by_end, v.sent_bounds(doc, start)[0])
                absorbed.update(taken)
                if finer and finer != concept and finer in self.concepts:
                    refined[start] = finer
            if new != start:
                trims[start] = new
        if not absorbed and not refined:
            return kept
        strings = v.strings
        for start, concept in refined.items():
            relabelled[start] = (FOOTWEAR, strings.add(concept))
        return [(s, e, refined.get(s, c)) for s, e, c in kept if s not in absorbed]

    def _add_forms(self, doc: Doc, v: DocView, ents, kept, matched):
        """Add the CONDITIONs found by word form (an absorbed STRUCTURE gives way to them)."""
        found = self.forms.find(v, ents, matched, self._names)
        if not found:
            return ents, kept
        strings = v.strings
        absorbed = {a for *_, replaced in found for a in replaced}
        strings.add("CONDITION")
        new = [(s, e, "CONDITION", strings.add(c)) for s, e, c, _ in found]
        ents = sorted([x for x in ents if x[0] not in absorbed] + new)
        kept = sorted([k for k in kept if k[0] not in absorbed] + [(s, e, c) for s, e, c, _ in found])
        write_entities(doc, [(s, e, strings[lab], sid) for s, e, lab, sid in ents])
        return ents, kept

    def _relabel(self, start: int, end: int, concept: str, lowers: list[int]) -> tuple[str, str] | None:
        for test in self._tests[concept]:
            if not test.relabel_as or (test.when_lower and lowers[start] not in test.when_lower):
                continue
            if test.relabel_prev and start > 0 and lowers[start - 1] in test.relabel_prev:
                return test.relabel_as
            if test.relabel_subject and self._subject_before(start, test.window, test.relabel_subject,
                                                             test.subject_between, lowers):
                return test.relabel_as
            if test.relabel_next and end < len(lowers) and lowers[end] in test.relabel_next \
                    and self._lower_after(end, test.window, test.lower_after, lowers):
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
        (path / _FORMS_FILE).write_text(json.dumps(self.forms.spec, indent=1), encoding="utf-8")
        (path / _QUALIFIERS_FILE).write_text(json.dumps(self.qualifiers.spec, indent=1), encoding="utf-8")
        (path / _EXTENSIONS_FILE).write_text(json.dumps(self.extensions.spec, indent=1), encoding="utf-8")
        (path / _WEAKNESS_FILE).write_text(json.dumps(self.weakness.spec, indent=1), encoding="utf-8")
        phrases, words = self._condition_phrases
        (path / _PHRASES_FILE).write_text(json.dumps({"phrases": phrases, "words": sorted(words)}), encoding="utf-8")

    def from_disk(self, path, *, exclude=()) -> ConceptAttributes:
        path = Path(path)
        forms, qualifiers, phrases = path / _FORMS_FILE, path / _QUALIFIERS_FILE, path / _PHRASES_FILE
        extensions, weakness = path / _EXTENSIONS_FILE, path / _WEAKNESS_FILE
        saved = _read_forms(phrases) if phrases.exists() else None
        # a pipeline saved before a file existed has none
        self._set(read_jsonl(path / "concepts.jsonl"), load_regions(path / "regions.json"), read_jsonl(path / "disambiguation.jsonl"),
                  _read_forms(forms) if forms.exists() else None, _read_forms(qualifiers) if qualifiers.exists() else None,
                  ([tuple(p) for p in saved["phrases"]], set(saved["words"])) if saved else None,
                  _read_forms(extensions) if extensions.exists() else None,
                  _read_forms(weakness) if weakness.exists() else None)
        return self


@Language.factory("concept_attributes", assigns=["span._.concept", "span._.region", "span._.codes"], requires=["doc.ents"])
def make_concept_attributes(nlp: Language, name: str) -> ConceptAttributes:
    register_extensions()
    return ConceptAttributes(nlp, name)

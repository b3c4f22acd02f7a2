"""Activities found by the words around them, for the ones no vocabulary lists.

The ruler knows a closed list of activity words; notes name many more ("I've been a dental
hygienist for 14 years", "I boulder four nights a week"). Each rule of
``data/activity_frames.jsonl`` is a token pattern for a *frame* (an occupation frame, a
first-person verb with a dose, ...) plus ``target``: the ``[first, last)`` indices of the
pattern elements whose tokens become the ACTIVITY, so the frame's own words stay outside
the span. A frame never overrides the ruler: a target that overlaps an entity is dropped,
unless that entity is a blocker (a frame is more specific than the word list a blocker
guards: "when I push off", not "at push-off"), or the entities inside it are all activities
and its last token is free ("I work as a tennis coach": "tennis" grows into "tennis coach").
Runs before the concept step, which gives the new entities their concept (the rule's
``concept``).

A rule with ``trim_first`` instead of a pattern sets a span boundary for every ACTIVITY, the
ruler's and the frames' alike (GUIDELINES 4: spans are minimal): a first word in the list is
left out of the span while more than one word remains ("long drives" -> "drives", "amateur
triathlete" -> "triathlete", "climbing the stairs" -> "stairs"), unless the word after it is
in ``keep_if_next`` ("long run", "short foot exercises"), or, with ``only_if_last``, the span
does not end in one of those words, or, with ``only_if_next``, the word after it is not one of
those ("primary school [teacher]", not "primary care receptionist"). With
``hyphen_words_join``, a word written against an activity with a hyphen joins it
("[pick-packer]"), unless it is one of ``hyphen_not_after`` ("post-[shift]"). ``trim_last`` lists word sequences left out at the end
("stand all day" -> "stand"; not after a word of ``keep_last_after``: "putting my socks
on"), and a word of ``direction_words`` after a verb of
``posture_verbs`` goes too ("bending forward" -> "bending"); ``extend_over`` lists words right after an activity that join
it when no other entity holds them ("Pilates" + "sessions"), unless the word before the activity is in
``extend_not_after``, its last word is in ``extend_not_from`` or the word after the joined one is in
``extend_not_before``.

A rule with ``compound_heads`` names an exercise by the body part it works: a region or
structure right before an exercise head word ("TFL release", "gluteus medius strengthening",
"hip hinge work", "lumbar loading") is one ACTIVITY (GUIDELINES 4 'quad stretch'), whether
the ruler tagged the head or not; heads in a row join it ("abductor loading programme"). A
head followed by a word of ``not_before`` or a strength grade (``grade``: "hip abd strength
4/5", "glute med strength reduced") is an exam finding and is left alone; a dose after it is
not ("TFL release 2x/day", "psoas release 3 sets"); a colon is a finding's field only after a
head of ``colon_findings`` ("Hip strength: 4/5", not "the hip programme: heel better"). A
word of ``not_after`` before the part makes it a finding or a mechanism too ("good hip
strength", "without forefoot loading"), and parts of ``not_parts`` are not exercised ("only
ligament stretch" is an injury). A hyphenated name keeps its first words ("short-foot
exercise"). A body position of ``positions`` right before an exercise (an activity of
``position_concepts``) or a movement word of ``movements`` at a phrase end joins it: "side-lying
leg raises", "seated hamstring stretch", "standing abd". The activity keeps the part's body region
(GUIDELINES 4, settled in session 7: "the tagger gives the activity the part's region"): the
part's concept is recorded on the entity as ``part`` and the concept step reads its region.
A ruler pattern that already holds part and head ("calf raises", "hip flexor stretch") gets
the region of its first word through ``lead_parts`` (word -> the part's concept). A records
treatment head of ``heads_before_parts`` right before its part joins it too ("STM TFL/ITB",
"adj L4").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Container
from operator import itemgetter
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc

from .docview import DocView, ids
from .entities import write_entities
from .extensions import entity_store, register_extensions, store_record
from .fastmatch import TokenMatcher, _compile_test
from .rules import RulesComponent, rules_to_disk

LABEL = "ACTIVITY"
BLOCKER = "BLOCKER"
_start = itemgetter(0)


_CONDITION = "CONDITION"


def _starts_at(ents: list[tuple[int, int, str, int]], i: int, wanted: Container[str]) -> bool:
    """Whether an entity of a ``wanted`` label starts at token ``i`` (``ents`` sorted by start: a
    bisect, not a set of every start built per target, which was quadratic on long notes)."""
    k = bisect_left(ents, i, key=_start)
    while k < len(ents) and ents[k][0] == i:
        if ents[k][2] in wanted:
            return True
        k += 1
    return False


_RULE_KEYS = frozenset({"id", "concept", "pattern", "target", "why", "drop", "next_label", "next_lead"})
_TRIM_KEYS = frozenset({"id", "trim_first", "keep_if_next", "only_if_last", "trim_last", "extend_over", "kind_before",
                        "not_agent", "person_concepts", "direction_words", "posture_verbs", "keep_last_after",
                        "session_kinds", "session_heads", "extend_not_after", "extend_not_before", "extend_not_from",
                        "hyphen_words_join", "hyphen_not_after", "only_if_next", "why"})
_COMPOUND_KEYS = frozenset({"id", "compound_heads", "absorb_labels", "not_before", "not_after", "not_parts", "colon_findings", "grade", "lead_parts",
                            "positions", "position_concepts", "movements", "movement_ends", "part_joiners",
                            "heads_first", "object_links", "object_lead", "position_prefixes", "heads_before_parts", "head_infixes",
                            "why"})
_HYPHEN = get_string_id("-")
_AND = frozenset({get_string_id("and"), get_string_id(",")})
_SLASH = get_string_id("/")
_ABSORBED = frozenset({"BODY_REGION", "STRUCTURE", LABEL})
_COUNTS = {None: (1, 1), "?": (0, 1), "*": (0, 64), "+": (1, 64)}

Element = tuple[Callable[[Any], bool], int, int]  # token test, fewest and most tokens


def _counts(op: Any) -> tuple[int, int]:
    if op in _COUNTS:
        return _COUNTS[op]
    if isinstance(op, str) and op.startswith("{") and op.endswith("}") and "," in op:
        low, high = op[1:-1].split(",")
        return int(low or 0), int(high) if high else 64
    if isinstance(op, str) and op.startswith("{") and op.endswith("}"):
        return int(op[1:-1]), int(op[1:-1])
    raise ValueError(f"unsupported OP {op!r} in an activity frame")


def _compile(rule: dict[str, Any]) -> list[Element]:
    unknown = set(rule) - _RULE_KEYS
    if unknown:
        raise ValueError(f"activity frame {rule.get('id')!r} has unknown keys {sorted(unknown)}")
    first, last = rule["target"]
    if not 0 <= first < last <= len(rule["pattern"]):
        raise ValueError(f"activity frame {rule.get('id')!r}: target {rule['target']} outside its pattern")
    elements = []
    for spec in rule["pattern"]:
        spec = {k.upper(): v for k, v in spec.items()}
        low, high = _counts(spec.pop("OP", None))
        test = _compile_test(spec)
        if test is None:
            raise ValueError(f"activity frame {rule.get('id')!r}: unsupported token test {spec}")
        elements.append((test, low, high))
    return elements


def _attached(v: DocView, k: int) -> bool:
    """Whether token ``k`` is written against the next one, with no space between."""
    return v.idx[k] + v.lengths[k] == v.idx[k + 1]


def _hyphen_start(v: DocView, s: int, prev_end: int) -> int:
    """``s`` moved back over the first words of a hyphenated name ("short-foot exercise",
    "side-of-hip routine", "side-lying leg raises"), never into the entity before."""
    lowers = v.lowers
    while s - 2 >= prev_end and lowers[s - 1] == _HYPHEN and _attached(v, s - 2) \
            and _attached(v, s - 1) and not v.is_punct[s - 2]:
        s -= 2
    return s


class _Trim:
    """One ``trim_first`` / ``trim_last`` rule, as string-store ids."""

    def __init__(self, rule: dict[str, Any]):
        unknown = set(rule) - _TRIM_KEYS
        if unknown:
            raise ValueError(f"activity trim {rule.get('id')!r} has unknown keys {sorted(unknown)}")
        self.first = ids(rule.get("trim_first") or ())
        self.keep_next = ids([*(rule.get("keep_if_next") or ()), "-"])
        self.only_last = ids(rule.get("only_if_last") or ())
        # a first word left out only before one of these ("primary" before "school", not "primary care")
        self.only_next = ids(rule.get("only_if_next") or ())
        self.last = [tuple(get_string_id(w) for w in seq) for seq in rule.get("trim_last") or ()]
        self.extend = ids(rule.get("extend_over") or ())
        # an era or a numbered day is no day named by its kind: "his [football] days", "[tournament] day 2"
        self.extend_not_after = ids(rule.get("extend_not_after") or ())
        self.extend_not_before = ids(rule.get("extend_not_before") or ())
        # an event's day is a date, not a day spent on it: "on [race] day" (session 8)
        self.extend_not_from = ids(rule.get("extend_not_from") or ())
        self.kinds = ids(w for words in (rule.get("kind_before") or {}).values() for w in words)
        self.session_kinds = ids(rule.get("session_kinds") or ())
        self.session_heads = ids(rule.get("session_heads") or ())
        self.agent = re.compile(rule.get("not_agent") or r"(?!)")
        self.places = ids((rule.get("kind_before") or {}).get("place") or ())
        self.persons = frozenset(rule.get("person_concepts") or ())
        self.directions = ids(rule.get("direction_words") or ())
        self.postures = ids(rule.get("posture_verbs") or ())
        self.keep_last_after = ids(rule.get("keep_last_after") or ())
        # a word written against the activity with a hyphen names it ("[pick-packer]", "[long-lever
        # bridge]"), unless it is a prefix of time or negation ("post-[shift]", "mid-[ride]")
        self.hyphen_join = bool(rule.get("hyphen_words_join"))
        self.hyphen_not_after = ids(rule.get("hyphen_not_after") or ())

    def apply(self, lowers: list[int], s: int, e: int, free_end: int | None = None) -> tuple[int, int]:
        """The span ``[s, e)`` trimmed (or extended over free tokens before ``free_end``)."""
        if free_end is None:
            free_end = e
        while e < free_end and lowers[e] in self.extend:
            if (s > 0 and lowers[s - 1] in self.extend_not_after) or lowers[e - 1] in self.extend_not_from \
                    or (e + 1 < len(lowers) and lowers[e + 1] in self.extend_not_before):
                break
            e += 1
        first = self.first
        while e - s > 1 and lowers[s] in first and lowers[s + 1] not in self.keep_next \
                and (not self.only_last or lowers[e - 1] in self.only_last) \
                and (not self.only_next or lowers[s + 1] in self.only_next):
            s += 1
        for seq in self.last:
            k = len(seq)
            if e - s > k and tuple(lowers[e - k:e]) == seq and lowers[e - k - 1] not in self.keep_last_after:
                e -= k
        if e - s == 2 and lowers[e - 1] in self.directions and lowers[s] in self.postures:
            e -= 1  # "[bending] forward", "[hunched] over a laptop": the direction is how, not what
        return s, e


def _align(elements: list[Element], lexemes: list[Any]) -> list[int] | None:
    """Where each element's tokens start in ``lexemes`` (plus the end), with earlier elements
    taking as many tokens as they can; None if the pattern cannot cover them exactly."""
    n = len(lexemes)

    def walk(k: int, i: int) -> list[int] | None:
        if k == len(elements):
            return [i] if i == n else None
        test, low, high = elements[k]
        run = 0
        while run < high and i + run < n and test(lexemes[i + run]):
            run += 1
        for take in range(run, low - 1, -1):
            rest = walk(k + 1, i + take)
            if rest is not None:
                return [i, *rest]
        return None

    return walk(0, 0)


class _Compound:
    """One ``compound_heads`` rule, as string-store ids (head word -> concept)."""

    def __init__(self, rule: dict[str, Any]):
        unknown = set(rule) - _COMPOUND_KEYS
        if unknown:
            raise ValueError(f"activity compound {rule.get('id')!r} has unknown keys {sorted(unknown)}")
        self.heads = {get_string_id(w): concept for w, concept in rule["compound_heads"].items()}
        self.labels = frozenset(rule.get("absorb_labels") or ("BODY_REGION", "STRUCTURE"))
        self.not_before = ids(rule.get("not_before") or ())
        self.colon = get_string_id(":")
        self.hyphen = get_string_id("-")
        self.not_after = ids(rule.get("not_after") or ())
        self.not_parts = frozenset(rule.get("not_parts") or ())
        self.colon_findings = ids(rule.get("colon_findings") or ())
        self.grade = re.compile(rule.get("grade") or r"^[0-5][+-]?/[0-5]$")
        self.positions = ids(rule.get("positions") or ())
        self.position_concepts = frozenset(rule.get("position_concepts") or ())
        self.movements = ids(rule.get("movements") or ())
        self.movement_ends = ids(rule.get("movement_ends") or ())
        self.lead_parts = {get_string_id(w): concept for w, concept in (rule.get("lead_parts") or {}).items()}
        self.joiners = ids(rule.get("part_joiners") or ())
        self.heads_first = ids(rule.get("heads_first") or ())
        self.object_links = ids(rule.get("object_links") or ())
        self.object_lead = ids(rule.get("object_lead") or ())
        self.position_prefixes = ids(rule.get("position_prefixes") or ())
        self.heads_before_parts = ids(rule.get("heads_before_parts") or ())
        self.head_infixes = ids(rule.get("head_infixes") or ())

    def apply(self, v: DocView, ents: list[tuple[int, int, str, int]], parts: dict[int, str]) -> bool:
        """Merge each region or structure with the exercise head after it (in place); record
        in ``parts`` the start token of each exercise named by a part -> the part's concept."""
        lowers, strings, heads = v.lowers, v.strings, self.heads
        changed = False
        k = 0
        while k < len(ents):
            s, e, label, part = ents[k]
            nxt = ents[k + 1] if k + 1 < len(ents) else None
            e = self._past_infix(v, e, nxt)
            if label not in self.labels or e >= v.n or lowers[e] not in heads \
                    or (s > 0 and lowers[s - 1] in self.not_after) or (part and strings[part] in self.not_parts):
                k += 1
                continue
            joins = nxt is not None and nxt[0] == e  # the head is an entity already
            if joins and nxt[2] != LABEL:
                k += 1
                continue
            end = nxt[1] if joins else e
            stop = (ents[k + 2][0] if k + 2 < len(ents) else v.n) if joins else (nxt[0] if nxt else v.n)
            while end < stop and lowers[end] in heads:
                end += 1
            if end < v.n and (lowers[end] in self.not_before or self._graded(v, end)) \
                    and not (lowers[end] == self.colon and lowers[end - 1] not in self.colon_findings):
                k += 1
                continue
            concept = nxt[3] if joins else strings.add(heads[lowers[e]])
            merged = 2 if joins else 1
            s = _hyphen_start(v, s, ents[k - 1][1] if k else 0)
            ents[k:k + merged] = [(s, end, LABEL, concept)]
            if part:
                parts[s] = strings[part]
            changed = True
            k += 1
        if self.lead_parts:
            for s, e, label, _ in ents:
                if label == LABEL and e - s > 1 and s not in parts and lowers[e - 1] in heads:
                    part = self.lead_parts.get(lowers[s])
                    if part is not None:
                        parts[s] = part
        if self.positions:
            changed = self._join_positions(v, ents, parts) or changed
        if self.position_prefixes:
            changed = self._join_position_prefixes(v, ents) or changed
        if self.joiners:
            changed = self._join_coordinated_parts(v, ents, parts) or changed
        if self.heads_first:
            changed = self._join_objects(v, ents, parts) or changed
        if self.heads_before_parts:
            changed = self._join_parts_after(v, ents, parts) or changed
        return changed

    def _past_infix(self, v: DocView, e: int, nxt: tuple[int, int, str, int] | None) -> int:
        """Where the head would start after a part ending at ``e``: one untagged movement word of
        ``head_infixes`` may stand between ("hip ER work", "hip ER mobility": the part and the
        rotation it trains, session 12b)."""
        if e + 1 < v.n and v.lowers[e] in self.head_infixes and v.lowers[e + 1] in self.heads \
                and (nxt is None or nxt[0] > e):
            return e + 1
        return e

    def _join_parts_after(self, v: DocView, ents: list[tuple[int, int, str, int]], parts: dict[int, str]) -> bool:
        """A records treatment head written before the part it treats is one ACTIVITY with it
        ("STM TFL/ITB R 10 min", "adj L4"), as the part before it is ("psoas STM", "hip adj"):
        GUIDELINES 4, settled in session 7, the object of a treatment joins its head. Only the
        head right before the part: a side word between ("adj R SIJ") leaves both alone. Parts
        joined by a slash or plus after the first come along."""
        lowers, strings = v.lowers, v.strings
        changed = False
        k = 0
        while k < len(ents):
            s, _, label, part = ents[k]
            head = s - 1
            prev_end = ents[k - 1][1] if k else 0
            first = k - 1 if k and ents[k - 1][:3] == (head, s, LABEL) else k  # the head a ruler span already
            if first < k:
                prev_end = ents[first - 1][1] if first else 0
            if label not in self.labels or head < 0 or lowers[head] not in self.heads_before_parts or prev_end > head \
                    or (part and strings[part] in self.not_parts):
                k += 1
                continue
            last = k
            while last + 1 < len(ents) and ents[last][1] < v.n and lowers[ents[last][1]] in self.joiners \
                    and ents[last + 1][0] == ents[last][1] + 1 and ents[last + 1][2] in self.labels:
                last += 1
            ents[first:last + 1] = [(head, ents[last][1], LABEL, strings.add("stretching"))]
            if part:
                parts[head] = strings[part]
            changed = True
            k = first + 1
        return changed

    def _join_coordinated_parts(self, v: DocView, ents: list[tuple[int, int, str, int]], parts: dict[int, str]) -> bool:
        """Parts joined by a slash or plus before one exercise head share it: one ACTIVITY
        ("TFL/piriformis release", "SIJ/glute exercises", "psoas/hip flexor stretch", "hip +
        quad strength"), not a STRUCTURE for the first part and the exercise for the last. A
        rotation before the bare head is the second item ("[hip abd + ER strengthening]": the
        part's movement and a rotation share the head, as in "hip ER work"), and a lead part read
        as a diagnosis ("PF") is the part here ("[PF + calf stretching]", as "[calf/PF stretches]")."""
        lowers, strings, heads = v.lowers, v.strings, self.heads
        changed = False
        k = 1
        while k < len(ents):
            s, e, label, concept = ents[k]
            prev = ents[k - 1]
            infix = label == LABEL and e - s == 1 and lowers[s] in heads and s > 2 and lowers[s - 1] in self.head_infixes
            joint = s - 1 - infix  # the slash or plus
            lead = prev[2] == _CONDITION and prev[1] - prev[0] == 1 and lowers[prev[0]] in self.lead_parts  # "PF"
            if label != LABEL or (e - s < 2 and not infix) or lowers[e - 1] not in heads or joint < 1 \
                    or lowers[joint] not in self.joiners or prev[1] != joint or (prev[2] not in self.labels and not lead) \
                    or (prev[3] and strings[prev[3]] in self.not_parts) \
                    or (prev[0] > 0 and lowers[prev[0] - 1] in self.not_after):
                k += 1
                continue
            start = prev[0]
            ents[k - 1:k + 1] = [(start, e, LABEL, concept)]
            if s in parts:
                parts[start] = parts.pop(s)
            elif prev[2] not in self.labels:
                parts[start] = self.lead_parts[lowers[prev[0]]]
            elif prev[3]:
                parts[start] = strings[prev[3]]
            changed = True  # stay on k - 1: a chain of parts ("TFL/ITB/piriformis release") joins one by one
            k = max(k - 1, 1)
        return changed

    def _join_objects(self, v: DocView, ents: list[tuple[int, int, str, int]], parts: dict[int, str]) -> bool:
        """A bare exercise head with its part after it is one ACTIVITY ("exercises for the
        buttock", "stretches for my calves and hamstrings"): the part is the exercise's object,
        as in "buttock exercises"; a named exercise keeps its own span ("couch stretch for the
        hip flexors": the train gold leaves the part out). Words of ``object_lead`` (determiners, possessives, depth words)
        may stand between the link word and the part, and a second part joined by "and", a
        comma, slash or plus comes along when the phrase ends with it (punctuation next)."""
        lowers, strings = v.lowers, v.strings
        changed = False
        k = -1
        while k + 2 < len(ents):
            k += 1
            s, e, label, concept = ents[k]
            if label != LABEL or e - s != 1 or lowers[s] not in self.heads_first or e >= v.n or lowers[e] not in self.object_links:
                continue
            i = e + 1
            j = k + 1
            while i < v.n and lowers[i] in self.object_lead and i - e < 4 and ents[j][0] != i:
                i += 1
            if j >= len(ents) or ents[j][0] != i or ents[j][2] not in self.labels:
                continue
            end, part = ents[j][1], ents[j][3]
            if j + 1 < len(ents) and end < v.n and lowers[end] in self.joiners | _AND \
                    and ents[j + 1][0] == end + 1 and ents[j + 1][2] in self.labels \
                    and (ents[j + 1][1] >= v.n or v.is_punct[ents[j + 1][1]]):
                j += 1  # "for my deep abs and glutes." - not "for the buttock and foot is less painful"
                end = ents[j][1]
            ents[k:j + 1] = [(s, end, LABEL, concept)]
            if s not in parts and part:
                parts[s] = strings[part]
            changed = True
        return changed

    def _join_positions(self, v: DocView, ents: list[tuple[int, int, str, int]], parts: dict[int, str]) -> bool:
        """A body position right before an exercise names how it is done: one ACTIVITY
        ("side-lying leg raises", "seated hamstring stretch", "standing abd"), also with the
        part it moves between ("side-lying hip abd 3x15")."""
        lowers, strings = v.lowers, v.strings
        changed = False
        k = 0
        while k < len(ents):
            s, e, label, _ = ents[k]
            if label != LABEL or e - s > 3 or lowers[e - 1] not in self.positions or e >= v.n:
                k += 1
                continue
            nxt = ents[k + 1] if k + 1 < len(ents) else None
            if nxt is not None and nxt[0] == e:
                if nxt[2] == LABEL and nxt[3] and strings[nxt[3]] in self.position_concepts:
                    blocked = k > 0 and ents[k - 1][2] == BLOCKER  # "on the side" guards 'side' in "side-lying"
                    start = _hyphen_start(v, s, ents[k - 1 - blocked][1] if k - blocked > 0 else 0)
                    first = k
                    if blocked and start < ents[k - 1][1]:
                        first = k - 1
                    ents[first:k + 2] = [(start, nxt[1], LABEL, nxt[3])]
                    k = first
                    if nxt[0] in parts:
                        parts[start] = parts.pop(nxt[0])
                    changed = True
                elif nxt[2] in self.labels and self._part_moved(v, nxt):
                    end = nxt[1] if lowers[nxt[1] - 1] in self.movements else nxt[1] + 1
                    ents[k:k + 2] = [(s, end, LABEL, strings.add("strength_training"))]
                    if nxt[3]:
                        parts[s] = strings[nxt[3]]
                    changed = True
            elif lowers[e] in self.movements and (e + 1 >= v.n or not v.strings[lowers[e + 1]][:1].isalpha()
                                                  or lowers[e + 1] in self.movement_ends):
                ents[k] = (s, e + 1, LABEL, strings.add("strength_training"))
                changed = True
            k += 1
        return changed

    def _part_moved(self, v: DocView, part: tuple[int, int, str, int]) -> bool:
        """Whether a part after a body position ends in, or is followed by, a movement word that
        closes the phrase: "side-lying [hip abd] 3x15", "standing hip ext, bridges" name the
        exercise (session 12: 11 and 11s soap-11003), as "standing abd" does; a grade or a side
        after it ("hip abd R 4/5") is left to the exam."""
        lowers = v.lowers
        end = part[1]
        if lowers[end - 1] not in self.movements:
            if end >= v.n or lowers[end] not in self.movements:
                return False
            end += 1
        return end >= v.n or not v.strings[lowers[end]][:1].isalpha() or lowers[end] in self.movement_ends

    def _join_position_prefixes(self, v: DocView, ents: list[tuple[int, int, str, int]]) -> bool:
        """A position written with a hyphenated first word keeps it ("half-kneeling hip flexor
        stretch", "tall-kneeling lunge"): the whole position names how the exercise is done."""
        lowers = v.lowers
        changed = False
        k = 0
        while k < len(ents):
            s, e, label, concept = ents[k]
            if label != LABEL or s < 2 or lowers[s] not in self.positions or lowers[s - 1] != self.hyphen \
                    or lowers[s - 2] not in self.position_prefixes:
                k += 1
                continue
            first = k - 1 if k and ents[k - 1][:3] == (s - 2, s - 1, LABEL) else k  # "half" read as a half marathon
            start = _hyphen_start(v, s, ents[first - 1][1] if first else 0)
            if start < s:
                ents[first:k + 1] = [(start, e, label, concept)]
                changed = True
                k = first
            k += 1
        return changed

    def _graded(self, v: DocView, k: int) -> bool:
        """Whether token ``k`` starts a strength grade ("4/5", "4+/5", "4 / 5")."""
        text = v.strings[v.lowers[k]]
        if self.grade.match(text):
            return True
        return text.isdigit() and len(text) == 1 and k + 1 < v.n and v.strings[v.lowers[k + 1]] == "/"


class ActivityFrames(RulesComponent):
    rules_file = "activity_frames.jsonl"
    optional_on_disk = True

    def _set(self, rules: list[dict[str, Any]]) -> None:
        self.rules = [rule for rule in rules if "pattern" in rule]
        self._all_rules = rules
        self._compile_rules()
        self.matcher = TokenMatcher(self.vocab)
        for k, rule in enumerate(self.rules):
            self.matcher.add(k, [rule["pattern"]])

    def __getstate__(self) -> dict[str, Any]:
        # the compiled token tests are closures: pickle the rules and compile them again
        return {k: v for k, v in self.__dict__.items()
                if k not in ("_elements", "_next_tests", "trims", "compounds", "_lead_words")}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._compile_rules()

    def _compile_rules(self) -> None:
        """The rules' token tests, trims and compounds (closures: built again after unpickling)."""
        rules = self._all_rules
        self._elements = [_compile(rule) for rule in self.rules]
        # per rule: the labels one of which must start right after its target (``next_label``, one
        # label or a list) and the words that may stand between (``next_lead``), or None
        self._next_tests = [
            (frozenset([rule["next_label"]] if isinstance(rule["next_label"], str) else rule["next_label"]),
             ids(rule.get("next_lead") or ()))
            if rule.get("next_label") else None
            for rule in self.rules
        ]
        self.trims = [_Trim(rule) for rule in rules if "pattern" not in rule and "compound_heads" not in rule]
        self.compounds = [_Compound(rule) for rule in rules if "compound_heads" in rule]
        # the first words of an exercise named by its part ("SL [heel raises]"): no kind word joins them
        self._lead_words = frozenset().union(*(c.lead_parts for c in self.compounds))

    def targets(self, doc: Doc, v: DocView) -> tuple[list[tuple[int, int, str, int]], list[tuple[int, int, int]]]:
        """``(start, end, concept, rule index)`` of every frame's target, longest first, and
        ``(start, end, rule index)`` of every ``drop`` rule's target (words that are no activity in
        that frame)."""
        found = set()
        drops = set()
        vocab = self.vocab
        for key, start, end in self.matcher(doc):
            elements = self._elements[key]
            bounds = _align(elements, [vocab[o] for o in v.orths[start:end]])
            if bounds is None:
                continue
            rule = self.rules[key]
            first, last = rule["target"]
            s, e = start + bounds[first], start + bounds[last]
            if s >= e:
                continue
            if rule.get("drop"):
                drops.add((s, e, key))
            else:
                found.add((s, e, rule["concept"], key))
        # ties (two rules on the same words) go to the rule written first: ``found`` is a set, and
        # its order changes with the process's string hashing ("play twice a week" was a sport in
        # one run and a dose verb in the next)
        return sorted(found, key=lambda t: (t[0] - t[1], t[0], t[3])), sorted(drops)

    def _next_is(self, v: DocView, ents: list[tuple[int, int, str, int]], key: int, e: int) -> bool:
        """Whether rule ``key`` has no ``next_label`` or an entity of that label (one label or a
        list) starts right after its target ending at ``e``, past up to three of its ``next_lead`` words."""
        test = self._next_tests[key]
        if test is None:
            return True
        wanted, lead = test
        lowers = v.lowers
        i = e
        while not _starts_at(ents, i, wanted) and i < v.n and lowers[i] in lead and i - e < 3:
            i += 1
        return _starts_at(ents, i, wanted)

    def _drop(self, v: DocView, ents: list[tuple[int, int, str, int]], drops: list[tuple[int, int, int]]) -> bool:
        """Remove each ACTIVITY that lies inside a ``drop`` rule's target ("stretch [the boots]",
        "cycling up the one short hill"); with ``next_label``, only when an entity of that label
        starts right after the target (past the rule's ``next_lead`` words)."""
        gone = set()
        for s, e, key in drops:
            if not self._next_is(v, ents, key, e):
                continue
            gone.update(k for k, x in enumerate(ents) if x[2] == LABEL and s <= x[0] and x[1] <= e)
        if not gone:
            return False
        ents[:] = [x for k, x in enumerate(ents) if k not in gone]
        return True

    def run(self, doc: Doc, v: DocView, ents: list[tuple[int, int, str, int]]) -> list[tuple[int, int, str, int]]:
        """Add the frames' activities to ``ents`` (the doc's entities) and trim every
        activity's span; returns them all."""
        targets, drops = self.targets(doc, v) if self.rules else ([], [])
        ents = list(ents)
        added = False
        strings = v.strings
        for s, e, concept, key in targets:
            if not self._next_is(v, ents, key, e):  # "exercise for the [buttock]", not "exercise for an hour"
                continue
            k = bisect_left(ents, e, key=_start)  # ents stay sorted by start: no list of starts per target
            inside = []
            j = k - 1
            while j >= 0 and ents[j][1] > s:
                inside.append(j)
                j -= 1
            if inside and not all(ents[j][2] == BLOCKER or (ents[j][2] == LABEL and ents[j][0] >= s and ents[j][1] < e)
                                  for j in inside):
                continue
            for j in sorted(inside, reverse=True):
                del ents[j]
            ents.insert(bisect_left(ents, s, key=_start), (s, e, LABEL, strings.add(concept)))
            added = True
        parts: dict[int, str] = {}
        for compound in self.compounds:
            added = compound.apply(v, ents, parts) or added
        if self.trims:  # after the frames: a ruler span trimmed first would free words a frame then takes
            added = self._trim(v, ents) or added
            added = self._join_kinds(v, ents, parts) or added
            added = self._join_slashed_kinds(v, ents, parts) or added
            added = self._join_hyphen_words(v, ents, parts) or added
        if drops:
            added = self._drop(v, ents, drops) or added
        if parts:  # the concept step gives these activities the part's region
            store = entity_store(doc)
            for s, e, label, _ in ents:
                if s in parts and label == LABEL:
                    store_record(store, s, e)["part"] = parts[s]
        if added:
            strings.add(LABEL)
            write_entities(doc, [(s, e, strings[label], span_id) for s, e, label, span_id in ents])
        return ents

    def _join_kinds(self, v: DocView, ents: list[tuple[int, int, str, int]], parts: dict[int, str]) -> bool:
        """A noun that names the kind of an activity joins it (rules with ``kind_before``): its
        place ("mountain hiking", "beach bootcamp"), vehicle ("bus rides"), event or aim
        ("sportive training", "landing drills") or manner ("SL step-down"), whether that word
        is free or an activity of its own ("hill" + "running"). A person noun keeps only its
        trade ("school [teacher]": ``not_agent``) and a person noun of a sport or job
        (``person_concepts``) loses a place ("road [cyclist]", "trail [runner]"; not the machine
        "stair climber"), and an exercise named by
        its part keeps its span ("SL [heel raises]", also when the ruler holds part and head)."""
        lowers, strings = v.lowers, v.strings
        lead = self._lead_words
        changed = False
        for trim in self.trims:
            if not trim.kinds and not trim.session_kinds:
                continue
            k = 0
            while k < len(ents):
                s, e, label, concept = ents[k]
                if label == LABEL and e - s > 1 and lowers[s] in trim.places and lowers[s + 1] != _HYPHEN \
                        and concept and strings[concept] in trim.persons \
                        and trim.agent.search(strings[lowers[e - 1]]):
                    ents[k] = (s + 1, e, label, concept)  # "road [cyclist]": the place is not the person's trade
                    changed = True
                    k += 1
                    continue
                kind = s > 0 and (lowers[s - 1] in trim.kinds or (lowers[s - 1] in trim.session_kinds
                                                                  and e - s == 1 and lowers[s] in trim.session_heads))
                if label != LABEL or not kind or s in parts or lowers[s] in lead \
                        or trim.agent.search(strings[lowers[e - 1]]):
                    k += 1
                    continue
                prev = ents[k - 1] if k else None
                if prev is not None and prev[1] == s:
                    if prev[2] != LABEL or prev[1] - prev[0] != 1:
                        k += 1
                        continue
                    ents[k - 1:k + 1] = [(s - 1, e, LABEL, concept)]
                    k -= 1
                else:
                    ents[k] = (s - 1, e, LABEL, concept)
                changed = True
                k += 1
        return changed

    def _join_hyphen_words(self, v: DocView, ents: list[tuple[int, int, str, int]], parts: dict[int, str]) -> bool:
        """An activity written against the word before it with a hyphen keeps that word: one
        hyphenated word is one word of the name ("[pick-packer]", "[shop-floor supervisor]",
        "[long-lever bridge]", "[back-bend exercise]"; rules with ``hyphen_words_join``). A body
        part or an activity inside the hyphenated word joins it ("[walking-to-jogging] programme"),
        and the activity keeps the part's region as an exercise named by its part does;
        a prefix of ``hyphen_not_after`` stays out ("post-[shift]", "mid-[ride]")."""
        rules = [trim for trim in self.trims if trim.hyphen_join]
        if not rules:
            return False
        stop = frozenset().union(*(trim.hyphen_not_after for trim in rules))
        lowers, strings = v.lowers, v.strings
        changed = False
        k = 0
        while k < len(ents):
            s, e, label, concept = ents[k]
            if label != LABEL or s < 2 or lowers[s - 1] != _HYPHEN or lowers[s - 2] in stop \
                    or not strings[lowers[s - 2]].isalpha():
                k += 1
                continue
            start = _hyphen_start(v, s, 0)
            first = k
            while first and ents[first - 1][1] > start:
                first -= 1  # "back" in "back-bend exercise", "walking" in "walking-to-jogging"
            if start < s and all(x[2] in _ABSORBED and x[0] >= start for x in ents[first:k]):
                part = next((x[3] for x in ents[first:k] if x[2] != LABEL and x[3]), None)
                if part is not None and start not in parts:
                    parts[start] = strings[part]  # "[foot-strengthening exercises]" keeps the foot's region
                ents[first:k + 1] = [(start, e, label, concept)]
                changed = True
                k = first
            k += 1
        return changed

    @staticmethod
    def _join_slashed_kinds(v: DocView, ents: list[tuple[int, int, str, int]], parts: dict[int, str]) -> bool:
        """Two kinds of one activity written with a slash share its head: one ACTIVITY ("a 12-week
        [run/spin bootcamp]"), as parts joined by a slash share an exercise head ("TFL/piriformis
        release"); two activities with no head of their own stay apart ("walk/jog",
        "800m/1500m")."""
        changed = False
        k = 1
        while k < len(ents):
            s, e, label, concept = ents[k]
            prev = ents[k - 1]
            if label == LABEL and prev[2] == LABEL and e - s >= 2 and prev[1] - prev[0] == 1 and prev[1] == s - 1 \
                    and v.lowers[s - 1] == _SLASH and s not in parts \
                    and v.idx[s - 2] + v.lengths[s - 2] == v.idx[s - 1] and v.idx[s - 1] + v.lengths[s - 1] == v.idx[s]:
                ents[k - 1:k + 1] = [(prev[0], e, LABEL, concept)]
                changed = True
                continue
            k += 1
        return changed

    def _trim(self, v: DocView, ents: list[tuple[int, int, str, int]]) -> bool:
        """Apply the trim rules to every ACTIVITY in ``ents`` (in place); whether one changed."""
        lowers = v.lowers
        changed = False
        for k, (s, e, label, sid) in enumerate(ents):
            if label != LABEL:
                continue
            free_end = ents[k + 1][0] if k + 1 < len(ents) else v.n
            ns, ne = s, e
            for trim in self.trims:
                ns, ne = trim.apply(lowers, ns, ne, free_end)
            if (ns, ne) != (s, e):
                ents[k] = (ns, ne, label, sid)
                changed = True
        return changed

    def to_disk(self, path, *, exclude=()) -> None:
        rules_to_disk(Path(path) / self.rules_file, self._all_rules)


@Language.factory("activity_frames", assigns=["doc.ents"], requires=["doc.ents"])
def make_activity_frames(nlp: Language, name: str) -> ActivityFrames:
    register_extensions()
    return ActivityFrames(nlp, name)

"""Where a FOOTWEAR span starts: the footwear head with the words before it that name its type.

Settled in session 8 (``corpora/reviews/gold_fixes_session8_footwear.md``): a FOOTWEAR span is
the head ("shoes", "trainers", "orthotics", a pattern such as "stability shoe") with the run of
modifiers right before it that say what kind of footwear it is (purpose, design, material,
support, build: "[custom orthotics]", "old [work trainers]", "[carbon-plated racing shoes]"),
and nothing else before it: words about age, condition, size, number, provenance or the
writer's judgement, determiners and possessives stay out ("new [shoes]", "4 inch [heels]",
"OTC [arch supports]", "a more supportive [shoe]").

The word classes are data (the ``FOOTWEAR`` section of ``data/span_qualifiers.json``). Walking
left from the head, a *unit* is one word or a hyphenated compound read as one ("carbon-plated",
"off-the-shelf"). A unit joins when it is a type word, or a hyphenated compound none of whose
parts is a drop word and that does not start with a number (unseen compounds: "steel-toecap",
"medial-posted"). An entity ending right before the run joins when it is an ACTIVITY of a sport
or job (it names the purpose: "squash trainers"; a verb such as "stands" does not) or when all its words are type words (the shoe's
"arch" in "arch insoles", "stiff" in "stiff leather brogues", a FOOTWEAR match such as
"zero-drop" before "minimal shoes"). Anything else ends the run: punctuation and quotes, a drop word, a colour, a brand, a
verb. Both the pipeline (``ConceptAttributes``) and the gold relabelling script
(``corpora/reviews/relabel_session8_footwear.py``) read spans through this class.
"""

from __future__ import annotations

from typing import Any

from .docview import DocView

LABEL = "FOOTWEAR"
_UNITS = ("cm", "mm", "in", "inch", "\"")
# (start, label, concept) of an entity, by its end token
EntsByEnd = dict[int, tuple[int, str, str]]


class FootwearSpans:
    """The type-naming run before a FOOTWEAR head (``extended_start``) and the drop-class words
    a match starts with (``trimmed_start``). Falsy for a spec without ``type`` classes (a
    pipeline saved before session 8 keeps its plain ``leading`` list)."""

    def __init__(self, spec: dict[str, Any] | None = None):
        spec = {k: v for k, v in (spec or {}).items() if not k.startswith("//")}
        self.spec = spec
        self.drop = frozenset(w for words in (spec.get("drop") or {}).values() for w in words)
        self.types = frozenset(w for words in (spec.get("type") or {}).values() for w in words)
        self.degree = frozenset(spec.get("degree") or ())
        self.typed_labels = frozenset(spec.get("typed_labels") or ())
        # label -> the concepts of it that name a purpose ('squash trainers'; not 'when she stands insoles ...')
        self.join_labels = {label: frozenset(concepts) for label, concepts in (spec.get("join_labels") or {}).items()}
        self.not_extended = frozenset(spec.get("not_extended") or ())
        self.generic = frozenset(spec.get("generic") or ())
        self.refine: dict[str, str] = dict(spec.get("refine") or {})
        self.max_words = int(spec.get("max_words", 4))
        self.keep_before = frozenset(spec.get("keep_before") or ())

    def __bool__(self) -> bool:
        return bool(self.types)

    # -- units ---------------------------------------------------------------
    @staticmethod
    def _glued(v: DocView, i: int) -> bool:
        """Whether token ``i`` and token ``i + 1`` touch (no whitespace between them)."""
        return v.idx[i] + v.lengths[i] == v.idx[i + 1]

    def _unit_before(self, v: DocView, pos: int, floor: int) -> tuple[int, list[str]] | None:
        """The unit that ends right before token ``pos`` and is separated from it by
        whitespace: ``(its first token, its words)``, or None (punctuation, a line break,
        a glued token, the sentence start)."""
        j = pos - 1
        if j < floor or v.is_punct[j] or v.is_space[j] or self._glued(v, j):
            return None
        start = j
        while start - 2 >= floor and v.lower(start - 1) == "-" and self._glued(v, start - 2) and self._glued(v, start - 1) \
                and not v.is_punct[start - 2] and not v.is_space[start - 2]:
            start -= 2
        return start, [v.lower(k) for k in range(start, j + 1, 2)]

    def _unit_at(self, v: DocView, pos: int, end: int) -> int:
        """The end token of the unit starting at ``pos`` (a hyphenated compound runs on)."""
        k = pos + 1
        while k + 1 < end and v.lower(k) == "-" and self._glued(v, k - 1) and self._glued(v, k):
            k += 2
        return k

    def kind(self, words: list[str]) -> str:
        """'type', 'drop' or 'other' for a unit (its words, lower case)."""
        joined = "-".join(words)
        if joined in self.types:
            return "type"
        if joined in self.drop or any(w in self.drop for w in words) or _is_size(words[0]):
            return "drop"
        if len(words) > 1 and all(w.isalpha() for w in words):
            return "type"  # an unseen hyphenated compound: 'steel-toecap', 'medial-posted'
        return "other"

    # -- spans ---------------------------------------------------------------
    def trimmed_start(self, v: DocView, start: int, end: int, concept: str) -> int:
        """The first token of the match after the drop-class units it starts with ('3-inch
        heels' -> 'heels'), and after a type word that follows a degree word ('very [cushioned
        shoes]' -> 'shoes'). The match keeps at least one unit."""
        if concept in self.not_extended:
            return start
        pos = start
        while pos < end:
            nxt = self._unit_at(v, pos, end)
            if nxt >= end or v.lower(nxt) in self.keep_before:
                break
            words = [v.lower(k) for k in range(pos, nxt, 2)]
            kind = self.kind(words)
            if kind == "drop" or (kind == "type" and pos == start and len(words) == 1 and start > 0
                                  and v.lower(start - 1) in self.degree):
                pos = nxt
                continue
            break
        return pos

    def extended_start(self, v: DocView, start: int, concept: str, by_end: EntsByEnd,
                       floor: int = 0) -> tuple[int, list[int], str | None]:
        """``(new start, starts of the entities the span takes in, refined concept or None)``
        for the FOOTWEAR match starting at ``start``."""
        if concept in self.not_extended:
            return start, [], None
        pos, taken, refined, units = start, [], None, 0
        generic = concept in self.generic
        while units < self.max_words and pos > floor:
            ent = by_end.get(pos)
            if ent is not None:
                s, label, other = ent
                if s < floor or not self._joins(v, s, pos, label, other):
                    break
                if generic and refined is None:
                    refined = self._finer(v, s, pos, label, other)
                taken.append(s)
                pos, units = s, units + 1
                continue
            unit = self._unit_before(v, pos, floor)
            if unit is None:
                break
            s, words = unit
            if self.kind(words) != "type":
                break
            inside = [by_end[k] for k in range(s + 1, pos) if k in by_end]
            if any(a < s or label not in self.typed_labels for a, label, _ in inside):
                break  # an entity of its own runs into the compound
            if len(words) == 1 and s > floor and v.lower(s - 1) in self.degree and not self._glued(v, s - 1):
                break  # 'a more supportive shoe': the writer's judgement
            if generic and refined is None:
                refined = self.refine.get("-".join(words))
            taken.extend(a for a, _, _ in inside)  # 'lace' of 'lace-up'
            pos, units = s, units + 1
        return pos, taken, refined

    def _units(self, v: DocView, s: int, e: int) -> list[list[str]]:
        out, pos = [], s
        while pos < e:
            nxt = self._unit_at(v, pos, e)
            out.append([v.lower(k) for k in range(pos, nxt, 2)])
            pos = nxt
        return out

    def _joins(self, v: DocView, s: int, e: int, label: str, concept: str) -> bool:
        """Whether the entity ``[s, e)`` right before the run names the footwear's type."""
        if e < v.n and self._glued(v, e - 1):
            return False
        units = self._units(v, s, e)
        if label in self.typed_labels and all(self.kind(words) == "type" for words in units):
            return True
        if concept in self.join_labels.get(label, ()):
            # a sport or job: 'squash trainers', 'netball shoes' (no numbers, no drop words)
            return len(units) <= 2 and all(w.isalpha() and w not in self.drop for words in units for w in words)
        return False

    def _finer(self, v: DocView, s: int, e: int, label: str, concept: str) -> str | None:
        if label == LABEL and concept not in self.generic and concept not in self.not_extended:
            return concept
        for words in self._units(v, s, e):
            found = self.refine.get("-".join(words))
            if found:
                return found
        return None


def _is_size(word: str) -> bool:
    """A number or a measure ('4', '10cm', '2.5in'): the first word of '4-inch [heels]'; not
    '3/4' of '3/4 length orthotics'."""
    for unit in _UNITS:
        if word.endswith(unit) and len(word) > len(unit):
            word = word[: -len(unit)]
            break
    return word.replace(".", "", 1).isdigit()

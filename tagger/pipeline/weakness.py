"""Weakness read by what it is about (GUIDELINES 4, settled in session 9; ``data/weakness.json``).

"weak", "weaker" or "weakness" found in or attributed to a muscle or part is a CONDITION, the
word alone ("R glute med [weak] 4-/5", "my left glutes are very [weak]", "[weak] R glute med",
"hip abductor [weakness]"); weakness felt, asked about or listed with the neural signs is a
SYMPTOM ("no numbness, tingling or [weakness]", "my leg feels [weak]", "Any [weakness]?").
A mention that is neither ("a weak link", "the reflex loss and weakness" with no neural sign
beside it) is no entity. The ruler tags every form as the CONDITION; this step decides, per
mention, from the words and entities of its clause.
"""

from __future__ import annotations

import re
from typing import Any

from .docview import DocView, ids

CONDITION, SYMPTOM = "CONDITION", "SYMPTOM"
_BREAKS = ids([",", ";", ".", ":", "(", ")", "!", "?", "-", "–", "—", "/", "but", "however", "although", "so", "and"])
_GRADE = re.compile(r"^[0-5](?:[+-]|\+/-)?/5$|^[0-5][+-]?$")


class WeaknessReading:
    """Decide, for each weakness mention, CONDITION (a part's finding), SYMPTOM (felt or neural)
    or nothing. Checked in this order, within the mention's sentence:

    1. a word in ``drop_next`` right after it ("weak link", "weak bladder") -> nothing;
    2. a STRUCTURE right before or after it, with only ``skip`` words (sides, degree words,
       copulas, "on that side") before or ``skip_after`` words (sides, a bracket) after between
       ("glute med weak", "the glute on that side is weak", "weak R glute med", "EHL weakness")
       -> CONDITION;
    3. a ``feel`` verb at most ``feel_window`` words before it in its clause ("feels a bit weak"),
       or an ``ask`` word right before it ("Any weakness?") -> SYMPTOM;
    4. a ``neural`` word at most ``neural_window`` words away in the sentence ("no numbness,
       tingling or leg weakness") -> SYMPTOM;
    5. a BODY_REGION placed as in 2 ("my left hip is weak", "weak ankles"), a part at most
       ``part_window`` words before it in its clause ("the hip rotators at the back are weak"),
       a part after ``of``/``in`` words ("weakness in my right hip", "weakness of the hip
       abductors"), or a grade or a ``finding_next`` word right after it ("weak at 4-/5", "weak on
       the left", "weaker than the right") -> CONDITION;
    6. a ``place_before`` word right before it, naming where the weak muscles sit ("PFPS from
       proximal weakness") -> CONDITION;
    7. otherwise nothing.
    """

    def __init__(self, spec: dict[str, Any] | None = None):
        spec = {k: v for k, v in (spec or {}).items() if not k.startswith("//")}
        self.spec = spec
        self.concepts = frozenset(spec.get("concepts") or ())
        self.symptom_concept = spec.get("symptom_concept", "weakness")
        self.part_labels = frozenset(spec.get("part_labels") or ())
        self.skip = ids(spec.get("skip") or ())
        self.skip_after = ids(spec.get("skip_after") or ())
        self.of_words = ids(spec.get("of_words") or ())
        self.feel = ids(spec.get("feel") or ())
        self.ask = ids(spec.get("ask") or ())
        self.neural = ids(spec.get("neural") or ())
        self.drop_next = ids(spec.get("drop_next") or ())
        self.finding_next = ids(spec.get("finding_next") or ())
        self.place_before = ids(spec.get("place_before") or ())
        self.feel_window = int(spec.get("feel_window", 3))
        self.neural_window = int(spec.get("neural_window", 8))
        self.part_window = int(spec.get("part_window", 8))

    def __bool__(self) -> bool:
        return bool(self.concepts)

    def reading(self, v: DocView, start: int, end: int, sent: tuple[int, int],
                part_ends: dict[int, str], part_starts: dict[int, str]) -> str | None:
        """CONDITION, SYMPTOM or None for the mention ``[start, end)`` in sentence ``sent``;
        ``part_ends`` / ``part_starts`` map the end and start tokens of the doc's parts to their
        labels."""
        lowers, strings = v.lowers, v.strings
        s0, s1 = sent
        if end < s1 and lowers[end] in self.drop_next:
            return None
        before = start
        while before > s0 and before not in part_ends and lowers[before - 1] in self.skip:
            before -= 1
        after = end
        while after < s1 and after not in part_starts and lowers[after] in self.skip_after:
            after += 1
        adjacent = part_ends.get(before) or part_starts.get(after)
        if adjacent == "STRUCTURE":
            return CONDITION
        if start > s0 and lowers[start - 1] in self.ask:
            return SYMPTOM
        for k in range(start - 1, max(start - self.feel_window, s0) - 1, -1):
            if lowers[k] in self.feel:
                return SYMPTOM
            if lowers[k] in _BREAKS:
                break
        lo, hi = max(start - self.neural_window, s0), min(end + self.neural_window, s1)
        if any(lowers[k] in self.neural for k in range(lo, hi)):
            return SYMPTOM
        if adjacent:
            return CONDITION
        for k in range(start - 1, max(start - self.part_window, s0) - 1, -1):
            if k + 1 in part_ends:
                return CONDITION
            if lowers[k] in _BREAKS:
                break
        k = end
        while k < min(end + self.part_window, s1) and k not in part_starts and lowers[k] in self.of_words:
            k += 1
        if k > end and k in part_starts:
            return CONDITION
        if end < s1:
            nxt = lowers[end]
            if nxt in self.finding_next or _GRADE.match(strings[nxt]):
                return CONDITION
        if start > s0 and lowers[start - 1] in self.place_before:
            return CONDITION
        return None

"""Factor hypotheses of a long note, taken from its strongest part.

The classifier reads a note as one bag of words, normalised per note. In a long email thread
(the archetypal input: several messages and a clinician's reasoning, 2,000 words) a factor
stated in one message, "it goes away barefoot, worse in sneakers", gets a small share of
that bag and stays under its threshold although its evidence is tagged. A factor
(footwear, training load, posture) is a statement about the case that holds wherever in
the note it is made, so for a long note each factor takes the higher of its probability on
the whole note and on the strongest of the note's parts. Chains and ``local`` stay with the
whole note: a part read alone loses the story that links the sites.

Chosen on the dev split, the seed email and 60 synthetic threads of 4-7 dev cases (labels:
their union): from 400 words, parts of at least 120 words. On the threads factor F1 went
footwear 0.79 -> 0.93, training_load 0.84 -> 0.88, posture 0.64 -> 0.92; dev is unchanged
(3 dev notes are this long) and so is test (1 note). Figures and commands in
`benchmarks/writer_cv_results.md`, "Session 7, long notes".
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .schema import Evidence, Hypothesis, TagResult, TextSpan

LONG_NOTE_WORDS = 400  # below this the whole-note reading is kept as it is
MIN_PART_WORDS = 120  # paragraphs are joined until a part has at least this many words
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def is_long(result: TagResult) -> bool:
    return len(result.text.split()) >= LONG_NOTE_WORDS


def parts(text: str, min_words: int | None = None) -> list[tuple[int, int]]:
    """Character ranges of ``text`` cut at blank lines, each at least ``min_words`` long (a
    short last run joins the part before it)."""
    min_words = MIN_PART_WORDS if min_words is None else min_words
    ranges: list[tuple[int, int]] = []
    start = 0
    bounds = [m.start() for m in _PARAGRAPH_BREAK.finditer(text)] + [len(text)]
    for end in bounds:
        if len(text[start:end].split()) >= min_words:
            ranges.append((start, end))
            start = end
    if start < len(text) and text[start:].strip():
        if ranges:
            ranges[-1] = (ranges[-1][0], len(text))
        else:
            ranges.append((start, len(text)))
    return ranges


def _shifted(h: Hypothesis, offset: int, text: str) -> Hypothesis:
    """``h`` read on a part starting at ``offset``: its evidence spans moved into the note's offsets."""
    evidence = [
        Evidence(feature=ev.feature, weight=ev.weight,
                 spans=[TextSpan(start=s.start + offset, end=s.end + offset, text=text[s.start + offset : s.end + offset])
                        for s in ev.spans])
        for ev in h.evidence
    ]
    return h.model_copy(update={"evidence": evidence})


def pool_factors(result: TagResult, read_parts: Callable[[list[str]], list[list[Hypothesis]]]) -> bool:
    """Raise each factor of a long ``result`` to its best part; ``read_parts`` tags and
    classifies part texts. Returns whether any hypothesis changed."""
    if not result.hypotheses or not is_long(result):
        return False
    ranges = parts(result.text)
    if len(ranges) < 2:
        return False
    by_part = read_parts([result.text[s:e] for s, e in ranges])
    changed = False
    hypotheses = []
    for h in result.hypotheses:
        if h.kind == "factor":
            best = max(((ph, start) for (start, _), hyps in zip(ranges, by_part, strict=True)
                        for ph in hyps if ph.label == h.label), key=lambda x: x[0].probability, default=None)
            if best is not None and best[0].probability > h.probability:
                h = _shifted(best[0], best[1], result.text)
                changed = True
        hypotheses.append(h)
    if changed:
        hypotheses.sort(key=lambda h: h.probability, reverse=True)
        result.hypotheses = hypotheses
        result.warnings.append(
            f"long note ({len(result.text.split()):,} words): each factor hypothesis is read on the whole note "
            f"and on each of its {len(ranges)} parts, and takes the higher probability")
    return changed

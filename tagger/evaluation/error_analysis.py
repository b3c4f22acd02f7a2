"""Error listing for rule tuning: what was missed, invented, cut wrong or given a wrong attribute.

This quotes note text (the error's surrounding words), so it is for the dev split of
our own corpus and is printed on request only, never logged.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from .cases import FLAGS
from .scoring import ERROR_KINDS, LATERALITY_LABELS, CaseEval, Mention, match_case

CONTEXT_WORDS = 8
_CONTEXT_CHARS = 160


def context(text: str, start: int, end: int, words: int = CONTEXT_WORDS) -> str:
    """``words`` words either side of ``text[start:end]``, the span in [brackets], on one line."""
    left = text[max(0, start - _CONTEXT_CHARS):start].split()
    right = text[end:end + _CONTEXT_CHARS].split()
    # A span that starts or ends mid-word stays glued to its word, so a boundary error shows.
    gap_left = " " if start == 0 or text[start - 1].isspace() else ""
    gap_right = " " if end >= len(text) or text[end].isspace() else ""
    span = " ".join(text[start:end].split())
    return f"{' '.join(left[-words:])}{gap_left}[{span}]{gap_right}{' '.join(right[:words])}".strip()


def _flag_detail(gold: Mention, pred: Mention, flag: str) -> str:
    if getattr(gold, flag):
        return "missed (gold true)"
    trigger = pred.trigger(flag)
    return f"spurious via '{trigger.lower()}'" if trigger else "spurious"


def _value_detail(gold: Mention, pred: Mention, attribute: str) -> str:
    detail = f"gold={getattr(gold, attribute)} pred={getattr(pred, attribute)}"
    trigger = pred.trigger(attribute)
    return f"{detail} via '{trigger.lower()}'" if trigger else detail


def case_errors(case: CaseEval, removed: set[tuple[str, int, int]] = frozenset()) -> list[dict[str, Any]]:
    """Every error in one case. ``removed`` holds ``(case, start, end)`` of gold mentions in
    text the cleaning dropped: their misses say so."""
    if not case.matched:
        match_case(case)

    def record(kind: str, anchor: Mention, detail: str = "") -> dict[str, Any]:
        return {
            "kind": kind,
            "case": case.id,
            "label": anchor.label,
            "text": anchor.text,
            "detail": detail,
            "start": anchor.start,
            "end": anchor.end,
            "context": context(case.text, anchor.start, anchor.end),
        }

    errors = [
        record("missed", g, "line removed by cleaning" if (case.id, g.start, g.end) in removed else "")
        for g in case.missed
    ]
    errors += [record("spurious", p) for p in case.spurious]
    for gold, pred, how in case.pairs:
        if how == "boundary":
            errors.append(record("boundary", gold, f"pred='{pred.text.lower()}'"))
        elif how == "label":
            errors.append(record("label", gold, f"gold={gold.label} pred={pred.label} '{pred.text.lower()}'"))
            continue
        if how != "strict":
            continue
        if gold.label in LATERALITY_LABELS and gold.laterality != pred.laterality:
            errors.append(record("laterality", gold, _value_detail(gold, pred, "laterality")))
        for flag in FLAGS:
            if getattr(gold, flag) != getattr(pred, flag):
                errors.append(record(flag, gold, _flag_detail(gold, pred, flag)))
        if gold.modifier != pred.modifier:
            errors.append(record("modifier", gold, _value_detail(gold, pred, "modifier")))
    return errors


def analyse_errors(cases: list[CaseEval], examples: int,
                   removed: set[tuple[str, int, int]] = frozenset(), *,
                   listed: tuple[str, ...] = ()) -> dict[str, Any]:
    """Counts per kind, patterns grouped by surface text (most frequent first), and examples.

    Examples: up to ``examples`` per kind, one per pattern, most frequent patterns first.
    ``listed`` names kinds (e.g. ``("historical", "other_subject")``) whose errors are all
    listed, in case and text order, under ``listed``: the examples show one error per
    pattern, so the fifth "knee" a rule missed is never shown there, while tuning an
    attribute needs every one of them.
    """
    unknown = sorted(set(listed) - set(ERROR_KINDS))
    if unknown:
        raise ValueError(f"unknown error kind(s) {unknown}; known: {list(ERROR_KINDS)}")
    errors = [err for case in cases for err in case_errors(case, removed)]
    keyed: dict[tuple[str, str, str, str], list[dict[str, Any]]] = {}
    for err in errors:
        key = (err["kind"], err["label"], " ".join(err["text"].lower().split()), err["detail"])
        keyed.setdefault(key, []).append(err)
    order = {kind: i for i, kind in enumerate(ERROR_KINDS)}
    ranked = sorted(keyed.items(), key=lambda item: (-len(item[1]), order[item[0][0]], item[0]))
    patterns = [
        {"kind": kind, "label": label, "text": text, "detail": detail, "count": len(found),
         "cases": sorted({e["case"] for e in found})}
        for (kind, label, text, detail), found in ranked
    ]
    chosen: dict[str, list[dict[str, Any]]] = {kind: [] for kind in ERROR_KINDS}
    for (kind, *_), found in ranked:
        if len(chosen[kind]) < examples:
            chosen[kind].append(found[0])
    counts = Counter(err["kind"] for err in errors)
    report: dict[str, Any] = {
        "counts": {kind: counts[kind] for kind in ERROR_KINDS},
        "patterns": patterns,
        "examples": {kind: found for kind, found in chosen.items() if found},
    }
    if listed:
        report["listed"] = {kind: [err for err in errors if err["kind"] == kind] for kind in listed}
    return report

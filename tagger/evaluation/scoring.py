"""The arithmetic of entity evaluation: matching gold to predicted mentions, counting, P/R/F1.

Pure functions over ``Mention`` lists in the same (input) offsets, so the tagger, the
assertion comparison and the tests all share one definition of a hit:

* strict: same start, end and label;
* lenient: same label and overlapping spans, matched one-to-one (largest overlap first);
* attribute figures are computed over strictly matched pairs only.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from .cases import FLAGS, LABELS

LATERALITY_LABELS = ("BODY_REGION", "STRUCTURE")
FINDING_LABELS = ("SYMPTOM", "CONDITION")
ATTRIBUTE_KINDS = ("laterality", *FLAGS, "modifier")
SPAN_KINDS = ("missed", "spurious", "boundary", "label")
ERROR_KINDS = (*SPAN_KINDS, *ATTRIBUTE_KINDS)


@dataclass(frozen=True)
class Mention:
    """One entity mention with the attributes we score, gold or predicted."""

    start: int
    end: int
    text: str
    label: str
    laterality: str | None = None
    negated: bool = False
    historical: bool = False
    hypothetical: bool = False
    other_subject: bool = False
    modifier: str | None = None
    triggers: tuple[tuple[str, str], ...] = ()  # (attribute, trigger text), predictions only

    @classmethod
    def from_dict(cls, ent: dict[str, Any], *, start: int | None = None, end: int | None = None) -> Mention:
        triggers = tuple((t["attribute"], t["text"]) for t in ent.get("triggers") or ())
        return cls(
            start=ent["start"] if start is None else start,
            end=ent["end"] if end is None else end,
            text=ent["text"],
            label=ent["label"],
            laterality=ent.get("laterality"),
            negated=bool(ent.get("negated", False)),
            historical=bool(ent.get("historical", False)),
            hypothetical=bool(ent.get("hypothetical", False)),
            other_subject=bool(ent.get("other_subject", False)),
            modifier=ent.get("modifier"),
            triggers=triggers,
        )

    def trigger(self, attribute: str) -> str | None:
        return next((text for attr, text in self.triggers if attr == attribute), None)


@dataclass
class CaseEval:
    """A gold case and what a system predicted for it, both in the case text's offsets."""

    id: str
    text: str
    gold: list[Mention]
    pred: list[Mention]
    pairs: list[tuple[Mention, Mention, str]] = field(default_factory=list)  # (gold, pred, how)
    missed: list[Mention] = field(default_factory=list)
    spurious: list[Mention] = field(default_factory=list)
    matched: bool = False


def prf(tp: int, fp: int, fn: int) -> dict[str, Any]:
    """Precision, recall and F1; ``None`` where the denominator is zero (F1 is 0 with support and no hit)."""
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": tp / (tp + fp) if tp + fp else None,
        "recall": tp / (tp + fn) if tp + fn else None,
        "f1": 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else None,
        "support": tp + fn,
    }


def _overlap(a: Mention, b: Mention) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def match_case(case: CaseEval) -> CaseEval:
    """Pair gold and predicted mentions: strict, then boundary (same label), then label (overlap)."""
    gold_left = list(range(len(case.gold)))
    pred_left = list(range(len(case.pred)))
    pairs: list[tuple[int, int, str]] = []
    by_key: dict[tuple[int, int, str], list[int]] = defaultdict(list)
    for j in pred_left:
        p = case.pred[j]
        by_key[(p.start, p.end, p.label)].append(j)
    for i in list(gold_left):
        g = case.gold[i]
        candidates = by_key.get((g.start, g.end, g.label))
        if candidates:
            j = candidates.pop(0)
            pairs.append((i, j, "strict"))
            gold_left.remove(i)
            pred_left.remove(j)
    for how, same_label in (("boundary", True), ("label", False)):
        options = sorted(
            (
                (-_overlap(case.gold[i], case.pred[j]), i, j)
                for i in gold_left
                for j in pred_left
                if _overlap(case.gold[i], case.pred[j]) > 0 and (case.gold[i].label == case.pred[j].label) == same_label
            ),
        )
        for _, i, j in options:
            if i in gold_left and j in pred_left:
                pairs.append((i, j, how))
                gold_left.remove(i)
                pred_left.remove(j)
    case.pairs = [(case.gold[i], case.pred[j], how) for i, j, how in sorted(pairs, key=lambda p: case.gold[p[0]].start)]
    case.missed = [case.gold[i] for i in gold_left]
    case.spurious = [case.pred[j] for j in pred_left]
    case.matched = True
    return case


def _binary(pairs: list[tuple[Mention, Mention]], attribute: str) -> dict[str, Any]:
    counts = Counter((getattr(g, attribute), getattr(p, attribute)) for g, p in pairs)
    out = prf(counts[(True, True)], counts[(False, True)], counts[(True, False)])
    out["n"] = len(pairs)
    out["accuracy"] = (counts[(True, True)] + counts[(False, False)]) / len(pairs) if pairs else None
    return out


def score(cases: list[CaseEval]) -> dict[str, Any]:
    """Entity and attribute figures for matched cases (``match_case`` is applied if needed)."""
    strict: dict[str, Counter] = {label: Counter() for label in LABELS}
    lenient: dict[str, Counter] = {label: Counter() for label in LABELS}
    strict_pairs: list[tuple[Mention, Mention]] = []
    for case in cases:
        if not case.matched:
            match_case(case)
        for g in case.gold:
            strict[g.label]["gold"] += 1
            lenient[g.label]["gold"] += 1
        for p in case.pred:
            strict.setdefault(p.label, Counter())["pred"] += 1
            lenient.setdefault(p.label, Counter())["pred"] += 1
        for g, p, how in case.pairs:
            if how == "strict":
                strict[g.label]["tp"] += 1
                strict_pairs.append((g, p))
            if how in {"strict", "boundary"}:
                lenient[g.label]["tp"] += 1
    entities = {"strict": _label_table(strict), "lenient": _label_table(lenient)}

    lat_pairs = [(g, p) for g, p in strict_pairs if g.label in LATERALITY_LABELS]
    lat_correct = sum(g.laterality == p.laterality for g, p in lat_pairs)
    attributes: dict[str, Any] = {
        "pairs": len(strict_pairs),
        "laterality": {
            "labels": list(LATERALITY_LABELS),
            "n": len(lat_pairs),
            "correct": lat_correct,
            "accuracy": lat_correct / len(lat_pairs) if lat_pairs else None,
            "confusion": dict(sorted(Counter(f"{g.laterality}->{p.laterality}" for g, p in lat_pairs).items())),
        },
    }
    findings = [(g, p) for g, p in strict_pairs if g.label in FINDING_LABELS]
    for flag in FLAGS:
        attributes[flag] = {"findings": _binary(findings, flag), "all": _binary(strict_pairs, flag)}
    mod_counts = Counter((g.modifier, p.modifier) for g, p in strict_pairs)
    modifier: dict[str, Any] = {
        "n": len(strict_pairs),
        "accuracy": sum(n for (g, p), n in mod_counts.items() if g == p) / len(strict_pairs) if strict_pairs else None,
    }
    tp = sum(n for (g, p), n in mod_counts.items() if p is not None and g == p)
    fp = sum(n for (g, p), n in mod_counts.items() if p is not None and g != p)
    fn = sum(n for (g, p), n in mod_counts.items() if g is not None and g != p)
    modifier["micro"] = prf(tp, fp, fn)
    for value in ("relieving", "aggravating"):
        modifier[value] = prf(
            mod_counts[(value, value)],
            sum(n for (g, p), n in mod_counts.items() if p == value and g != value),
            sum(n for (g, p), n in mod_counts.items() if g == value and p != value),
        )
    attributes["modifier"] = modifier
    return {"entities": entities, "attributes": attributes}


def _label_table(counts: dict[str, Counter]) -> dict[str, Any]:
    table: dict[str, Any] = {}
    for label, c in counts.items():
        table[label] = prf(c["tp"], c["pred"] - c["tp"], c["gold"] - c["tp"])
    total = Counter()
    for c in counts.values():
        total.update(c)
    table["micro"] = prf(total["tp"], total["pred"] - total["tp"], total["gold"] - total["tp"])
    f1s = [table[label]["f1"] for label in LABELS if table[label]["f1"] is not None]
    table["macro_f1"] = sum(f1s) / len(f1s) if f1s else None
    return table

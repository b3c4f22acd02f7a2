"""``tagger corpus stats``: what is in a corpus, as a dict, Markdown tables or one short paragraph."""

from __future__ import annotations

import math
import statistics
from collections import Counter
from collections.abc import Sequence
from typing import Any

from .schema import CHAIN_LABELS, ENTITY_LABELS, LABELS, REGISTERS, SPLITS, Case
from .similarity import NGRAM, NgramIndex

#: Upper bounds (inclusive) of the length buckets, in words.
LENGTH_BUCKETS: tuple[tuple[str, int], ...] = (
    ("1-10", 10),
    ("11-25", 25),
    ("26-50", 50),
    ("51-100", 100),
    ("101-200", 200),
    ("201-400", 400),
    ("401-600", 600),
    (">600", math.inf),  # type: ignore[arg-type]
)
SHORT = {
    "foot_to_knee": "f>k",
    "foot_to_hip": "f>h",
    "foot_to_back": "f>b",
    "hip_to_knee": "h>k",
    "hip_to_foot": "h>f",
    "referred_neural": "neur",
    "local": "local",
    "footwear": "shoe",
    "training_load": "load",
    "posture": "post",
}


def _ordered(counter: Counter, known: Sequence[str]) -> dict[str, int]:
    """Known keys first in their order (zeros included), then any others alphabetically."""
    out = {k: counter.get(k, 0) for k in known}
    for k in sorted(set(counter) - set(known)):
        out[k] = counter[k]
    return out


def percentile(sorted_values: Sequence[int], q: float) -> int:
    """Nearest-rank percentile (q in 0..100) of an ascending sequence."""
    if not sorted_values:
        return 0
    rank = max(1, math.ceil(q / 100 * len(sorted_values)))
    return sorted_values[rank - 1]


def _number(x: float) -> int | float:
    return int(x) if float(x).is_integer() else x


def word_count(text: str) -> int:
    return len(text.split())


def corpus_stats(cases: Sequence[Case], *, files: int | None = None) -> dict[str, Any]:
    """Every figure ``tagger corpus stats`` reports, as plain JSON-able data."""
    n = len(cases)
    label_counts: Counter = Counter(label for c in cases for label in set(c.labels))
    labels = list(_ordered(label_counts, LABELS))
    splits = list(_ordered(Counter(c.split or "(none)" for c in cases), SPLITS))

    label_split = {lab: {s: 0 for s in splits} for lab in labels}
    cooc = {a: {b: 0 for b in labels} for a in labels}
    for c in cases:
        labs = sorted(set(c.labels))
        for a in labs:
            label_split[a][c.split or "(none)"] += 1
            for b in labs:
                cooc[a][b] += 1

    lengths = sorted(word_count(c.text) for c in cases)
    buckets = dict.fromkeys((name for name, _ in LENGTH_BUCKETS), 0)
    for length in lengths:
        for name, upper in LENGTH_BUCKETS:
            if length <= upper:
                buckets[name] += 1
                break

    no_chain = sum(1 for c in cases if not set(c.labels) & set(CHAIN_LABELS))
    annotated = [c for c in cases if c.entities is not None]
    entity_counts: Counter = Counter(e.label for c in annotated for e in c.entities or [])

    index = NgramIndex([c.text for c in cases])
    overlaps = index.overlaps()
    top = overlaps[0] if overlaps else None

    return {
        "cases": n,
        "files": files,
        "labels": {lab: label_counts.get(lab, 0) for lab in labels},
        "registers": _ordered(Counter(c.register for c in cases), REGISTERS),
        "splits": _ordered(Counter(c.split or "(none)" for c in cases), SPLITS),
        "label_split": label_split,
        "length_words": {
            "min": lengths[0] if lengths else 0,
            "median": _number(statistics.median(lengths)) if lengths else 0,
            "p90": percentile(lengths, 90),
            "max": lengths[-1] if lengths else 0,
        },
        "length_buckets": buckets,
        "cooccurrence": cooc,
        "no_label": sum(1 for c in cases if not c.labels),
        "no_chain": {"count": no_chain, "share": no_chain / n if n else 0.0},
        "gold": {
            "cases": len(annotated),
            "entities": sum(entity_counts.values()),
            "by_label": _ordered(entity_counts, ENTITY_LABELS),
        },
        "diversity": {
            "ngram": NGRAM,
            "max_share": top.jaccard if top else 0.0,
            "pair": [cases[top.a].id, cases[top.b].id] if top else [],
            "pairs_over_20pct": sum(1 for p in overlaps if p.jaccard > 0.20),
        },
    }


def _table(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    lines = ["| " + " | ".join(str(h) for h in header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(x) for x in row) + " |" for row in rows]
    return "\n".join(lines)


def _pct(x: float) -> str:
    return f"{x:.1%}"


def render_markdown(s: dict[str, Any]) -> str:
    """The full report as Markdown tables (the README's corpus section is pasted from this)."""
    n = s["cases"] or 1
    splits = list(s["splits"])
    out = [
        f"**{s['cases']} cases**" + (f" in {s['files']} files" if s["files"] is not None else "")
        + f"; {s['gold']['cases']} with gold entities ({s['gold']['entities']} spans); "
        f"{s['no_chain']['count']} ({_pct(s['no_chain']['share'])}) with no chain label; "
        f"{s['no_label']} with no label at all.",
        "",
        "Labels per split (cases):",
        "",
        _table(
            ["label", "cases", "share", *splits],
            [[lab, c, _pct(c / n), *(s["label_split"][lab][sp] for sp in splits)] for lab, c in s["labels"].items()]
            + [["(all cases)", s["cases"], "100.0%", *(s["splits"][sp] for sp in splits)]],
        ),
        "",
        "Registers:",
        "",
        _table(["register", "cases", "share"], [[r, c, _pct(c / n)] for r, c in s["registers"].items() if c]),
        "",
        "Length (words): " + ", ".join(f"{k} {v}" for k, v in s["length_words"].items()),
        "",
        _table(["words", *s["length_buckets"]], [["cases", *s["length_buckets"].values()]]),
        "",
        "Label co-occurrence (cases carrying both; the diagonal is the label's count):",
        "",
        _table(
            ["", *(SHORT.get(lab, lab) for lab in s["cooccurrence"])],
            [[SHORT.get(a, a), *row.values()] for a, row in s["cooccurrence"].items()],
        ),
        "",
        "Gold entities by label:",
        "",
        _table(["label", "spans"], list(s["gold"]["by_label"].items())),
        "",
        _diversity_line(s),
    ]
    return "\n".join(out) + "\n"


def _diversity_line(s: dict[str, Any]) -> str:
    d = s["diversity"]
    pair = f" ({d['pair'][0]} / {d['pair'][1]})" if d["pair"] else ""
    return (
        f"Diversity: the most similar pair of cases shares {_pct(d['max_share'])} of its word {d['ngram']}-grams"
        f"{pair}; {d['pairs_over_20pct']} pairs share more than 20%."
    )


def render_brief(s: dict[str, Any]) -> str:
    """A few lines for ``make test`` logs."""
    labels = s["labels"]
    lo = min(labels.items(), key=lambda kv: kv[1]) if labels else ("-", 0)
    lw = s["length_words"]
    return "\n".join(
        [
            f"corpus: {s['cases']} cases"
            + (f" in {s['files']} files" if s["files"] is not None else "")
            + " | split " + " / ".join(f"{k} {v}" for k, v in s["splits"].items()),
            "labels: " + ", ".join(f"{SHORT.get(k, k)} {v}" for k, v in labels.items())
            + f" (fewest: {lo[0]} {lo[1]})",
            f"no chain: {s['no_chain']['count']} ({_pct(s['no_chain']['share'])}) | gold entities: "
            f"{s['gold']['cases']} cases, {s['gold']['entities']} spans | words min {lw['min']} "
            f"median {lw['median']} p90 {lw['p90']} max {lw['max']}",
            _diversity_line(s),
        ]
    ) + "\n"


__all__ = ["corpus_stats", "percentile", "render_brief", "render_markdown"]

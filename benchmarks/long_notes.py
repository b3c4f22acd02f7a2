"""Does reading a long note's factors on its parts help? (``tagger/long_notes.py``)

The corpus has almost no note as long as a pasted email thread (3 dev notes and 1 test note
reach 400 words; seed 000 has 2,100), so this builds long notes from dev cases: 60 threads
of 4-7 dev cases joined by blank lines (seeded), labelled with the union of their labels.
For each setting it prints macro F1 on the threads and on the dev split (both through
``Tagger.tag_many``, as a user gets them), the three factors' F1 on the threads, and what
passes on seed 000 (the patient's messages and the whole document) when the seeds are there.
Only dev cases are read; no note text is printed.

    python benchmarks/long_notes.py [--model models/default]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import tagger  # noqa: E402
import tagger.long_notes as long_notes  # noqa: E402

FACTORS = ("footwear", "training_load", "posture")
SETTINGS = [("whole note only", 10**9, 120), ("from 600 words, parts of 60", 600, 60),
            ("from 400 words, parts of 120 (shipped)", 400, 120), ("from 300 words, parts of 120", 300, 120)]


def per_label_f1(preds: list[set[str]], golds: list[set[str]], labels: list[str]) -> dict[str, float]:
    out = {}
    for k in labels:
        tp = sum(1 for p, g in zip(preds, golds, strict=True) if k in p and k in g)
        fp = sum(1 for p, g in zip(preds, golds, strict=True) if k in p and k not in g)
        fn = sum(1 for p, g in zip(preds, golds, strict=True) if k not in p and k in g)
        out[k] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return out


def threads(dev: list[dict], n: int = 60, seed: int = 3) -> list[tuple[str, set[str]]]:
    rng = random.Random(seed)
    out = []
    while len(out) < n:
        group = rng.sample(dev, rng.randint(4, 7))
        text = "\n\n".join(c["text"] for c in group)
        if len(text.split()) >= 600:
            out.append((text, set().union(*(set(c["labels"]) for c in group))))
    return out


def seed_texts() -> list[tuple[str, str]]:
    found = sorted((REPO.parent / "shared" / "seeds").glob("000_*.txt"))
    if not found:
        return []
    document = found[0].read_text(encoding="utf-8")
    start = document.find("Seriously. Your Blog")
    end = document.find("down to my toes.")
    patient = document[start:end + len("down to my toes.")] if start >= 0 and end >= 0 else None
    return ([("seed 000, patient's messages", patient)] if patient else []) + [("seed 000, whole document", document)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--model", default=None)
    args = ap.parse_args(argv)
    t = tagger.load(args.model)
    labels = list(t.labels)
    cases = [json.loads(line) for path in sorted((REPO / "corpora" / "cases").glob("*.jsonl"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    dev = [c for c in cases if c["split"] == "dev"]
    long_threads = threads(dev)
    print(f"{len(long_threads)} threads of 4-7 dev cases ({min(len(x.split()) for x, _ in long_threads):,}+ words); "
          f"{len(dev)} dev cases, {sum(len(c['text'].split()) >= 400 for c in dev)} of them 400+ words")
    for name, long_words, part_words in SETTINGS:
        long_notes.LONG_NOTE_WORDS, long_notes.MIN_PART_WORDS = long_words, part_words
        thread_f1 = per_label_f1([{h.label for h in r.hypotheses if h.passes} for r in t.tag_many(x for x, _ in long_threads)],
                                 [g for _, g in long_threads], labels)
        dev_f1 = per_label_f1([{h.label for h in r.hypotheses if h.passes} for r in t.tag_many(c["text"] for c in dev)],
                              [set(c["labels"]) for c in dev], labels)
        factors = ", ".join(f"{k} {thread_f1[k]:.3f}" for k in FACTORS if k in thread_f1)
        print(f"{name:<40} threads macro {sum(thread_f1.values()) / len(labels):.3f} ({factors}); "
              f"dev macro {sum(dev_f1.values()) / len(labels):.4f}")
        for seed_name, text in seed_texts():
            print(f"    {seed_name}: passes {sorted(h.label for h in t.tag(text).hypotheses if h.passes)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Entities of unannotated train notes whose laterality or other_subject (or the attributes
named by ``--attributes``) a rule change alters.

Tag every train case that has no ``entities`` (with ``--dev``, the unannotated dev cases too;
the cases of every blind round are left out, gold or not) and save each entity's laterality and
other_subject (``--save before.json``); after changing the rules, run again with
``--compare before.json`` to print every entity whose value moved, with its sentence,
for reading by the guidelines. The test split is never read.

    .venv/bin/python benchmarks/attribute_changes.py --save /tmp/before.json
    .venv/bin/python benchmarks/attribute_changes.py --compare /tmp/before.json
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import tagger  # noqa: E402
from tagger.evaluation.cases import case_split, load_cases  # noqa: E402

ATTRIBUTES = ("laterality", "other_subject")


def unannotated_cases(splits: tuple[str, ...]) -> list[dict]:
    """The cases of ``splits`` with no gold ``entities``, the cases of every blind round left out:
    a round still being annotated has no gold yet, and its cases are a clean check, never read."""
    reviews = ROOT / "corpora" / "reviews"
    blind = {line.strip() for f in reviews.glob("gold_blind_session*_ids.txt")
             for line in f.read_text(encoding="utf-8").splitlines() if line.strip()}
    return [c for c in load_cases([ROOT / "corpora"])
            if not isinstance(c.get("entities"), list) and case_split(c)[0] in splits and c["id"] not in blind]


def print_changes(before: dict[str, dict], now: dict[str, dict], moved, context: str = "sentence") -> None:
    """Print each entity of ``now`` (saved key -> values) also in ``before`` whose values
    ``moved(old, new)`` describes (a string; empty when nothing moved), with its text under
    ``context``."""
    changed = 0
    for key, ent in now.items():
        old = before.get(key)
        change = moved(old, ent) if old is not None else ""
        if change:
            changed += 1
            print(f"{key.split('|')[0]} {key.split('|')[3]} [{ent['text']}] {change}\n    {ent[context]}")
    print(f"{changed} entities changed ({len(set(now) ^ set(before))} spans differ)")


def tag_unannotated(model: str, splits: tuple[str, ...] = ("train",),
                    attributes: tuple[str, ...] = ATTRIBUTES) -> dict[str, dict]:
    t = tagger.load(model)
    out: dict[str, dict] = {}
    for case in unannotated_cases(splits):
        res = t.tag(case["text"])
        sents = [(s.start, s.end) for s in res.sentences]
        for e in res.entities:
            sent = next((res.text[a:b] for a, b in sents if a <= e.start < b), "")
            key = f"{case['id']}|{e.start}|{e.end}|{e.label}"
            out[key] = {"text": e.text, "sentence": " ".join(sent.split()),
                        **{a: getattr(e, a) for a in attributes}}
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--save")
    ap.add_argument("--compare")
    ap.add_argument("--model", default="/tmp/empty-dir")
    ap.add_argument("--dev", action="store_true", help="also the unannotated dev cases")
    ap.add_argument("--attributes", default=",".join(ATTRIBUTES),
                    help="comma-separated entity attributes to save and compare (e.g. historical,other_subject)")
    args = ap.parse_args()
    attributes = tuple(a.strip() for a in args.attributes.split(",") if a.strip())
    now = tag_unannotated(args.model, ("train", "dev") if args.dev else ("train",), attributes)
    if args.save:
        Path(args.save).write_text(json.dumps(now))
        print(f"{len(now)} entities saved")
    if args.compare:
        before = json.loads(Path(args.compare).read_text())
        print_changes(before, now, lambda old, new: "; ".join(
            f"{a}: {old.get(a)} -> {new.get(a)}" for a in attributes if old.get(a) != new.get(a)))


if __name__ == "__main__":
    main()

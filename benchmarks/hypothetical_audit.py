"""Which hypothetical triggers are right, and what a rule change does to unannotated notes.

``--by-trigger FILE_OR_DIR [...] --split dev|train``: tag the gold-annotated cases and, over the
strictly matched pairs, count per trigger phrase how often its hypothetical mark agrees with the
gold (right) or not (wrong), and list the gold-hypothetical mentions the tagger left unmarked.

``--save before.json`` / ``--compare before.json``: tag every train and dev case that has no
``entities`` (unannotated notes; the cases of every blind round are left out, gold or not) and print each
entity whose hypothetical mark moved, with its trigger and sentence, for reading by the
guidelines. The test split is never read.

    .venv/bin/python benchmarks/hypothetical_audit.py --by-trigger corpora/ --split train
    .venv/bin/python benchmarks/hypothetical_audit.py --save /tmp/hyp_before.json
    .venv/bin/python benchmarks/hypothetical_audit.py --compare /tmp/hyp_before.json
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from attribute_changes import print_changes, unannotated_cases  # noqa: E402

import tagger  # noqa: E402
from tagger.evaluation.cases import load_cases, select_cases  # noqa: E402
from tagger.evaluation.entities import gold_mentions, predicted_mentions  # noqa: E402
from tagger.evaluation.scoring import CaseEval, match_case  # noqa: E402


def _context(text: str, start: int, end: int, width: int = 70) -> str:
    return " ".join((text[max(0, start - width):start] + "[" + text[start:end] + "]" + text[end:end + width]).split())


def by_trigger(paths: list[str], split: str, model: str) -> None:
    if split == "test":
        raise SystemExit("the test split is not for tuning")
    t = tagger.load(model)
    cases, _ = select_cases(load_cases([Path(p) for p in paths]), split)
    tally: dict[str, Counter] = defaultdict(Counter)
    examples: dict[str, list[str]] = defaultdict(list)
    missed: list[str] = []
    for case in cases:
        res = t.tag(case["text"])
        pred, *_ = predicted_mentions(res, case["text"])
        ev = match_case(CaseEval(case["id"], case["text"], gold_mentions(case), pred))
        for g, p, how in ev.pairs:
            if how != "strict":
                continue
            if p.hypothetical:
                trig = (p.trigger("hypothetical") or "?").lower()
                ok = "right" if g.hypothetical else "wrong"
                tally[trig][ok] += 1
                examples[trig].append(f"  {ok:5} {case['id']} {p.label} {_context(case['text'], p.start, p.end)}")
            elif g.hypothetical:
                missed.append(f"  {case['id']} {g.label} {_context(case['text'], g.start, g.end)}")
    for trig, c in sorted(tally.items(), key=lambda kv: -sum(kv[1].values())):
        print(f"{trig!r}: right {c['right']} wrong {c['wrong']}")
        print("\n".join(examples[trig]))
    print(f"\nmissed ({len(missed)}):")
    print("\n".join(missed))


def tag_unannotated(model: str) -> dict[str, dict]:
    t = tagger.load(model)
    out: dict[str, dict] = {}
    for case in unannotated_cases(("train", "dev")):
        res = t.tag(case["text"])
        for e in res.entities:
            trig = next((x.text for x in e.triggers if x.attribute == "hypothetical"), None)
            out[f"{case['id']}|{e.start}|{e.end}|{e.label}"] = {
                "text": e.text, "hypothetical": e.hypothetical, "trigger": trig,
                "context": _context(res.text, e.start, e.end, 90)}
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--by-trigger", nargs="+")
    ap.add_argument("--split", default="dev")
    ap.add_argument("--save")
    ap.add_argument("--compare")
    ap.add_argument("--model", default="/tmp/empty-dir")
    args = ap.parse_args()
    if args.by_trigger:
        by_trigger(args.by_trigger, args.split, args.model)
        return
    now = tag_unannotated(args.model)
    if args.save:
        Path(args.save).write_text(json.dumps(now))
        print(f"{len(now)} entities saved")
    if args.compare:
        before = json.loads(Path(args.compare).read_text())
        print_changes(before, dict(sorted(now.items())), lambda old, new: "" if (
            old["hypothetical"], old["trigger"]) == (new["hypothetical"], new["trigger"]) else (
            f"{old['hypothetical']} ({old['trigger']}) -> {new['hypothetical']} ({new['trigger']})"), context="context")


if __name__ == "__main__":
    main()

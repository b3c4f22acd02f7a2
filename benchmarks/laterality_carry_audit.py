"""Which laterality mechanism set each predicted side, and how often the gold agrees (train + dev).

Wraps the laterality component's steps (a side before the site, after it, a header side,
a carried side, a pointer) to record which one set each site's side, then compares the
sides on strictly matched gold sites. Never reads the test split, and of the dev split only the
tune set (``benchmarks/blind_dev_cases.py --set tune``: the clean checks 5b and 7b are left out);
``--set 7a`` (or ``5a``) audits one blind dev set alone.

      .venv/bin/python benchmarks/laterality_carry_audit.py [--show KIND] [--set 7a]
          [--carry '{"carry": "path", "words": ["down", "into"]}']   # audit a carry before it ships
          [--by-set]                                                   # agreement per annotator group
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import tagger  # noqa: E402
from tagger.evaluation.cases import load_cases, select_cases  # noqa: E402
from tagger.evaluation.entities import alignment, input_span  # noqa: E402
from tagger.pipeline import laterality as lat  # noqa: E402

sys.path.insert(0, str(ROOT / "benchmarks"))
from blind_dev_cases import blind_dev_ids  # noqa: E402

VIA: dict[tuple[str, int], str] = {}


def _key(doc, v, span):
    return (doc.text, v.start_char(span[0]))


def _recording_new_sides(step, via: str, sides_at: int):
    """``step`` (a static side-setting step whose ``sides`` dict is argument ``sides_at``), with
    every side it adds recorded in VIA as ``via``."""

    def recorded(doc, v, *rest):
        sides = (doc, v, *rest)[sides_at]
        old = set(sides)
        out = step(doc, v, *rest)
        for s in set(sides) - old:
            VIA[_key(doc, v, s)] = via
        return out

    return recorded


def _wrap_steps() -> None:
    cls = lat.Laterality
    side_before, side_after = cls._side_before, cls._side_after
    carry_sides = cls._carry_sides

    def before(self, doc, v, ent, table, ent_at):
        found = side_before(self, doc, v, ent, table, ent_at)
        if found is not None:
            words = {v.lower(i) for i in range(found[2], ent[0])}
            sited = any(i in ent_at and ent_at[i][2] in lat.SITE_LABELS for i in range(found[2], ent[0]))
            kind = "adjacent" if found[2] == ent[0] else ("across-site" if sited else "phrase")
            if sited and words & {"and", "&", "/", ",", "or", "+"}:
                kind = "across-site-and"
            VIA[_key(doc, v, ent)] = f"before:{kind}"
        return found

    def after(self, doc, v, ent, table, ent_at):
        found = side_after(self, doc, v, ent, table, ent_at)
        if found is not None:
            sited = any(i in ent_at and ent_at[i][2] in lat.SITE_LABELS for i in range(ent[1], found[1]))
            trig = " ".join(v.text(i) for i in range(found[1], found[2]))
            VIA[_key(doc, v, ent)] = f"after:{'across-site' if sited else 'direct'}:{trig.lower()}"
        return found

    def carry(self, doc, v, sites, sides, store, starts):
        old = set(sides)
        carry_sides(self, doc, v, sites, sides, store, starts)
        for s in set(sides) - old:
            nxt = sides[s][1] > s[0]
            prev = v.lower(s[0] - 1) if s[0] else ""
            k = s[0] - 1
            while k > 0 and v.lower(k) in {"the", "my", "a", "of", "small", "big", "outer", "inner", "top", "bottom",
                                           "side", "front", "back", "upper", "lower", "whole", "just", "little", "her",
                                           "his", "their", "your", "an"}:
                k -= 1
            prev = v.lower(k)
            kind = "of-next" if nxt else ("and-list" if prev in {"and", "&", "+"} else f"locative:{prev}")
            VIA[_key(doc, v, s)] = f"carry:{kind}"

    chain_sides = getattr(cls, "_chain_sides", None)

    def chain(self, doc, v, sites, sides, store, starts, ent_at):
        set_by = chain_sides(self, doc, v, sites, sides, store, starts, ent_at)
        for s, kind in set_by.items():
            VIA[_key(doc, v, s)] = f"chain:{kind}"
        return set_by

    compared = getattr(cls, "_compared_plurals", None)

    def compare(doc, v, sites, sides, comparisons, starts):
        old = {s: sides.get(s) for s in sites}
        compared(doc, v, sites, sides, comparisons, starts)
        for s in sites:
            if sides.get(s) != old[s]:
                VIA[_key(doc, v, s)] = "compared-plural"

    # steps that only add sides: each new side is recorded under the step's name
    for name, via, sides_at in (("_header_sides", "header", 5), ("_clause_sides", "clause", 4),
                                ("_place_sides", "place", 4), ("_site_headers", "site-header", 3),
                                ("_bracket_glosses", "bracket", 3)):
        step = getattr(cls, name, None)
        if step is not None:
            setattr(cls, name, staticmethod(_recording_new_sides(step, via, sides_at)))
    if compared is not None:
        cls._compared_plurals = staticmethod(compare)
    if chain_sides is not None:
        cls._chain_sides = chain
    cls._side_before = before
    cls._side_after = after
    cls._carry_sides = carry


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", action="append", default=[], help="print the cases of mechanisms starting with this")
    ap.add_argument("--splits", default="train,dev")
    ap.add_argument("--set", default="tune", choices=("tune", "5a", "7a"),
                    help="the dev cases read: the tune set (default) or one blind dev set alone (with --splits dev)")
    ap.add_argument("--carry", action="append", default=[],
                    help="a carry line (JSON, as in laterality_rules.jsonl) added for this run only")
    ap.add_argument("--by-set", action="store_true",
                    help="split each carry's agreement by annotator group: team, blind 2-3, 5a, 7a")
    ap.add_argument("--blind", action="store_true",
                    help="only the dev cases annotated blind (corpora/reviews/gold_blind_session2.md, _session3.md)")
    args = ap.parse_args()
    _wrap_steps()
    t = tagger.load("/tmp/empty-dir")
    if args.carry:
        step = t.nlp.get_pipe("clinical_attributes").step("laterality")
        step._set(step.rules + [json.loads(line) for line in args.carry])
    groups = {name: blind_dev_ids(name) for name in ("2-3", "5a", "7a")} if args.by_set else {}
    cases = load_cases([Path("corpora")])
    chosen = []
    for split in args.splits.split(","):
        assert split in ("train", "dev")
        picked = select_cases(cases, split)[0]
        if split == "dev":
            allowed = blind_dev_ids(args.set)
            picked = [c for c in picked if c["id"] in allowed]
        chosen += picked
    if args.blind:
        listed = set()
        for name in ("gold_blind_session2.md", "gold_blind_session3.md"):
            text = (ROOT / "corpora" / "reviews" / name).read_text()
            listed |= set(re.findall(r"\b[a-z]+-\d{4}\b", text.split("## Method")[0]))
        chosen = [c for c in chosen if c["id"] in listed]
    stats: dict[str, Counter] = defaultdict(Counter)
    shown = defaultdict(list)
    for case in chosen:
        res = t.tag(case["text"])
        blocks, _ = alignment(res.text, res.cleaning, case["text"])
        gold = {(g["start"], g["end"], g["label"]): g for g in case["entities"]}
        for e in res.entities:
            if e.label not in lat.SITE_LABELS:
                continue
            span = input_span(blocks, res.text, case["text"], e.start, e.end)
            g = gold.get((span[0], span[1], e.label)) if span else None
            if g is None:
                continue
            via = VIA.get((res.text, e.start), "pointer") if e.laterality else "none"
            gside = g.get("laterality")
            ok = gside == e.laterality
            group = ":".join(via.split(":")[:3 if via.startswith("chain:") else 2])
            stats[group]["right" if ok else "wrong"] += 1
            if groups:
                who = next((name for name, ids in groups.items() if case["id"] in ids), "team")
                stats[f"{group} [{who}]"]["right" if ok else "wrong"] += 1
            if any(via.startswith(s) for s in args.show) and (not ok or "all" in args.show):
                a, b = max(0, span[0] - 70), span[1] + 50
                ctx = case["text"][a:span[0]] + "[" + case["text"][span[0]:span[1]] + "]" + case["text"][span[1]:b]
                shown[via].append(f"  {case['id']} {'OK ' if ok else 'BAD'} gold={gside} pred={e.laterality}: "
                                  + ctx.replace("\n", " "))
    for group, c in sorted(stats.items()):
        n = c["right"] + c["wrong"]
        print(f"{group:28s} n={n:4d} agree={c['right'] / n:.2f} wrong={c['wrong']}")
    for via, rows in sorted(shown.items()):
        print(via)
        print("\n".join(rows))


if __name__ == "__main__":
    main()

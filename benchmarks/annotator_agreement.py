"""Inter-annotator agreement on entity spans: corpus gold (annotator A) vs a second annotation (B).

Reads the gold ``entities`` of the cases listed in the second-annotation file from
``corpora/cases/*.jsonl`` and compares them with
``corpora/reviews/iaa_session3/second_annotation.ndjson`` using the project's own entity
scorer (``tagger.evaluation.scoring``: strict = same span and label; lenient = overlapping
span, same label, one-to-one; attributes over strictly matched pairs). A is the reference,
B plays the "prediction"; F1 is symmetric. No tagger is loaded or run.

    .venv/bin/python benchmarks/annotator_agreement.py                   # the table
    .venv/bin/python benchmarks/annotator_agreement.py --disagreements   # plus every disagreement
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tagger.evaluation.cases import FLAGS, LABELS, load_cases  # noqa: E402
from tagger.evaluation.scoring import CaseEval, Mention, score  # noqa: E402

SECOND = ROOT / "corpora" / "reviews" / "iaa_session3" / "second_annotation.ndjson"


def load_pairs(second: Path = SECOND, split: str | None = None) -> list[CaseEval]:
    """Gold (A) against the second reading (B) for each case of ``second``; a test case only when
    ``split`` is "test", and then only test cases (one split per table)."""
    b_cases = [json.loads(line) for line in second.read_text(encoding="utf-8").splitlines() if line.strip()]
    gold = {c["id"]: c for c in load_cases(sorted((ROOT / "corpora" / "cases").glob("*.jsonl")))}
    out = []
    for b in b_cases:
        a = gold[b["id"]]
        if split is None and a.get("split") == "test":
            raise SystemExit(f"{b['id']} is a test case: give --split test to score the test cases apart")
        if split is not None and a.get("split") != split:
            continue
        for ent in b["entities"]:
            assert a["text"][ent["start"]:ent["end"]] == ent["text"], (b["id"], ent)
        out.append(CaseEval(id=b["id"], text=a["text"],
                            gold=[Mention.from_dict(e) for e in a.get("entities") or []],
                            pred=[Mention.from_dict(e) for e in b["entities"]]))
    return out


def _f(x: float | None) -> str:
    return "  -  " if x is None else f"{x:.3f}"


def table(report: dict, n_cases: int) -> str:
    ents = report["entities"]
    lines = [f"Cases: {n_cases}.  A = corpus gold (reference), B = second annotation.", "",
             "| label | A spans | B spans | strict P | strict R | strict F1 | lenient P | lenient R | lenient F1 |",
             "|---|---|---|---|---|---|---|---|---|"]
    for label in (*LABELS, "micro"):
        s, le = ents["strict"][label], ents["lenient"][label]
        lines.append(f"| {label} | {s['support']} | {s['tp'] + s['fp']} | {_f(s['precision'])} | {_f(s['recall'])} | "
                     f"{_f(s['f1'])} | {_f(le['precision'])} | {_f(le['recall'])} | {_f(le['f1'])} |")
    lines.append(f"| macro F1 | | | | | {_f(ents['strict']['macro_f1'])} | | | {_f(ents['lenient']['macro_f1'])} |")
    att = report["attributes"]
    lat = att["laterality"]
    lines += ["", f"Attributes over the {att['pairs']} strictly matched pairs:", "",
              "| attribute | pairs | A true | B true | both | F1 | accuracy |", "|---|---|---|---|---|---|---|",
              f"| laterality (BODY_REGION, STRUCTURE) | {lat['n']} | | | {lat['correct']} | | {_f(lat['accuracy'])} |"]
    for flag in FLAGS:
        a = att[flag]["all"]
        lines.append(f"| {flag} | {a['n']} | {a['tp'] + a['fn']} | {a['tp'] + a['fp']} | {a['tp']} | {_f(a['f1'])} | "
                     f"{_f(a['accuracy'])} |")
    mod = att["modifier"]
    for value in ("relieving", "aggravating"):
        m = mod[value]
        lines.append(f"| modifier {value} | {mod['n']} | {m['tp'] + m['fn']} | {m['tp'] + m['fp']} | {m['tp']} | "
                     f"{_f(m['f1'])} | |")
    m = mod["micro"]
    lines.append(f"| modifier (micro) | {mod['n']} | {m['tp'] + m['fn']} | {m['tp'] + m['fp']} | {m['tp']} | "
                 f"{_f(m['f1'])} | {_f(mod['accuracy'])} |")
    lines += ["", "Laterality confusion (A->B): " + ", ".join(f"{k} {v}" for k, v in lat["confusion"].items()
                                                             if k.split("->")[0] != k.split("->")[1])]
    return "\n".join(lines)


def _attrs(m: Mention) -> str:
    bits = [m.laterality or ""] + [f for f in FLAGS if getattr(m, f)] + [m.modifier or ""]
    return ",".join(b for b in bits if b)


def disagreements(cases: list[CaseEval]) -> str:
    lines = []
    for c in cases:
        for g, p, how in c.pairs:
            if how == "strict":
                diff = [a for a in ("laterality", *FLAGS, "modifier") if getattr(g, a) != getattr(p, a)]
                if diff:
                    lines.append(f"{c.id}\tattr:{'/'.join(diff)}\t{g.text!r} {g.label}\tA[{_attrs(g)}] B[{_attrs(p)}]")
            else:
                lines.append(f"{c.id}\t{how}\tA {g.text!r} {g.label} [{_attrs(g)}]\tB {p.text!r} {p.label} [{_attrs(p)}]")
        for g in c.missed:
            lines.append(f"{c.id}\tonly_A\t{g.text!r} {g.label} [{_attrs(g)}]\t@{g.start}")
        for p in c.spurious:
            lines.append(f"{c.id}\tonly_B\t{p.text!r} {p.label} [{_attrs(p)}]\t@{p.start}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--second", type=Path, default=SECOND)
    parser.add_argument("--disagreements", action="store_true", help="list every span and attribute disagreement")
    parser.add_argument("--split", choices=("train", "dev", "test"),
                        help="score only this split's cases (test cases are scored only when asked, and then "
                             "without --disagreements: nobody tuning rules reads test text)")
    args = parser.parse_args(argv)
    if args.split == "test" and args.disagreements:
        parser.error("--disagreements is not printed for test cases")
    cases = load_pairs(args.second, args.split)
    report = score(cases)
    print(table(report, len(cases)))
    if args.disagreements:
        print()
        print(disagreements(cases))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

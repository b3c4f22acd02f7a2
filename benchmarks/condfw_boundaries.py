"""CONDITION and FOOTWEAR spans by construction: where the rules match the train+dev gold
only leniently or not at all, grouped by the kind of phrase (qualifier + shoe noun, brand +
shoe noun, degree + condition, region + condition noun, ...).

    .venv/bin/python benchmarks/condfw_boundaries.py                 # summary + every miss
    .venv/bin/python benchmarks/condfw_boundaries.py --unannotated out.tsv
        # tag the train notes without gold and write every CONDITION/FOOTWEAR span (to diff
        # two rule versions: run before and after, then ``diff`` the files)

An empty model directory makes ``tagger.load`` build the pipeline from the current rules.
Quotes corpus text from the train and dev splits only.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tagger import load
from tagger.evaluation.cases import case_split, load_cases
from tagger.evaluation.entities import predicted_mentions

LABELS = ("CONDITION", "FOOTWEAR")
SIDE = {"left", "right", "l", "r", "bilateral", "b/l", "both", "lt", "rt"}
DEGREE = {"mild", "moderate", "severe", "grade", "chronic", "acute", "early", "late", "minor", "slight", "major",
          "significant", "excessive", "marked", "partial", "complete", "full", "small", "bad", "recurrent"}
OWN = {"my", "his", "her", "their", "your", "our", "old", "new", "cheap", "favourite", "favorite", "worn", "worn-out",
       "expensive", "nice", "current", "usual", "same", "other", "spare", "comfy", "comfortable"}
COLOUR = {"black", "white", "red", "blue", "pink", "brown", "leather", "suede", "canvas", "rubber", "mesh", "grey", "gray"}
TYPE = {"running", "trail", "work", "safety", "stability", "neutral", "walking", "hiking", "racing", "minimalist",
        "cushioned", "supportive", "steel", "court", "tennis", "football", "dress", "custom", "orthopaedic", "orthopedic",
        "zero-drop", "barefoot", "motion", "control", "flat", "high", "carbon", "plated", "rocker", "ski", "climbing"}
COND_HEADS = {"strain", "sprain", "tear", "rupture", "irritation", "overload", "impingement", "syndrome", "dysfunction",
              "instability", "reaction", "fracture", "tendinopathy", "bursitis", "tendinitis", "tendonitis", "injury",
              "pain", "fx", "lesion", "contusion", "bruise", "sprained", "strained", "torn", "drop", "tilt", "collapse"}


def construction(words: list[str], label: str) -> str:
    """A coarse name for the shape of a phrase."""
    lw = [w.lower() for w in words]
    first = lw[0] if lw else ""
    if label == "FOOTWEAR":
        if "pair" in lw:
            return "a pair of"
        if any(w.endswith("'s") for w in lw):
            return "possessive"
        if first in OWN:
            return "evaluative/ownership qualifier"
        if first in COLOUR:
            return "material/colour"
        if first in TYPE:
            return "type qualifier + shoe noun"
        if len(lw) > 1 and words[0][:1].isupper():
            return "brand/model + shoe noun"
        if len(lw) > 1:
            return "other multiword"
        return "single word"
    if any(w in SIDE for w in lw):
        return "side word inside"
    if first in DEGREE or re.fullmatch(r"grade|\d", first):
        return "degree + condition"
    if lw and lw[-1] in COND_HEADS and len(lw) > 1:
        return "X + condition noun (" + lw[-1] + ")"
    if any(w in {"syndrome", "dysfunction"} for w in lw):
        return "... syndrome/dysfunction"
    if len(lw) == 1 and (words[0].isupper() or (re.fullmatch(r"[A-Za-z]{2,5}s?", words[0]) and words[0][:2].isupper())):
        return "abbreviation"
    if len(lw) > 1:
        return "other multiword"
    return "single word"


def analyse(cases, tagger) -> None:
    counts: dict[str, Counter] = defaultdict(Counter)
    rows: dict[str, list[str]] = defaultdict(list)
    chosen = [c for c in cases if case_split(c)[0] in ("train", "dev") and c.get("entities") is not None]
    outputs = tagger.tag_many((c["text"] for c in chosen), batch_size=32)
    for case, out in zip(chosen, outputs, strict=True):
        pred, *_ = predicted_mentions(out, case["text"])
        text = case["text"]
        for g in case["entities"]:
            if g["label"] not in LABELS:
                continue
            same = [p for p in pred if p.label == g["label"] and p.start == g["start"] and p.end == g["end"]]
            over = [p for p in pred if p.start < g["end"] and g["start"] < p.end]
            kind = construction(g["text"].split(), g["label"])
            key = f"{g['label']:9} {kind}"
            if same:
                counts[key]["strict"] += 1
                continue
            lab = [p for p in over if p.label == g["label"]]
            status = "lenient" if lab else ("wrong-label" if over else "missed")
            counts[key][status] += 1
            got = "; ".join(f"{p.label}:{text[p.start:p.end]!r}" for p in over) or "-"
            ctx = text[max(0, g["start"] - 40):g["end"] + 40].replace("\n", " ")
            rows[key].append(f"  {status:11} {case['id']:14} gold {g['text']!r:32} pred {got:40} | {ctx}")
        # predictions overlapping no gold of the same label (precision side)
        for p in pred:
            if p.label not in LABELS:
                continue
            if not any(g["label"] == p.label and g["start"] < p.end and p.start < g["end"] for g in case["entities"]):
                kind = construction(text[p.start:p.end].split(), p.label)
                key = f"{p.label:9} {kind}"
                counts[key]["spurious"] += 1
                ctx = text[max(0, p.start - 40):p.end + 40].replace("\n", " ")
                rows[key].append(f"  {'spurious':11} {case['id']:14} pred {text[p.start:p.end]!r:32} | {ctx}")
    print(f"{'construction':48} strict lenient wrong-label missed spurious")
    for key in sorted(counts):
        c = counts[key]
        print(f"{key:48} {c['strict']:6} {c['lenient']:7} {c['wrong-label']:11} {c['missed']:6} {c['spurious']:8}")
    for key in sorted(rows):
        print(f"\n{key}")
        print("\n".join(rows[key]))


def unannotated(cases, tagger, out: Path) -> None:
    chosen = [c for c in cases if case_split(c)[0] == "train" and c.get("entities") is None]
    lines = []
    for case, res in zip(chosen, tagger.tag_many((c["text"] for c in chosen), batch_size=32), strict=True):
        for e in res.entities:
            if e.label in LABELS:
                ctx = res.text[max(0, e.start - 50):e.end + 50].replace("\n", " ").replace("\t", " ")
                lines.append(f"{case['id']}\t{e.start}\t{e.label}\t{e.text}\t{e.concept}\t{ctx}")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(chosen)} notes, {len(lines)} CONDITION/FOOTWEAR spans -> {out}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default="corpora/cases")
    ap.add_argument("--unannotated", type=Path, help="write the spans found in train notes without gold here")
    args = ap.parse_args()
    cases = load_cases([args.corpus])
    with tempfile.TemporaryDirectory() as empty:
        tagger = load(empty)
        if args.unannotated:
            unannotated(cases, tagger, args.unannotated)
        else:
            analyse(cases, tagger)


if __name__ == "__main__":
    main()

"""FOOTWEAR spans of unannotated train and dev notes, before and after a rule change.

Tag every train or dev case that has no ``entities`` (blind-round ids excluded: they all carry
gold, and the clean checks must not be read) and save each FOOTWEAR span (``--save
before.json``); after changing the rules, run again with ``--compare before.json`` to print
every span that is new, gone or cut differently, with its sentence, for reading against
the convention (GUIDELINES 4: the footwear head with the type-naming words before it).

    .venv/bin/python benchmarks/footwear_spans.py --save /tmp/fw_before.json
    .venv/bin/python benchmarks/footwear_spans.py --compare /tmp/fw_before.json

An empty model directory makes ``tagger.load`` build the pipeline from the current rules.
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

LABEL = "FOOTWEAR"


def blind_ids() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "corpora" / "reviews").glob("gold_blind_session*_ids.txt"):
        found |= {line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}
    return found


def tag_unannotated(model: str) -> dict[str, dict]:
    """``case|start|end`` -> the span's text, concept and sentence, for every FOOTWEAR span."""
    t = tagger.load(model)
    skip = blind_ids()
    cases = [c for c in load_cases([ROOT / "corpora"])
             if not isinstance(c.get("entities"), list) and case_split(c)[0] in ("train", "dev") and c["id"] not in skip]
    out: dict[str, dict] = {}
    for case, res in zip(cases, t.tag_many((c["text"] for c in cases), batch_size=32), strict=True):
        sents = [(s.start, s.end) for s in res.sentences]
        for e in res.entities:
            sent = next((res.text[a:b] for a, b in sents if a <= e.start < b), "")
            key = f"{case['id']}|{e.start}|{e.end}" + ("" if e.label == LABEL else f"|{e.label}")
            out[key] = {"text": e.text, "concept": e.concept, "sentence": " ".join(sent.split())}
    return out


def compare(before: dict[str, dict], now: dict[str, dict]) -> int:
    """Print every FOOTWEAR span that differs, pairing a new span with the old one it
    overlaps, and every entity of another label that is gone or new."""
    others = sorted(set(before) ^ set(now))
    others = [k for k in others if k.count("|") == 3]
    old_others, new_others = {k: before[k] for k in others if k in before}, {k: now[k] for k in others if k in now}
    before = {k: v for k, v in before.items() if k.count("|") == 2}
    now = {k: v for k, v in now.items() if k.count("|") == 2}

    def parts(key: str) -> tuple[str, int, int]:
        case, start, end = key.split("|")
        return case, int(start), int(end)

    old_by_case: dict[str, list[tuple[int, int, str]]] = {}
    for key in before:
        case, s, e = parts(key)
        old_by_case.setdefault(case, []).append((s, e, key))
    seen_old: set[str] = set()
    rows = []
    for key, ent in sorted(now.items(), key=lambda kv: parts(kv[0])):
        case, s, e = parts(key)
        old = before.get(key)
        if old is not None:
            seen_old.add(key)
            if old["concept"] != ent["concept"]:
                rows.append(f"{case} concept [{ent['text']}] {old['concept']} -> {ent['concept']}\n    {ent['sentence']}")
            continue
        over = [k for a, b, k in old_by_case.get(case, []) if a < e and s < b]
        seen_old.update(over)
        was = ", ".join(f"[{before[k]['text']}]" for k in over) or "-"
        rows.append(f"{case} {was} -> [{ent['text']}] ({ent['concept']})\n    {ent['sentence']}")
    for key, old in before.items():
        if key not in seen_old:
            rows.append(f"{parts(key)[0]} [{old['text']}] -> -\n    {old['sentence']}")
    print("\n".join(rows))
    print(f"{len(rows)} FOOTWEAR spans changed ({len(before)} before, {len(now)} now)")
    for key in others:
        print(f"other label {'gone' if key in old_others else 'new'}: {key} [{(old_others.get(key) or new_others[key])['text']}]")
    return len(rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--save")
    ap.add_argument("--compare")
    ap.add_argument("--model", default="/tmp/empty-dir")
    args = ap.parse_args()
    Path(args.model).mkdir(parents=True, exist_ok=True)
    now = tag_unannotated(args.model)
    if args.save:
        Path(args.save).write_text(json.dumps(now), encoding="utf-8")
        print(f"{sum(k.count('|') == 2 for k in now)} FOOTWEAR spans saved ({len(now)} entities)")
    if args.compare:
        compare(json.loads(Path(args.compare).read_text(encoding="utf-8")), now)


if __name__ == "__main__":
    main()

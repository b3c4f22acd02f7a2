"""Turn a blind annotator's entries file into gold entities, and check or write them.

One tool for every blind annotation round (sessions 5 and 7 so far): the annotator lists
spans in a plain text file without ever running the tagger, and this script places them in
the case texts.

Entries format: ``# <case id>`` starts a case; each following line is
``surface | LABEL | attrs`` where LABEL is BR/ST/CO/SY/AC/FW and attrs are space-separated
from R L B (laterality), neg his hyp oth (flags), rel agg (modifier), skip=N (skip N
word-bounded occurrences), nb (no word-boundary check: "1st web space" in "L1st web space")
and q (the span sits in a quoted ``>`` line: placed and checked, then left out unless
``--include-quoted``; session 5 left quotes out, session 7 annotates a quote only when it is
the only copy of its text and needs no ``q``). A span whose surface starts with ``#`` (the
fracture sign in "R wrist # 2011") is written with a backslash first, since a bare ``#``
starts a case. Each span is the next occurrence of ``surface`` after the previous span's end,
and is checked against the case text. Only case texts are read, never any entities.

    python corpora/reviews/blind_entries.py ENTRIES --ids IDS_FILE --half a|b|all --split train|dev|test --check
    python corpora/reviews/blind_entries.py ENTRIES --ids IDS_FILE --half a|b|all --split train|dev|test --write
    python corpora/reviews/blind_entries.py ENTRIES --ids IDS_FILE --half a|b|all --split train|dev|test --show

``--check`` verifies that the corpus holds exactly these entities for the round's cases (the
record of what was written); ``--show`` places every span and prints it in its context (what an
annotator checks before the lead writes); ``--write`` appends ``"entities"`` to those case lines, refusing
any case that has them already, and changes nothing else in any line.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

CASES = Path(__file__).resolve().parents[1] / "cases"
LABELS = {"BR": "BODY_REGION", "ST": "STRUCTURE", "CO": "CONDITION", "SY": "SYMPTOM", "AC": "ACTIVITY", "FW": "FOOTWEAR"}
SIDES = {"R": "right", "L": "left", "B": "bilateral"}
FLAGS = {"neg": "negated", "his": "historical", "hyp": "hypothetical", "oth": "other_subject"}
MODS = {"rel": "relieving", "agg": "aggravating"}
KEYS = ("start", "end", "text", "label", "laterality", "negated", "historical", "hypothetical", "other_subject", "modifier")


def round_ids(ids_file: Path, half: str) -> list[str]:
    """The annotator's cases: the first (a) or last (b) 20 ids of the round's ids file, or all of them
    (a dev or test round of more than 20 cases read by one annotator)."""
    ids = [line.strip() for line in ids_file.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {"a": ids[:20], "b": ids[20:40], "all": ids}[half]


def case_lines() -> list[tuple[Path, list[str]]]:
    return [(path, path.read_text(encoding="utf-8").split("\n")) for path in sorted(CASES.glob("*.jsonl"))]


def bounded_find(text: str, surface: str, pos: int, check: bool = True) -> int:
    while True:
        i = text.find(surface, pos)
        if i < 0 or not check:
            return i
        before = text[i - 1] if i > 0 else " "
        after = text[i + len(surface)] if i + len(surface) < len(text) else " "
        if not (before.isalnum() and surface[0].isalnum()) and not (after.isalnum() and surface[-1].isalnum()):
            return i
        pos = i + 1


def _quoted(text: str, i: int) -> bool:
    return text[text.rfind("\n", 0, i) + 1 : i].lstrip().startswith(">")


def build(entries: Path, texts: dict[str, str], allowed: set[str], include_quoted: bool = False) -> dict[str, list[dict]]:
    """Place every listed span in its case text; stop with the entries line at the first problem."""
    cases: dict[str, list[dict]] = {}
    case_id, pos = None, 0
    for n, raw in enumerate(entries.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        where = f"{entries.name}:{n}"
        if not line:
            continue
        if line.startswith("#"):
            case_id, pos = line[1:].strip(), 0
            if case_id not in allowed or case_id in cases:
                raise SystemExit(f"{where}: {case_id} is not one of this half's cases, or is listed twice")
            cases[case_id] = []
            continue
        if case_id is None:
            raise SystemExit(f"{where}: a span before the first '# <case id>'")
        if line.startswith("\\#"):
            line = line[1:]
        surface, label, *rest = [part.strip() for part in line.split("|")]
        attrs = rest[0].split() if rest else []
        unknown = [a for a in attrs if a not in SIDES and a not in FLAGS and a not in MODS and a not in ("q", "nb") and not a.startswith("skip=")]
        if unknown or label not in LABELS:
            raise SystemExit(f"{where}: unknown label {label!r} or attributes {unknown}")
        text, check = texts[case_id], "nb" not in attrs
        start = bounded_find(text, surface, pos, check)
        for _ in range(next((int(a[5:]) for a in attrs if a.startswith("skip=")), 0)):
            start = bounded_find(text, surface, start + 1, check)
        if start < 0:
            raise SystemExit(f"{where}: {surface!r} not found in {case_id} after offset {pos}")
        quoted = _quoted(text, start)
        if "q" in attrs and not quoted:
            raise SystemExit(f"{where}: {surface!r} is marked q but its line is not quoted")
        pos = start + len(surface)
        if "q" in attrs and not include_quoted:
            continue
        ent = {
            "start": start, "end": pos, "text": surface, "label": LABELS[label],
            "laterality": next((SIDES[a] for a in attrs if a in SIDES), None),
            **{name: short in attrs for short, name in FLAGS.items()},
            "modifier": next((MODS[a] for a in attrs if a in MODS), None),
        }
        if ent["laterality"] and ent["label"] not in ("BODY_REGION", "STRUCTURE"):
            raise SystemExit(f"{where}: laterality on {ent['label']}")
        cases[case_id].append({k: ent[k] for k in KEYS})
    if set(cases) != allowed:
        raise SystemExit(f"{entries.name}: cases missing {sorted(allowed - set(cases))}")
    return cases


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("entries", type=Path)
    ap.add_argument("--ids", type=Path, required=True, help="the round's ids file (40 ids: annotator a's 20, then b's)")
    ap.add_argument("--half", choices=("a", "b", "all"), required=True)
    ap.add_argument("--split", choices=("train", "dev", "test"), required=True)
    ap.add_argument("--include-quoted", action="store_true")
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--check", action="store_true")
    mode.add_argument("--write", action="store_true")
    mode.add_argument("--show", action="store_true", help="place every span and print it in its context; write nothing")
    args = ap.parse_args(argv)
    allowed = set(round_ids(args.ids, args.half))
    files = case_lines()
    found = {json.loads(line)["id"]: json.loads(line) for _, lines in files for line in lines if line.strip()}
    for cid in allowed:
        if found[cid]["split"] != args.split:
            raise SystemExit(f"{cid} is in split {found[cid]['split']}, not {args.split}")
    built = build(args.entries, {cid: found[cid]["text"] for cid in allowed}, allowed, args.include_quoted)
    if args.show:
        for cid in sorted(built):
            text = found[cid]["text"]
            print(f"# {cid}")
            for e in built[cid]:
                flags = " ".join(k for k in ("negated", "historical", "hypothetical", "other_subject") if e[k])
                attrs = " ".join(str(a) for a in (e["laterality"], flags, e["modifier"]) if a)
                context = text[max(0, e["start"] - 30) : e["start"]] + "[" + e["text"] + "]" + text[e["end"] : e["end"] + 30]
                print(f"  {e['label']:<11} {attrs:<28} {context!r}")
    elif args.check:
        differ = sorted(cid for cid in allowed if found[cid].get("entities") != built[cid])
        if differ:
            raise SystemExit(f"the corpus differs from {args.entries} for {differ}")
    else:
        for path, lines in files:
            changed = False
            for k, line in enumerate(lines):
                if not line.strip() or (case := json.loads(line))["id"] not in allowed:
                    continue
                if "entities" in case:
                    raise SystemExit(f"{case['id']} already has entities: refused")
                lines[k] = line[:-1] + ', "entities": ' + json.dumps(built[case["id"]], ensure_ascii=False) + "}"
                back = json.loads(lines[k])
                assert back.pop("entities") == built[case["id"]] and back == case
                changed = True
            if changed:
                path.write_text("\n".join(lines), encoding="utf-8")
    outcome = "placed" if args.show else "match the corpus" if args.check else "written"
    print(f"{len(built)} cases, {sum(len(e) for e in built.values())} spans: {outcome}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

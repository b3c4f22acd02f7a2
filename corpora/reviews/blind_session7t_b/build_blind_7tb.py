"""Write blind gold entities (session 7, annotator tb) into the corpus case lines.

Adapted from corpora/reviews/blind_session5_a/build_blind_a.py for the test half "tb": it reads
only the last 20 ids (lines 21-40) of corpora/reviews/gold_blind_session7_test_ids.txt, which are
test cases, and refuses any other id and any case that already has an ``entities`` field.
Quoted ``>`` lines are annotated only when they are the only copy of their text in the case
(GUIDELINES session-6 clarification), so every listed span is written and there is no ``q`` flag.


entries.txt: ``# <case id>`` starts a case; each following line is ``surface | LABEL | attrs``
where LABEL is BR/ST/CO/SY/AC/FW and attrs are space-separated from R L B (laterality),
neg his hyp oth (flags), rel agg (modifier), skip=N (skip N word-bounded occurrences). Each span is the next word-bounded
occurrence of ``surface`` after the previous span's end (str.find), and is checked against
the case text. Only the case text is read, never any entities.

Run from the repository root:
  .venv/bin/python corpora/reviews/blind_session7t_b/build_blind_7tb.py [--dry-run]
The case lines get ``, "entities": [...]`` appended before their closing brace; nothing
else in any line changes (checked).
"""

from __future__ import annotations

import glob
import json
import sys
from pathlib import Path

HERE = Path(__file__).parent
LABELS = {"BR": "BODY_REGION", "ST": "STRUCTURE", "CO": "CONDITION", "SY": "SYMPTOM", "AC": "ACTIVITY", "FW": "FOOTWEAR"}
SIDES = {"R": "right", "L": "left", "B": "bilateral"}
FLAGS = {"neg": "negated", "his": "historical", "hyp": "hypothetical", "oth": "other_subject"}
MODS = {"rel": "relieving", "agg": "aggravating"}
KEYS = ("start", "end", "text", "label", "laterality", "negated", "historical", "hypothetical", "other_subject", "modifier")


IDS_FILE = Path("corpora/reviews/gold_blind_session7_test_ids.txt")


def my_ids() -> list[str]:
    ids = [l.strip() for l in IDS_FILE.read_text(encoding="utf-8").splitlines() if l.strip()]
    assert len(ids) == 40, len(ids)
    return ids[20:40]


def texts() -> dict[str, str]:
    mine = set(my_ids())
    out = {}
    for path in sorted(glob.glob("corpora/cases/*.jsonl")):
        for line in open(path, encoding="utf-8"):
            if not line.strip():
                continue
            case = json.loads(line)
            if case["id"] not in mine:
                continue
            assert case["split"] == "test", case["id"]
            if "entities" in case:
                raise SystemExit(f"{case['id']} already has entities: refusing")
            out[case["id"]] = case["text"]
    assert set(out) == mine, mine - set(out)
    return out


def bounded_find(text: str, surface: str, pos: int) -> int:
    while True:
        i = text.find(surface, pos)
        if i < 0:
            return -1
        before = text[i - 1] if i > 0 else " "
        after = text[i + len(surface)] if i + len(surface) < len(text) else " "
        if not (before.isalnum() and surface[0].isalnum()) and not (after.isalnum() and surface[-1].isalnum()):
            return i
        pos = i + 1


def line_of(text: str, i: int) -> str:
    s = text.rfind("\n", 0, i) + 1
    e = text.find("\n", i)
    return text[s: e if e >= 0 else len(text)]


def build(entries_path: Path = HERE / "entries.txt") -> dict[str, list[dict]]:
    all_texts = texts()
    cases: dict[str, list[dict]] = {}
    case_id = None
    pos = 0
    for n, raw in enumerate(entries_path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            case_id = line[1:].strip()
            if case_id not in all_texts:
                raise SystemExit(f"entries.txt:{n}: {case_id} is not one of this half's 20 ids")
            assert case_id not in cases, case_id
            cases[case_id] = []
            pos = 0
            continue
        surface, label, *rest = [part.strip() for part in line.split("|")]
        attrs = rest[0].split() if rest else []
        unknown = [a for a in attrs if a not in SIDES and a not in FLAGS and a not in MODS and not a.startswith("skip=")]
        if unknown:
            raise SystemExit(f"entries.txt:{n}: unknown attribute {unknown}")
        text = all_texts[case_id]
        skip = next((int(a[5:]) for a in attrs if a.startswith("skip=")), 0)
        start = bounded_find(text, surface, pos)
        for _ in range(skip):
            start = bounded_find(text, surface, start + 1)
        if start < 0:
            raise SystemExit(f"entries.txt:{n}: {surface!r} not found in {case_id} after {pos}")
        end = start + len(surface)
        assert text[start:end] == surface
        assert start >= pos, (case_id, surface)
        pos = end
        ent = {
            "start": start, "end": end, "text": text[start:end], "label": LABELS[label],
            "laterality": next((SIDES[a] for a in attrs if a in SIDES), None),
            **{name: a_name in attrs for a_name, name in FLAGS.items()},
            "modifier": next((MODS[a] for a in attrs if a in MODS), None),
        }
        if ent["laterality"] and ent["label"] not in ("BODY_REGION", "STRUCTURE"):
            raise SystemExit(f"entries.txt:{n}: laterality on {ent['label']}")
        cases[case_id].append({k: ent[k] for k in KEYS})
    return cases


def write(built: dict[str, list[dict]], dry_run: bool) -> None:
    done = set()
    for path in sorted(glob.glob("corpora/cases/*.jsonl")):
        lines = open(path, encoding="utf-8").read().split("\n")
        changed = False
        for k, line in enumerate(lines):
            if not line.strip():
                continue
            case = json.loads(line)
            if case["id"] not in built:
                continue
            assert case["split"] == "test", case["id"]
            if "entities" in case:
                raise SystemExit(f"{case['id']} already has entities: refusing")
            assert line.endswith("}")
            new = line[:-1] + ', "entities": ' + json.dumps(built[case["id"]], ensure_ascii=False) + "}"
            back = json.loads(new)
            ents = back.pop("entities")
            assert back == case and ents == built[case["id"]]
            lines[k] = new
            done.add(case["id"])
            changed = True
        if changed and not dry_run:
            open(path, "w", encoding="utf-8").write("\n".join(lines))
    missing = set(built) - done
    assert not missing, missing


if __name__ == "__main__":
    built = build()
    missing_cases = set(my_ids()) - set(built)
    if missing_cases:
        print("not annotated:", sorted(missing_cases))
    write(built, "--dry-run" in sys.argv)
    for cid, ents in built.items():
        print(f"{cid}: {len(ents)} spans")
    print(f"{len(built)} cases, {sum(len(e) for e in built.values())} spans")

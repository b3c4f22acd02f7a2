"""Build second_annotation.ndjson from entries.txt (annotator B, blind to gold A and to the tagger).

entries.txt: ``# <case id>`` starts a case; each following line is
``surface | LABEL | attrs`` where LABEL is BR/ST/CO/SY/AC/FW and attrs are space-separated
from R L B (laterality), neg his hyp oth (flags), rel agg (modifier), skip=N (skip N
word-bounded occurrences). Each span is the next word-bounded occurrence of ``surface``
after the previous span's end (str.find), and is checked against the case text.
Run from the repository root: .venv/bin/python corpora/reviews/iaa_session3/build_second_annotation.py
"""

from __future__ import annotations

import glob
import json
from pathlib import Path

HERE = Path(__file__).parent
LABELS = {"BR": "BODY_REGION", "ST": "STRUCTURE", "CO": "CONDITION", "SY": "SYMPTOM", "AC": "ACTIVITY", "FW": "FOOTWEAR"}
SIDES = {"R": "right", "L": "left", "B": "bilateral"}
FLAGS = {"neg": "negated", "his": "historical", "hyp": "hypothetical", "oth": "other_subject"}
MODS = {"rel": "relieving", "agg": "aggravating"}


def texts() -> dict[str, str]:
    out = {}
    for path in sorted(glob.glob("corpora/cases/*.jsonl")):
        for line in open(path, encoding="utf-8"):
            case = json.loads(line)
            out[case["id"]] = case["text"]  # only the text is read: never the gold entities
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


def build(entries_path: Path = HERE / "entries.txt") -> list[dict]:
    all_texts = texts()
    cases: list[dict] = []
    case_id = None
    pos = 0
    for n, raw in enumerate(entries_path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            case_id = line[1:].strip()
            cases.append({"id": case_id, "entities": []})
            pos = 0
            continue
        surface, label, *rest = [part.strip() for part in line.split("|")]
        attrs = rest[0].split() if rest else []
        text = all_texts[case_id]
        skip = next((int(a[5:]) for a in attrs if a.startswith("skip=")), 0)
        start = bounded_find(text, surface, pos)
        for _ in range(skip):
            start = bounded_find(text, surface, start + 1)
        if start < 0:
            raise SystemExit(f"entries.txt:{n}: {surface!r} not found in {case_id} after {pos}")
        end = start + len(surface)
        ent = {
            "start": start, "end": end, "text": text[start:end], "label": LABELS[label],
            "laterality": next((SIDES[a] for a in attrs if a in SIDES), None),
            **{name: a_name in attrs for a_name, name in FLAGS.items()},
            "modifier": next((MODS[a] for a in attrs if a in MODS), None),
        }
        ent = {k: ent[k] for k in ("start", "end", "text", "label", "laterality", "negated", "historical",
                                   "hypothetical", "other_subject", "modifier")}
        assert ent["text"] == text[start:end] == surface
        assert start >= pos, (case_id, surface)
        unknown = [a for a in attrs if a not in SIDES and a not in FLAGS and a not in MODS and not a.startswith("skip=")]
        if unknown:
            raise SystemExit(f"entries.txt:{n}: unknown attribute {unknown}")
        cases[-1]["entities"].append(ent)
        pos = end
    return cases


if __name__ == "__main__":
    built = build()
    with open(HERE / "second_annotation.ndjson", "w", encoding="utf-8") as fh:
        for case in built:
            fh.write(json.dumps(case, ensure_ascii=False) + "\n")
    print(f"{len(built)} cases, {sum(len(c['entities']) for c in built)} spans")

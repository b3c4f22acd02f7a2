"""Write the session-5 blind gold (annotator b) from entries.txt into the corpus case lines.

entries.txt: ``# <case id>`` (a line starting with "# " and holding no "|") starts a case; each
following line is ``surface | LABEL | attrs`` where LABEL is BR/ST/CO/SY/AC/FW and attrs are
space-separated from R L B (laterality), neg his hyp oth (flags), rel agg (modifier), skip=N
(skip N word-bounded occurrences). Each span is the next word-bounded occurrence of ``surface``
after the previous span's end (str.find, case-sensitive), checked against the case text.
Only the ``entities`` field is added, appended before the closing brace of the case line;
every other byte of every line is left as it was. Refuses to touch a case that already
has ``entities`` or is not in the dev split.
Run from the repository root: .venv/bin/python corpora/reviews/blind_session5_b/build_entities.py [--write]
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


def parse(entries_path: Path) -> list[tuple[str, list[tuple[int, str, str, list[str]]]]]:
    cases: list = []
    for n, raw in enumerate(entries_path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("# ") and "|" not in line:
            cases.append((line[2:].strip(), []))
            continue
        surface, label, *rest = [part.strip() for part in line.split("|")]
        cases[-1][1].append((n, surface, label, rest[0].split() if rest else []))
    return cases


def build(text: str, case_id: str, entries) -> list[dict]:
    out, pos = [], 0
    for n, surface, label, attrs in entries:
        unknown = [a for a in attrs if a not in SIDES and a not in FLAGS and a not in MODS and not a.startswith("skip=")]
        if unknown or label not in LABELS:
            raise SystemExit(f"entries.txt:{n}: unknown attribute or label {unknown or label}")
        skip = next((int(a[5:]) for a in attrs if a.startswith("skip=")), 0)
        start = bounded_find(text, surface, pos)
        for _ in range(skip):
            start = bounded_find(text, surface, start + 1)
        if start < 0:
            raise SystemExit(f"entries.txt:{n}: {surface!r} not found in {case_id} after {pos}")
        end = start + len(surface)
        assert text[start:end] == surface and start >= pos
        ent = {"start": start, "end": end, "text": text[start:end], "label": LABELS[label],
               "laterality": next((SIDES[a] for a in attrs if a in SIDES), None),
               **{name: short in attrs for short, name in FLAGS.items()},
               "modifier": next((MODS[a] for a in attrs if a in MODS), None)}
        if ent["laterality"] and ent["label"] not in ("BODY_REGION", "STRUCTURE"):
            raise SystemExit(f"entries.txt:{n}: side on {ent['label']}")
        out.append({k: ent[k] for k in KEYS})
        pos = end
    return out


def main(write: bool) -> None:
    wanted = dict(parse(HERE / "entries.txt"))
    done: set[str] = set()
    for path in sorted(glob.glob("corpora/cases/*.jsonl")):
        lines = Path(path).read_text(encoding="utf-8").split("\n")
        changed = False
        for i, line in enumerate(lines):
            if not line.strip():
                continue
            case = json.loads(line)
            if case["id"] not in wanted:
                continue
            if "entities" in case or case["split"] != "dev":
                raise SystemExit(f"{case['id']}: already annotated or not dev")
            ents = build(case["text"], case["id"], wanted[case["id"]])
            assert line.endswith("}")
            new = line[:-1] + ', "entities": ' + json.dumps(ents, ensure_ascii=False) + "}"
            check = json.loads(new)
            assert {k: v for k, v in check.items() if k != "entities"} == case and check["entities"] == ents
            lines[i] = new
            changed = True
            done.add(case["id"])
            print(f"{case['id']}: {len(ents)} spans")
        if changed and write:
            Path(path).write_text("\n".join(lines), encoding="utf-8")
    missing = set(wanted) - done
    if missing:
        raise SystemExit(f"not found: {sorted(missing)}")
    print(f"{len(done)} cases, {sum(len(v) for v in wanted.values())} spans{' written' if write else ' (dry run)'}")


if __name__ == "__main__":
    main("--write" in sys.argv)

"""Write the 30 dev cases annotated blind to the tagger (corpora/reviews/gold_blind_session2.md and
gold_blind_session3.md, "Dev (15, in hash order)") to one JSONL file, so ``evaluate-entities`` can
report them apart: the closest thing the dev split has to text by outside writers.

    .venv/bin/python benchmarks/blind_dev_cases.py /tmp/blind
    .venv/bin/python -m tagger evaluate-entities /tmp/blind --split dev --model /tmp/empty-dir
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
REVIEWS = [REPO / "corpora" / "reviews" / f"gold_blind_session{n}.md" for n in (2, 3)]


def blind_dev_ids() -> set[str]:
    found: set[str] = set()
    for review in REVIEWS:
        match = re.search(r"Dev \(15, in hash order\):(.*?)\.\n", review.read_text(encoding="utf-8"), re.S)
        if match is None:
            raise SystemExit(f"{review.name}: no 'Dev (15, in hash order):' list")
        found |= {x.strip() for x in match.group(1).replace("\n", " ").split(",")}
    return found


def main(out_dir: str) -> int:
    wanted = blind_dev_ids()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    kept = []
    for path in sorted((REPO / "corpora" / "cases").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and json.loads(line)["id"] in wanted:
                kept.append(line)
    (out / "blind_dev.jsonl").write_text("\n".join(kept) + "\n", encoding="utf-8")
    print(f"{len(kept)} of {len(wanted)} blind dev cases written to {out / 'blind_dev.jsonl'}")
    return 0 if len(kept) == len(wanted) else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/blind"))

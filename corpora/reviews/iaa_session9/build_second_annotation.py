"""Build second_annotation.ndjson from entries.txt: a second blind annotator's reading of the
20 round-9 dev cases (``gold_blind_session9_ids.txt``), whose first reading is their corpus gold.

The spans are placed exactly as ``blind_entries.py --write`` placed the first annotator's (the same
``build``), so the two readings differ only by the annotators. Then:

    .venv/bin/python corpora/reviews/iaa_session9/build_second_annotation.py
    .venv/bin/python benchmarks/annotator_agreement.py --second corpora/reviews/iaa_session9/second_annotation.ndjson
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
REVIEWS = HERE.parent
_spec = importlib.util.spec_from_file_location("blind_entries", REVIEWS / "blind_entries.py")
blind_entries = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(blind_entries)


def main() -> None:
    ids = blind_entries.round_ids(REVIEWS / "gold_blind_session9_ids.txt", "a")
    texts = {}
    for _, lines in blind_entries.case_lines():
        for line in lines:
            if line.strip() and (case := json.loads(line))["id"] in ids:
                texts[case["id"]] = case["text"]  # only the text: never the first reading
    built = blind_entries.build(HERE / "entries.txt", texts, set(ids))
    out = HERE / "second_annotation.ndjson"
    out.write_text("".join(json.dumps({"id": i, "entities": built[i]}, ensure_ascii=False) + "\n" for i in ids),
                   encoding="utf-8")
    print(f"{len(ids)} cases, {sum(map(len, built.values()))} spans written to {out}")


if __name__ == "__main__":
    main()

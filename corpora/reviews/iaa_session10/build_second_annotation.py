"""Build second_annotation.ndjson from dev/entries.txt and test/entries.txt: a second blind
annotator's reading of session 10's 15 dev and 15 test cases (``gold_blind_session10_ids.txt``,
``gold_blind_session10_test_ids.txt``), whose first reading is their corpus gold. Each half was
read by a different second annotator, and neither saw the first readings or the tagger.

The spans are placed exactly as ``blind_entries.py --write`` placed the first annotators' (the
same ``build``), so the two readings differ only by the annotators. Then:

    .venv/bin/python corpora/reviews/iaa_session10/build_second_annotation.py
    .venv/bin/python benchmarks/annotator_agreement.py --second corpora/reviews/iaa_session10/second_annotation.ndjson
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
HALVES = {"dev": "gold_blind_session10_ids.txt", "test": "gold_blind_session10_test_ids.txt"}


def main() -> None:
    texts = {}
    for _, lines in blind_entries.case_lines():
        for line in lines:
            if line.strip():
                case = json.loads(line)
                texts[case["id"]] = case["text"]  # only the text: never the first reading
    rows = []
    for half, ids_file in HALVES.items():
        ids = blind_entries.round_ids(REVIEWS / ids_file, "a")
        built = blind_entries.build(HERE / half / "entries.txt", {i: texts[i] for i in ids}, set(ids))
        rows += [{"id": i, "entities": built[i]} for i in ids]
    out = HERE / "second_annotation.ndjson"
    out.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    print(f"{len(rows)} cases, {sum(len(row['entities']) for row in rows)} spans written to {out}")


if __name__ == "__main__":
    main()

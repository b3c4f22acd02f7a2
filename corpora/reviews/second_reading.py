"""Build a second blind annotator's reading of cases that already have gold (the first reading),
for an agreement measure: ``second_annotation.ndjson`` beside the entries files.

The spans are placed exactly as ``blind_entries.py --write`` placed the first annotators' (the
same ``build``), so the two readings differ only by the annotators; only case texts are read,
never the first reading. One ``--part ENTRIES IDS_FILE`` per annotator (every id of the ids file, as
``blind_entries.round_ids(..., "all")`` gives them; the dev and test rounds read twice have one
annotator per file):

    .venv/bin/python corpora/reviews/second_reading.py --out corpora/reviews/iaa_session9/second_annotation.ndjson \\
        --part corpora/reviews/iaa_session9/entries.txt corpora/reviews/gold_blind_session9_ids.txt
    .venv/bin/python corpora/reviews/second_reading.py --out corpora/reviews/iaa_session10/second_annotation.ndjson \\
        --part corpora/reviews/iaa_session10/dev/entries.txt corpora/reviews/gold_blind_session10_ids.txt \\
        --part corpora/reviews/iaa_session10/test/entries.txt corpora/reviews/gold_blind_session10_test_ids.txt
    .venv/bin/python benchmarks/annotator_agreement.py --second OUT [--split dev|test]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
from pathlib import Path

REVIEWS = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("blind_entries", REVIEWS / "blind_entries.py")
blind_entries = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(blind_entries)


def case_texts() -> dict[str, str]:
    texts = {}
    for _, lines in blind_entries.case_lines():
        for line in lines:
            if line.strip():
                case = json.loads(line)
                texts[case["id"]] = case["text"]  # only the text: never the first reading
    return texts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--part", nargs=2, action="append", required=True, metavar=("ENTRIES", "IDS_FILE"))
    args = parser.parse_args(argv)
    texts = case_texts()
    rows = []
    for entries, ids_file in args.part:
        ids = blind_entries.round_ids(Path(ids_file), "all")
        built = blind_entries.build(Path(entries), {i: texts[i] for i in ids}, set(ids))
        rows += [{"id": i, "entities": built[i]} for i in ids]
    args.out.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    print(f"{len(rows)} cases, {sum(len(row['entities']) for row in rows)} spans written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

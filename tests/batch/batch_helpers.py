"""Helpers for the batch tests: tiny exports written to tmp_path, and a stub classifier."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any, ClassVar

import pyarrow as pa
import pyarrow.parquet as pq

from tagger.schema import Hypothesis

NOTES = [
    "Right knee pain when running downhill, worse on stairs. No swelling.",
    "Left hip stiffness for three weeks,\nbetter after walking barefoot.",
    "Heel pain first thing in the morning; she says \"it's like a stone bruise\".",
    "Lower back ache after long drives. Denies numbness in either leg.",
    "Achilles tightness on the left, started after new running shoes.",
    "Ankle sprain last year (right). Now pain on the outside of the knee when cycling.",
    "No pain today. Plantar fascia sore after the 10 km run on Sunday.",
    "Shin splints both legs, treadmill 30 minutes at incline 5, eases with rest.",
]


def note_rows(n: int) -> list[dict[str, Any]]:
    return [{"id": f"n{i:03d}", "text": NOTES[i % len(NOTES)] + f" Visit {i}."} for i in range(n)]


def write_rows(path: Path, rows: list[dict[str, Any]], *, row_group_size: int | None = None) -> Path:
    """Write ``rows`` in the format named by the suffix (CSV/TSV as text, JSONL and Parquet typed)."""
    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv"):
        with open(path, "w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(rows[0]), delimiter="\t" if suffix == ".tsv" else ",")
            writer.writeheader()
            writer.writerows(rows)
    elif suffix == ".jsonl":
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    elif suffix == ".parquet":
        pq.write_table(pa.Table.from_pylist(rows), path, row_group_size=row_group_size)
    else:
        raise ValueError(suffix)
    return path


class StubChains:
    """A stand-in classifier: deterministic probabilities from the entity count."""

    labels_: ClassVar[list[str]] = ["knee_chain", "hip_factor"]

    def hypotheses_many(self, results, *, evidence=True):
        out = [self.hypotheses(result) for result in results]
        for hypothesis in (h for ranked in out for h in ranked if not evidence):
            hypothesis.evidence = []
        return out

    def hypotheses(self, result):
        n = len(result.entities)
        p1 = round(min(1.0, n / 8), 4)
        p2 = round(1 - p1 / 2, 4)
        return [Hypothesis(label="knee_chain", probability=p1, threshold=0.5, passes=p1 >= 0.5, kind="chain"),
                Hypothesis(label="hip_factor", probability=p2, threshold=0.7, passes=p2 >= 0.7, kind="factor")]

"""``--suggest K``: the K notes the model is least sure about, ready to import for annotation.

A note's uncertainty is the distance between its closest hypothesis and that hypothesis's
threshold (``min |probability - threshold|``): near zero, one more annotated example of this
kind moves the decision. Ties go to the earlier row. Rows that failed or have no hypotheses
are never suggested. Two files are written from the same notes, most uncertain first:

- ``PREFIX.doccano.jsonl``: doccano text classification, one ``{"text", "label", ...}`` per
  line; the other keys (``note_id``, ``row``, ``margin``, ``probabilities``) become metadata.
- ``PREFIX.labelstudio.json``: a Label Studio task list whose ``predictions`` pre-select the
  model's labels in a ``<Choices name="chains" toName="text">`` control; the matching
  labeling config is written beside it as ``PREFIX.labelstudio.xml``.

The ``text`` is the tagged text (cleaned of email furniture), the one every offset refers to.
"""

from __future__ import annotations

import heapq
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

import pyarrow as pa

from .rows import MARGIN
from .writers import atomic_path

CHOICES_NAME = "chains"


@dataclass(order=True)
class Suggestion:
    margin: float
    row: int
    note_id: str | None
    result_json: str


class SuggestionPicker:
    """Keeps the K most uncertain rows seen so far (memory: K rows, whatever the file size)."""

    def __init__(self, k: int):
        self.k = k
        self._heap: list[tuple[float, int, Suggestion]] = []  # max-heap on (margin, row) via negation

    def add(self, table: pa.Table) -> None:
        if self.k <= 0:
            return
        margins = table.column(MARGIN).to_pylist()
        rows = table.column("row").to_pylist()
        for i, margin in enumerate(margins):
            if margin is None:
                continue
            key = (-margin, -rows[i])
            if len(self._heap) < self.k:
                heapq.heappush(self._heap, (*key, self._suggestion(table, i, margin, rows[i])))
            elif key > self._heap[0][:2]:
                heapq.heapreplace(self._heap, (*key, self._suggestion(table, i, margin, rows[i])))

    @staticmethod
    def _suggestion(table: pa.Table, i: int, margin: float, row: int) -> Suggestion:
        return Suggestion(margin, row, table.column("id")[i].as_py(), table.column("result_json")[i].as_py())

    def picks(self) -> list[Suggestion]:
        return sorted(entry[2] for entry in self._heap)


def _task(s: Suggestion) -> tuple[dict[str, Any], list[str], dict[str, float]]:
    result = json.loads(s.result_json)
    predicted = [h["label"] for h in result["hypotheses"] if h["passes"]]
    probabilities = {h["label"]: round(h["probability"], 4) for h in result["hypotheses"]}
    return result, predicted, probabilities


def doccano_records(picks: Sequence[Suggestion]) -> list[dict[str, Any]]:
    out = []
    for s in picks:
        result, predicted, probabilities = _task(s)
        out.append({"text": result["text"], "label": predicted, "note_id": s.note_id, "row": s.row,
                    "margin": round(s.margin, 4), "probabilities": probabilities})
    return out


def label_studio_tasks(picks: Sequence[Suggestion], model_version: str) -> list[dict[str, Any]]:
    out = []
    for s in picks:
        result, predicted, probabilities = _task(s)
        choices = [{"from_name": CHOICES_NAME, "to_name": "text", "type": "choices", "value": {"choices": predicted}}]
        out.append({
            "data": {"text": result["text"], "note_id": s.note_id, "row": s.row, "margin": round(s.margin, 4),
                     "probabilities": json.dumps(probabilities)},
            "predictions": [{"model_version": model_version, "score": round(s.margin, 4),
                             "result": choices if predicted else []}],
        })
    return out


def label_studio_config(labels: Sequence[str]) -> str:
    choices = "\n".join(f"    <Choice value={quoteattr(label)}/>" for label in labels)
    return (f'<View>\n  <Text name="text" value="$text"/>\n  <Choices name="{CHOICES_NAME}" toName="text" '
            f'choice="multiple" showInLine="false">\n{choices}\n  </Choices>\n</View>\n')


def suggestion_paths(prefix: Path) -> dict[str, Path]:
    return {"doccano": prefix.with_name(prefix.name + ".doccano.jsonl"),
            "labelstudio": prefix.with_name(prefix.name + ".labelstudio.json"),
            "labelstudio_config": prefix.with_name(prefix.name + ".labelstudio.xml")}


def write_suggestions(prefix: Path, picks: Sequence[Suggestion], labels: Sequence[str], model_version: str) -> dict[str, Path]:
    """Write the doccano, Label Studio and Label Studio config files; returns their paths."""
    paths = suggestion_paths(prefix)
    with atomic_path(paths["doccano"]) as tmp:
        tmp.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in doccano_records(picks)), encoding="utf-8")
    with atomic_path(paths["labelstudio"]) as tmp:
        tmp.write_text(json.dumps(label_studio_tasks(picks, model_version), ensure_ascii=False, indent=1), encoding="utf-8")
    with atomic_path(paths["labelstudio_config"]) as tmp:
        tmp.write_text(label_studio_config(labels), encoding="utf-8")
    return paths


__all__ = [
    "SuggestionPicker",
    "doccano_records",
    "label_studio_config",
    "label_studio_tasks",
    "suggestion_paths",
    "write_suggestions",
]

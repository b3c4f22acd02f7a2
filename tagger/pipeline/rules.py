"""Reading and writing the JSONL rule files that sit in ``data/`` beside the components."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import srsly

DATA_DIR = Path(__file__).parent / "data"


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    rows = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.strip()
            if not line or line.startswith("//"):
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path.name} line {lineno}: not valid JSON ({exc.msg})") from exc
    return rows


def data_file(name: str) -> Path:
    return DATA_DIR / name


def rules_to_disk(path: Path, rules: list[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    srsly.write_jsonl(path, rules)

"""The fixed train/dev/test split: a stable hash of the case id, never chosen by hand.

``sha256(id)`` read as a number in [0, 1): below 0.70 is train, below 0.85 dev, the rest
test. The same id always lands in the same split, on every machine and Python version,
and adding cases never moves an old one.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import CorpusFormatError
from .io import expand_paths, write_text_atomic

TRAIN_SHARE = 0.70
DEV_SHARE = 0.15


def split_fraction(case_id: str) -> float:
    """The id's position in [0, 1): the first 8 bytes of its SHA-256, as a fraction of 2**64."""
    digest = hashlib.sha256(case_id.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def assign_split(case_id: str) -> str:
    """``train``, ``dev`` or ``test`` for this id (about 70/15/15 over many ids)."""
    x = split_fraction(case_id)
    if x < TRAIN_SHARE:
        return "train"
    if x < TRAIN_SHARE + DEV_SHARE:
        return "dev"
    return "test"


@dataclass
class SplitReport:
    files: int = 0
    files_changed: int = 0
    cases: int = 0
    changed: int = 0
    counts: Counter = field(default_factory=Counter)


def _with_split(obj: dict[str, Any], split: str) -> dict[str, Any]:
    """``obj`` with ``split`` set, keeping key order (a new key goes after ``register``)."""
    if "split" in obj:
        return {k: (split if k == "split" else v) for k, v in obj.items()}
    out: dict[str, Any] = {}
    for k, v in obj.items():
        out[k] = v
        if k == "register":
            out["split"] = split
    out.setdefault("split", split)
    return out


def split_files(paths: Iterable[str | Path]) -> SplitReport:
    """Rewrite the ``split`` field of every case under ``paths`` in place.

    Every file is read and checked before any is written, and each file is replaced
    atomically; lines other than the ``split`` value are kept byte for byte when they were
    already in the canonical layout (``json.dumps(obj, ensure_ascii=False)``).
    """
    report = SplitReport()
    plans: list[tuple[Path, str, bool]] = []
    for path in expand_paths(paths):
        text = path.read_text(encoding="utf-8")
        out_lines = []
        changed_here = False
        for i, raw in enumerate(text.splitlines(), 1):
            if not raw.strip():
                out_lines.append(raw)
                continue
            try:
                obj = json.loads(raw)
            except json.JSONDecodeError as exc:
                raise CorpusFormatError(path, i, None, f"invalid JSON: {exc.msg} (column {exc.colno})") from None
            if not isinstance(obj, dict):
                raise CorpusFormatError(path, i, None, "a case must be a JSON object")
            case_id = obj.get("id")
            if not isinstance(case_id, str) or not case_id:
                raise CorpusFormatError(path, i, "id", "missing or not a non-empty string")
            split = assign_split(case_id)
            report.cases += 1
            report.counts[split] += 1
            if obj.get("split") != split:
                report.changed += 1
                changed_here = True
                out_lines.append(json.dumps(_with_split(obj, split), ensure_ascii=False))
            else:
                out_lines.append(raw)
        report.files += 1
        plans.append((path, "".join(line + "\n" for line in out_lines), changed_here))
    for path, content, changed in plans:
        if changed:
            write_text_atomic(path, content)
            report.files_changed += 1
    return report


__all__ = ["DEV_SHARE", "TRAIN_SHARE", "SplitReport", "assign_split", "split_files", "split_fraction"]

"""The label taxonomy: descriptions, kinds and chain paths (``data/taxonomy.json``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).parent / "data"
CHAIN_KIND = "chain"


def _load() -> dict[str, dict[str, Any]]:
    raw = json.loads((DATA_DIR / "taxonomy.json").read_text(encoding="utf-8"))
    return {k: v for k, v in raw.items() if not k.startswith("//")}


TAXONOMY: dict[str, dict[str, Any]] = _load()
CHAIN_LABELS: tuple[str, ...] = tuple(k for k, v in TAXONOMY.items() if v["kind"] == CHAIN_KIND)


def describe(label: str) -> dict[str, Any]:
    """Taxonomy entry for ``label``; a clinic's own label gets kind 'other' and no path."""
    return TAXONOMY.get(label, {"kind": "other", "path": [], "direction": None, "description": ""})

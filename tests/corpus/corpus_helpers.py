"""Helpers for the corpus tests: small valid cases and JSONL writing."""

from __future__ import annotations

import json
from pathlib import Path

from tagger.corpus.split import assign_split

# Five narratives with no word 5-gram and no sentence in common.
TEXTS = [
    "My right knee aches on stairs since I started the new treadmill routine in March.",
    "Flat feet all my life, and now the outside of my left hip burns after long walks.",
    "R heel pain x2/52, limping, now LBP too. Works on a shop floor standing all shift.",
    "Coach here: our winger twisted her ankle on a divot during Saturday's match, swelling settled.",
    "Numbness down the back of the thigh when I sit through lectures, no pain in the foot itself.",
]


def case_dict(i: int = 0, **overrides) -> dict:
    cid = overrides.pop("id", f"forum-{i:04d}")
    data = {
        "id": cid,
        "text": TEXTS[i],
        "labels": [],
        "register": "forum",
        "split": assign_split(cid),
        "rationale": "Test case.",
    }
    data.update(overrides)
    return data


def entity(text: str, span: str, label: str, occurrence: int = 0, **attrs) -> dict:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(span, start + 1)
    ent = {"start": start, "end": start + len(span), "text": span, "label": label, "laterality": None,
           "negated": False, "historical": False, "hypothetical": False, "other_subject": False, "modifier": None}
    ent.update(attrs)
    return ent


def write_jsonl(path: Path, rows: list) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in rows),
                    encoding="utf-8")
    return path

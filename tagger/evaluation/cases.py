"""Reading gold cases from ``corpora/cases/*.jsonl`` and choosing a split.

A case whose ``split`` field is still empty gets the split ``tagger corpus split`` would
assign, so the evaluation never depends on whether the files were re-split yet.

Only the fields entity evaluation needs are checked here (``id``, ``text`` and, when
present, ``entities``); errors name the file, line and case id, never the note text.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..corpus.split import assign_split
from ..errors import CorpusError

SPLITS = ("train", "dev", "test")
SPLIT_CHOICES = (*SPLITS, "all")
LABELS = ("BODY_REGION", "STRUCTURE", "CONDITION", "SYMPTOM", "ACTIVITY", "FOOTWEAR")
FLAGS = ("negated", "historical", "hypothetical", "other_subject")
LATERALITIES = (None, "right", "left", "bilateral")
MODIFIERS = (None, "relieving", "aggravating")


def stable_split(case_id: str) -> str:
    """The split ``tagger corpus split`` would write for this id (one definition, in ``tagger.corpus.split``)."""
    return assign_split(case_id)


def case_split(case: dict[str, Any]) -> tuple[str, bool]:
    """``(split, computed)``: the case's own ``split`` field, or the stable hash when it is empty."""
    split = case.get("split") or ""
    if split:
        return split, False
    return stable_split(case["id"]), True


def load_cases(paths: Iterable[str | Path]) -> list[dict[str, Any]]:
    """Read cases from JSONL files, or from every ``*.jsonl`` file under a directory."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*.jsonl") if p.is_file())
            if not found:
                raise CorpusError(f"{path} holds no *.jsonl files")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise CorpusError(f"{path} is neither a file nor a directory")
    cases: list[dict[str, Any]] = []
    seen: dict[str, str] = {}
    for path in files:
        with path.open(encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                where = f"{path}:{lineno}"
                try:
                    case = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise CorpusError(f"{where}: not valid JSON ({exc.msg})") from exc
                check_case(case, where)
                if case["id"] in seen:
                    raise CorpusError(f"{where}: id {case['id']!r} already used at {seen[case['id']]}")
                seen[case["id"]] = where
                cases.append(case)
    return cases


def check_case(case: Any, where: str) -> None:
    """Raise ``CorpusError`` unless ``case`` has what entity evaluation reads."""
    if not isinstance(case, dict):
        raise CorpusError(f"{where}: a case must be a JSON object, got {type(case).__name__}")
    if not isinstance(case.get("id"), str) or not case["id"]:
        raise CorpusError(f"{where}: 'id' must be a non-empty string")
    where = f"{where} ({case['id']})"
    if not isinstance(case.get("text"), str):
        raise CorpusError(f"{where}: 'text' must be a string")
    split = case.get("split") or ""
    if split and split not in SPLITS:
        raise CorpusError(f"{where}: split must be one of {list(SPLITS)} or empty, not {split!r}")
    if "entities" not in case:
        return
    if not isinstance(case["entities"], list):
        raise CorpusError(f"{where}: 'entities' must be a list")
    text = case["text"]
    for i, ent in enumerate(case["entities"]):
        at = f"{where} entity {i}"
        if not isinstance(ent, dict):
            raise CorpusError(f"{at}: must be an object")
        start, end = ent.get("start"), ent.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            raise CorpusError(f"{at}: start/end must be integers with 0 <= start < end <= {len(text)}, got {start}/{end}")
        if ent.get("text") != text[start:end]:
            raise CorpusError(f"{at}: 'text' differs from the case text at [{start}:{end}]")
        if ent.get("label") not in LABELS:
            raise CorpusError(f"{at}: label must be one of {list(LABELS)}, not {ent.get('label')!r}")
        if ent.get("laterality") not in LATERALITIES:
            raise CorpusError(f"{at}: laterality must be one of {list(LATERALITIES)}, not {ent.get('laterality')!r}")
        if ent.get("modifier") not in MODIFIERS:
            raise CorpusError(f"{at}: modifier must be one of {list(MODIFIERS)}, not {ent.get('modifier')!r}")
        for flag in FLAGS:
            if not isinstance(ent.get(flag, False), bool):
                raise CorpusError(f"{at}: {flag} must be true or false")


def select_cases(cases: Iterable[dict[str, Any]], split: str) -> tuple[list[dict[str, Any]], int]:
    """Gold-annotated cases of ``split`` (``"all"``: every one) and how many had their split computed."""
    if split not in SPLIT_CHOICES:
        raise ValueError(f"split must be one of {list(SPLIT_CHOICES)}, not {split!r}")
    chosen, computed = [], 0
    for case in cases:
        if not isinstance(case.get("entities"), list):
            continue
        case_split_value, was_computed = case_split(case)
        if split != "all" and case_split_value != split:
            continue
        computed += was_computed
        chosen.append(case)
    return chosen, computed

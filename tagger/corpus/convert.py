"""One entry point for every case source: our JSONL, doccano, Label Studio and Prodigy.

``read_any(path)`` is what ``tagger train --include PATH`` calls: it recognises the format
(or takes ``fmt``), imports, and returns validated cases with their split assigned.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from .errors import CorpusPathError, UnknownFormatError
from .formats import doccano, labelstudio, prodigy
from .formats.common import ImportResult, iter_json_array, read_text
from .io import read_cases
from .schema import Case
from .split import assign_split

log = logging.getLogger("tagger")

NATIVE = "tagger"
FORMATS: tuple[str, ...] = (doccano.NAME, labelstudio.NAME, prodigy.NAME)
_ALIASES = {
    "label-studio": labelstudio.NAME,
    "label_studio": labelstudio.NAME,
    "ls": labelstudio.NAME,
    "native": NATIVE,
    "cases": NATIVE,
    "jsonl": NATIVE,
}
_READERS: dict[str, Callable[..., ImportResult]] = {
    doccano.NAME: doccano.read,
    labelstudio.NAME: labelstudio.read,
    prodigy.NAME: prodigy.read,
}
_WRITERS: dict[str, Callable[[list[Case]], str]] = {
    doccano.NAME: doccano.write,
    labelstudio.NAME: labelstudio.write,
    prodigy.NAME: prodigy.write,
}
_PRODIGY_KEYS = {"spans", "answer", "accept", "options", "_input_hash", "_task_hash", "_view_id"}
_DOCCANO_KEYS = {"entities", "label", "cats"}


def format_name(name: str) -> str:
    """The canonical format name for ``name`` (``label-studio`` -> ``labelstudio``); raise if unknown."""
    key = name.strip().lower()
    key = _ALIASES.get(key, key)
    if key not in (*FORMATS, NATIVE):
        raise UnknownFormatError(f"unknown format {name!r}; use one of {', '.join((*FORMATS, NATIVE))}")
    return key


def classify_record(obj: Any) -> str | None:
    """Which format a single record looks like, or None."""
    if not isinstance(obj, dict):
        return None
    keys = set(obj)
    if isinstance(obj.get("data"), dict):
        return labelstudio.NAME
    if {"register", "rationale"} <= keys:
        return NATIVE
    if keys & _PRODIGY_KEYS:
        return prodigy.NAME
    if keys & _DOCCANO_KEYS or isinstance(obj.get("data"), str):
        return doccano.NAME
    if isinstance(obj.get("labels"), list) and any(isinstance(x, list) for x in obj["labels"]):
        return doccano.NAME
    return None


def detect_format(path: str | Path) -> str:
    """Recognise a file's format from its first record (a directory is our own case files)."""
    path = Path(path)
    if path.is_dir():
        return NATIVE
    if not path.is_file():
        raise CorpusPathError(f"{path} does not exist")
    text = read_text(path)
    stripped = text.lstrip()
    first: Any = None
    if stripped.startswith("{"):
        line = stripped.split("\n", 1)[0]
        try:
            first = json.loads(line)
        except json.JSONDecodeError:
            first = next(iter_json_array(path, text), (0, None))[1]
    elif stripped.startswith("["):
        first = next(iter_json_array(path, text), (0, None))[1]
    found = classify_record(first)
    if found is None:
        keys = ", ".join(sorted(first)) if isinstance(first, dict) else type(first).__name__
        raise UnknownFormatError(
            f"cannot tell the format of {path} from its first record (fields: {keys}); "
            f"give it with --from {'|'.join(FORMATS)}"
        )
    return found


def import_file(
    path: str | Path,
    fmt: str | None = None,
    *,
    register: str | None = None,
    label_map: Mapping[str, str] | None = None,
    id_prefix: str | None = None,
    text_key: str | None = None,
) -> ImportResult:
    """Read one file (or, for our own format, a directory) of any supported format."""
    path = Path(path)
    name = format_name(fmt) if fmt else detect_format(path)
    if name == NATIVE:
        return ImportResult(cases=read_cases(path))
    if not path.is_file():
        raise CorpusPathError(f"{path} is not a file")
    options: dict[str, Any] = {"register": register, "label_map": label_map, "id_prefix": id_prefix}
    if name == labelstudio.NAME:
        options["text_key"] = text_key
    return _READERS[name](path, **options)


def read_any(path: str | Path, fmt: str | None = None, **options: Any) -> list[Case]:
    """Cases from ``path`` in any supported format, each with its hash-assigned split.

    ``options`` go to ``import_file`` (register, label_map, id_prefix, text_key). Warnings
    (labels not imported, skipped records) are logged with counts only, never note text.
    """
    result = import_file(path, fmt, **options)
    for warning in result.warnings:
        log.warning("corpus import %s: %s", Path(path).name, warning)
    for reason, n in result.skipped.items():
        log.info("corpus import %s: %d record(s) skipped: %s", Path(path).name, n, reason)
    return [c if c.split else c.model_copy(update={"split": assign_split(c.id)}) for c in result.cases]


def export_cases(cases: list[Case], fmt: str) -> str:
    """The file content for ``cases`` in an annotation tool's format."""
    name = format_name(fmt)
    if name == NATIVE:
        from .io import dumps_jsonl

        return dumps_jsonl(c.to_json_dict() for c in cases)
    return _WRITERS[name](cases)


__all__ = ["FORMATS", "NATIVE", "classify_record", "detect_format", "export_cases", "format_name", "import_file", "read_any"]

"""Read and write case files (JSON Lines), always naming the file and line of a problem.

Writes are atomic: the new content goes to a temporary file in the same directory and
replaces the target in one ``os.replace``, so a failure never leaves a half-written file.
"""

from __future__ import annotations

import glob as _glob
import json
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .errors import CorpusFormatError, CorpusPathError
from .schema import Case

#: Fields whose values are note text: never echoed in an error message.
_TEXT_FIELDS = frozenset({"text", "rationale"})


def expand_paths(paths: Iterable[str | Path], pattern: str = "*.jsonl") -> list[Path]:
    """Files, directories (every ``pattern`` file under them, sorted) and globs, in order, once each."""
    out: list[Path] = []
    seen: set[Path] = set()

    def add(p: Path) -> None:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            out.append(p)

    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(q for q in p.rglob(pattern) if q.is_file())
            if not found:
                raise CorpusPathError(f"{p} holds no {pattern} files")
            for q in found:
                add(q)
        elif p.is_file():
            add(p)
        elif _glob.has_magic(str(raw)):
            found = sorted(Path(q) for q in _glob.glob(str(raw), recursive=True) if Path(q).is_file())
            if not found:
                raise CorpusPathError(f"{raw} matches no files")
            for q in found:
                add(q)
        else:
            raise CorpusPathError(f"{raw} does not exist")
    return out


def field_path(loc: Sequence[Any]) -> str:
    """``('entities', 3, 'laterality')`` -> ``entities[3].laterality``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "(record)"


def validation_problems(exc: ValidationError) -> list[tuple[str, str]]:
    """(field, message) pairs from a pydantic error, never quoting note text."""
    problems = []
    for err in exc.errors(include_url=False):
        loc = [p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-after"))]
        fld = field_path(loc)
        msg = err["msg"]
        value = err.get("input")
        last = loc[-1] if loc else None
        if err["type"] not in {"missing", "extra_forbidden"} and last not in _TEXT_FIELDS:
            shown = repr(value)
            if len(shown) <= 60:
                msg += f" (got {shown})"
        problems.append((fld, msg))
    return problems


@dataclass
class Record:
    """One non-blank line of a case file, parsed as far as it would go."""

    path: Path
    line: int
    data: dict[str, Any] | None = None
    case: Case | None = None
    problems: list[tuple[str | None, str]] = field(default_factory=list)

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}"


def parse_line(raw: str, path: Path, line: int) -> Record:
    rec = Record(path=path, line=line)
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        rec.problems.append((None, f"invalid JSON: {exc.msg} (column {exc.colno})"))
        return rec
    if not isinstance(data, dict):
        rec.problems.append((None, f"a case must be a JSON object, got {type(data).__name__}"))
        return rec
    rec.data = data
    try:
        rec.case = Case.model_validate(data)
    except ValidationError as exc:
        rec.problems.extend(validation_problems(exc))
    return rec


def iter_records(paths: Iterable[str | Path]) -> Iterator[Record]:
    """Every non-blank line of every case file under ``paths``, with its problems (never raises on content)."""
    for path in expand_paths(paths):
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            yield Record(path=path, line=text_line_of_byte(path, exc.start), problems=[(None, "not UTF-8 text")])
            continue
        for i, raw in enumerate(text.splitlines(), 1):
            if raw.strip():
                yield parse_line(raw, path, i)


def text_line_of_byte(path: Path, offset: int) -> int:
    return path.read_bytes()[:offset].count(b"\n") + 1


def read_cases(paths: str | Path | Iterable[str | Path]) -> list[Case]:
    """All cases under ``paths`` (files, directories, globs); the first bad line raises ``CorpusFormatError``."""
    if isinstance(paths, str | Path):
        paths = [paths]
    cases = []
    for rec in iter_records(paths):
        if rec.problems:
            fld, msg = rec.problems[0]
            raise CorpusFormatError(rec.path, rec.line, fld, msg)
        assert rec.case is not None
        cases.append(rec.case)
    return cases


def write_text_atomic(path: str | Path, content: str) -> None:
    """Replace ``path`` with ``content`` in one step (temp file in the same directory, then ``os.replace``)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(content)
            fh.flush()
            os.fsync(fh.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def dumps_jsonl(rows: Iterable[dict[str, Any]]) -> str:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def write_jsonl(path: str | Path, rows: Iterable[dict[str, Any]]) -> None:
    write_text_atomic(path, dumps_jsonl(rows))


def write_cases(path: str | Path, cases: Iterable[Case]) -> None:
    """Write cases as JSON Lines, atomically (the same layout as the corpus files)."""
    write_jsonl(path, (c.to_json_dict() for c in cases))


__all__ = [
    "Record",
    "dumps_jsonl",
    "expand_paths",
    "iter_records",
    "read_cases",
    "write_cases",
    "write_jsonl",
    "write_text_atomic",
]

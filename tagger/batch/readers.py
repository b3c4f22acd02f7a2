"""Read notes exports in chunks: CSV/TSV, JSONL and Parquet, from one file, several or a glob.

Reading is done in two steps, so that both engines, and a resumed run, see exactly the
same chunks:

1. ``plan()`` scans every input once: it checks the structure (a broken line is reported
   with its line number before any tagging starts), resolves the text and id columns and
   records where each chunk of ``chunk_size`` rows begins and ends (byte offsets in CSV
   and JSONL, row offsets in Parquet). Only the boundaries are kept, never the rows.
2. ``ChunkReader.read(spec)`` reads one chunk: it seeks to the chunk's offset and parses
   ``spec.n_rows`` rows. Memory therefore depends on the chunk size, not the file size.

CSV is parsed with the standard library's ``csv`` module in strict mode rather than with
``pandas.read_csv``: pandas silently rewrites a stray quote (``"bad"quote`` becomes
``badquote``), reports data rows rather than file lines, and gives no record offsets, which
are what let a chunk start in the middle of a file whose notes span several lines. Every
CSV cell is text (no type guessing); JSONL and Parquet values keep their types, so a number
or a null in the note column reaches ``validate_text`` and becomes a per-row error.
"""

from __future__ import annotations

import csv
import glob
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from .errors import ColumnError, InputFormatError

FORMATS = {".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".jsonl": "jsonl", ".ndjson": "jsonl",
           ".parquet": "parquet", ".pq": "parquet"}
DELIMITERS = {"csv": ",", "tsv": "\t"}
COMPRESSED = (".gz", ".bz2", ".xz", ".zst", ".zip")
TEXT_COLUMNS = ("text", "note", "notes", "note_text", "body", "content")
ID_COLUMNS = ("id", "note_id", "record_id")
# Larger than any note worth tagging; a bigger CSV field almost always means an unclosed
# quote swallowing the rest of the file, which must not be read into memory.
FIELD_LIMIT = 64 * 1024 * 1024
BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class InputFile:
    path: str
    format: str
    size: int
    mtime_ns: int

    @classmethod
    def from_path(cls, path: Path) -> InputFile:
        stat = path.stat()
        return cls(str(path.resolve()), detect_format(path), stat.st_size, stat.st_mtime_ns)


@dataclass(frozen=True)
class ChunkSpec:
    """Where one chunk lives: ``n_rows`` rows starting at global row ``first_row``.

    ``start``/``end`` are byte offsets for CSV and JSONL, row offsets for Parquet;
    ``line0`` is the number of file lines before ``start`` (for messages).
    """

    index: int
    path: str
    format: str
    first_row: int
    n_rows: int
    start: int
    end: int
    line0: int = 0
    text_field: int = -1
    id_field: int = -1


@dataclass
class Plan:
    files: list[InputFile]
    text_col: str
    id_col: str | None
    chunk_size: int
    chunks: list[ChunkSpec] = field(default_factory=list)

    @property
    def total_rows(self) -> int:
        return sum(c.n_rows for c in self.chunks)


@dataclass
class ChunkData:
    """One chunk's rows: ids as text (``None`` where the id cell is null) and raw note values."""

    spec: ChunkSpec
    ids: list[str | None]
    texts: list[Any]


# -- finding inputs ----------------------------------------------------------------------
def detect_format(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(COMPRESSED):
        raise InputFormatError(f"{path}: compressed inputs are not supported (chunks are found by byte offset); "
                               "decompress the file or convert it to Parquet")
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputFormatError(f"{path}: unknown input format {path.suffix!r}; use one of {', '.join(sorted(FORMATS))}")
    return fmt


def resolve_inputs(patterns: Sequence[str | Path]) -> list[InputFile]:
    """Expand globs, keep the order given (each glob sorted), drop repeats."""
    if not patterns:
        raise InputFormatError("no input given")
    paths: list[Path] = []
    for pattern in patterns:
        text = str(pattern)
        if glob.has_magic(text):
            matches = sorted(Path(p) for p in glob.glob(text, recursive=True) if Path(p).is_file())
            if not matches:
                raise InputFormatError(f"no file matches {text}")
            paths.extend(matches)
        else:
            path = Path(text)
            if path.is_dir():
                raise InputFormatError(f"{path} is a directory; give files or a glob such as {path}/*.csv")
            if not path.is_file():
                raise InputFormatError(f"{path} does not exist")
            paths.append(path)
    seen: set[str] = set()
    files = []
    for path in paths:
        key = str(path.resolve())
        if key not in seen:
            seen.add(key)
            files.append(InputFile.from_path(path))
    return files


# -- columns -------------------------------------------------------------------------------
def _looks_like_text(name: str) -> bool:
    return len(name) > 32 or name.count(" ") >= 3


def _listing(columns: Iterable[str]) -> str:
    """Column names for a message. A long or wordy "name" is probably part of a note (a file
    without a header line), so it is described by position and length, never printed."""
    names = list(columns)
    shown = [f"<column {i + 1}: {len(c)} characters>" if _looks_like_text(c) else repr(c)
             for i, c in enumerate(names[:40])]
    text = ", ".join(shown) + (f" (and {len(names) - 40} more)" if len(names) > 40 else "") if names else "(none)"
    if any(_looks_like_text(c) for c in names):
        text += "; does the file start with a header line naming the columns?"
    return text


def resolve_columns(available: Sequence[str], text_col: str | None, id_col: str | None, where: str) -> tuple[str, str | None]:
    """The text and id columns to use: the ones asked for, or the usual names when not given."""
    if text_col is None:
        text_col = next((c for c in TEXT_COLUMNS if c in available), None)
        if text_col is None:
            raise ColumnError(f"{where} has no column named {' / '.join(TEXT_COLUMNS)}; pass --text-col. "
                              f"Available columns: {_listing(available)}")
    elif text_col not in available:
        raise ColumnError(f"text column {text_col!r} not found in {where}. Available columns: {_listing(available)}")
    if id_col is None:
        id_col = next((c for c in ID_COLUMNS if c in available and c != text_col), None)
    elif id_col not in available:
        raise ColumnError(f"id column {id_col!r} not found in {where}. Available columns: {_listing(available)}")
    return text_col, id_col


def id_text(value: Any) -> str | None:
    """Ids are written as text whatever their input type (an int 42 becomes "42")."""
    if value is None or isinstance(value, str):
        return value
    try:
        return json.dumps(value)
    except (TypeError, ValueError):
        return str(value)


# -- CSV -------------------------------------------------------------------------------------
class _Cursor:
    """Bytes and lines consumed so far by the csv reader."""

    def __init__(self, offset: int, line: int):
        self.offset = offset
        self.line = line


def _csv_records(fb: BinaryIO, path: str, delimiter: str, cursor: _Cursor) -> Iterator[tuple[int, list[str]]]:
    """Yield ``(first_line, fields)`` per record; ``cursor.offset`` is then the record's end."""
    if csv.field_size_limit() < FIELD_LIMIT:
        csv.field_size_limit(FIELD_LIMIT)

    def lines() -> Iterator[str]:
        for raw in fb:  # binary lines end at b"\n" and keep "\r\n": what csv expects with newline=""
            at_start = cursor.offset == 0
            cursor.offset += len(raw)
            cursor.line += 1
            if at_start and raw.startswith(BOM):
                raw = raw[len(BOM):]
            try:
                yield raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise InputFormatError(f"{path}, line {cursor.line}: not valid UTF-8 (byte 0x{raw[exc.start]:02x} at "
                                       f"column {exc.start + 1}); export the file as UTF-8") from exc

    reader = csv.reader(lines(), delimiter=delimiter, strict=True)
    while True:
        first_line = cursor.line + 1
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise InputFormatError(_csv_problem(path, str(exc), first_line, cursor.line)) from exc
        yield first_line, record


def _csv_problem(path: str, problem: str, first_line: int, line: int) -> str:
    if "unexpected end of data" in problem:
        return (f"{path}, line {first_line}: a quote opened in the record starting on this line is never closed "
                "(the rest of the file would be one field); fix the quoting on that line")
    if "field larger than field limit" in problem:
        return (f"{path}, line {first_line}: a field in the record starting on this line is longer than "
                f"{FIELD_LIMIT:,} characters; most likely a quote there is never closed")
    where = f"line {line}" if line == first_line else f"line {line} (in the record starting on line {first_line})"
    return f"{path}, {where}: broken CSV quoting ({problem}); a quote inside a field must be doubled (\"\")"


def _scan_csv(f: InputFile, cols: _Columns, chunk_size: int, index0: int, row0: int) -> list[ChunkSpec]:
    delimiter = DELIMITERS[f.format]
    chunks: list[ChunkSpec] = []
    with open(f.path, "rb") as fb:
        cursor = _Cursor(0, 0)
        records = _csv_records(fb, f.path, delimiter, cursor)
        header = next(records, None)
        if header is None:
            raise InputFormatError(f"{f.path} is empty: expected a header line naming the columns")
        names = header[1]
        text_col, id_col = cols.resolve(names, f.path)
        text_field = names.index(text_col)
        id_field = names.index(id_col) if id_col is not None else -1
        start, line0, n = cursor.offset, cursor.line, 0
        for first_line, record in records:
            if not record:  # a blank line, not a row
                continue
            if len(record) != len(names):
                raise InputFormatError(
                    f"{f.path}, line {first_line}: expected {len(names)} fields (as in the header), found {len(record)}; "
                    "check the quoting and the delimiters on this line")
            n += 1
            if n == chunk_size:
                chunks.append(ChunkSpec(index0 + len(chunks), f.path, f.format, row0, n, start, cursor.offset, line0,
                                        text_field, id_field))
                row0 += n
                start, line0, n = cursor.offset, cursor.line, 0
        if n:
            chunks.append(ChunkSpec(index0 + len(chunks), f.path, f.format, row0, n, start, cursor.offset, line0,
                                    text_field, id_field))
    return chunks


def _read_csv(spec: ChunkSpec) -> tuple[list[Any], list[Any]]:
    texts: list[Any] = []
    ids: list[Any] = []
    with open(spec.path, "rb") as fb:
        fb.seek(spec.start)
        cursor = _Cursor(spec.start, spec.line0)
        for _, record in _csv_records(fb, spec.path, DELIMITERS[spec.format], cursor):
            if not record:
                continue
            texts.append(record[spec.text_field])
            ids.append(record[spec.id_field] if spec.id_field >= 0 else None)
            if len(texts) == spec.n_rows:
                break
    return texts, ids


# -- JSONL ------------------------------------------------------------------------------------
def _json_lines(fb: BinaryIO, path: str, cursor: _Cursor) -> Iterator[dict[str, Any]]:
    for raw in fb:
        at_start = cursor.offset == 0
        cursor.offset += len(raw)
        cursor.line += 1
        if at_start and raw.startswith(BOM):
            raw = raw[len(BOM):]
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except UnicodeDecodeError as exc:
            raise InputFormatError(f"{path}, line {cursor.line}: not valid UTF-8 (byte 0x{raw[exc.start]:02x}); "
                                   "export the file as UTF-8") from exc
        except json.JSONDecodeError as exc:
            raise InputFormatError(f"{path}, line {cursor.line}: not valid JSON ({exc.msg} at column {exc.colno})") from exc
        if not isinstance(obj, dict):
            raise InputFormatError(f"{path}, line {cursor.line}: expected one JSON object per line, found {type(obj).__name__}")
        yield obj


def _scan_jsonl(f: InputFile, cols: _Columns, chunk_size: int, index0: int, row0: int) -> list[ChunkSpec]:
    chunks: list[ChunkSpec] = []
    with open(f.path, "rb") as fb:
        cursor = _Cursor(0, 0)
        start, line0, n = 0, 0, 0
        for obj in _json_lines(fb, f.path, cursor):
            if n == 0 and not chunks:  # the first object names the columns
                cols.resolve(list(obj), f"{f.path} (keys of its first object)")
            n += 1
            if n == chunk_size:
                chunks.append(ChunkSpec(index0 + len(chunks), f.path, f.format, row0, n, start, cursor.offset, line0))
                row0 += n
                start, line0, n = cursor.offset, cursor.line, 0
        if n:
            chunks.append(ChunkSpec(index0 + len(chunks), f.path, f.format, row0, n, start, cursor.offset, line0))
    return chunks


def _read_jsonl(spec: ChunkSpec, text_col: str, id_col: str | None) -> tuple[list[Any], list[Any]]:
    texts: list[Any] = []
    ids: list[Any] = []
    with open(spec.path, "rb") as fb:
        fb.seek(spec.start)
        for obj in _json_lines(fb, spec.path, _Cursor(spec.start, spec.line0)):
            texts.append(obj.get(text_col))
            ids.append(obj.get(id_col) if id_col is not None else None)
            if len(texts) == spec.n_rows:
                break
    return texts, ids


# -- Parquet ------------------------------------------------------------------------------------
def _parquet_file(path: str):
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        # buffer_size > 0 streams pages instead of loading whole column chunks (bounded memory)
        return pq.ParquetFile(path, buffer_size=1 << 20)
    except (pa.ArrowException, OSError) as exc:
        raise InputFormatError(f"{path} is not a readable Parquet file ({exc})") from exc


def _scan_parquet(f: InputFile, cols: _Columns, chunk_size: int, index0: int, row0: int) -> list[ChunkSpec]:
    with _parquet_file(f.path) as pf:
        cols.resolve(pf.schema_arrow.names, f.path)
        total = pf.metadata.num_rows
    chunks = []
    for start in range(0, total, chunk_size):
        n = min(chunk_size, total - start)
        chunks.append(ChunkSpec(index0 + len(chunks), f.path, f.format, row0, n, start, start + n))
        row0 += n
    return chunks


class _ParquetStream:
    """Rows of one Parquet file from a given row on, handed out in exact counts."""

    def __init__(self, path: str, start: int, columns: list[str]):
        self.path = path
        self.file = _parquet_file(path)
        meta = self.file.metadata
        group, before = 0, 0
        while group < meta.num_row_groups and before + meta.row_group(group).num_rows <= start:
            before += meta.row_group(group).num_rows
            group += 1
        self.skip = start - before
        self.next_row = start
        self.batches = self.file.iter_batches(batch_size=4096, row_groups=list(range(group, meta.num_row_groups)),
                                              columns=columns)
        self.pending: list[Any] = []

    def take(self, n: int):
        import pyarrow as pa

        have = sum(len(b) for b in self.pending)
        while have < n:
            batch = next(self.batches, None)
            if batch is None:
                raise InputFormatError(f"{self.path} has fewer rows than when it was planned; did it change?")
            if self.skip:
                cut = min(self.skip, len(batch))
                batch, self.skip = batch.slice(cut), self.skip - cut
            self.pending.append(batch)
            have += len(batch)
        table = pa.Table.from_batches(self.pending).combine_chunks()
        self.pending = [table.slice(n).to_batches()[0]] if len(table) > n else []
        self.next_row += n
        return table.slice(0, n)

    def close(self) -> None:
        self.file.close()


# -- planning and reading ------------------------------------------------------------------------
class _Columns:
    """The text/id columns: resolved on the first file, then required in every other one."""

    def __init__(self, text_col: str | None, id_col: str | None):
        self.text_col, self.id_col = text_col, id_col
        self.fixed = False

    def resolve(self, names: Sequence[str], where: str) -> tuple[str, str | None]:
        if not self.fixed:
            self.text_col, self.id_col = resolve_columns(names, self.text_col, self.id_col, where)
            self.fixed = True
        else:
            for role, col in (("text", self.text_col), ("id", self.id_col)):
                if col is not None and col not in names:
                    raise ColumnError(f"{role} column {col!r} (used for the first input) not found in {where}. "
                                      f"Available columns: {_listing(names)}")
        assert self.text_col is not None
        return self.text_col, self.id_col


_SCANNERS = {"csv": _scan_csv, "tsv": _scan_csv, "jsonl": _scan_jsonl, "parquet": _scan_parquet}


def plan(files: Sequence[InputFile], *, text_col: str | None = None, id_col: str | None = None,
         chunk_size: int = 1000) -> Plan:
    """Check every input and cut it into chunks of ``chunk_size`` rows (a chunk never spans two files)."""
    if chunk_size < 1:
        raise InputFormatError(f"chunk size must be at least 1, got {chunk_size}")
    cols = _Columns(text_col, id_col)
    chunks: list[ChunkSpec] = []
    for f in files:
        row0 = chunks[-1].first_row + chunks[-1].n_rows if chunks else 0
        chunks.extend(_SCANNERS[f.format](f, cols, chunk_size, len(chunks), row0))
    if cols.text_col is None:  # only empty JSONL files: nothing was there to name the columns
        cols.text_col = text_col or TEXT_COLUMNS[0]
    return Plan(list(files), cols.text_col, cols.id_col, chunk_size, chunks)


class ChunkReader:
    """Reads chunks of a plan; keeps a Parquet file open while chunks follow one another."""

    def __init__(self, text_col: str, id_col: str | None):
        self.text_col, self.id_col = text_col, id_col
        self._parquet: _ParquetStream | None = None

    def read(self, spec: ChunkSpec) -> ChunkData:
        if spec.format in DELIMITERS:
            texts, ids = _read_csv(spec)
        elif spec.format == "jsonl":
            texts, ids = _read_jsonl(spec, self.text_col, self.id_col)
        else:
            texts, ids = self._read_parquet(spec)
        if len(texts) != spec.n_rows:
            raise InputFormatError(f"{spec.path} has fewer rows than when it was planned; did it change?")
        out_ids = [id_text(v) if self.id_col is not None else str(spec.first_row + i) for i, v in enumerate(ids)]
        return ChunkData(spec, out_ids, texts)

    def _read_parquet(self, spec: ChunkSpec) -> tuple[list[Any], list[Any]]:
        stream = self._parquet
        if stream is None or stream.path != spec.path or stream.next_row != spec.start:
            self.close()
            columns = [self.text_col] + ([self.id_col] if self.id_col and self.id_col != self.text_col else [])
            stream = self._parquet = _ParquetStream(spec.path, spec.start, columns)
        table = stream.take(spec.n_rows)
        texts = table.column(self.text_col).to_pylist()
        ids = table.column(self.id_col).to_pylist() if self.id_col is not None else [None] * len(texts)
        return texts, ids

    def close(self) -> None:
        if self._parquet is not None:
            self._parquet.close()
            self._parquet = None


def file_fingerprint(files: Sequence[InputFile]) -> list[dict[str, Any]]:
    return [{"path": f.path, "size": f.size, "mtime_ns": f.mtime_ns} for f in files]


__all__ = ["ChunkData", "ChunkReader", "ChunkSpec", "InputFile", "Plan", "detect_format", "plan",
           "resolve_columns", "resolve_inputs"]

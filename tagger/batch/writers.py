"""Write tables chunk by chunk: Parquet (default), CSV or JSONL; and write files atomically.

A writer is opened with the schema, takes one Arrow table per chunk (so at most a chunk is
in memory) and is closed at the end. In CSV the ``labels`` list becomes ``a;b`` text; in
Parquet and JSONL it stays a list. Nulls are empty CSV cells and JSON ``null``.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from .errors import BatchError

OUTPUT_FORMATS = ("parquet", "csv", "jsonl")
_SUFFIXES = {".parquet": "parquet", ".pq": "parquet", ".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}
LABEL_SEPARATOR = ";"


def output_format(path: Path, explicit: str | None = None) -> str:
    """``--format`` if given, else from the file suffix, else Parquet."""
    if explicit is not None:
        fmt = explicit.lower()
        if fmt not in OUTPUT_FORMATS:
            raise BatchError(f"unknown output format {explicit!r}; use one of {', '.join(OUTPUT_FORMATS)}")
        return fmt
    return _SUFFIXES.get(path.suffix.lower(), "parquet")


class TableWriter(Protocol):
    def write(self, table: pa.Table) -> None: ...

    def close(self) -> None: ...


class ParquetTableWriter:
    def __init__(self, path: Path, schema: pa.Schema):
        self._writer = pq.ParquetWriter(path, schema, compression="zstd")

    def write(self, table: pa.Table) -> None:
        self._writer.write_table(table)

    def close(self) -> None:
        self._writer.close()


def _flatten_lists(table: pa.Table) -> pa.Table:
    for i, fld in enumerate(table.schema):
        if pa.types.is_list(fld.type):
            table = table.set_column(i, pa.field(fld.name, pa.string()), pc.binary_join(table.column(i), LABEL_SEPARATOR))
    return table


class CsvTableWriter:
    def __init__(self, path: Path, schema: pa.Schema):
        self._schema = _flatten_lists(schema.empty_table()).schema
        self._writer = pacsv.CSVWriter(path, self._schema)

    def write(self, table: pa.Table) -> None:
        self._writer.write_table(_flatten_lists(table))

    def close(self) -> None:
        self._writer.close()


class JsonlTableWriter:
    def __init__(self, path: Path, schema: pa.Schema):
        self._schema = schema
        self._file = open(path, "w", encoding="utf-8", newline="\n")  # closed in close()

    def write(self, table: pa.Table) -> None:
        for record in table.to_pylist():
            self._file.write(json.dumps(record, ensure_ascii=False))
            self._file.write("\n")

    def close(self) -> None:
        self._file.close()


_WRITERS = {"parquet": ParquetTableWriter, "csv": CsvTableWriter, "jsonl": JsonlTableWriter}


def open_writer(path: Path, fmt: str, schema: pa.Schema) -> TableWriter:
    return _WRITERS[fmt](path, schema)


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a temporary name next to ``path``; on success it replaces ``path`` in one step.

    A reader (or a resumed run) therefore sees either the old file or the complete new one,
    never a half-written file; on failure the temporary file is removed.
    """
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        yield tmp
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def write_table(path: Path, table: pa.Table, fmt: str = "parquet") -> None:
    """Write one whole table to ``path`` atomically."""
    with atomic_path(path) as tmp:
        writer = open_writer(tmp, fmt, table.schema)
        try:
            writer.write(table)
        finally:
            writer.close()


__all__ = ["OUTPUT_FORMATS", "TableWriter", "atomic_path", "open_writer", "output_format", "write_table"]

"""The annotated case corpus: schema, reading and writing, split, checks, statistics, import/export."""

from __future__ import annotations

from .convert import detect_format, export_cases, import_file, read_any
from .errors import CorpusFormatError, CorpusPathError, UnknownFormatError
from .io import read_cases, write_cases
from .schema import CHAIN_LABELS, ENTITY_LABELS, FACTOR_LABELS, LABELS, REGISTERS, TAXONOMY_LABELS, Case, GoldEntity
from .split import assign_split

__all__ = [
    "CHAIN_LABELS",
    "ENTITY_LABELS",
    "FACTOR_LABELS",
    "LABELS",
    "REGISTERS",
    "TAXONOMY_LABELS",
    "Case",
    "CorpusFormatError",
    "CorpusPathError",
    "GoldEntity",
    "UnknownFormatError",
    "assign_split",
    "detect_format",
    "export_cases",
    "import_file",
    "read_any",
    "read_cases",
    "write_cases",
]

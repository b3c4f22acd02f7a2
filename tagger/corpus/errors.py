"""Corpus errors: each names the file, the line and the field to fix.

They subclass ``tagger.errors.CorpusError`` (E300), so callers that catch that catch these.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import CorpusError


class CorpusFormatError(CorpusError):
    """A line or record of a corpus or an annotation-tool file is malformed."""

    code = "E301"

    def __init__(self, path: str | Path, line: int | None, field: str | None, problem: str):
        where = f"{path}:{line}" if line is not None else str(path)
        super().__init__(f"{where}: {f'field {field!r}: ' if field else ''}{problem}")
        self.path = str(path)
        self.line = line
        self.field = field
        self.problem = problem


class UnknownFormatError(CorpusError):
    """The file's annotation format could not be recognised or is not supported."""

    code = "E302"


class CorpusPathError(CorpusError):
    """A path given on the command line does not exist or holds no case files."""

    code = "E303"


__all__ = ["CorpusError", "CorpusFormatError", "CorpusPathError", "UnknownFormatError"]

"""Errors of a batch run, with stable codes (the E6xx block belongs to ``tagger batch``).

They subclass ``tagger.errors.TaggerError`` so the CLI reports them like every other
library error: ``E601: ...``, one line, no traceback.
"""

from __future__ import annotations

from ..errors import TaggerError


class BatchError(TaggerError):
    """A batch run cannot start or continue."""

    code = "E600"

    def __reduce__(self):
        # rebuilt from the bare message when it crosses a process boundary (worker -> parent)
        return (self.__class__, (self.message,))


class ColumnError(BatchError):
    """The text or id column is not in the input; the message lists the columns that are."""

    code = "E601"


class InputFormatError(BatchError):
    """An input file cannot be read: unknown format, broken line, bad encoding."""

    code = "E602"


class ResumeError(BatchError):
    """The output directory holds another run, or a run that does not match this command."""

    code = "E603"


class EngineError(BatchError):
    """The engine failed: a worker died, or the Dask scheduler cannot be reached."""

    code = "E604"


class RowFailure(BatchError):
    """Not raised: the code put in a row's ``error`` when the pipeline itself failed on that row."""

    code = "E605"


__all__ = ["BatchError", "ColumnError", "EngineError", "InputFormatError", "ResumeError", "RowFailure"]

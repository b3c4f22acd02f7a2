"""Every error the library raises on purpose, with a code and a message that says what to fix."""

from __future__ import annotations


class TaggerError(Exception):
    """Base class; ``code`` is stable, ``message`` is for people."""

    code = "E000"

    def __init__(self, message: str):
        super().__init__(f"{self.code}: {message}")
        self.message = message

    def __reduce__(self):
        # rebuilt from the message alone when sent back from a worker process
        return (self.__class__, (self.message,))


class InputError(TaggerError):
    """The caller's input cannot be tagged (maps to HTTP 4xx / a per-row error)."""

    code = "E100"


class EmptyTextError(InputError):
    code = "E101"


class TextTooLongError(InputError):
    code = "E102"

    def __init__(self, length: int, limit: int):
        super().__init__(f"text is {length:,} characters; the limit is {limit:,}. Split the note or raise max_chars.")
        self.length = length
        self.limit = limit

    def __reduce__(self):
        return (self.__class__, (self.length, self.limit))


class NotTextError(InputError):
    code = "E103"


class EncodingError(InputError):
    code = "E104"


class ModelLoadError(TaggerError):
    """A model directory is missing, incomplete, tampered with or of unknown types."""

    code = "E200"


class CorpusError(TaggerError):
    code = "E300"

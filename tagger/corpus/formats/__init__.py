"""Importers and exporters for the annotation tools clinics use: doccano, Label Studio, Prodigy."""

from __future__ import annotations

from typing import Any

from . import doccano, labelstudio, prodigy
from .common import ImportResult, parse_label_map


def read_any(path: Any, fmt: str | None = None, **options: Any) -> list:
    """Cases from a file or directory in any supported format (see ``tagger.corpus.convert.read_any``)."""
    from ..convert import read_any as _read_any

    return _read_any(path, fmt, **options)


__all__ = ["ImportResult", "doccano", "labelstudio", "parse_label_map", "prodigy", "read_any"]

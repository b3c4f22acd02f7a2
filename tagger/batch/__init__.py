"""Batch tagging of notes exports (CSV/TSV, JSONL, Parquet) on one machine or a Dask cluster.

Modules, one job each: ``readers`` (plan and read chunks), ``rows`` (results to output
rows), ``writers`` (Parquet/CSV/JSONL, atomic files), ``worker`` (one chunk in a worker),
``manifest`` (chunk files, resume, assembly), ``local`` and ``dask_engine`` (engines),
``suggest`` (least-certain notes for annotation), ``frame`` (``tag_dataframe``) and ``run``
(one run from options to files). Heavy modules are imported on use.
"""

from __future__ import annotations

from .errors import BatchError, ColumnError, EngineError, InputFormatError, ResumeError

__all__ = ["BatchError", "ColumnError", "EngineError", "InputFormatError", "ResumeError"]

"""Measuring the tagger against the hand-annotated corpus (``corpora/cases``)."""

from __future__ import annotations

from .cases import load_cases, select_cases, stable_split
from .entities import evaluate_entities
from .report import format_report
from .scoring import CaseEval, Mention, match_case, prf, score

__all__ = [
    "CaseEval",
    "Mention",
    "evaluate_entities",
    "format_report",
    "load_cases",
    "match_case",
    "prf",
    "score",
    "select_cases",
    "stable_split",
]

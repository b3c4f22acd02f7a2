"""The corpus case schema (corpora/GUIDELINES.md sections 1 and 4) and the v1 taxonomy.

A case is one line of ``corpora/cases/*.jsonl``. The schema checks shapes and types; the
checks that need the whole corpus or the text (offsets, duplicates, the split) live in
``tagger.corpus.check`` so that one bad line is reported, not raised.
"""

from __future__ import annotations

import warnings
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

TAXONOMY_VERSION = "v1"

CHAIN_LABELS: tuple[str, ...] = (
    "foot_to_knee",
    "foot_to_hip",
    "foot_to_back",
    "hip_to_knee",
    "hip_to_foot",
    "referred_neural",
)
LOCAL_LABELS: tuple[str, ...] = ("local",)
FACTOR_LABELS: tuple[str, ...] = ("footwear", "training_load", "posture")
#: The ten case labels of taxonomy v1, in the order GUIDELINES section 2 gives them.
LABELS: tuple[str, ...] = CHAIN_LABELS + LOCAL_LABELS + FACTOR_LABELS
TAXONOMY_LABELS = LABELS

ENTITY_LABELS: tuple[str, ...] = ("BODY_REGION", "STRUCTURE", "CONDITION", "SYMPTOM", "ACTIVITY", "FOOTWEAR")
#: Registers of GUIDELINES section 3, plus ``imported`` for cases brought in from annotation tools.
REGISTERS: tuple[str, ...] = ("patient_email", "forum", "soap", "ehr", "intake", "coach", "imported")
SPLITS: tuple[str, ...] = ("train", "dev", "test")
#: Entity labels that may carry a side (GUIDELINES section 4).
SIDED_ENTITY_LABELS: frozenset[str] = frozenset({"BODY_REGION", "STRUCTURE"})

EntityLabel = Literal["BODY_REGION", "STRUCTURE", "CONDITION", "SYMPTOM", "ACTIVITY", "FOOTWEAR"]
Laterality = Literal["right", "left", "bilateral"]
Modifier = Literal["relieving", "aggravating"]
#: ``""`` means "not assigned yet": ``tagger corpus split`` fills it, ``tagger corpus check`` reports it.
Split = Literal["train", "dev", "test", ""]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class GoldEntity(_Model):
    """One gold entity span: ``text == case.text[start:end]`` (end exclusive)."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str = Field(min_length=1)
    label: EntityLabel
    laterality: Laterality | None = None
    negated: bool = False
    historical: bool = False
    hypothetical: bool = False
    other_subject: bool = False
    modifier: Modifier | None = None

    @model_validator(mode="after")
    def _end_after_start(self) -> GoldEntity:
        if self.end <= self.start:
            raise ValueError(f"end ({self.end}) must be greater than start ({self.start})")
        return self

    @property
    def key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.label)


# pydantic warns that the field ``register`` shadows ``ABCMeta.register`` (for virtual subclasses),
# which no one calls on a case; the field name is the documented file format, so it stays.
with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message='Field name "register"', category=UserWarning)

    class Case(_Model):
        """One annotated narrative.

        ``labels`` and ``register`` are plain strings here: a clinic may bring its own label set
        and its own registers, and ``tagger corpus check`` decides what is allowed.
        ``entities is None`` means "not annotated"; ``[]`` means "annotated, none present".
        """

        id: str = Field(min_length=1)
        text: str = Field(min_length=1)
        labels: list[str]
        register: str = Field(min_length=1)
        split: Split = ""
        rationale: str = Field(min_length=1)
        entities: list[GoldEntity] | None = None
        meta: dict[str, Any] | None = None

        def to_json_dict(self) -> dict[str, Any]:
            """The JSON object written to a case file (absent optional fields stay absent)."""
            data = self.model_dump(mode="json")
            for key in ("entities", "meta"):
                if data[key] is None:
                    del data[key]
            return data

        def offset_problems(self) -> list[str]:
            """One message per entity whose offsets do not match its text (empty when all match)."""
            problems = []
            for i, ent in enumerate(self.entities or []):
                if ent.end > len(self.text):
                    problems.append(f"entities[{i}]: end {ent.end} is past the end of the text ({len(self.text)} chars)")
                elif self.text[ent.start : ent.end] != ent.text:
                    problems.append(
                        f"entities[{i}] ({ent.label}): text[{ent.start}:{ent.end}] is {_clip(self.text[ent.start : ent.end])!r}, "
                        f"the span says {_clip(ent.text)!r}"
                    )
            return problems


def _clip(s: str, n: int = 30) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def is_chain(label: str) -> bool:
    return label in CHAIN_LABELS


__all__ = [
    "CHAIN_LABELS",
    "ENTITY_LABELS",
    "FACTOR_LABELS",
    "LABELS",
    "LOCAL_LABELS",
    "REGISTERS",
    "SIDED_ENTITY_LABELS",
    "SPLITS",
    "TAXONOMY_LABELS",
    "TAXONOMY_VERSION",
    "Case",
    "GoldEntity",
    "is_chain",
]

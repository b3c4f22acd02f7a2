"""Request and response models of the HTTP API, named by role.

The tag result itself is ``tagger.schema.TagResult``: the API returns exactly what the library
and the CLI return.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from tagger.schema import TagResult


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TagOptions(_Model):
    clean: bool = Field(True, description="Strip email furniture (headers, quoted replies, signatures) before tagging.")
    include_text: bool = Field(True, description="Echo the tagged text in the response; turn off to get offsets only.")


class TagRequest(_Model):
    text: str = Field(description="The note or the pasted email, as it is.")
    options: TagOptions = Field(default_factory=TagOptions)


class TagResponse(TagResult):
    """A ``TagResult``; ``text`` is left out when ``options.include_text`` is false."""

    text: str | None = Field(None, description="The text every offset in this result refers to (absent when include_text is false).")  # type: ignore[assignment]


class BatchItem(_Model):
    id: str | int | None = Field(None, description="Your id for the row, echoed in its output line.")
    text: str | None = Field(None, description="The note; a missing or empty text gives that row an error line.")


class BatchOptions(_Model):
    clean: bool = Field(True, description="Strip email furniture before tagging each row.")


class BatchRequest(_Model):
    """Either ``texts`` (a list of strings) or ``items`` (a list of ``{id, text}``), not both."""

    texts: list[str | None] | None = Field(None, description="Notes to tag, in order.")
    items: list[BatchItem] | None = Field(None, description="Notes with your ids, in order.")
    options: BatchOptions = Field(default_factory=BatchOptions)

    @model_validator(mode="after")
    def _exactly_one_list(self) -> BatchRequest:
        if (self.texts is None) == (self.items is None):
            raise ValueError("give exactly one of 'texts' (a list of strings) or 'items' (a list of {id, text})")
        return self


class RowErrorBody(_Model):
    code: str = Field(description="Stable error code, e.g. E101 for an empty text.")
    message: str


class BatchLine(_Model):
    """One line of the NDJSON stream: exactly one of ``result`` and ``error`` is present."""

    index: int = Field(ge=0, description="Position of the row in the input (0-based).")
    id: str | int | None = None
    result: TagResult | None = None
    error: RowErrorBody | None = None


class ErrorDetail(_Model):
    code: str
    message: str
    fields: list[dict[str, str]] | None = Field(None, description="For 422: [{field, message}] per offending field.")


class ErrorResponse(_Model):
    error: ErrorDetail


class LabelInfo(_Model):
    label: str
    description: str = ""
    kind: str = "other"
    path: list[str] = Field(default_factory=list, description="Regions from driver to painful site, for chains.")
    direction: Literal["ascending", "descending"] | None = None
    in_model: bool = Field(description="Whether the loaded model predicts this label.")


class EntityLabelInfo(_Model):
    label: str
    description: str


class LabelsResponse(_Model):
    labels: list[LabelInfo]
    entity_labels: list[EntityLabelInfo]


class HealthResponse(_Model):
    status: Literal["ok"] = "ok"


class ReadyResponse(_Model):
    status: Literal["ready", "loading", "failed"]
    model: dict[str, Any] | None = None
    detail: str | None = None

"""The one result schema every face (library, CLI, API, batch) returns.

Bump ``SCHEMA_VERSION`` whenever a field changes meaning or disappears.
"""

from __future__ import annotations

from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

Laterality = Literal["right", "left", "bilateral"]
Modifier = Literal["relieving", "aggravating"]
EntityLabel = Literal["BODY_REGION", "STRUCTURE", "CONDITION", "SYMPTOM", "ACTIVITY", "FOOTWEAR"]
AssertionName = Literal["negated", "historical", "hypothetical", "other_subject", "modifier", "laterality"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TextSpan(_Model):
    """A stretch of ``TagResult.text``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Trigger(TextSpan):
    """The phrase that set an attribute, e.g. ``no`` for ``negated``."""

    attribute: AssertionName
    value: str = ""


class DoseItem(TextSpan):
    """One measured amount of an activity."""

    kind: Literal["speed", "incline", "distance", "duration", "frequency"]
    value: float | None = None
    unit: str | None = None


class Entity(TextSpan):
    label: EntityLabel
    concept: str
    region: str | None = Field(None, description="Body region the mention belongs to (or, for a symptom, the site it is linked to).")
    codes: dict[str, str] = Field(default_factory=dict, description="Terminology codes, e.g. {'snomed': '56459004'}.")
    laterality: Laterality | None = None
    negated: bool = False
    historical: bool = False
    hypothetical: bool = False
    other_subject: bool = False
    modifier: Modifier | None = None
    triggers: list[Trigger] = Field(default_factory=list)
    dose: list[DoseItem] = Field(default_factory=list)
    sentence: int = Field(0, ge=0, description="Index into TagResult.sentences.")


class TimeExpression(TextSpan):
    kind: Literal["onset", "duration", "frequency", "date"]


class Sentence(_Model):
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Evidence(_Model):
    feature: str = Field(description="Model feature, e.g. 'relieving:FOOTWEAR=barefoot'.")
    weight: float = Field(description="Contribution to the label's score (log-odds).")
    spans: list[TextSpan] = Field(default_factory=list)


class Hypothesis(_Model):
    label: str
    probability: float = Field(ge=0.0, le=1.0)
    threshold: float = Field(ge=0.0, le=1.0)
    passes: bool
    kind: Literal["chain", "factor", "local", "other"] = "other"
    path: list[str] = Field(default_factory=list, description="Regions from driver to painful site, for chains.")
    direction: Literal["ascending", "descending"] | None = None
    description: str = ""
    evidence: list[Evidence] = Field(default_factory=list)


class Segment(_Model):
    """``text[clean_start:clean_start+length] == input[input_start:input_start+length]``."""

    clean_start: int = Field(ge=0)
    input_start: int = Field(ge=0)
    length: int = Field(ge=0)


class Cleaning(_Model):
    source: Literal["input", "cleaned", "decoded"] = Field(
        description="'input': offsets refer to the text as given; 'cleaned': email furniture was removed and "
        "`segments` map offsets back to the input; 'decoded': the text was decoded from an RFC 822 message or HTML."
    )
    messages: int = Field(1, ge=0, description="Messages kept from a thread.")
    removed: dict[str, int] = Field(default_factory=dict, description="Lines dropped, by reason.")
    segments: list[Segment] = Field(default_factory=list)


class ModelInfo(_Model):
    name: str
    version: str


class TagResult(_Model):
    schema_version: str = SCHEMA_VERSION
    text: str = Field(description="The text every offset in this result refers to.")
    cleaning: Cleaning
    sentences: list[Sentence] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    time_expressions: list[TimeExpression] = Field(default_factory=list)
    hypotheses: list[Hypothesis] = Field(default_factory=list)
    model: ModelInfo
    warnings: list[str] = Field(default_factory=list)

    def to_input_offset(self, offset: int, side: Literal["start", "end"] = "start") -> int:
        """Map an offset in ``text`` back to the text the caller passed in.

        Where two kept segments touch in ``text``, a ``start`` belongs to the later one and
        an ``end`` to the earlier one. Text decoded from an ``.eml`` or HTML has no map back.
        """
        if self.cleaning.source == "input":
            return offset
        if self.cleaning.source == "decoded":
            raise ValueError("this text was decoded from an email or HTML: offsets refer to `text` only")
        for seg in self.cleaning.segments:
            lo, hi = seg.clean_start, seg.clean_start + seg.length
            if (lo <= offset < hi) if side == "start" else (lo < offset <= hi):
                return seg.input_start + (offset - seg.clean_start)
        raise ValueError(f"offset {offset} lies outside every kept segment")


M = TypeVar("M", bound=BaseModel)
# The instance slots every pydantic model has, set through their descriptors (a third
# cheaper than ``object.__setattr__`` by name, and ``built`` runs ~100 times per note).
_new = object.__new__
_set_dict = BaseModel.__dict__["__dict__"].__set__
_set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__
_ALL_FIELDS: dict[type[BaseModel], set[str]] = {}


def built(cls: type[M], values: dict[str, Any], fields_set: set[str] | None = None) -> M:
    """An instance of ``cls`` holding ``values`` unvalidated, for output we make ourselves
    (``tagger.result``, the classifier's hypotheses): what ``model_construct`` does, at a
    fraction of its cost (and of validation's). ``values`` must hold every field, in field
    order (``model_dump`` follows the instance's order), each as validation would leave it:
    a fresh list or dict, a float where the field is a float. ``fields_set`` says which
    fields count as explicitly set; by default all of them, as one set shared by the
    instances of ``cls``: pydantic only ever adds a field's name to it (already there), and
    copies and pickles take their own set. The tests compare built results with validated ones.
    """
    model = _new(cls)
    _set_dict(model, values)
    if fields_set is None:
        fields_set = _ALL_FIELDS.get(cls)
        if fields_set is None:
            fields_set = _ALL_FIELDS[cls] = set(cls.model_fields)
    _set_fields_set(model, fields_set)
    _set_extra(model, None)
    _set_private(model, None)
    return model

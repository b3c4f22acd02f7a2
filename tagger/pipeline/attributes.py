"""Everything the rules say about the ruler's entities, as one pipeline component.

``clinical_attributes`` runs the rule steps in order - activity frames, concept attributes, laterality,
ConText, subject resolution, past episodes, time expressions, modifiers, dose - on one doc view and one list of entities read
once from the doc, instead of six components that each look the doc and its entities up
again (reading the entities back from spaCy's token annotations cost more than some of the
steps themselves). Each step is still its own class in its own module with its own rules
file, and is still registered as a component of its own (``concept_attributes``, ``laterality``,
... ) for a pipeline that wants them separately; this component only sequences them and
keeps their rules in one subdirectory per step when saved. The steps' token matchers run
as one ``MatcherGroup``: one matching pass per doc for all of them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from spacy.language import Language
from spacy.tokens import Doc

from .concepts import ConceptAttributes
from .context import ConText
from .docview import DocView, view
from .episodes import PastEpisodes
from .extensions import register_extensions
from .fastmatch import TokenMatcher
from .frames import ActivityFrames
from .laterality import Laterality
from .matchgroup import MatcherGroup
from .measures import Dose, TimeExpressions
from .modifiers import Modifiers
from .subject import SubjectResolution

Ents = list[tuple[int, int, str, int]]


class Step(Protocol):
    name: str

    def run(self, doc: Doc, v: DocView, ents: Ents) -> Ents: ...
    def initialize(self, get_examples: Any = None, *, nlp: Language | None = None) -> None: ...
    def to_disk(self, path: Any, *, exclude: Any = ()) -> None: ...
    def from_disk(self, path: Any, *, exclude: Any = ()) -> Any: ...


class ClinicalAttributes:
    def __init__(self, nlp: Language, name: str, max_distance: int = 5, default_max_scope: int = 10):
        self.name = name
        # In this order: frames add activities the concept step names, laterality reads
        # concept regions, past episodes read ConText's and the subject's marks, modifiers read negation and onsets.
        self.steps: list[Step] = [
            ActivityFrames(nlp, "activity_frames"),
            ConceptAttributes(nlp, "concept_attributes"),
            Laterality(nlp, "laterality", max_distance=max_distance),
            ConText(nlp, "context", default_max_scope=default_max_scope),
            SubjectResolution(nlp, "subject_resolution"),
            PastEpisodes(nlp, "past_episodes"),
            TimeExpressions(nlp, "time_expressions"),
            Modifiers(nlp, "modifiers"),
            Dose(nlp, "dose"),
        ]
        self._group: MatcherGroup | None = None
        self._attrs: list[tuple[Step, str]] = []

    def step(self, name: str) -> Step:
        """The step called ``name`` (e.g. ``"context"``); a step also runs alone as ``step(doc)``."""
        for step in self.steps:
            if step.name == name:
                return step
        raise KeyError(name)

    def _token_matchers(self) -> list[TokenMatcher]:
        return [value for step in self.steps for value in vars(step).values() if isinstance(value, TokenMatcher)]

    def _grouped(self) -> bool:
        """Whether the steps' token matchers match in one pass per doc, as a MatcherGroup;
        forms the group when they have none or were rebuilt (new rules, a load, a pickle)."""
        group = self._group
        if group is not None and all(step_matcher is m and m._group is group
                                     for step_matcher, m in zip(self._current(), group.members, strict=True)):
            return True
        matchers = self._token_matchers()
        self._group = MatcherGroup(matchers) if MatcherGroup.can_group(matchers) else None
        self._attrs = [(step, attr) for step in self.steps for attr, value in vars(step).items() if isinstance(value, TokenMatcher)]
        return self._group is not None

    def _current(self) -> list[TokenMatcher]:
        return [getattr(step, attr) for step, attr in self._attrs]

    def __call__(self, doc: Doc) -> Doc:
        self._grouped()
        v = view(doc)
        ents = v.entities(doc)
        for step in self.steps:
            ents = step.run(doc, v, ents)  # the concept step drops blockers; the others pass them on
        return doc

    def initialize(self, get_examples=None, *, nlp: Language | None = None) -> None:
        for step in self.steps:
            step.initialize(get_examples, nlp=nlp)

    def to_disk(self, path, *, exclude=()) -> None:
        for step in self.steps:
            step.to_disk(Path(path) / step.name, exclude=exclude)

    def from_disk(self, path, *, exclude=()) -> ClinicalAttributes:
        for step in self.steps:
            step.from_disk(Path(path) / step.name, exclude=exclude)
        return self


@Language.factory(
    "clinical_attributes",
    assigns=["span._.concept", "span._.region", "span._.codes", "span._.laterality", "span._.site", "span._.negated",
             "span._.historical", "span._.hypothetical", "span._.other_subject", "span._.modifier", "span._.dose",
             "doc._.time_expressions"],
    requires=["doc.ents", "token.is_sent_start"],
    default_config={"max_distance": 5, "default_max_scope": 10},
)
def make_clinical_attributes(nlp: Language, name: str, max_distance: int, default_max_scope: int) -> ClinicalAttributes:
    register_extensions()
    return ClinicalAttributes(nlp, name, max_distance=max_distance, default_max_scope=default_max_scope)

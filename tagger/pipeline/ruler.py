"""spaCy's EntityRuler with our token matcher and a cheaper ``set_annotations``.

The pipeline config keeps spaCy's ``entity_ruler`` factory (so a saved pipeline loads
anywhere); ``accelerate(nlp)`` switches the ruler instance to ``FastEntityRuler``, a
subclass that changes no state and no output: its token patterns run on
``TokenMatcher`` (same matches, same order as spaCy's Matcher), and ``set_annotations``
skips building a Span per match to test for existing entities when ``overwrite_ents``
is on, where the test cannot change the outcome. On a doc without entities yet (every
doc in our pipeline) it builds no Spans at all: the chosen matches are written with
``write_entities``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from .entities import write_entities
from .fastmatch import TokenMatcher

# concepts whose patterns only fill tokens no other pattern takes: a wide pattern (any -ing/-ed
# word before a direction word) that a disambiguation rule rejects must not hide the narrower
# match it overlapped ("travels down" is a SYMPTOM's, "fell down the stairs" an injury's)
# ("is turning" only reaches a leg rotation where no other reading took the words: "the knee is
# [turning inside]", session 12)
# ("falls" counted or denied is a fall only where no movement reading took the word: "the arch
# [falls down]" is the flat-foot finding, "No [falls] since" the injury event, session 14 round 2)
FALLBACK_CONCEPTS = (("CONDITION", "alignment_verb"), ("CONDITION", "leg_rotation_copula"), ("CONDITION", "fall_count"))


class FastEntityRuler(EntityRuler):
    _label_ids: dict[int, tuple[int, int]] | None = None  # match id -> (label id, span id)
    _fallback: frozenset[int] | None = None

    def clear(self) -> None:
        super().clear()
        self._label_ids = None
        self.matcher = TokenMatcher(self.nlp.vocab, validate=self._validate)

    def _rebuild_token_matcher(self) -> None:
        """Re-add the token patterns to a TokenMatcher, in the order ``self.patterns`` lists
        them (the order a ruler loaded from disk added them in)."""
        matcher = TokenMatcher(self.nlp.vocab, validate=self._validate)
        for entry in self.patterns:
            if isinstance(entry["pattern"], list):
                label = entry["label"]
                if "id" in entry:
                    label = self._create_label(label, entry["id"])
                matcher.add(label, [entry["pattern"]])
        self.matcher = matcher
        self._label_ids = None

    def add_patterns(self, patterns) -> None:
        super().add_patterns(patterns)
        self._label_ids = None

    def _require_patterns(self) -> None:
        # spaCy's version counts every pattern (len(self)) on every doc, to warn when there are none
        if len(self.matcher) == 0 and len(self.phrase_matcher) == 0:
            super()._require_patterns()

    def match(self, doc: Doc):
        self._require_patterns()
        matches = self.matcher(doc) + self.phrase_matcher(doc)
        final_matches = sorted({m for m in matches if m[1] != m[2]}, key=_longest_first, reverse=True)
        fallback = self._fallback
        if fallback is None:
            fallback = self._fallback = frozenset(
                get_string_id(self._create_label(label, concept)) for label, concept in FALLBACK_CONCEPTS)
        if any(m[0] in fallback for m in final_matches):
            final_matches = [m for m in final_matches if m[0] not in fallback] + \
                            [m for m in final_matches if m[0] in fallback]
        return final_matches

    def set_annotations(self, doc: Doc, matches) -> None:
        if self.overwrite and not doc.has_annotation("ENT_IOB"):
            self._write_new(doc, matches)
            return
        entities = list(doc.ents)
        new_entities = []
        seen_tokens: set[int] = set()
        for match_id, start, end in matches:
            if not self.overwrite and any(t.ent_type for t in doc[start:end]):
                continue
            # check for end - 1 here because boundaries are inclusive
            if start not in seen_tokens and end - 1 not in seen_tokens:
                if match_id in self._ent_ids:
                    label, ent_id = self._ent_ids[match_id]
                    span = Span(doc, start, end, label=label, span_id=ent_id)
                else:
                    span = Span(doc, start, end, label=match_id)
                new_entities.append(span)
                if entities:
                    entities = [e for e in entities if not (e.start < end and e.end > start)]
                seen_tokens.update(range(start, end))
        # ``doc.ents = spans`` would rebuild every Span before calling set_ents with them
        doc.set_ents(entities + new_entities, default="outside")

    def _write_new(self, doc: Doc, matches) -> None:
        """``set_annotations`` for a doc with no entities: the same choice of matches
        (longest first; a match whose first or last token is taken is skipped), written
        without Spans."""
        ids = self._label_ids
        if ids is None:
            ids = self._label_ids = {}
        chosen = []
        seen_tokens: set[int] = set()
        for match_id, start, end in matches:
            if start not in seen_tokens and end - 1 not in seen_tokens:
                label = ids.get(match_id)
                if label is None:
                    label = ids[match_id] = self._label_of(match_id)
                chosen.append((start, end, *label))
                seen_tokens.update(range(start, end))
        write_entities(doc, chosen)

    def _label_of(self, match_id: int) -> tuple[int, int]:
        """(label id, span id) that ``Span(doc, ..., label=..., span_id=...)`` would get."""
        strings = self.nlp.vocab.strings
        if match_id in self._ent_ids:
            label, ent_id = self._ent_ids[match_id]
            return strings.add(label), strings.add(ent_id)
        return match_id, 0


def _longest_first(m: tuple[int, int, int]) -> tuple[int, int]:
    return (m[2] - m[1], -m[1])


def accelerate(nlp: Language, *, rebuild: bool) -> None:
    """Switch every plain ``EntityRuler`` in ``nlp`` to ``FastEntityRuler``. With ``rebuild``
    (a loaded pipeline), its token patterns move to a TokenMatcher now; without it (before
    ``nlp.initialize()``), they do when the ruler adds its patterns."""
    for _, pipe in nlp.pipeline:
        if type(pipe) is EntityRuler:
            pipe.__class__ = FastEntityRuler
            if rebuild:
                pipe._rebuild_token_matcher()
            else:
                pipe.clear()

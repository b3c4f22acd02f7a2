"""Laterality of body regions and structures, from side words in the mention's phrase.

A side word before the mention counts when only phrase-internal words stand between
("my right lateral trunk", "R upper back/lat", "right hip and knee"); after the mention,
a short phrase counts ("knee on the left side", "hip (R)", "knees L>R"). Symptoms and
conditions take the side of the site they are linked to.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from .extensions import add_trigger, register_extensions
from .rules import data_file, read_jsonl, rules_to_disk

SITE_LABELS = frozenset({"BODY_REGION", "STRUCTURE"})
FINDING_LABELS = frozenset({"SYMPTOM", "CONDITION"})
# Words that may stand between a side word and its region inside one phrase.
PHRASE_WORDS = frozenset(
    "my the her his their your our a an of 's ’s lateral medial upper lower outer inner outside inside front "
    "back side posterior anterior mid middle deep whole entire and & or / , - sided bottom top ball balls "
    "big little part area region joint lat med post ant".split()
)
# Words linking a symptom to a site that follows it: "pain in my right foot".
LINK_WORDS = frozenset("in at on around over of to into down through along behind under across near by from".split())


class Laterality:
    def __init__(self, nlp: Language, name: str, max_distance: int = 5):
        self.name = name
        self.max_distance = max_distance
        self.matcher = Matcher(nlp.vocab)
        self.rules: list[dict] = []

    def initialize(self, get_examples=None, *, nlp: Language | None = None) -> None:
        self._set(read_jsonl(data_file("laterality_rules.jsonl")))

    def _set(self, rules: list[dict]) -> None:
        self.rules = rules
        self.matcher = Matcher(self.matcher.vocab)
        for i, rule in enumerate(rules):
            self.matcher.add(f"{rule['position']}|{rule['side']}|{i}", [rule["pattern"]])

    def __call__(self, doc: Doc) -> Doc:
        ents = doc.ents
        if not ents:
            return doc
        before: dict[int, tuple[str, Span]] = {}  # end token -> side
        after: dict[int, tuple[str, Span]] = {}  # start token -> side
        for match_id, start, end in self.matcher(doc):
            position, side, _ = doc.vocab.strings[match_id].split("|")
            span = doc[start:end]
            if position == "before":
                before.setdefault(end, (side, span))
            else:
                after.setdefault(start, (side, span))
        ent_at = {}
        for ent in ents:
            for i in range(ent.start, ent.end):
                ent_at[i] = ent
        for ent in ents:
            if ent.label_ in SITE_LABELS:
                found = self._side_before(doc, ent, before, ent_at) or self._side_after(doc, ent, after, ent_at)
                if found:
                    ent._.laterality = found[0]
                    add_trigger(ent, "laterality", found[0], found[1])
        for ent in ents:
            if ent.label_ in FINDING_LABELS:
                site = self._linked_site(doc, ent, ent_at)
                if site is not None:
                    ent._.site = site
                    if ent._.region is None or ent.label_ == "SYMPTOM":
                        ent._.region = site._.region or ent._.region
                    ent._.laterality = site._.laterality
        return doc

    def _side_before(self, doc, ent, before, ent_at):
        i = ent.start
        steps = 0
        while i > 0 and steps <= self.max_distance:
            if i in before:
                return before[i]
            tok = doc[i - 1]
            other = ent_at.get(i - 1)
            if other is not None and other.label_ in SITE_LABELS:
                i = other.start
            elif tok.lower_ in PHRASE_WORDS or tok.is_space:
                i -= 1
            else:
                return None
            steps += 1
        return before.get(i)

    def _side_after(self, doc, ent, after, ent_at):
        i = ent.end
        steps = 0
        while i < len(doc) and steps <= 2:
            if i in after:
                return after[i]
            other = ent_at.get(i)
            if other is not None and other.label_ in SITE_LABELS:
                i = other.end
            elif doc[i].lower_ in {"and", "&", "/", ",", "area", "region", "joint"}:
                i += 1
            else:
                return None
            steps += 1
        return after.get(i)

    def _linked_site(self, doc, ent, ent_at) -> Span | None:
        """The site a finding refers to: the nearest site before it in its phrase
        ("right foot pain", "knee is sore"), else one after a linking word ("pain in my foot")."""
        sent_start = ent.sent.start
        i, steps = ent.start - 1, 0
        while i >= sent_start and steps < 6:
            other = ent_at.get(i)
            if other is not None and other.label_ in SITE_LABELS:
                return other
            if doc[i].is_punct and doc[i].text not in {"/", "-", "'"} or doc[i].lower_ in {"but", "and", "while", "when", "with"}:
                break
            i -= 1
            steps += 1
        i, steps, linked = ent.end, 0, False
        sent_end = ent.sent.end
        while i < sent_end and steps < 6:
            other = ent_at.get(i)
            if other is not None and other.label_ in SITE_LABELS:
                return other if linked or steps == 0 else None
            if doc[i].lower_ in LINK_WORDS:
                linked = True
            elif doc[i].is_punct and doc[i].text not in {"/", "-"}:
                break
            i += 1
            steps += 1
        return None

    def to_disk(self, path, *, exclude=()) -> None:
        rules_to_disk(Path(path) / "laterality_rules.jsonl", self.rules)

    def from_disk(self, path, *, exclude=()) -> Laterality:
        self._set(read_jsonl(Path(path) / "laterality_rules.jsonl"))
        return self


@Language.factory(
    "laterality",
    assigns=["span._.laterality", "span._.site"],
    requires=["doc.ents", "token.is_sent_start"],
    default_config={"max_distance": 5},
)
def make_laterality(nlp: Language, name: str, max_distance: int) -> Laterality:
    register_extensions()
    return Laterality(nlp, name, max_distance=max_distance)

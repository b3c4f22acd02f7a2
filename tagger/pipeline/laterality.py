"""Laterality of body regions and structures, from side words in the mention's phrase.

A side word before the mention counts when only phrase-internal words stand between
("my right lateral trunk", "R upper back/lat", "right hip and knee"); after the mention,
a short phrase counts ("knee on the left side", "hip (R)", "knees L>R"). Symptoms and
conditions take the side of the site they are linked to.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from .docview import DocView, ids, view
from .extensions import add_trigger, entity_store, register_extensions, store_record
from .fastmatch import TokenMatcher
from .rules import data_file, read_jsonl, rules_to_disk

SITE_LABELS = frozenset({"BODY_REGION", "STRUCTURE"})
FINDING_LABELS = frozenset({"SYMPTOM", "CONDITION"})
# Words that may stand between a side word and its region inside one phrase.
PHRASE_WORDS = frozenset(
    "my the her his their your our a an of 's ’s lateral medial upper lower outer inner outside inside front "
    "back side posterior anterior mid middle deep whole entire and & or / , - sided bottom top ball balls "
    "big little part area region joint lat med post ant +".split()
)
# Words linking a symptom to a site that follows it: "pain in my right foot".
LINK_WORDS = frozenset("in at on around over of to into down through along behind under across near by from".split())
_AFTER_WORDS = ids({"and", "&", "/", ",", "area", "region", "joint"})
_PHRASE_IDS = ids(PHRASE_WORDS)
_LINK_IDS = ids(LINK_WORDS)
_JOINING_PUNCT = ids({"/", "-", "'"})
_SLASH_DASH = ids({"/", "-"})
_PHRASE_BREAKS = ids({"but", "and", "while", "when", "with"})


class Laterality:
    def __init__(self, nlp: Language, name: str, max_distance: int = 5):
        self.name = name
        self.max_distance = max_distance
        self.matcher = TokenMatcher(nlp.vocab)
        self.rules: list[dict] = []

    def initialize(self, get_examples=None, *, nlp: Language | None = None) -> None:
        self._set(read_jsonl(data_file("laterality_rules.jsonl")))

    def _set(self, rules: list[dict]) -> None:
        self.rules = rules
        self.matcher = TokenMatcher(self.matcher.vocab)
        self._rule_of: dict[int, tuple[str, str]] = {}
        for i, rule in enumerate(rules):
            key = f"{rule['position']}|{rule['side']}|{i}"
            self.matcher.add(key, [rule["pattern"]])
            self._rule_of[self.matcher._normalize_key(key)] = (rule["position"], rule["side"])

    def __call__(self, doc: Doc) -> Doc:
        v = view(doc)
        self.run(doc, v, v.entities(doc))
        return doc

    def run(self, doc: Doc, v: DocView, ents: list[tuple[int, int, str, int]]) -> list[tuple[int, int, str, int]]:
        """Set laterality and linked sites on ``ents`` (the doc's entities); returns them."""
        if not ents:
            return ents
        store = entity_store(doc)
        before: dict[int, tuple[str, int, int]] = {}  # end token -> (side, trigger start, trigger end)
        after: dict[int, tuple[str, int, int]] = {}  # start token -> (side, trigger start, trigger end)
        rule_of = self._rule_of
        for match_id, start, end in self.matcher(doc):
            position, side = rule_of[match_id]
            # where two side phrases meet the same token, the longer one wins ("L>R" over "L")
            table, key = (before, end) if position == "before" else (after, start)
            held = table.get(key)
            if held is None or end - start > held[2] - held[1]:
                table[key] = (side, start, end)
        # (start, end, label) of each entity, and the entity covering each entity token
        spans = [e[:3] for e in ents]
        ent_at: dict[int, tuple[int, int, str]] = {}
        for span in spans:
            for i in range(span[0], span[1]):
                ent_at[i] = span
        lowers = v.lowers
        for span in spans:
            if span[2] in SITE_LABELS:
                found = self._side_before(v, span, before, ent_at) or self._side_after(lowers, span, after, ent_at)
                if found:
                    record = store_record(store, span[0], span[1])
                    record["laterality"] = found[0]
                    add_trigger(record, "laterality", found[0], v.start_char(found[1]), v.end_char(found[2]))
        for span in spans:
            if span[2] in FINDING_LABELS:
                site = self._linked_site(doc, v, span, ent_at)
                if site is not None:
                    record = store_record(store, span[0], span[1])
                    site_record = store.get(site[0])
                    if site_record is not None and site_record.get("end") != site[1]:
                        site_record = None
                    site_region = site_record.get("region") if site_record is not None else None
                    record["site"] = [site[0], site[1]]
                    if record.get("region") is None or span[2] == "SYMPTOM":
                        record["region"] = site_region or record.get("region")
                    record["laterality"] = site_record.get("laterality") if site_record is not None else None
        return ents

    def _side_before(self, v, ent, before, ent_at):
        i = ent[0]
        steps = 0
        lowers, is_space = v.lowers, v.is_space
        while i > 0 and steps <= self.max_distance:
            if i in before:
                return before[i]
            other = ent_at.get(i - 1)
            if other is not None and other[2] in SITE_LABELS:
                i = other[0]
            elif lowers[i - 1] in _PHRASE_IDS or is_space[i - 1]:
                i -= 1
            else:
                return None
            steps += 1
        return before.get(i)

    def _side_after(self, lowers, ent, after, ent_at):
        i = ent[1]
        steps = 0
        n = len(lowers)
        while i < n and steps <= 2:
            if i in after:
                return after[i]
            other = ent_at.get(i)
            if other is not None and other[2] in SITE_LABELS:
                i = other[1]
            elif lowers[i] in _AFTER_WORDS:
                i += 1
            else:
                return None
            steps += 1
        return after.get(i)

    def _linked_site(self, doc, v, ent, ent_at) -> tuple[int, int, str] | None:
        """The site a finding refers to: the nearest site before it in its phrase
        ("right foot pain", "knee is sore"), else one after a linking word ("pain in my foot")."""
        sent_start, sent_end = v.sent_bounds(doc, ent[0], ent[1])
        lowers, orths, is_punct = v.lowers, v.orths, v.is_punct
        i, steps = ent[0] - 1, 0
        while i >= sent_start and steps < 6:
            other = ent_at.get(i)
            if other is not None and other[2] in SITE_LABELS:
                return other
            if (is_punct[i] and orths[i] not in _JOINING_PUNCT) or lowers[i] in _PHRASE_BREAKS:
                break
            i -= 1
            steps += 1
        i, steps, linked = ent[1], 0, False
        while i < sent_end and steps < 6:
            other = ent_at.get(i)
            if other is not None and other[2] in SITE_LABELS:
                return other if linked or steps == 0 else None
            if lowers[i] in _LINK_IDS:
                linked = True
            elif is_punct[i] and orths[i] not in _SLASH_DASH:
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

"""Subject resolution: whose body or activity an entity is, decided per note.

ConText marks ``other_subject`` from trigger phrases ("my husband has", "FHx"); phrase lists
fit the phrasing they were written from. This step instead decides who the note is about
and who owns each entity, and marks the entities owned by anyone else:

1. **Owner.** An entity's owner is the person word that possesses it ("her left knee",
   "my wife's knees", "Beth's foot": up to three tokens back, in its clause), or else the
   nearest person word before it in its clause when that word is the clause's subject
   and a verb of having or doing follows it ("my husband runs marathons", "I had PF as a
   kid"). A clause subject followed by another verb ("the physio suggested orthotics",
   "she thinks it's the ITB") owns nothing.
2. **Subject.** The note's subject is the person class that owns most of its body
   regions, structures, conditions and symptoms: the writer ("first") in a patient's
   email or post; the third person ("she"/"he", with nouns such as "pt", "athlete",
   "daughter" and names) in a clinician's note, a coach's message or a parent's form.
3. **Mark.** An entity whose owner is neither the subject nor the reader ("your knee")
   nor "we" is someone else's: a relative, a friend, the coach's own body in a coach's
   message ("I had PF myself"), the parent's own history on a child's form. After a
   "Reply from <someone>:" line the first person is that replier, never the subject.

Every word list is data in ``data/subject_rules.jsonl``. The pass is per entity, over at
most one clause before it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from typing import Any

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.tokens import Doc

from .docview import DocView, ids, view
from .extensions import add_trigger, entity_store, register_extensions, store_record
from .rules import RulesComponent

KINDS = {"person", "not_name", "possessive_marker", "verb", "not_after_verb", "boundary", "writer_header"}
CLASSES = {"first", "second", "we", "she", "he", "subject_noun", "other_noun"}
CASES = {"nominative", "possessive", "both"}
# classes that own the symptomatic entities of a note and so may be its subject
SYMPTOMATIC = frozenset({"BODY_REGION", "STRUCTURE", "CONDITION", "SYMPTOM"})
POSSESSED = frozenset({"BODY_REGION", "STRUCTURE", "CONDITION", "SYMPTOM", "FOOTWEAR"})
THIRD = frozenset({"she", "he", "subject_noun", "name"})
NEUTRAL = frozenset({"second", "we"})
POSSESSIVE_REACH = 3  # tokens between a possessive and the entity it owns ("her left big toe")
CLAUSE_REACH = 20  # tokens back to look for a clause subject
VERB_REACH = 2
_QUOTES = ids({'"', "'", "“", "”", "‘", "’"})
OWNER_WEIGHT = 2  # an owned symptomatic entity counts as much as two person words when deciding the subject  # tokens after a clause subject where its verb may stand ("she also has", "my mum has")


def validate_subject_rule(rule: dict[str, Any], where: str) -> None:
    kind = rule.get("kind")
    if kind not in KINDS:
        raise ValueError(f"{where}: kind must be one of {sorted(KINDS)}, not {kind!r}")
    if kind == "writer_header":
        if not isinstance(rule.get("literal"), str):
            raise ValueError(f"{where}: a writer_header rule needs a 'literal'")
        return
    if not isinstance(rule.get("words"), list) or not rule["words"]:
        raise ValueError(f"{where}: a {kind} rule needs a non-empty 'words' list")
    if kind == "person":
        if rule.get("class") not in CLASSES:
            raise ValueError(f"{where}: class must be one of {sorted(CLASSES)}, not {rule.get('class')!r}")
        if rule.get("case") not in CASES:
            raise ValueError(f"{where}: case must be one of {sorted(CASES)}, not {rule.get('case')!r}")


class SubjectResolution(RulesComponent):
    rules_file = "subject_rules.jsonl"

    def __init__(self, nlp: Language, name: str):
        self._make_doc = nlp.make_doc
        super().__init__(nlp, name)

    def _set(self, rules: list[dict[str, Any]]) -> None:
        for i, rule in enumerate(rules):
            validate_subject_rule(rule, f"subject rule {i + 1}")
        self.rules = rules
        self._nominative: dict[int, str] = {}
        self._possessive: dict[int, str] = {}
        markers: set[str] = set()
        verbs: set[str] = set()
        not_after: set[str] = set()
        boundaries: set[str] = set()
        not_names: set[str] = set()
        self._headers: list[tuple[str, frozenset[int]]] = []
        for rule in rules:
            kind = rule["kind"]
            if kind == "person":
                for word in rule["words"]:
                    key = ids([word.lower()])
                    (key_id,) = key
                    if rule["case"] in {"nominative", "both"}:
                        self._nominative[key_id] = rule["class"]
                    if rule["case"] == "possessive":
                        self._possessive[key_id] = rule["class"]
            elif kind == "not_name":
                not_names.update(w.lower() for w in rule["words"])
            elif kind == "possessive_marker":
                markers.update(rule["words"])
            elif kind == "verb":
                verbs.update(w.lower() for w in rule["words"])
            elif kind == "not_after_verb":
                not_after.update(w.lower() for w in rule["words"])
            elif kind == "boundary":
                boundaries.update(w.lower() for w in rule["words"])
            else:
                self._headers.append((rule["literal"].lower(), ids(w.lower() for w in rule.get("same_writer") or ())))
        self._markers = ids(markers)
        self._verbs = ids(verbs)
        self._not_after = ids(not_after)
        self._boundaries = ids(boundaries)
        self._not_names = ids(not_names)
        # nouns that take a possessive marker ("wife's") own by that marker, not as a bare noun
        self._first_possessive = frozenset(k for k, c in self._possessive.items() if c == "first")
        self._nouns = frozenset(k for k, c in self._nominative.items() if c in {"subject_noun", "other_noun"})

    # -- who owns an entity ---------------------------------------------------
    def _possessor(self, v: DocView, i: int, lo: int, ent_tokens: set[int]) -> tuple[str, int] | None:
        """The person class of the possessive just before token ``i`` ("her left knee"), with its token."""
        lowers, orths = v.lowers, v.orths
        k, seen = i - 1, 0
        while k >= lo and seen < POSSESSIVE_REACH:
            low = lowers[k]
            if low in self._markers and k > lo:
                owner = lowers[k - 1]
                cls = self._nominative.get(owner) if owner in self._nouns else None
                if cls is None and v.strings[orths[k - 1]][:1].isupper() and k - 1 not in ent_tokens \
                        and owner not in self._nominative and owner not in self._possessive and owner not in self._not_names:
                    cls = "name"
                return (cls, k - 1) if cls else None
            cls = self._possessive.get(low)
            if cls is not None:
                return cls, k
            if low in self._boundaries or v.is_punct[k] or low in self._nominative:
                return None
            if k not in ent_tokens:
                seen += 1
            k -= 1
        return None

    def _clause_subject(self, v: DocView, i: int, lo: int) -> tuple[str, int] | None:
        """The class of the clause subject before token ``i`` that has or does what follows
        ("my husband runs", "I had"), with its token; None when there is none in the clause."""
        lowers = v.lowers
        stop = max(lo, i - CLAUSE_REACH)
        for k in range(i - 1, stop - 1, -1):
            low = lowers[k]
            if low in self._boundaries:
                return None
            cls = self._nominative.get(low)
            if cls is None:
                if self._possessive.get(low) is not None:
                    return None  # "her physio told me": a possessed noun is not the owner here
                continue
            if k + 1 < v.n and lowers[k + 1] in self._markers:
                return None  # "my wife's physio ..." is handled as a possessive
            verb = "'" in v.lower(k)  # "she's", "I've": the verb is in the word
            for j in range(k + 1, min(i, k + 1 + VERB_REACH)):
                if lowers[j] in self._verbs:
                    verb = not (j + 1 < i and lowers[j + 1] in self._not_after)
                    break
            return (cls, k) if verb else None
        return None

    @staticmethod
    def _quoted(v: DocView, lo: int, i: int) -> bool:
        """Whether token ``i`` stands inside a quotation opened earlier in its sentence."""
        orths = v.orths
        return sum(1 for k in range(lo, i) if orths[k] in _QUOTES) % 2 == 1

    def _voice(self, doc: Doc, v: DocView, until: int) -> Counter[str]:
        """How often each person class is named in the note's first ``until`` tokens (the
        original writer's part): the writer's words "I"/"my" against "she"/"his"/"pt". "My"
        before a subject noun ("my athlete", "my son") names the third person."""
        counts: Counter[str] = Counter()
        if until >= v.n:
            by_lower = doc.count_by(LOWER)
        else:
            by_lower = Counter(v.lowers[:until])
        for key, n in by_lower.items():
            cls = self._nominative.get(key) or self._possessive.get(key)
            if cls is not None:
                counts[cls] += n
        if counts["first"] and (counts["subject_noun"] or counts["other_noun"]):
            lowers = v.lowers
            for k in range(min(until, v.n) - 1):
                if lowers[k] in self._first_possessive:
                    cls = self._nominative.get(lowers[k + 1])
                    if cls == "subject_noun":
                        counts["first"] -= 1
                    elif cls == "other_noun":
                        counts["my_other"] += 1
        if counts["my_other"] and not counts["subject_noun"]:
            # "My husband's physio told him ...": in a writer's own story with a relative in it,
            # "he" and "she" are the relative (or the physio), not whom the note is about
            counts["she"] = counts["he"] = 0
        return counts

    # -- the note's writers -------------------------------------------------
    def _reply_starts(self, doc: Doc, v: DocView) -> list[tuple[int, bool]]:
        """Token positions where a reply by another writer (True) or by the subject (False)
        begins: after a header line such as "Reply from RunNerdAl:" ("Reply from OP:" is the subject)."""
        found = []
        lowered = doc.text.lower()
        for literal, same in self._headers:
            at = lowered.find(literal)
            while at >= 0:
                if at == 0 or lowered[at - 1] == "\n":
                    line_end = lowered.find("\n", at)
                    line_end = len(lowered) if line_end < 0 else line_end
                    i, j = bisect_left(v.idx, at), bisect_left(v.idx, line_end)
                    other = not any(v.lowers[k] in same for k in range(i, j))
                    found.append((j, other))
                at = lowered.find(literal, at + 1)
        found.sort()
        return found

    def __call__(self, doc: Doc) -> Doc:
        v = view(doc)
        self.run(doc, v, v.entities(doc))
        return doc

    def run(self, doc: Doc, v: DocView, ents: list[tuple[int, int, str, int]]) -> list[tuple[int, int, str, int]]:
        if not ents:
            return ents
        replies = self._reply_starts(doc, v) if self._headers else []
        reply_at = [r[0] for r in replies]
        ent_tokens = {i for s, e, _, _ in ents for i in range(s, e)}
        owners: list[tuple[str, int] | None] = []
        votes: Counter[str] = Counter()
        for s, _e, label, _ in ents:
            lo = v.sent_bounds(doc, s)[0]
            # "her clam exercises", "my U15 netballer": a possessed activity is the one who set
            # it or the activity's own name for a person, not that person's activity
            if self._quoted(v, lo, s):
                owners.append(None)  # "says 'my L foot has gone flat'": the quoted speaker, not the writer
                continue
            owner = (self._possessor(v, s, lo, ent_tokens) if label in POSSESSED else None) or self._clause_subject(v, s, lo)
            if owner is not None and owner[0] == "first" and replies:
                r = bisect_right(reply_at, s) - 1
                if r >= 0 and replies[r][1]:
                    owner = ("replier", owner[1])
            owners.append(owner)
            if owner is not None and label in SYMPTOMATIC:
                votes[owner[0]] += 1
        words = self._voice(doc, v, reply_at[0] if reply_at else v.n)
        if words["my_other"] and not words["subject_noun"]:
            votes["she"] = votes["he"] = 0
        first = votes["first"] * OWNER_WEIGHT + words["first"]
        third = sum(votes[c] for c in THIRD) * OWNER_WEIGHT + sum(words[c] for c in THIRD)
        if first == 0 and third == 0:
            subject: frozenset[str] = frozenset()
        elif first >= third:
            subject = frozenset({"first"})
        else:
            pronoun = "she" if votes["she"] + words["she"] >= votes["he"] + words["he"] else "he"
            subject = frozenset({pronoun, "subject_noun", "name"})
        store = entity_store(doc)
        for (s, e, _, _), owner in zip(ents, owners, strict=True):
            if owner is None:
                continue
            cls, k = owner
            if cls in NEUTRAL:
                continue
            if cls in {"other_noun", "replier"} or (subject and cls not in subject):
                record = store_record(store, s, e)
                if not record.get("other_subject"):
                    record["other_subject"] = True
                    add_trigger(record, "other_subject", "true", v.idx[k], v.end_char(k + 1))
        return ents




@Language.factory(
    "subject_resolution",
    assigns=["span._.other_subject"],
    requires=["doc.ents", "token.is_sent_start"],
)
def make_subject_resolution(nlp: Language, name: str) -> SubjectResolution:
    register_extensions()
    return SubjectResolution(nlp, name)

"""Relieving / aggravating links from a complaint to what changes it.

The target of a link is an ACTIVITY, FOOTWEAR or a STRUCTURE being stretched or
released ("goes away when barefoot" -> barefoot relieving; "worse in sneakers" ->
sneakers aggravating). The nearest trigger in the target's clause wins (one in the target's own
comma segment first; a ``weak`` trigger such as "since I started" only when no other applies); a bare "after"
(``inherit``) takes the value of a trigger just before it ("settles for a few hours after
she foam-rolls" -> relieving). A form's question (``"direction": "ANSWER"``, "What makes it
worse?") gives its value to the targets of the answer that follows, up to the line's end or
the next question, when their own clause has no trigger. An "after" that dates the complaint
("started 6 weeks after I upped my running", "after 12 years off") is no trigger, so
the time expressions are found before this step. Without a
trigger, a symptom joined to the target by a linking word ("hurts when I take
stairs") makes it aggravating, or relieving when the symptom is negated and the target is
footwear ("no pain when barefoot"). A rule may name the ``targets`` it links: "fine", "ok"
and "no pain" relieve footwear ("fine in her old boots") but only say an activity does not
provoke the complaint ("walking is fine"): for an activity such a trigger still wins the
clause, and leaves it without a modifier.

Session 11: a cue reaches every item of the list it stands before or after (``list_separators``:
"Worse when: sitting long time on the stool, bending to do pedicure"); an activity named by the
person who does it ("60M golfer", "organist") is no target (``person_suffixes``); a pain score that
falls ("7 → 3/10", "from 6/10 to 2/10", "2/10 from 6/10") is a treatment's stated improvement, and it
wins over a symptom cue that is its subject ("Three weeks of TFL release took the knee pain on
descents from 7 to 3"); ``outcome_more`` adds phrasings of an outcome.

Session 12: the symptom's own site does not count towards the link's reach ("pain at the back of my
right thigh when I sit", ``site_words``); a later list item may keep two words of its own
(``later_words``: "and when climbing stairs"); footwear left off ("without the insoles") turns an
aggravating cue over and takes a symptom after it as relieving; a rule may read differently before
the next word (``if_next``: "can't" is no cue, "can't lie" aggravates; "better on the stairs" relieves
footwear only) and may name the activity ``target_concepts`` it reaches ("pain-free" reaches
exercises, not activities done without pain); an activity followed by its own pain score aggravates.

Session 13: "not painful", "not provocative", "no ache" read as "pain-free"; a past start dated by an
activity ("started the day after the first run") is its cause (``start_dated``); "2/10 instead of 5-6"
is a falling score; a pain score linked to the activity after it, or right before it, aggravates
(``score_link``); words of the complaint that are no entity ("sharp on downhills", ``pain_words``) link
as a symptom does; a complaint easing a while into the activity before it ("first steps ..., gone
after 5 min") is brought on by it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Any, NamedTuple

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc

from .docview import DocView, ids
from .extensions import add_trigger, entity_store, register_extensions, store_record
from .rules import RulesComponent

TARGET_LABELS = frozenset({"ACTIVITY", "FOOTWEAR"})
_SITE_LABELS = frozenset({"BODY_REGION", "STRUCTURE"})
CLAUSE_BREAKS = frozenset({"but", "however", "although", "though", "whereas", ";", "except", "yet", "otherwise"})
_CLAUSE_BREAK_IDS = ids(CLAUSE_BREAKS)
_ANSWER_ENDS = ids({"?", ":"})
_BRACKETS = ids({"(", ")", "[", "]"})
# a pain score that changes: "7 → 3/10", "6/10 -> 1/10", "from 6/10 to 2/10" (a count or a distance is no score)
_SCORE = r"(\d{1,2}(?:\.\d)?)"
_SCORE_DROP = re.compile(
    rf"(?<![\d/.]){_SCORE}(?:\s*/\s*10)?\s*(?:→|->|-->|=>|⇒)\s*{_SCORE}(?!\s*(?:/\s*(?!10)\d|[a-zA-Z%]))"
    rf"|\bfrom\s+(?:about\s+|around\s+)?(?:an?\s+)?{_SCORE}(?:\s*/\s*10)?\s+to\s+(?:about\s+|around\s+)?(?:an?\s+)?{_SCORE}(?!\s*(?:/\s*(?!10)\d|[a-zA-Z%]))"
    rf"|(?<![\d/.]){_SCORE}\s*/\s*10\s+from\s+{_SCORE}(?:\s*/\s*10)?(?![\d/])"
    # session 13: the new score first, the old one after "instead of" ("knee 2/10 instead of 5-6")
    rf"|(?<![\d/.]){_SCORE}\s*/\s*10\s+instead\s+of\s+(?:about\s+|around\s+)?(?:an?\s+)?{_SCORE}(?:\s*[-–]\s*\d{{1,2}})?(?:\s*/\s*10(?![\d/.])|(?![\d/.])(?!\s*[a-zA-Z%]))")
# right after an activity, its own pain score: "first steps AM 8/10", "SL stance L 30 s pain 5/10" (not "10/52" weeks)
_ACTIVITY_SCORE = re.compile(
    r"[ \t]*(?:(?:AM|am|a\.m\.|PM|pm|[LR]|\d+\s?(?:s|sec|min|m|km|x)|x\s?\d+|pain|ache|sx|reps?)[ \t,]+){0,3}"
    r"(?:=\s*|:\s*)?(\d{1,2}(?:\.\d)?)\s*/\s*10(?![\d/])")
# a pain score ending the text before a link word: "5/10" in "5/10 during the walking part" (no falling score: "6 -> 3/10")
_SCORE_BEFORE = re.compile(r"(?<![\d/.>→])\s(\d{1,2}(?:\.\d)?)\s*/\s*10\s*$")
_SCORE_BEFORE_REACH = 24  # characters before the link word (or the activity) in which that score may end
_SCORE_LEAD_INS = 2  # lead-in words ("the", "my") that may stand between the link word and the activity
# a cue then "after" a time or a distance: "gone after 5 min", "eases after 10-15 min", "settles after ~2 km"
# session 14b: also a count in words ("settles after a few mins", "after a couple of minutes": 14tr-b ehr-14006)
_EASES_INTO = re.compile(r"[^\n,.;]*?\bafter\s+(?:about\s+|around\s+|~\s*)?(?:\d+(?:\s*[-–]\s*\d+)?|a\s+few|few|"
                         r"a\s+couple(?:\s+of)?|several)\s*(?:min|mins|minutes|km|k|miles?|mi)\b", re.I)
_EASES_REACH = 60  # characters past the cue's end in which that "after 5 min" may stand
# what ends the words before a start_dated link: the start phrase must be in the link's own clause
_START_CLAUSE_BOUNDS = ids({",", ";", ".", ":", "\n", "but", "and"})
_VALUES = frozenset({"relieving", "aggravating", "none"})
_COMMA = get_string_id(",")
_AFTER = (get_string_id("after"), get_string_id("After"))
_DAYS_OR_LONGER = ids({"days", "week", "weeks", "wk", "wks", "month", "months", "mo", "mos", "year", "years", "yr", "yrs"})
_COUNTS = ids({"a", "an", "few", "several", "couple", "of", "about", "around", "nearly", "almost", "over", "two", "three",
               "four", "five", "six", "ten", "twelve"})


# what may stand before an "after" that opens a clause ("Response to treatment: after ...", "..., after a session of ...")
_PAIR_REACH = 12  # tokens before a touching arrow in which the other arrow of a records pair may stand
_CLAUSE_OPENERS = frozenset({":", ",", ";", "-", "(", "\n"})


class _Trigger(NamedTuple):
    """The trigger chosen for a target: its rank (lower wins), token span, value for the target
    (None: no modifier), ``inherit`` reach and rule (None for a form question's answer)."""

    rank: tuple[bool, bool, int]
    start: int
    end: int
    value: str | None
    inherit: Any
    rule: dict[str, Any] | None


class _DocLinks(NamedTuple):
    """What one doc offers every target: its triggers (by start, with their rank), its
    symptoms, form answers, onset tokens and footwear outcomes."""

    by_start: list
    starts: list[int]
    symptoms: list[tuple[int, int, str]]
    symptom_starts: list[int]
    store: dict
    answers: list
    onset: set[int]
    outcomes: list[tuple[int, int, str | None]]
    outcome_target_starts: list[int]
    outcome_target_set: set[int]
    site_tokens: set[int]


class Modifiers(RulesComponent):
    rules_file = "modifier_rules.jsonl"

    def __init__(self, nlp: Language, name: str):
        self._make_doc = nlp.make_doc
        super().__init__(nlp, name)

    def _set(self, rules: list[dict[str, Any]]) -> None:
        self.rules = rules
        self.matcher = PhraseMatcher(self.vocab, attr="LOWER")
        self.link: dict[str, Any] | None = None
        self.outcome: dict[str, Any] | None = None
        self.outcome_matcher = PhraseMatcher(self.vocab, attr="LOWER")
        self._not_after: frozenset[int] = frozenset()
        self._absent_after: frozenset[int] = frozenset()
        self._treatment_cues: frozenset[int] = frozenset()
        self._rule_of: dict[int, dict[str, Any]] = {}
        self._link_ids: frozenset[int] = frozenset()
        self._site_word_ids: frozenset[int] = frozenset()
        self._link_adverb_ids: frozenset[int] = frozenset()
        self.coordination: dict[str, Any] | None = None
        self._separator_ids: frozenset[int] = frozenset()
        self._lead_in_ids: frozenset[int] = frozenset()
        self.persons: dict[str, Any] | None = None
        self._person_suffixes: tuple[str, ...] = ()
        self._person_words: frozenset[str] = frozenset()
        self._not_persons: frozenset[str] = frozenset()
        self._pain_word_orths: frozenset[int] = frozenset()
        self.start_dated: dict[str, Any] | None = None
        self.score_link: dict[str, Any] | None = None
        for i, rule in enumerate(rules):
            if "start_dated" in rule:
                self.start_dated = rule
                self._start_phrases = tuple(tuple(get_string_id(w) for w in p.split()) for p in rule["start_dated"])
                self._start_link_ids = ids(rule["links"])
                self._start_stops = ids(rule.get("stops", ()))
            elif "pain_words" in rule:
                words = rule["pain_words"]
                self._pain_word_orths = ids(set(words) | {w.capitalize() for w in words} | {w.upper() for w in words})
            elif "score_link" in rule:
                self.score_link = rule
                self._score_link_ids = ids(rule["score_link"])
                self._score_lead_ids = ids(rule.get("lead_ins", ()))
            elif "person_suffixes" in rule:
                self.persons = rule
                self._person_suffixes = tuple(rule["person_suffixes"])
                self._person_words = frozenset(rule.get("person_words", ()))
                self._not_persons = frozenset(rule.get("not_persons", ()))
            elif "list_separators" in rule:
                self.coordination = rule
                self._separator_ids = ids(rule["list_separators"])
                self._lead_in_ids = ids(rule.get("lead_ins", ()))
            elif "symptom_link" in rule:
                self.link = rule
                self._link_ids = ids(rule["symptom_link"])
                self._site_word_ids = ids(rule.get("site_words", ()))
                self._link_adverb_ids = ids(rule.get("link_adverbs", ()))
            elif "site_words_more" in rule:
                # more words of the symptom's own site, kept in a block of their own (added after the link rule)
                self._site_word_ids = self._site_word_ids | ids(rule["site_words_more"])
            elif "outcome_more" in rule:
                # more phrasings of an outcome, kept in a block of their own (added after the outcome rule)
                self._add_outcomes(i, rule["outcome_more"])
                self._treatment_cues = self._treatment_cues | ids(rule.get("treatment_cues", ()))
            elif "outcome" in rule:
                self.outcome = rule
                self._not_after = ids(rule.get("not_after", ()))
                self._absent_after = ids(rule.get("absent_after", ()))
                self._treatment_cues = self._treatment_cues | ids(rule.get("treatment_cues", ()))
                self._add_outcomes(i, rule["outcome"])
            elif rule.get("modifier") not in _VALUES:
                raise ValueError(f"modifier rule {i + 1}: 'modifier' must be 'relieving', 'aggravating' or 'none'")
            else:
                self.matcher.add(str(i), [self._make_doc(rule["literal"])])
                self._rule_of[self.vocab.strings.add(str(i))] = rule

    def _add_outcomes(self, i: int, phrases_by_value: dict[str, list[str]]) -> None:
        """Add an outcome block's phrases (rule ``i``) to the outcome matcher, by value."""
        for value, phrases in phrases_by_value.items():
            if value not in _VALUES:
                raise ValueError(f"modifier rule {i + 1}: outcome values are relieving, aggravating or none")
            self.outcome_matcher.add(value, [self._make_doc(p) for p in phrases])

    def run(self, doc: Doc, v: DocView, ents: list[tuple[int, int, str, int]]) -> list[tuple[int, int, str, int]]:
        """Link ``ents``' activities, footwear and stretched structures to what relieves or
        aggravates (``ents``: the doc's entities); returns them."""
        if not ents:
            return ents
        n = v.n
        spans = [e[:3] for e in ents]
        targets = [e for e in spans if (e[2] in TARGET_LABELS and not self._names_a_person(v, e))
                   or (e[2] == "STRUCTURE" and e[1] < n and v.lower(e[1]).startswith("stretch"))]
        if not targets:
            return ents
        # A trigger may contain a symptom ("no pain", "hurts"), never another entity.
        non_symptom_tokens = {i for e in spans if e[2] != "SYMPTOM" for i in range(e[0], e[1])}
        triggers = []
        rule_of = self._rule_of
        onset = _onset_tokens(doc, v)
        for match_id, start, end in self.matcher(doc):
            if non_symptom_tokens.intersection(range(start, end)) or (start in onset and rule_of[match_id].get("not_in_onset")):
                continue
            triggers.append((start, end, self._before_word(v, rule_of[match_id], end)))
        # longest trigger wins where two overlap ("feels better" over "better")
        triggers.sort(key=lambda t: (-(t[1] - t[0]), t[0]))
        taken: set[int] = set()
        kept = []
        for t in triggers:
            if not taken.intersection(range(t[0], t[1])):
                taken.update(range(t[0], t[1]))
                kept.append(t)
        kept = self._touching_as_none(v, kept, targets)
        # The same triggers by start token, each with its rank in ``kept`` (ties go to the first).
        by_start = sorted((t[0], rank, t) for rank, t in enumerate(kept))
        symptoms = self._with_pain_words(v, spans, [e for e in spans if e[2] == "SYMPTOM"])
        store = entity_store(doc)
        outcome_ids = {e[0] for e in ents if self._takes_outcome(e[2], v.strings[e[3]])} if self.outcome else set()
        outcome_targets = sorted(outcome_ids)
        links = _DocLinks(
            by_start, [b[0] for b in by_start], symptoms, [e[0] for e in symptoms], store,
            [self._answer_span(doc, v, t) for t in kept if t[2]["direction"] == "ANSWER"], onset,
            self._outcomes(doc, v, non_symptom_tokens) if outcome_targets else [], outcome_targets, outcome_ids,
            {i for e in spans if e[2] in _SITE_LABELS for i in range(e[0], e[1])} if self._site_word_ids else set(),
        )
        decided: list[bool] = []
        for target in targets:
            record = store.get(target[0])
            if record is not None and record.get("end") == target[1] and record.get("other_subject"):
                decided.append(True)
                continue  # "my sister's knees hurt when she runs": her running does not change the subject's complaint
            decided.append(self._link_target(doc, v, target, links))
        if self.coordination is not None and len(targets) > 1:
            self._share_with_list(doc, v, targets, decided, store, symptoms, taken)
        return ents

    @staticmethod
    def _touching_as_none(v, kept: list, targets: list) -> list:
        """A ``touching`` trigger right before an activity (a side word may stand between) says how
        much of it there is, a gait finding or a plan's cut ("Gait: ↓ R [push-off]", "P: ↓ [track] to
        1x/wk"), not that the complaint changes: it becomes a pseudo-trigger (none) for every target."""
        if not any(t[2].get("touching") for t in kept):
            return kept
        starts: dict[int, str] = {t[0]: t[2] for t in targets}
        out = []
        for start, end, rule in kept:
            touching = rule.get("touching")
            if touching and not Modifiers._paired_arrow(v, start, touching):
                i = end
                while i < v.n and v.lower(i) in touching["between"]:
                    i += 1
                if starts.get(i) in touching["labels"]:
                    rule = {**rule, "modifier": "none"}
            out.append((start, end, rule))
        return out

    @staticmethod
    def _paired_arrow(v, start: int, touching: dict[str, Any]) -> bool:
        """Whether a ``paired_with`` arrow stands before the trigger at ``start`` in its line and sentence
        ("Sx ↑ after sitting, ↓ walking": the records' aggravates/eases pair, so "↓" is what eases)."""
        paired = touching.get("paired_with")
        if not paired:
            return False
        for i in range(start - 1, max(start - _PAIR_REACH, -1), -1):
            text = v.text(i)
            if text in paired:
                return True
            if "\n" in text or text == ".":
                return False
        return False

    def _share_with_list(self, doc: Doc, v, targets: list, decided: list[bool], store: dict, symptoms: list,
                         cue_tokens: set[int]) -> None:
        """A cue reaches every item of the list it stands before or after: a target listed with one
        that has a modifier, of the same label and decided by nothing of its own, shares it. Forward
        when the cue stands before the list ("Worse when: sitting long time on the stool, bending to
        do pedicure"; "pain when I bend to load the dishwasher or when I cough"), and the earlier item
        may keep a few words of its own before the separator; backward when the cue follows the list
        and is no symptom ("it's the sitting and the bending forward that bring it on"), across
        separators and lead-ins only."""
        rule = self.coordination
        lowers = v.lowers
        reach = int(rule.get("max_scope", 6))
        later_reach = int(rule.get("later_words", 0))
        later_stops = _CLAUSE_BREAK_IDS | ids(rule.get("later_stops", ()))  # a new clause, not an item ("so I see her [run]")
        entity_tokens = {i for t in targets for i in range(t[0], t[1])} | {i for e in symptoms for i in range(e[0], e[1])}
        symptom_starts = {e[0] for e in symptoms}

        def cue_of(t) -> tuple[str, int, int] | None:
            """The target's value and the token span of the cue that set it."""
            r = store.get(t[0])
            if r is None or r.get("end") != t[1] or r.get("modifier") is None:
                return None
            cue = next((c for c in r.get("triggers", ()) if c[0] == "modifier"), None)
            if cue is None:
                return None
            return r["modifier"], bisect_left(v.idx, cue[2]), bisect_left(v.idx, cue[3])

        def joint(a, b) -> int | None:
            """The separator token joining ``a`` to the later ``b`` as list items, or None."""
            if a[2] != b[2] or doc[b[0]].is_sent_start or v.sent_bounds(doc, a[0], a[1]) != v.sent_bounds(doc, b[0], b[1]):
                return None
            i = b[0] - 1
            later = 0  # the later item's own words before it ("and when climbing [stairs]", ", sustained [relevé]")
            while i >= a[1] and lowers[i] not in self._separator_ids:
                if lowers[i] not in self._lead_in_ids:
                    if (later >= later_reach or i in entity_tokens or i in cue_tokens or v.is_punct[i] or v.is_space[i]
                            or lowers[i] in later_stops):  # a cue of its own ("..., gone [barefoot]") is no item's word
                        return None
                    later += 1
                i -= 1
            if i < a[1]:
                return None
            sep = i
            while i >= a[1] and lowers[i] in self._separator_ids:
                i -= 1
            own = range(a[1], i + 1)  # the earlier item's own words: no separator, break or line end
            if len(own) > reach or any(v.is_space[k] or lowers[k] in _CLAUSE_BREAK_IDS or lowers[k] in _ANSWER_ENDS
                                       or lowers[k] in self._separator_ids or lowers[k] in _BRACKETS for k in own):
                return None
            return sep

        def pure(a, b) -> bool:
            return all(lowers[k] in self._separator_ids or lowers[k] in self._lead_in_ids for k in range(a[1], b[0]))

        for k in range(1, len(targets)):  # forward: a cue before the list, chaining through it
            a, b = targets[k - 1], targets[k]
            if decided[k] or (cue := cue_of(a)) is None or cue[2] > a[0]:
                continue
            if (sep := joint(a, b)) is not None:
                _give(store, b[0], b[1], cue[0], v.start_char(sep), v.end_char(sep + 1))
                decided[k] = True
        for k in range(len(targets) - 2, -1, -1):  # backward: a cue after the list, no symptom
            a, b = targets[k], targets[k + 1]
            if decided[k] or (cue := cue_of(b)) is None or cue[1] < b[1] or symptom_starts.intersection(range(cue[1], cue[2])):
                continue
            if (sep := joint(a, b)) is not None and pure(a, b):
                _give(store, a[0], a[1], cue[0], v.start_char(sep), v.end_char(sep + 1))
                decided[k] = True

    @staticmethod
    def _before_word(v, rule: dict[str, Any], end: int) -> dict[str, Any]:
        """The rule as read before the next word: ``if_next`` names words after which it takes
        another value ("can't" says nothing of a cause, but "can't lie on that side" is lying
        made painful) or other fields ("better on the stairs" names where it is better, not what
        makes it so: footwear only)."""
        variants = rule.get("if_next")
        if not variants or end >= v.n:
            return rule
        value = variants.get(v.lower(end))
        if value is None:
            return rule
        return {**rule, **value, "if_next": None} if isinstance(value, dict) else {**rule, "modifier": value, "if_next": None}

    def _names_a_person(self, v, target) -> bool:
        """An activity named by the person who does it ("60M golfer", "rugby, flanker", "I'm a
        pharmaceutical rep", "organist") says who the patient is, not what changes the complaint."""
        if self.persons is None or target[2] != "ACTIVITY":
            return False
        last = v.lower(target[1] - 1)
        if target[0] > 0 and v.lower(target[0] - 1) == "the":
            return False  # "the catch position on the rower": the machine
        if last in self._person_words:
            return True
        return last not in self._not_persons and last.endswith(self._person_suffixes) and len(last) > 4

    def _takes_outcome(self, label: str, concept: str) -> bool:
        """Footwear, and treatments and exercises (by concept), take the outcome that follows them."""
        return label in self.outcome["targets"] or concept in self.outcome.get("target_concepts", ())

    def _outcomes(self, doc: Doc, v, entity_tokens: set[int]) -> list[tuple[int, int, str | None]]:
        """Outcome phrases ("within two weeks the ache had gone", "creeps back by the evening")
        and pain scores that fall ("ankle pain 7 → 3/10", "down from 6/10 to 2/10"), by start; the
        longest wins where two overlap ("didn't help" over "help")."""
        found = [(s, e, self.vocab.strings[m]) for m, s, e in self.outcome_matcher(doc)
                 if not entity_tokens.intersection(range(s, e))]
        for m in _SCORE_DROP.finditer(v.doc_text(doc)):
            if m.group(5) is not None:  # "hip 2/10 from 6/10": the new score first
                before, after = float(m.group(6)), float(m.group(5))
            elif m.group(7) is not None:  # "knee 2/10 instead of 5-6": the new score first
                before, after = float(m.group(8)), float(m.group(7))
            else:
                before, after = float(m.group(1) or m.group(3)), float(m.group(2) or m.group(4))
            if after < before <= 10:
                found.append((max(bisect_right(v.idx, m.start()) - 1, 0), bisect_left(v.idx, m.end()), "relieving"))
        found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
        kept: list[tuple[int, int, str | None]] = []
        for start, end, value in found:
            if kept and start < kept[-1][1]:
                continue
            kept.append((start, end, None if value == "none" else value))
        return kept

    @staticmethod
    def _answer_span(doc: Doc, v, trigger) -> tuple[int, int, int, int, str]:
        """The tokens answering a form question (``trigger``): up to the line break, the next
        "?" or ":", or the end of the answer's sentence."""
        start = trigger[1]
        n = v.n
        while start < n and v.is_space[start]:
            start += 1
        hi = v.sent_bounds(doc, start)[1] if start < n else n
        lowers = v.lowers
        for i in range(start, hi):
            if v.is_space[i] or lowers[i] in _ANSWER_ENDS:
                hi = i
                break
        return start, hi, trigger[0], trigger[1], trigger[2]["modifier"]

    def _clause(self, doc: Doc, v, target) -> tuple[int, int]:
        lo, hi = v.sent_bounds(doc, target[0], target[1])
        sent_start, sent_end = lo, hi
        lowers = v.lowers
        for i in range(target[0] - 1, sent_start - 1, -1):
            if lowers[i] in _CLAUSE_BREAK_IDS:
                lo = i + 1
                break
        for i in range(target[1], sent_end):
            if lowers[i] in _CLAUSE_BREAK_IDS:
                hi = i
                break
        return lo, hi

    @staticmethod
    def _comma_between(v, lo: int, hi: int) -> bool:
        commas = v.positions().get(_COMMA)
        if not commas:
            return False
        k = bisect_left(commas, lo)
        return k < len(commas) and commas[k] < hi

    def _link_target(self, doc: Doc, v, target, links: _DocLinks) -> bool:
        """Give ``target`` its modifier; True when a trigger, link or outcome decided it (a value or none).
        In order: a start it dates, the clause's trigger when an outcome or the activity's own score
        does not say more, a linked symptom or score, left-off footwear's symptom, an outcome."""
        store = links.store
        if self._start_dated(v, target):
            return True  # "pain came on the day after a long [ride]": the activity dates the complaint's start, a cause
        lo, hi = self._clause(doc, v, target)
        t_start, t_end = target[0], target[1]
        best = self._best_trigger(v, target, lo, hi, links)
        # a treatment or exercise (not footwear) whose clause trigger may belong to its outcome instead
        treatment_cue = (best is not None and best.rule is not None and links.outcomes
                         and target[0] in links.outcome_target_set and target[2] not in self.outcome["targets"])
        if (treatment_cue and best.rule.get("treatment_outcome_first") and best.end <= t_start
                and (doc[best.start].is_sent_start or v.text(best.start - 1) in _CLAUSE_OPENERS)
                and self._link_outcome(doc, v, target, links)):
            return True  # "After TFL release and hip mobs, stair climb pain-free": the treatment's effect, not "pain after"
        if (treatment_cue and best.start >= t_end and _holds_symptom(links.symptom_starts, best.start, best.end)
                and self._link_outcome(doc, v, target, links, same_sentence=True)):
            return True  # "Three weeks of TFL release took the knee pain on descents from 7 to 3": the pain is what improved
        if target[2] == "ACTIVITY" and self._scored(doc, v, target, store):
            return True  # its own score says it provokes the complaint, whatever a later cue in the clause says
        left_off = self._left_off(v, target)
        if best is not None:
            if best.value is None:
                return True  # "walking is fine": the nearest trigger says the activity does not change it
            value = _turned(best.value, left_off)
            if value == "relieving" and self._warms_up(doc, v, target, best.start, best.end, links):
                value = "aggravating"  # "[first steps] in the morning, gone after 5 min": what the activity brings on
            _give(store, target[0], target[1], value, v.start_char(best.start), v.end_char(best.end))
            return True
        if self.link is not None and self._link_symptom(v, target, lo, links, left_off):
            return True
        if target[2] == "ACTIVITY" and self._score_before(doc, v, target, store):
            return True
        if left_off and self._symptom_after(doc, v, target, links):
            return True
        if links.outcomes and target[0] in links.outcome_target_set:
            return self._link_outcome(doc, v, target, links)
        return False

    def _best_trigger(self, v, target, lo: int, hi: int, links: _DocLinks) -> _Trigger | None:
        """The trigger that decides ``target`` in its clause ``lo:hi``: the best ranked in reach (one
        in its own comma segment first, a ``weak`` one last, then the nearest); an ``inherit``
        trigger ("after") passes to the trigger just before it; with none, the form question whose
        answer holds the target (rule None)."""
        by_start, starts, store = links.by_start, links.starts, links.store
        t_start, t_end = target[0], target[1]
        best = None
        # only triggers inside the clause can link; scan them in ``kept`` order
        candidates = by_start[bisect_left(starts, lo) : bisect_left(starts, hi)]
        candidates.sort(key=lambda c: c[1])
        for start, _, (_, end, rule) in candidates:
            if end > hi:
                continue
            if end <= t_start:
                if rule["direction"] == "FORWARD" or rule["direction"] == "BIDIRECTIONAL":
                    dist = t_start - end
                else:
                    continue
            elif start >= t_end:
                if rule["direction"] in {"BACKWARD", "BIDIRECTIONAL"}:
                    dist = start - t_end
                else:
                    continue
            else:
                continue
            if dist <= int(rule.get("max_scope", 8)):
                # a trigger in the target's own comma segment beats a nearer one across a comma
                # ("worst after a long day at the desk, better if I walk around")
                # and a "weak" trigger, which only says when something changed ("since I started",
                # "switched to"), yields to one that says which way ("... the ankle is much calmer")
                crossed = self._comma_between(v, end, t_start) if end <= t_start else self._comma_between(v, t_end, start)
                rank = (bool(rule.get("weak")), crossed, dist)
                if best is None or rank < best.rank:
                    best = _Trigger(rank, start, end, _value(rule, target, store), rule.get("inherit"), rule)
        if best is not None and best.inherit:
            # "settles for a few hrs after she foam-rolls": a trigger just before "after" decides
            reach = best.start - int(best.inherit)
            before = [c for c in candidates if c[2][1] <= best.start and c[0] >= max(lo, reach)
                      and c[2][2]["direction"] != "ANSWER" and not c[2][2].get("inherit")]
            if before:
                start, _, (_, end, rule) = max(before, key=lambda c: c[2][1])
                best = _Trigger(best.rank, start, end, _value(rule, target, store), None, rule)
        if best is None:
            for a_lo, a_hi, q_start, q_end, value in links.answers:
                if a_lo <= t_start and target[1] <= a_hi:
                    best = _Trigger((False, False, 0), q_start, q_end, value, None, None)
                    break
        return best

    def _scored(self, doc: Doc, v, target, store: dict) -> bool:
        """An activity given its own pain score ("first steps AM 8/10", "SL stance L 30 s pain
        5/10", "landing pain 2/10") is what provokes it: aggravating."""
        if self.link is None or not self.link.get("scored_activity"):
            return False
        start = v.end_char(target[1])
        m = _ACTIVITY_SCORE.match(v.doc_text(doc), start)
        if m is None or float(m.group(1)) == 0:
            return False
        _give(store, target[0], target[1], "aggravating", m.start(1), m.end())
        return True

    def _warms_up(self, doc: Doc, v, target, cue_start: int, cue_end: int, links: _DocLinks) -> bool:
        """Whether a relieving cue after an activity tells the complaint easing a time or a distance
        into it ("[first steps] in the morning, gone after 5 min", "painful first 2 km of [runs] then
        eases"): the activity brings it on. Treatments and footwear keep their relief."""
        if target[2] != "ACTIVITY" or cue_start < target[1] or target[0] in links.outcome_target_set:
            return False
        if cue_start > 0 and v.lower(cue_start - 1) == "then":
            return True
        return _EASES_INTO.match(v.doc_text(doc), v.start_char(cue_start), v.start_char(cue_end) + _EASES_REACH if cue_end < v.n
                                 else len(v.doc_text(doc))) is not None

    def _with_pain_words(self, v, spans: list, symptoms: list) -> list:
        """The symptoms a link may start from, with the words of a complaint that are no entity of
        their own ("sharp on downhills", "catches when she stands", "tight when I bend it"): they
        link to the activity after them as a symptom does."""
        if not self._pain_word_orths:
            return symptoms
        positions = v.positions()
        taken = {i for e in spans for i in range(e[0], e[1])}
        extra = [(i, i + 1, "SYMPTOM") for orth in self._pain_word_orths for i in positions.get(orth, ()) if i not in taken]
        return sorted(symptoms + extra) if extra else symptoms

    def _start_dated(self, v, target) -> bool:
        """Whether the target follows a past start of the complaint and the "after" or "when" that
        dates it ("the ache started the day after the first [run]", "came on day after long [ride]",
        "started ~wk 16 when [running] reintroduced"): the activity is its cause, no modifier. A
        present "starts"/"comes on" is a pattern that recurs ("comes on 5 km into a run") and is
        left to the triggers."""
        rule = self.start_dated
        if rule is None or target[2] != "ACTIVITY":
            return False
        lowers = v.lowers
        lo = max(target[0] - int(rule.get("link_reach", 4)), 0)
        link = next((i for i in range(target[0] - 1, lo - 1, -1) if lowers[i] in self._start_link_ids), None)
        if link is None or any(v.is_punct[i] or v.is_space[i] for i in range(link + 1, target[0])):
            return False
        if not self._start_stops.isdisjoint(lowers[link + 1 : target[0]]):
            return False  # "after every run": a pattern that recurs
        words = lowers[max(link - int(rule.get("start_reach", 5)), 0) : link]
        bounds = [k for k, w in enumerate(words) if w in _START_CLAUSE_BOUNDS]
        if bounds:
            words = words[bounds[-1] + 1 :]
        for k in range(len(words) - 1, -1, -1):
            for p in self._start_phrases:
                if tuple(words[k : k + len(p)]) == p:
                    # "started aching after matches", "started to ache when I walk": the symptom that
                    # began to come with the activity, which still provokes it
                    return self._start_stops.isdisjoint(words[k + len(p) :])
        return False

    def _score_before(self, doc: Doc, v, target, store: dict) -> bool:
        """A pain score linked to the activity after it ("5/10 during the [walking] part", "3/10
        on [stairs]") says the activity provokes it, as a symptom linked so does; a score that
        falls ("6 -> 3/10 during") or a nought is no such link."""
        if self.score_link is None:
            return False
        lowers = v.lowers
        link = target[0] - 1
        lead = 0
        while link >= 0 and lowers[link] in self._score_lead_ids and lead < _SCORE_LEAD_INS:
            link -= 1
            lead += 1
        text = v.doc_text(doc)
        if link >= 1 and lowers[link] in self._score_link_ids:
            # the cue runs from the score to the link word; a comma may stand between them ("5/10, during")
            m = _score_ending_at(text, v.start_char(link - 1 if v.text(link - 1) == "," else link))
            cue_end = v.end_char(link + 1)
        else:
            # the score right before the activity, as after it ("Heel 3/10 [first steps]", session 12's "[first steps] AM 8/10")
            m = _score_ending_at(text, v.start_char(target[0]))
            cue_end = m.end() if m is not None else 0
        if m is None:
            return False
        _give(store, target[0], target[1], "aggravating", m.start(1), cue_end)
        return True

    def _left_off(self, v, target) -> bool:
        """Footwear named as left off ("without the insoles", "w/o insoles", "when I forget the
        insoles"): the complaint that comes with it says the footwear relieves."""
        if target[2] != "FOOTWEAR" or self.outcome is None:
            return False
        return not self._absent_after.isdisjoint(v.lowers[max(target[0] - 3, 0) : target[0]])

    def _symptom_after(self, doc: Doc, v, target, links: _DocLinks) -> bool:
        """Footwear left off relieves when a symptom follows it in its sentence ("taught a class
        without the insoles and the hip was sore again in the night")."""
        t_end = target[1]
        hi = min(v.sent_bounds(doc, target[0], t_end)[1], t_end + int(self.outcome.get("left_off_reach", 15)))
        k = bisect_left(links.symptom_starts, t_end)
        if k == len(links.symptoms) or links.symptoms[k][1] > hi:
            return False
        ent = links.symptoms[k]
        ent_record = links.store.get(ent[0])
        if ent_record is not None and ent_record.get("end") == ent[1] and ent_record.get("negated", False) and any(
                c[0] == "negated" and c[2] >= v.start_char(t_end) for c in ent_record.get("triggers", ())):
            return False  # "ran without insoles, no pain at all" (a denial of its own, not the "without"): it did not relieve
        _give(links.store, target[0], t_end, "relieving", v.start_char(ent[0]), v.end_char(ent[1]))
        return True

    def _link_symptom(self, v, target, lo: int, links: _DocLinks, left_off: bool = False) -> bool:
        """A symptom joined to the target by a linking word ("hurts when I take stairs"). The
        symptom's own site between them does not count towards the reach ("pain at the back of my
        right thigh when I sit in lectures"), but then the link must be a word of its own, not one
        of the site's ("in", "on")."""
        t_start, store, symptoms, onset = target[0], links.store, links.symptoms, links.onset
        lowers = v.lowers
        max_between = int(self.link.get("max_scope", 8))
        site = links.site_tokens
        for k in range(bisect_left(links.symptom_starts, lo), len(symptoms)):
            ent = symptoms[k]
            if ent[1] > t_start:
                break  # entities never overlap: every later symptom ends after the target starts too
            if t_start - ent[1] > max_between:
                if not site or t_start - ent[1] > 3 * max_between:
                    continue
                word = self._link_past_site(v, ent[1], t_start, site, onset, max_between)
            else:
                word = next((i for i in range(ent[1], t_start) if lowers[i] in self._link_ids and i not in onset), None)
            if word is not None:
                ent_record = store.get(ent[0])
                negated = ent_record is not None and ent_record.get("end") == ent[1] and ent_record.get("negated", False)
                if negated and target[2] not in self.link.get("negated_targets", TARGET_LABELS):
                    return True  # "no pain when she walks" says walking does not provoke it, not that it relieves
                value = self.link["negated_modifier"] if negated else _turned(self.link["modifier"], left_off)
                _give(store, target[0], target[1], value, v.start_char(word), v.end_char(word + 1))
                return True
        return False

    def _link_past_site(self, v, lo: int, hi: int, site: set[int], onset: set[int], reach: int) -> int | None:
        """The link word between a symptom (ending at ``lo``) and a target (at ``hi``) when the
        words between, less the symptom's site ("at the front of the [knee]"), are within
        ``reach`` and are only linking words and a few adverbs ("especially when"): the last
        linking word that is not a site word; None otherwise."""
        lowers = v.lowers
        own = [i for i in range(lo, hi) if i not in site and lowers[i] not in self._site_word_ids]
        if len(own) > reach or any(lowers[i] not in self._link_ids and lowers[i] not in self._link_adverb_ids for i in own):
            return None  # another verb or clause between them ("a twinge which went in a week with your exercises")
        return next((i for i in reversed(own) if lowers[i] in self._link_ids and i not in onset), None)

    def _link_outcome(self, doc: Doc, v, target: tuple[int, int, str], links: _DocLinks, same_sentence: bool = False) -> bool:
        """Footwear or a treatment whose clause says nothing takes the first outcome after it, up
        to the end of the next sentence and before the next such target in a later sentence:
        "Got custom orthotics in May and within about 6 weeks the knee ache had gone" (relieving);
        "She taught me a bridge exercise, and after 3 weeks the knee pain is less"; "If I wear my
        old flats it creeps back". Targets listed in one sentence share the outcome."""
        t_start, t_end = target[0], target[1]
        lowers = v.lowers
        if self._not_after.intersection(lowers[max(t_start - 2, 0) : t_start]):
            return False  # "same shoes, same job": nothing changed
        k = bisect_left(links.symptom_starts, t_end)
        if k < len(links.symptom_starts) and links.symptom_starts[k] == t_end:
            return False  # "decline squat pain 6/10 -> 3/10": the activity says when it hurts, not what was done
        sent_start, sent_end = v.sent_bounds(doc, t_start, t_end)
        if target[2] not in self.outcome["targets"] and self._treatment_cues.isdisjoint(lowers[sent_start:t_start]):
            return False  # an exercise named as a test ("SL squat R: valgus reduced"), not one that was done
        # "lost her orthotics", "insoles lost in the move", "ran without orthotics"
        absent = not self._absent_after.isdisjoint(lowers[max(t_start - 3, 0) : t_start] + lowers[t_end : t_end + 2])
        hi = sent_end
        if hi < v.n and not same_sentence:
            hi = v.sent_bounds(doc, hi)[1]
        k = bisect_left(links.outcome_target_starts, sent_end)
        if k < len(links.outcome_target_starts):
            hi = min(hi, links.outcome_target_starts[k])
        # by index, not a slice: a slice would copy the outcomes after every target (quadratic in a long note)
        for o in range(bisect_left(links.outcomes, (t_end,)), len(links.outcomes)):
            start, end, value = links.outcomes[o]
            if end > hi:
                return False
            if value is not None:
                if absent:  # "lost her orthotics in June and the pain came back": the orthotics relieve
                    value = "relieving" if value == "aggravating" else "aggravating"
                _give(links.store, t_start, t_end, value, v.start_char(start), v.end_char(end))
                return True
            return False  # "made no difference" ends the search without a modifier
        return False


def _give(store: dict, start: int, end: int, value: str, start_char: int, end_char: int) -> None:
    """Set ``value`` as the modifier of the entity at tokens ``start:end``, with the characters of
    the cue that decided it (every way a target gets its modifier ends here)."""
    record = store_record(store, start, end)
    record["modifier"] = value
    add_trigger(record, "modifier", value, start_char, end_char)


def _score_ending_at(text: str, end: int) -> re.Match | None:
    """A pain score other than nought ending ``text`` at character ``end`` (blanks after it
    allowed), or None."""
    m = _SCORE_BEFORE.search(text, max(end - _SCORE_BEFORE_REACH, 0), end)
    return None if m is None or float(m.group(1)) == 0 else m


def _holds_symptom(symptom_starts: list[int], start: int, end: int) -> bool:
    """Whether a symptom starts inside tokens ``start:end`` (a trigger such as "pain on", "aches")."""
    k = bisect_left(symptom_starts, start)
    return k < len(symptom_starts) and symptom_starts[k] < end


def _onset_tokens(doc: Doc, v: DocView) -> set[int]:
    """Tokens that date the complaint rather than say what changes it: an onset time expression
    ("started 6 weeks after I upped my running") and an "after" opening a span of days or more
    ("after 12 years off", "after a year of sitting"); "after a day at the desk" still aggravates."""
    found: set[int] = set()
    for kind, start_char, end_char in doc._.time_expressions or ():
        if kind == "onset":
            found.update(range(bisect_left(v.idx, start_char), bisect_left(v.idx, end_char)))
    positions = v.positions()
    for orth in _AFTER:
        for i in positions.get(orth, ()):
            for j in range(i + 1, min(i + 4, v.n)):
                if v.lowers[j] in _DAYS_OR_LONGER:
                    found.add(i)
                    break
                if not (v.lowers[j] in _COUNTS or v.text(j).replace(".", "").isdigit()):
                    break
    return found


def _turned(value: str, left_off: bool) -> str:
    """The value for footwear left off: what makes the complaint worse in its absence relieves."""
    return "relieving" if left_off and value == "aggravating" else value


def _value(rule: dict[str, Any], target, store: dict) -> str | None:
    """The rule's modifier for this target, or None when the rule names other ``targets`` (labels,
    or an activity's ``target_concepts``) or is a pseudo-trigger (``"modifier": "none"``: "↓ volume"
    in a plan reduces the load, it relieves nothing)."""
    if rule["modifier"] == "none":
        return None
    if target[2] not in rule.get("targets", TARGET_LABELS | {"STRUCTURE"}):
        concepts = rule.get("target_concepts")
        record = store.get(target[0]) if concepts else None
        if record is None or record.get("end") != target[1] or record.get("concept") not in concepts:
            return None
    return rule["modifier"]


@Language.factory("modifiers", assigns=["span._.modifier"], requires=["doc.ents", "span._.negated", "span._.other_subject"])
def make_modifiers(nlp: Language, name: str) -> Modifiers:
    register_extensions()
    return Modifiers(nlp, name)

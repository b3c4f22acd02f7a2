"""Past episodes: whole stretches of a note that tell of something over, marked ``historical``.

ConText marks what a trigger's scope reaches, a few tokens around "in 2018" or "years
ago". A past episode is often told over a sentence or two ("Back in 2016 I had plantar
fasciitis in my right heel. It took months to settle but it settled completely with calf
stretches."), and a past time anchor alone does not say the episode is over: "In July I got
pain in my heel" usually opens the complaint the note is about. So this step marks an
episode only when the episode says it is over:

1. **Episode.** A sentence holding a past time anchor (``anchor`` rules: "in 2018", "two
   years ago", "when I was 19", "in July", a bare year in a record line) and no word of the
   present (``present``: "now", "still", "hurts", "has been"), unless it states a
   resolution; with the sentences that follow it on the same line while they stay in the
   past tense (``past``: "was", "had", "-ed") and out of the present, ``max_sentences`` at
   most. Marking starts at the anchor's own clause (after the last ``boundary``: "|", ";").
2. **Over.** The episode states its end (``resolution``: "settled completely", "cleared
   up", "it's been fine since", "fully recovered"), in one of its sentences or in the next
   one when that starts by pointing back (``pointer``: "It took a year but it did
   settle"). A ``hedge`` just before the phrase undoes it ("almost went away", "hasn't
   settled"), and so does a recurrence in the sentence ("settled, then came back"). What
   follows a ``contrast`` after the resolution is outside the episode ("That settled within
   a week, but then a different pain appeared"). A list item (a line starting with a
   ``bullet``) that states its own end needs no anchor ("- a sore knee from tiling, which
   has settled now"), and one told wholly in a distant past (an anchor marked ``distant``,
   no present, no onset) needs no end ("- Gout in 2019, right big toe, one attack only"), and
   neither does an injury told in the past tense in a distant past (``injury``: "I broke my left
   little toe on a door frame two years ago"; session 9).
3. **Onset.** A sentence with a time anchor that tells an onset (``onset``: "started",
   "began") and no end is the start of something current: "Two years ago my knee started to
   ache" takes back the historical mark ConText gave from that anchor.
4. **Brackets.** What stands between a ``bracket`` rule's words is past: "never [ran] in my
   life until January"; a ``labels`` list keeps a rule to those labels (session 13: "never
   had [back] problems in my life" denies a problem now, negated and not past).

5. **Stopped since.** What has not happened since a point or for a stretch of time, after it
   had (``stopped`` rule: "I haven't [limped] since the first week", "that [ache] ... hasn't
   bugged me in over a week"), is historical, and the stop's own "n't" no negation; so is what
   "doesn't hurt ... anymore". Nothing since ("no knee sx since", "haven't had any pain since")
   stays negated.
6. **Given up, named again.** Footwear marked historical stays so when the note names it again
   outside the present ("... stopped. A: orthotics gave no change").
7. **Told at length** (session 12). A dated account whose end comes further on, past a paragraph
   break ("Had an ache ... for most of last season. ... The ache was gone by the spring
   fixtures."), is over up to its first sentence of the present, when the end names what the
   account named.
8. **History fields** (session 12). An injury or operation dated in a history field ("Hx: L
   clavicle # (cycling) 2012") is over, with the sport in the bracket after its year.
9. **Over at earlier visits** (session 12, round 2). A complaint said to be over ("A: R PFPS
   resolved.") is over at its earlier mentions of the same kind, owner, place and side, across
   the visits of a series, with the sites in their sentences.
10. **Someone else's dated episode** (session 13, round 3). What is already someone else's, told in the
   past tense in the clause of a past time anchor ("His brother had ACL recon last yr"), is over without an
   end: blind annotators of five sets read another person's dated episode so.

Every entity of an episode that is over, except hypothetical ones, the anchor itself and
negated ones followed by "since" ("no knee sx since" speaks of the time up to now), is
marked historical with the anchor (or the resolution) as its trigger.

Tried and left out: calling an episode over when its symptoms sit in regions the note's
current complaint (the present-tense sentences) never mentions. On the unannotated train
and dev notes that test was right on fewer than half of its marks: the current complaint is
often told in the past tense ("The knee pain started in October, both knees"), and chronic
findings ("mild scoliosis, diagnosed as a teen") are current whatever their region.

Word lists are data in ``data/episode_rules.jsonl``. The passes are per sentence and per
entity.
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
from .fastmatch import TokenMatcher
from .rules import RulesComponent

KINDS = {"anchor", "resolution", "present", "past", "onset", "pointer", "contrast", "hedge", "bullet", "boundary", "bracket",
         "switch", "ended", "replace", "stopped", "injury", "return", "modal", "history", "over_earlier", "denied_now",
         "others_now", "family_field", "stretch", "entry", "worn_pair"}
STRETCH_KEYS = ("fors", "pasts", "leads", "counts", "units", "blockers", "cuts")
SWITCH_KEYS = ("verbs", "to", "labels")
REPLACE_KEYS = ("verbs", "to", "buys", "fillers", "inserts", "not_worn")
WORN_KEYS = ("wear", "new", "before", "units", "fillers", "buys")
ENDED_KEYS = ("ahead", "after", "negators", "inability", "clause_ends")
HISTORY_KEYS = ("headers", "not_after", "events", "suffixes", "clause_marks")
STOPPED_KEYS = ("auxiliaries", "negators", "adverbs", "verbs", "objects", "since", "spans", "quantities", "units", "clause_ends")
STOPPED_REACH = 4  # tokens after the stopped verb (and its object) where the time phrase may start ("hasn't bugged me in over a week")
WORD_KINDS = frozenset({"pointer", "contrast", "hedge", "bullet", "boundary", "injury", "modal", "denied_now", "others_now",
                        "family_field"})
DENIED_NOW_REACH = 4  # tokens after a denied entity where a word of now may close its clause ("no numbness or tingling now")
_SINCE = get_string_id("since")
_COMMA = get_string_id(",")
_CLAUSE_MARKS = frozenset({_COMMA, get_string_id(";")})
_TO = get_string_id("to")
_OPEN = get_string_id("(")
_CLOSE = get_string_id(")")
_SYMPTOMATIC = frozenset({"SYMPTOM", "CONDITION", "BODY_REGION", "STRUCTURE"})
ACTIVITY_REACH = 3  # tokens after "no longer" where the activity that stopped may start ("no longer play football")
HEDGE_REACH = 2  # tokens before a resolution where a hedge undoes it ("almost went away", "haven't settled")
# tokens between an onset word and a time anchor that dates it ("Two years ago my knee started to ache",
# "which began about seven months ago"); an anchor further off, or past a ";", dates something else
# ("... began about seven months ago ..., having been told as a child that her arches were 'low'")
ONSET_REACH = 8
TOLD_REACH = 8  # sentences (blank ones not counted) after a dated account where the end of that account may stand
MODAL_REACH = 4  # tokens before a word of the present where a past modal makes it past ("I could actually feel the leg get")
_OLD_PAIR = frozenset({"old", "previous", "original"})  # "went back to the old ones" names the pair swapped out
_BACK = get_string_id("back")
_BACK_TO = frozenset({get_string_id("to"), get_string_id("into"), get_string_id("in")})
# tokens before a switch's "from" where its verb may stand (a rule's "verb_reach" overrides it): two
# reads "switched from", "went straight from"
SWITCH_VERB_REACH = 2
_CLAUSE_CUTS = frozenset(get_string_id(w) for w in (",", ";", ":", ".", "!", "?", "and", "but", "because", "so", "then", "\n"))
OBJECT_REACH = 3  # tokens after a switch verb where the pair it gives up may start ("swapped her flat [pumps] for")


def validate_episode_rule(rule: dict[str, Any], where: str) -> None:
    kind = rule.get("kind")
    if kind not in KINDS:
        raise ValueError(f"{where}: kind must be one of {sorted(KINDS)}, not {kind!r}")
    if kind == "bracket":
        if not (rule.get("open") and rule.get("close") and isinstance(rule.get("max_gap"), int)):
            raise ValueError(f"{where}: a bracket rule needs 'open' and 'close' word lists and an integer 'max_gap'")
        return
    if kind == "switch":
        if not (all(isinstance(rule.get(k), list) and rule[k] for k in SWITCH_KEYS) and isinstance(rule.get("max_gap"), int)):
            raise ValueError(f"{where}: a switch rule needs non-empty {list(SWITCH_KEYS)} lists and an integer 'max_gap'")
        return
    if kind == "replace":
        if not (all(isinstance(rule.get(k), list) and rule[k] for k in REPLACE_KEYS)
                and isinstance(rule.get("max_gap"), int) and isinstance(rule.get("max_sentences"), int)):
            raise ValueError(f"{where}: a replace rule needs non-empty {list(REPLACE_KEYS)} lists and integer 'max_gap' and 'max_sentences'")
        return
    if kind == "stopped":
        if not all(isinstance(rule.get(k), list) and rule[k] for k in STOPPED_KEYS):
            raise ValueError(f"{where}: a stopped rule needs non-empty {list(STOPPED_KEYS)} lists")
        return
    if kind == "over_earlier":
        if not (rule.get("ends") and isinstance(rule.get("families"), list) and isinstance(rule.get("homes"), dict)):
            raise ValueError(f"{where}: an over_earlier rule needs 'ends', a 'families' list and a 'homes' map")
        return
    if kind == "ended":
        if not all(isinstance(rule.get(k), list) and rule[k] for k in ENDED_KEYS):
            raise ValueError(f"{where}: an ended rule needs non-empty {list(ENDED_KEYS)} lists")
        return
    if kind == "stretch":
        if not (all(isinstance(rule.get(k), list) and rule[k] for k in STRETCH_KEYS) and isinstance(rule.get("after_reach"), int)):
            raise ValueError(f"{where}: a stretch rule needs non-empty {list(STRETCH_KEYS)} lists and an integer 'after_reach'")
        return
    if kind == "history":
        if not all(isinstance(rule.get(k), list) and rule[k] for k in HISTORY_KEYS):
            raise ValueError(f"{where}: a history rule needs non-empty {list(HISTORY_KEYS)} lists")
        return
    if kind == "return":
        if not (isinstance(rule.get("persons"), list) and rule["persons"] and isinstance(rule.get("next"), list) and rule["next"]):
            raise ValueError(f"{where}: a return rule needs non-empty 'persons' and 'next' lists")
        return
    if kind == "entry":
        if not (isinstance(rule.get("labels"), list) and rule["labels"]):
            raise ValueError(f"{where}: an entry rule needs a non-empty 'labels' list")
        return
    if kind == "worn_pair":
        if not all(isinstance(rule.get(k), list) and rule[k] for k in WORN_KEYS) or not isinstance(rule.get("reach"), int):
            raise ValueError(f"{where}: a worn_pair rule needs non-empty {list(WORN_KEYS)} lists and an integer 'reach'")
        return
    if kind in WORD_KINDS:
        if not isinstance(rule.get("words"), list) or not rule["words"]:
            raise ValueError(f"{where}: a {kind} rule needs a non-empty 'words' list")
        return
    if ("literal" in rule) == ("pattern" in rule):
        raise ValueError(f"{where}: a {kind} rule needs exactly one of 'literal' or 'pattern'")


# a date that heads an entry of a multi-visit record, at a line's start: "21/01/26", "2026-04-09", "16 Oct"
# (a bare "3/10" is a score and a bare year a history item's label, so neither heads an entry)
_ENTRY_DATE = r"(?:\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)"


def entry_heads(text: str, labels: tuple[str, ...]) -> list[int]:
    """The character offsets of the lines that head an entry of a multi-visit record: a line opening
    with a date ("21/01/26  Initial assessment", "2026-04-09") or a visit label and its number or date
    ("Tx 3 - 06/04/2026", "Review 1", "V2:", "Wk 13", "F/u 16 Oct:"). Fewer than two heads: no record."""
    if not labels:
        return []
    label = "|".join(re.escape(w) for w in labels)
    head = re.compile(rf"^[ \t*#>\-\u2013\u2014]*(?:{_ENTRY_DATE}|(?:{label})\.?[ \t]*(?:\d|{_ENTRY_DATE}))", re.I | re.M)
    heads = [m.start() for m in head.finditer(text)]
    return heads if len(heads) >= 2 else []


# the label of a year-by-year history's entry, at a line's start: "1996:", "2009-2011:"
_YEAR_LABEL = re.compile(r"(?:19|20)\d\d(?:\s*[-\u2013]\s*(?:19|20)?\d\d)?\s*:")

class _Sentence(NamedTuple):
    start: int
    end: int
    anchor: tuple[int, int] | None  # the first past time anchor's tokens
    distant: bool  # an anchor years back ("in 2009", "when I was 19"), not a month that may open the current complaint
    resolution: tuple[int, int] | None  # the first phrase stating that something is over, unless a recurrence undoes it
    present: bool
    past: bool
    cut: int  # the first token of a clause that leaves the episode after its resolution ("settled, but then ...")
    tells_onset: bool  # "started", "began", "took up"
    onset: list[tuple[int, int]]  # the anchors' characters when the sentence tells an onset ("two years ago my knee started")
    bullet: bool  # the sentence is an item of a list: it starts a line with a bullet
    present_ends: list[int]  # where the present's words end ("R knee pain x3/52, L ankle sprain 2019, resolved")
    injury: bool  # the sentence tells of an injury ("broke", "sprained", "fell"): an event, over once told in the past
    anchors: list[tuple[int, int]]  # every past time anchor's tokens
    present_starts: list[int]  # where the present's words start ("and pt [is] worried")
    past_at: list[int]  # where the past tense's words start ("had", "ruptured")


class PastEpisodes(RulesComponent):
    rules_file = "episode_rules.jsonl"
    optional_on_disk = True

    def __init__(self, nlp: Language, name: str, max_sentences: int = 4):
        self._make_doc = nlp.make_doc
        self.max_sentences = max_sentences
        super().__init__(nlp, name)

    def _set(self, rules: list[dict[str, Any]]) -> None:
        for i, rule in enumerate(rules):
            validate_episode_rule(rule, f"episode rule {i + 1}")
        self.rules = rules
        self.phrases = PhraseMatcher(self.vocab, attr="LOWER")
        self.patterns = TokenMatcher(self.vocab)
        self._rule_of: dict[int, dict[str, Any]] = {}
        words: dict[str, set[str]] = {kind: set() for kind in WORD_KINDS}
        self._brackets: list[tuple[frozenset[int], frozenset[int], int, frozenset[str]]] = []
        self._bracket_orths: set[int] = set()
        self._switches: list[tuple[frozenset[int], frozenset[int], frozenset[str], int]] = []
        self._switch_verb_reach = SWITCH_VERB_REACH
        self._job_words: frozenset[int] = frozenset()
        self._job_gap = 0
        self._switch_from = get_string_id("from")
        self._and = get_string_id("and")
        self._ended: list[dict[str, Any]] = []
        self._replaces: list[dict[str, Any]] = []
        self._stops: list[dict[str, Any]] = []
        self._return_persons: frozenset[int] = frozenset()
        self._return_next: frozenset[int] = frozenset()
        self._history: dict[str, Any] | None = None
        self._over_earlier: dict[str, Any] | None = None
        self._stretch: dict[str, Any] | None = None
        self._entry_labels: tuple[str, ...] = ()
        self._worn: dict[str, Any] | None = None
        for i, rule in enumerate(rules):
            if rule["kind"] == "entry":
                self._entry_labels += tuple(w.lower() for w in rule["labels"])
                continue
            if rule["kind"] == "worn_pair":
                self._worn = {
                    "wear": [tuple(p.lower().split()) for p in rule["wear"]],
                    "new": frozenset(w.lower() for w in rule["new"]),
                    "before": frozenset(w.lower() for w in rule["before"]),
                    "units": frozenset(w.lower() for w in rule["units"]),
                    "fillers": frozenset(w.lower() for w in rule["fillers"]),
                    "buys": frozenset(w.lower() for w in rule["buys"]),
                    "reach": rule["reach"],
                }
                continue
            if rule["kind"] == "stretch":
                self._stretch = {
                    **{k: ids(w.lower() for w in rule[k]) for k in STRETCH_KEYS},
                    "firsts": _spellings(rule["fors"]),
                    "after_reach": rule["after_reach"],
                }
                continue
            if rule["kind"] == "over_earlier":
                self._over_earlier = {
                    "ends": tuple(w.lower() for w in rule["ends"]),
                    "family": {c: j for j, fam in enumerate(rule["families"]) for c in fam},
                    "homes": dict(rule["homes"]),
                }
                continue
            if rule["kind"] == "history":
                history = {
                    **{k: ids(w.lower() for w in rule[k]) for k in ("headers", "not_after", "events", "clause_marks")},
                    "event_gap": ids(w.lower() for w in rule.get("event_gap") or ()),
                    "suffixes": tuple(w.lower() for w in rule["suffixes"]),
                }
                if self._history is not None:  # a later block adds to the words of the first (shared data file)
                    history = {k: self._history[k] + history[k] if k == "suffixes" else self._history[k] | history[k]
                               for k in history}
                self._history = history
                continue
            if rule["kind"] == "stopped":
                self._stops.append({
                    **{k: ids(w.lower() for w in rule[k]) for k in STOPPED_KEYS},
                    **{k: ids(w.lower() for w in rule.get(k) or ()) for k in ("doing", "determiners", "doing_auxiliaries")},
                    "firsts": _spellings(rule["auxiliaries"]),
                })
                continue
            if rule["kind"] == "replace":
                self._replaces.append({
                    **{k: ids(w.lower() for w in rule[k]) for k in ("verbs", "to", "buys", "fillers")},
                    "back": ids(w.lower() for w in rule.get("back") or ()),
                    "back_orths": _spellings(rule.get("back") or ()),
                    "new": ids(w.lower() for w in rule.get("new") or ()),
                    "generic": frozenset(w.lower() for w in rule.get("generic") or ()),
                    "wearing": ids(w.lower() for w in rule.get("wearing") or ()),
                    "fresh": ids(w.lower() for w in rule.get("fresh") or ()),
                    "same": ids(w.lower() for w in rule.get("same") or ()),
                    "inserts": frozenset(w.lower() for w in rule["inserts"]),
                    "not_worn": frozenset(w.lower() for w in rule["not_worn"]),
                    "max_gap": rule["max_gap"], "max_sentences": rule["max_sentences"],
                    "firsts": _spellings(rule["verbs"] + rule["buys"]),
                })
                continue
            if rule["kind"] == "switch":
                self._switches.append((ids(w.lower() for w in rule["verbs"]), ids(w.lower() for w in rule["to"]),
                                       frozenset(rule["labels"]), rule["max_gap"]))
                self._job_words = ids(w.lower() for w in rule.get("jobs") or ())
                self._job_gap = int(rule.get("job_gap") or rule["max_gap"])
                self._switch_verb_reach = int(rule.get("verb_reach") or SWITCH_VERB_REACH)
                continue
            if rule["kind"] == "ended":
                self._ended.append({
                    "ahead": [tuple(get_string_id(w) for w in p.lower().split()) for p in rule["ahead"]],
                    "after": [tuple(get_string_id(w) for w in p.lower().split()) for p in rule["after"]],
                    "negators": ids(w.lower() for w in rule["negators"]),
                    "inability": ids(w.lower() for w in rule["inability"]),
                    "clause_ends": ids(rule["clause_ends"]),
                    "opinions": ids(w.lower() for w in rule.get("opinions") or ()),
                    "firsts": _spellings(p.split()[0] for p in rule["ahead"] + rule["after"]),
                })
                continue
            if rule["kind"] == "return":
                self._return_persons |= ids(w.lower() for w in rule["persons"])
                self._return_next |= ids(w.lower() for w in rule["next"])
                continue
            if rule["kind"] == "bracket":
                self._brackets.append((ids(w.lower() for w in rule["open"]), ids(w.lower() for w in rule["close"]), rule["max_gap"],
                                       frozenset(rule.get("labels") or ())))
                self._bracket_orths.update(_spellings(rule["open"]))
                continue
            if rule["kind"] in words:
                words[rule["kind"]].update(w.lower() for w in rule["words"])
                continue
            key = str(i)
            if "literal" in rule:
                self.phrases.add(key, [self._make_doc(rule["literal"])])
            else:
                self.patterns.add(key, [rule["pattern"]])
            self._rule_of[self.vocab.strings.add(key)] = rule
        self._pointers = ids(words["pointer"])
        self._contrasts = ids(words["contrast"])
        self._hedges = ids(words["hedge"])
        self._bullets = ids(words["bullet"])
        self._boundaries = ids(words["boundary"])
        self._injuries = ids(words["injury"])
        self._modals = ids(words["modal"])
        self._denied_now = ids(words["denied_now"])
        self._others_now = ids(words["others_now"])
        self._family_fields = ids(words["family_field"])

    # -- sentences ---------------------------------------------------------------
    def _sentences(self, doc: Doc, v: DocView) -> tuple[list[_Sentence], set[int]]:
        """The doc's sentences with what the rules found in each, and the tokens of resolution phrases."""
        starts = v.sent_starts(doc)
        bounds = [*starts, v.n]
        anchors: dict[int, tuple[int, int]] = {}
        distant: set[int] = set()
        resolved_at: dict[int, tuple[int, int]] = {}  # sentence -> its first resolution phrase
        recurring: list[tuple[int, int, int]] = []  # (sentence, start, end) of each recurrence word
        present_spans: list[tuple[int, int, int]] = []  # (sentence, start, end) of each word of the present
        pasts: set[int] = set()
        past_at: dict[int, list[int]] = {}
        present_starts: dict[int, list[int]] = {}
        onsets: dict[int, list[int]] = {}  # sentence -> where its onset words start
        present_ends: dict[int, list[int]] = {}
        anchor_chars: dict[int, list[tuple[int, int]]] = {}
        anchor_tokens: dict[int, list[tuple[int, int]]] = {}
        resolution_tokens: set[int] = set()
        matches = self.phrases(doc) + self.patterns(doc)
        matches.sort(key=lambda m: (m[1], m[1] - m[2]))  # leftmost first, then longest
        for match_id, start, end in matches:
            rule = self._rule_of[match_id]
            k = bisect_right(starts, start) - 1
            kind = rule["kind"]
            if kind == "anchor":
                anchors.setdefault(k, (start, end))
                if rule.get("distant"):
                    distant.add(k)
                anchor_chars.setdefault(k, []).append((v.idx[start], v.end_char(end)))
                anchor_tokens.setdefault(k, []).append((start, end))
            elif kind == "onset":
                onsets.setdefault(k, []).append(start)
            elif kind == "past":
                pasts.add(k)
                past_at.setdefault(k, []).append(start)
            elif kind == "resolution":
                if any(v.lowers[i] in self._hedges for i in range(max(bounds[k], start - HEDGE_REACH), start)):
                    continue  # "almost went away", "haven't settled"
                resolved_at.setdefault(k, (start, end))
                resolution_tokens.update(range(start, end))
            else:
                if rule.get("recurrence") and self._is_return(v, bounds[k], start, end):
                    continue  # "Came back with a large blister": a person home from a trip
                present_ends.setdefault(k, []).append(end)
                present_spans.append((k, start, end))
                present_starts.setdefault(k, []).append(start)
                if rule.get("recurrence"):
                    recurring.append((k, start, end))
        # the present's words inside a resolution phrase are part of the end: "GP treated it, now healed"
        presents = {k for k, start, end in present_spans if not all(i in resolution_tokens for i in range(start, end))}
        # a recurrence inside a resolution phrase is part of it: "it never came back"
        recurrences = {k for k, start, end in recurring if not all(i in resolution_tokens for i in range(start, end))}
        sents = []
        for k in range(len(starts)):
            resolved = resolved_at.get(k) if k not in recurrences else None  # "it settled, then came back"
            cut = self._cut(v, resolved[1], bounds[k + 1]) if resolved else bounds[k + 1]
            onset = self._dated_onsets(v, anchor_tokens.get(k, []), anchor_chars.get(k, []), onsets[k]) \
                if k in onsets and not resolved else []
            bullet = (resolved is not None or k in distant) and self._is_bullet(doc, v, bounds[k], bounds[k + 1])
            injury = k in distant and k in pasts and any(v.lowers[i] in self._injuries for i in range(bounds[k], bounds[k + 1]))
            sents.append(_Sentence(bounds[k], bounds[k + 1], anchors.get(k), k in distant, resolved, k in presents, k in pasts,
                                   cut, k in onsets, onset, bullet,
                                   present_ends.get(k, []), injury, anchor_tokens.get(k, []),
                                   present_starts.get(k, []), past_at.get(k, [])))
        return sents, resolution_tokens

    def _is_return(self, v: DocView, sent_start: int, start: int, end: int) -> bool:
        """Whether a recurrence word is a person coming home: "Came back with a large blister"
        (a record's sentence without its subject), "we came back from the trek" (a ``return``
        rule's person before it, one of its ``next`` words after it); "the pain came back with a
        vengeance" is a recurrence."""
        if end >= v.n or v.lowers[end] not in self._return_next:
            return False
        first = sent_start
        while first < start and v.is_space[first]:
            first += 1
        return first == start or v.lowers[start - 1] in self._return_persons

    def _dated_onsets(self, v: DocView, tokens: list[tuple[int, int]], chars: list[tuple[int, int]],
                      onsets: list[int]) -> list[tuple[int, int]]:
        """The anchors (their characters) that date an onset of the sentence: within ``ONSET_REACH``
        tokens of an onset word, no ``boundary`` word (";", "|") between."""
        dated = []
        for (a_start, a_end), span in zip(tokens, chars, strict=True):
            for o in onsets:
                lo, hi = (a_end, o) if a_end <= o else (o, a_start)
                if hi - lo <= ONSET_REACH and not any(v.lowers[i] in self._boundaries for i in range(lo, hi)):
                    dated.append(span)
                    break
        return dated

    def _is_bullet(self, doc: Doc, v: DocView, start: int, end: int) -> bool:
        first = start
        while first < end and v.is_space[first]:
            first += 1
        if first >= end:
            return False
        text = v.doc_text(doc)
        line_start = text.rfind("\n", 0, v.idx[first]) + 1
        if v.orths[first] not in self._bullets and v.lowers[first] not in self._bullets:
            # a year-by-year history's entry is a list item too: "1996: first and only ankle sprain"
            return line_start == v.idx[first] and _YEAR_LABEL.match(text, line_start) is not None
        return not text[line_start:v.idx[first]].strip()

    def _cut(self, v: DocView, start: int, end: int) -> int:
        """The first contrast word ("but", "apart from", ";") after a resolution, or ``end``."""
        contrasts = self._contrasts
        for i in range(start, end):
            if v.lowers[i] in contrasts:
                return i
        return end

    @staticmethod
    def _same_line(doc: Doc, v: DocView, before: _Sentence, after: _Sentence) -> bool:
        """Whether no line break stands between ``before`` and ``after`` (its next sentence,
        which may be nothing but the line break)."""
        last = before.end - 1
        while last > before.start and v.is_space[last]:
            last -= 1
        first = after.start
        while first < after.end and v.is_space[first]:
            first += 1
        until = v.idx[first] if first < after.end else v.end_char(after.end)
        return "\n" not in v.doc_text(doc)[v.end_char(last + 1):until]

    # -- episodes --------------------------------------------------------------------
    def _episodes(self, doc: Doc, v: DocView, sents: list[_Sentence]) -> list[tuple[int, int, tuple[int, int]]]:
        """(first sentence, end sentence, anchor tokens) of each episode that says it is over."""
        episodes = []
        k = 0
        while k < len(sents):
            s = sents[k]
            if s.anchor is None and s.bullet and s.resolution:
                episodes.append((k, k + 1, s.resolution))  # "- a sore knee from tiling the bathroom, which has settled now"
                k += 1
                continue
            if s.anchor is not None and s.distant and (s.bullet or s.injury) and not s.present and not s.tells_onset:
                # "- Gout in 2019, right big toe, one attack only."; "I broke my left little toe on a door frame two years ago."
                episodes.append((k, k + 1, s.anchor))
                k += 1
                continue
            if s.anchor is None or (s.present and not s.resolution):
                k += 1
                continue
            end = k + 1
            over = s.resolution is not None
            while end < len(sents) and end - k < self.max_sentences and not over:
                nxt = sents[end]
                if not self._same_line(doc, v, sents[end - 1], nxt):
                    break
                if nxt.resolution and nxt.anchor is None and (v.lowers[nxt.start] in self._pointers or not nxt.present):
                    over = True  # "It took a year to settle but it did."
                    end += 1
                    break
                if nxt.present or nxt.anchor is not None or not nxt.past:
                    break  # an episode goes on only in the past tense
                end += 1
            if over:
                episodes.append((k, end, s.anchor))
            k = end
        return episodes

    def _pointed_back(self, doc: Doc, v: DocView, sents: list[_Sentence], ents: list[tuple[int, int, str, int]],
                      ent_starts: list[int], resolution_tokens: set[int]) -> None:
        """An end said on its own points back: "My lower [back] was [stiff] most mornings from the
        rucksack ... It was fine once we'd been [walking] half an hour. Gone now." A sentence
        with no anchor whose resolution has nothing symptomatic before it in the sentence ("Gone
        now.", "It has all settled now.") ends the episode told in the sentences just before it
        on the same line, as far back as they stay in the past tense (no present, no onset, no
        anchor, no end of their own; ``max_sentences`` at most); the episode must name a symptom
        or condition. The symptoms, conditions and sites of those sentences are marked; the activity
        the symptom came with is not ("It was fine once we'd been [walking] half an hour": the two
        readings of that note split on it, and GUIDELINES keeps such an activity current)."""
        store = entity_store(doc)
        for k, sent in enumerate(sents):
            if sent.resolution is None or sent.anchor is not None or sent.bullet or k == 0:
                continue
            r_start, r_end = sent.resolution
            if any(end <= r_start or end > r_end for end in sent.present_ends):
                continue  # "That's been my pattern ... and it settled within two days, as it always does"
            i = bisect_left(ent_starts, sent.start)
            if i < len(ents) and ents[i][0] < r_start and any(
                    label in _SYMPTOMATIC for _, _, label, _ in ents[i:bisect_left(ent_starts, r_start)]):
                continue  # "My knee has settled now": the end of what the sentence names
            first = k
            while first > 0 and k - first < self.max_sentences:
                prev = sents[first - 1]
                if not self._same_line(doc, v, prev, sents[first]):
                    break
                if not prev.past or prev.present or prev.tells_onset or prev.anchor is not None or prev.resolution:
                    break
                first -= 1
            if first == k:
                continue
            lo, hi = bisect_left(ent_starts, sents[first].start), bisect_left(ent_starts, sent.start)
            inside = ents[lo:hi]
            if not any(label in ("SYMPTOM", "CONDITION") for _, _, label, _ in inside):
                continue  # "We walked all day. All good now." names nothing that ended
            r_start_char, r_end_char = v.idx[r_start], v.end_char(r_end)
            for s, e, label, _ in inside:
                if s in resolution_tokens or label not in _SYMPTOMATIC:
                    continue  # the activity it came with stays current (GUIDELINES, session 10: "the ache I used to get ... of walking netball")
                _mark_own_past(store, s, e, r_start_char, r_end_char)

    def _told_after(self, doc: Doc, v: DocView, sents: list[_Sentence], ents: list[tuple[int, int, str, int]],
                    ent_starts: list[int]) -> None:
        """An end that closes its sentence reaches the one sentence after it on its line when that
        sentence tells, in the past tense, what ended: "Came back with a large blister ..., now
        healed. For about three weeks she [walked] with the left [foot] [turned out] ... to keep
        the boot off the [heel]."; "the knee thing is gone. Context, I'd had an [ache] on the inside
        of both [knees] ... for most of last year." The account names a place of what ended (a
        region the ending sentence names too) and a symptom or finding. One sentence only (the sentence after that
        account tells something else: "The running shop filmed me ..."), not one of the present
        or an onset ("... started during that time"), and not the footwear it names (the boot
        is still worn)."""
        store = entity_store(doc)
        for k in range(len(sents) - 1):
            sent, nxt = sents[k], sents[k + 1]
            if sent.resolution is None or sent.cut < sent.end:
                continue
            r_start, r_end = sent.resolution
            if any(end <= r_start or end > r_end for end in sent.present_ends):
                continue  # "it's settled now but still aches on stairs"
            if any(not (v.is_punct[i] or v.is_space[i]) for i in range(r_end, sent.end)):
                continue  # the end does not close its sentence: "settled with rest and physio"
            if not self._same_line(doc, v, sent, nxt) or not nxt.past or nxt.tells_onset or nxt.resolution:
                continue
            if any(v.lowers[end - 2] != _TO for end in nxt.present_ends if end - 2 >= nxt.start):
                continue  # a sentence of the present ("to keep the boot off" is no present)
            told = ents[bisect_left(ent_starts, nxt.start):bisect_left(ent_starts, nxt.end)]
            ended = {self._region(store, x) for x in ents[bisect_left(ent_starts, sent.start):bisect_left(ent_starts, sent.end)]}
            if not any(x[2] in ("BODY_REGION", "STRUCTURE") and self._region(store, x) in ended - {None} for x in told):
                continue  # the account must name the place of what ended: "bruising resolved. Feet: mild pes planus" does not
            if not any(x[2] in ("SYMPTOM", "CONDITION") for x in told):
                continue  # and tell a symptom or finding: "The blister healed. I walked 10 km on the foot yesterday" is a test of now
            r_start_char, r_end_char = v.idx[r_start], v.end_char(r_end)
            for s, e, label, _ in told:
                if label == "FOOTWEAR":
                    continue
                _mark_own_past(store, s, e, r_start_char, r_end_char)


    # -- a dated injury or operation in a history field ---------------------------------------
    def _history_items(self, doc: Doc, v: DocView, sents: list[_Sentence], ents: list[tuple[int, int, str, int]],
                       ent_starts: list[int]) -> None:
        """An injury or operation dated in a history field is over, as "hx of L ankle sprain 2019" is
        (GUIDELINES 4): "Hx: L [clavicle] [#] ([cycling]) 2012, no sequelae", "Injury hx: R [ankle]
        [sprain] x2 (2022, 2024) - rehab done, no sx this yr", "PSHx: L [knee] arthroscopy w/ partial
        medial meniscectomy 2009", "Hx R [shoulder] [dislocation] 2016 ([footy])". The item is the
        clause of the anchor (from the last clause mark before it) up to the anchor, with a bracket
        right after the anchor (the sport it happened in); it must name an event (``events``, or a
        procedure by its ending, ``suffixes``), and its sentence must hold no present and no onset. A
        finding dated in a history field ("Hx L4/5 disc 2019") may be current and is left alone; "FHx"
        and "Social hx" (``not_after``) are no history of the subject."""
        rule = self._history
        store = entity_store(doc)
        for sent in sents:
            if sent.anchor is None or sent.present or sent.tells_onset:
                continue
            a_start, a_end = sent.anchor
            header = next((i for i in range(sent.start, a_start) if v.lowers[i] in rule["headers"]), None)
            if header is not None and header > sent.start and v.lowers[header - 1] in rule["not_after"]:
                continue
            if header is None:
                lo = self._dated_event(v, rule, sent, a_start)
                if lo is None:
                    continue
            else:
                lo = next((i + 1 for i in range(a_start - 1, header, -1) if v.lowers[i] in rule["clause_marks"]), header + 1)
            if not any(v.lowers[i] in rule["events"] or v.text(i).lower().endswith(rule["suffixes"]) for i in range(lo, a_start)):
                continue
            hi = a_end
            if hi < sent.end and v.text(hi) == "(":
                hi = next((i + 1 for i in range(hi, min(hi + 5, sent.end)) if v.text(i) == ")"), hi)
            elif header is None and lo > sent.start and v.text(lo - 1) == "(":
                # "(ORIF 1998, [rugby])": the bracket the dated event opens, with the sport it happened in
                hi = next((i + 1 for i in range(a_end, min(a_end + 6, sent.end)) if v.text(i) == ")"), hi)
            a_start_char, a_end_char = v.idx[a_start], v.end_char(a_end)
            for s, e, _, _ in ents[bisect_left(ent_starts, lo):bisect_left(ent_starts, hi)]:
                if e > hi:
                    continue
                _mark_own_past(store, s, e, a_start_char, a_end_char)

    @staticmethod
    def _dated_event(v: DocView, rule: dict[str, Any], sent: _Sentence, a_start: int) -> int | None:
        """Outside a history field, the start of an injury or operation dated by the year right after it, or
        ``None``: "R knee: [TKR] 2019", "Old L ankle fracture ([ORIF] 1998, rugby)", "Her left [ACL]
        reconstruction (2018)" (session 14, round 2; as a history field's item is). Only a year, only the
        ``event_gap`` words between ("(", "in", a side), and the item runs back to the clause mark or bracket
        before it."""
        if not v.text(a_start).isdigit() and not (a_start + 1 < sent.end and v.text(a_start + 1).isdigit()):
            return None  # a year ("2019", "in 2015"), not "last spring"
        j = a_start - 1
        while j >= sent.start and j >= a_start - 4 and v.lowers[j] in rule["event_gap"]:
            j -= 1
        if j < sent.start or not (v.lowers[j] in rule["events"] or v.text(j).lower().endswith(rule["suffixes"])):
            return None
        return next((i + 1 for i in range(j - 1, sent.start - 1, -1) if v.lowers[i] in rule["clause_marks"] or v.text(i) == "("),
                    sent.start)

    # -- an account told at length, its end further on --------------------------------------
    def _now(self, v: DocView, sent: _Sentence, resolution_tokens: set[int]) -> bool:
        """Whether a word of the present stands in the sentence, outside its end and not after a
        past modal ("I could actually feel the foot stop collapsing" tells the past)."""
        for end in sent.present_ends:
            if end - 1 in resolution_tokens:
                continue
            if any(v.lowers[i] in self._modals for i in range(max(sent.start, end - 1 - MODAL_REACH), end - 1)):
                continue
            return True
        return False

    @staticmethod
    def _blank(v: DocView, sent: _Sentence) -> bool:
        return all(v.is_space[i] for i in range(sent.start, sent.end))

    def _told_at_length(self, doc: Doc, v: DocView, sents: list[_Sentence], ents: list[tuple[int, int, str, int]],
                        ent_starts: list[int], resolution_tokens: set[int]) -> None:
        """A dated account whose end comes further on, past a paragraph break or the sentences of
        a story: "Had an [ache] along the inside of my left [arch] ... for most of last season. Two
        lots of [insoles], zero change. // What fixed it was a physio who had me [stand] on one
        [leg] and [squat]. ... The [ache] was gone by the spring fixtures."; "Mate I was you three
        years ago. [Ache] right under both [kneecaps] after every Monday game, ... I'm 47, play
        five-a-side ... // ... and the knees settled in about a month." The account opens at a
        sentence with a past anchor in the past tense (no present, no onset, no end of its own) and
        runs on through the sentences of the past or with no verb; the end is a later sentence
        (``TOLD_REACH``) of no present whose end names what the account named (the same symptom
        word, or a region or structure of the same region). The account is marked up to its first
        sentence of the present; when none stands before the end, the end's own sentence too, up
        to its end. The activity a symptom came with stays current (GUIDELINES, session 10): an
        activity in a sentence that tells a symptom is not marked; the present's sentences are not."""
        store = entity_store(doc)
        k = 0
        while k < len(sents):
            s = sents[k]
            if s.anchor is None or s.resolution or s.tells_onset or not s.past or s.bullet or self._now(v, s, resolution_tokens):
                k += 1
                continue
            told = [k]  # the account's sentences, up to its first of the present
            broken = False
            end = None
            seen = 0
            j = k + 1
            while j < len(sents) and seen < TOLD_REACH:
                nxt = sents[j]
                j += 1
                if self._blank(v, nxt):
                    continue
                seen += 1
                if nxt.anchor is not None or nxt.tells_onset:
                    break  # another dated account, or the start of what is current
                now = self._now(v, nxt, resolution_tokens)
                if nxt.resolution is not None and nxt.bullet:
                    break  # a list item's end is its own item's ("- a sore left knee ..., which has settled now")
                if nxt.resolution is not None and not now and nxt.cut == nxt.end:
                    end = j - 1
                    break
                if now:
                    broken = True
                elif not broken:
                    told.append(j - 1)
            if end is None or not self._names_what_ended(v, store, sents[end], told, sents, ents, ent_starts):
                k += 1
                continue
            if not broken:
                told.append(end)
            self._mark_account(doc, v, store, sents, told, end, ents, ent_starts, resolution_tokens)
            k = end + 1

    def _names_what_ended(self, v: DocView, store: dict[int, dict[str, Any]], ending: _Sentence, told: list[int], sents: list[_Sentence],
                          ents: list[tuple[int, int, str, int]], ent_starts: list[int]) -> bool:
        """Whether the end names, before its resolution, what the account named: a symptom of the
        same concept ("The [ache] was gone", "sore" ... "the pain was gone"), or a region or structure of the same region ("the
        [knees] settled" after "both [kneecaps]")."""
        account = [x for k in told for x in ents[bisect_left(ent_starts, sents[k].start):bisect_left(ent_starts, sents[k].end)]]
        if not any(x[2] in ("SYMPTOM", "CONDITION") for x in account):
            return False
        r_start = ending.resolution[0] if ending.resolution else ending.end
        named = ents[bisect_left(ent_starts, ending.start):bisect_left(ent_starts, r_start)]
        symptoms = {self._symptom(v, store, x) for x in account if x[2] == "SYMPTOM"}
        regions = {self._region(store, x) for x in account if x[2] in ("BODY_REGION", "STRUCTURE")} - {None}
        return any((x[2] == "SYMPTOM" and self._symptom(v, store, x) in symptoms)
                   or (x[2] in ("BODY_REGION", "STRUCTURE") and self._region(store, x) in regions) for x in named)

    @staticmethod
    def _symptom(v: DocView, store: dict[int, dict[str, Any]], ent: tuple[int, int, str, int]) -> object:
        """A symptom's concept, or its words when it has none."""
        record = store.get(ent[0])
        concept = record.get("concept") if record is not None and record.get("end") == ent[1] else None
        return concept or tuple(v.lowers[ent[0]:ent[1]])

    def _mark_account(self, doc: Doc, v: DocView, store: dict[int, dict[str, Any]], sents: list[_Sentence], told: list[int],
                      end: int, ents: list[tuple[int, int, str, int]], ent_starts: list[int], resolution_tokens: set[int]) -> None:
        """Mark the account's sentences (the end's only up to its resolution) with the end as trigger."""
        r_start, r_end = sents[end].resolution
        r_start_char, r_end_char = v.idx[r_start], v.end_char(r_end)
        for k in told:
            sent = sents[k]
            inside = ents[bisect_left(ent_starts, sent.start):bisect_left(ent_starts, r_start if k == end else sent.end)]
            symptom_told = any(x[2] == "SYMPTOM" for x in inside)
            for s, e, label, _ in inside:
                if s in resolution_tokens or (label == "ACTIVITY" and symptom_told):
                    continue  # "[Ache] ... after every Monday game": the game the ache came with is still played
                _mark_own_past(store, s, e, r_start_char, r_end_char)

    @staticmethod
    def _region(store: dict[int, dict[str, Any]], ent: tuple[int, int, str, int]) -> str | None:
        record = store.get(ent[0])
        return record.get("region") if record is not None and record.get("end") == ent[1] else None

    def _bracketed(self, doc: Doc, v: DocView, ents: list[tuple[int, int, str, int]]) -> None:
        """Mark what stands between a bracket's words in one sentence: "never [ran] in my
        life until January"; a rule's ``labels`` keep it to those labels ("he's never had back
        trouble before" denies a problem now)."""
        store = entity_store(doc)
        lowers = v.lowers
        for opens, closes, gap, labels in self._brackets:
            for s, e, label, _ in ents:
                if labels and label not in labels:
                    continue  # "never had [back] problems in my life" denies a problem now (session 13)
                lo = max(0, s - gap)
                opener = next((i for i in range(s - 1, lo - 1, -1) if lowers[i] in opens), None)
                if opener is None:
                    continue
                sent_start, sent_end = v.sent_bounds(doc, s)
                if opener < sent_start:
                    continue
                closer = next((i for i in range(e, min(sent_end, opener + gap + 1)) if lowers[i] in closes), None)
                if closer is None:
                    continue
                _mark_historical(store_record(store, s, e), v.idx[opener], v.end_char(opener + 1))

    def _switched(self, doc: Doc, v: DocView, ents: list[tuple[int, int, str, int]]) -> None:
        """Mark what was given up for something else: "went from school [hockey] to rowing",
        "switched from my [trainers] to flat spikes". Only when another activity (or footwear)
        follows the "to": "gone from basketball once a week to five times" is more of the same.
        A job left for another takes what the writer says of it ("moved from a practice nurse
        job (mostly [seated], at a [desk]) to the emergency department"): the job word is
        enough, whatever follows the "to", and the description may run longer (``job_gap``)."""
        store = entity_store(doc)
        lowers = v.lowers
        jobs = self._job_words
        text = v.doc_text(doc)
        texts = {s: text[v.idx[s]:v.end_char(e)].lower() for s, e, _, _ in ents}
        for verbs, tos, labels, gap in self._switches:
            reach = max(gap, self._job_gap)
            for s, e, label, _ in ents:
                if label not in labels:
                    continue
                sent_start, sent_end = v.sent_bounds(doc, s)
                lo = max(sent_start, s - reach)
                frm = next((i for i in range(s - 1, lo - 1, -1) if lowers[i] == self._switch_from), None)
                if frm is None or not self._switch_verb_before(v, verbs, max(sent_start, frm - self._switch_verb_reach), frm):
                    continue
                if any(lowers[j] in tos for j in range(frm + 1, s)):
                    continue  # "switched from road to [trails] and jumped straight into hilly runs"
                job = any(lowers[j] in jobs for j in range(frm + 1, min(frm + 6, s + 4, sent_end)))
                if s - frm > gap and not job:
                    continue
                to = next((i for i in range(e, min(sent_end, frm + (reach if job else gap) + 1)) if lowers[i] in tos), None)
                if to is None:
                    continue
                if not job and not any(label2 in labels and to < s2 <= to + 4 and texts[s2] != texts[s] for s2, _, label2, _ in ents):
                    continue
                if not job and _counted(doc, frm + 1, s) and _counted(doc, to + 1, min(to + 4, sent_end)):
                    continue  # "went from 5 km [walks] to 20 km hikes": a load built up, more of the same
                record = store_record(store, s, e)
                if not record.get("negated"):
                    _mark_historical(record, v.idx[frm], v.end_char(frm + 1))

    @staticmethod
    def _switch_verb_before(v: DocView, verbs: frozenset[int], lo: int, frm: int) -> bool:
        """Whether a switch verb stands before the "from" at ``frm``, from ``lo`` on, in the same clause:
        "switched from", and "changed my shoes in March from [Pegasus] to Vomero", where the thing
        switched and a time stand between (GUIDELINES s4, "switched from trainers to spikes")."""
        for j in range(frm - 1, lo - 1, -1):
            if v.lowers[j] in verbs:
                return True
            if v.lowers[j] in _CLAUSE_CUTS:
                return False
        return False

    def _replaced(self, doc: Doc, v: DocView, ents: list[tuple[int, int, str, int]]) -> None:
        """Mark footwear given up for another pair without a "from": "the foot is worse in my
        old [work trainers]. I've switched to a pair with a firmer heel", "I wore 4 inch
        [heels] to work ... Switched to flat shoes", "light fashion [trainers] I've had for
        years ... bought a stability shoe". The switch ("switched/changed/swapped to", or a
        purchase: "bought") must name footwear of the same kind (a shoe for a shoe,
        an insert for an insert; "a pair" or "new ones" after a switch verb will do); what it
        replaces is the nearest footwear of that kind named before it, in its sentence or the
        ``max_sentences`` before, under another name, with the earlier mentions of that name
        (a post's title: "Sesamoiditis from [heels]"). Laces and "barefoot" are not a pair; a "new"
        pair is the one that came in, "the same" pair or one the writer says they "wear" is kept; a purchase does not replace a bare "shoes" (it is usually
        the new pair: "pretty sure it's the shoes. I bought new running shoes"); "swapped back to
        my old ones" is a trial and replaces nothing."""
        store = entity_store(doc)
        lowers = v.lowers
        positions = v.positions()
        text = v.doc_text(doc)
        shoes = [(s, e) for s, e, label, _ in ents if label == "FOOTWEAR"]
        if not shoes:
            return
        names = {s: text[v.idx[s]:v.end_char(e)].lower() for s, e in shoes}
        starts = v.sent_starts(doc)
        for rule in self._replaces:
            def kind(s: int, e: int, rule: dict[str, Any] = rule) -> str | None:
                """"insert" or "shoe" by the span's last word; None for what is not a pair (laces)."""
                words = names[s].split()
                head = words[-1] if words else ""
                if head in rule["not_worn"]:
                    return None
                return "insert" if head in rule["inserts"] or head.rstrip("s") in rule["inserts"] else "shoe"
            cues = sorted(i for orth in rule["firsts"] for i in positions.get(orth, ()))
            for cue in cues:
                _, sent_end = v.sent_bounds(doc, cue)
                hi = min(sent_end, cue + rule["max_gap"] + 1)
                if lowers[cue] in rule["verbs"]:
                    if cue + 1 < sent_end and lowers[cue + 1] in rule["back"]:
                        continue  # "swapped back to my old ones for a month": a trial, not the new pair given up
                    to = next((j for j in range(cue + 1, min(cue + 3, sent_end)) if lowers[j] in rule["to"]), None)
                    if to is None:
                        self._swapped_object(doc, v, rule, cue, shoes, names, kind)
                        continue  # "switched it up", "changed my stride"
                    after = to + 1
                else:
                    after = cue + 1
                    if lowers[cue] not in rule["buys"]:
                        continue
                new = next(((s, e) for s, e in shoes if after <= s < hi), None)
                if new is None and lowers[cue] in rule["buys"]:
                    pair = self._new_pair_bought(v, rule, after, sent_end)
                    if pair is None:
                        continue  # "bought some tape"
                    # the pair's own name further on decides its kind: "a brand new pair of the cushioned [insoles]"
                    new = next(((s, e) for s, e in shoes if pair < s <= pair + rule["max_gap"] and s < sent_end), None)
                if new is None:
                    if lowers[cue] not in rule["buys"] and \
                            not any(lowers[j] in rule["fillers"] for j in range(after, min(after + 4, sent_end))):
                        continue  # "switched to cycling"
                    wanted = None
                else:
                    wanted = kind(*new)
                    if wanted is None:
                        continue
                k = bisect_right(starts, cue) - 1
                lo = starts[max(0, k - rule["max_sentences"])]
                new_text = names[new[0]] if new else None
                old = None
                for s, e in reversed(shoes):
                    if s >= cue or s < lo:
                        continue
                    name = names[s]
                    this = kind(s, e)
                    if this is None or name == new_text or (wanted is not None and this != wanted):
                        continue
                    if lowers[cue] in rule["buys"] and name in rule["generic"]:
                        continue  # "pretty sure it's the shoes. I bought new running shoes": the same pair
                    if any(lowers[j] in rule["new"] for j in range(max(0, s - 2), s)):
                        break  # "my new Hokas": the pair that came in; "the same basketball shoes": kept
                    x_start = v.sent_bounds(doc, s)[0]
                    if any(lowers[j] in rule["wearing"] for j in range(max(x_start, s - 6), s)):
                        break  # "I wear the basketball shoes ... changed to a new pair": still worn
                    record = store.get(s)
                    if record is not None and record.get("end") == e and (
                            record.get("negated") or record.get("hypothetical") or record.get("other_subject")):
                        break  # "no orthotics", "if I switch to ...": the nearest pair is not one worn
                    old = name
                    break
                if old is None:
                    continue
                if self._went_back(v, rule, cue, set(old.split())):
                    continue  # "switched to neutral Nikes ... I went back to the stability pair last week"
                for s, e in shoes:
                    if s < cue and names[s] == old:
                        _mark_historical(store_record(store, s, e), v.idx[cue], v.end_char(after))

    def _swapped_object(self, doc: Doc, v: DocView, rule: dict[str, Any], cue: int, shoes: list[tuple[int, int]],
                        names: dict[int, str], kind: Any) -> None:
        """Mark the pair a switch verb takes as its object when another pair of its kind follows
        the rule's "for": "She swapped her [flat pumps] for firmer trainers", "swap my [work shoes]
        in August for a pair of safety trainers" (unless the note goes back to them). The object
        starts within ``OBJECT_REACH`` tokens of the verb (a determiner or possessive between);
        its earlier mentions under the same name are marked too."""
        lowers = v.lowers
        _, sent_end = v.sent_bounds(doc, cue)
        obj = next(((s, e) for s, e in shoes if cue < s <= cue + OBJECT_REACH and e < sent_end), None)
        if obj is None or any(lowers[j] in rule["back"] for j in range(cue + 1, obj[0])):
            return
        wanted = kind(*obj)
        if wanted is None:
            return
        hi = min(sent_end, obj[1] + rule["max_gap"] + 1)
        to = next((j for j in range(obj[1], hi) if lowers[j] in rule["to"]), None)
        if to is None or any(v.is_punct[j] for j in range(obj[1], to)):
            return
        new = next(((s, e) for s, e in shoes if to < s < hi), None)
        if new is None or kind(*new) != wanted or names[new[0]] == names[obj[0]]:
            if not (new is None and any(lowers[j] in rule["fillers"] for j in range(to + 1, min(to + 4, sent_end)))):
                return  # "swapped my insoles for shoes with an arch", "changed my shoes for the same shoes"
        old = names[obj[0]]
        words = ids(set(old.split()) | _OLD_PAIR)
        for j in range(obj[1], v.n - 2):
            if lowers[j] == _BACK and lowers[j + 1] in _BACK_TO and any(lowers[x] in words for x in range(j + 2, min(j + 6, v.n))):
                return  # "swap my work shoes for safety trainers ... I went back to the old ones": kept
        store = entity_store(doc)
        for s, e in shoes:
            if s <= obj[0] and names[s] == old:
                _mark_historical(store_record(store, s, e), v.idx[cue], v.end_char(cue + 1))

    @staticmethod
    def _new_pair_bought(v: DocView, rule: dict[str, Any], after: int, sent_end: int) -> int | None:
        """The filler token of a purchase of a new pair that no footwear word right after the verb
        names, or ``None``: "I bought a brand new [pair] of a more cushioned model" (a ``fresh``
        word right before a filler), not "bought another pair of the same ones" (a ``same`` word
        after it)."""
        lowers = v.lowers
        fresh = rule["fresh"]
        if not fresh:
            return None
        for j in range(after, min(after + 4, sent_end)):
            if lowers[j] in rule["fillers"] and any(lowers[x] in fresh for x in range(max(after, j - 2), j)):
                return None if any(lowers[x] in rule["same"] for x in range(j + 1, min(j + 5, sent_end))) else j
        return None

    @staticmethod
    def _went_back(v: DocView, rule: dict[str, Any], cue: int, words: set[str]) -> bool:
        """Whether the note goes back to the pair given up after ``cue``: "back to" followed
        within a few words by one of its name's words ("I went back to the stability pair")."""
        lowers, positions = v.lowers, v.positions()
        backs = sorted(j for orth in rule["back_orths"] for j in positions.get(orth, ()) if cue < j < v.n - 1)
        for j in backs:
            if lowers[j + 1] in rule["to"]:
                for k in range(j + 2, min(j + 6, v.n)):
                    if v.text(k).lower() in words:
                        return True
        return False

    def _ended_here(self, doc: Doc, v: DocView, ents: list[tuple[int, int, str, int]]) -> None:
        """Mark what the writer says has stopped: "she no longer wakes with a [stiff] [foot]",
        "my [knee] doesn't [hurt] on my bike rides anymore", "I don't [run] any more". In a
        clause with a symptom or condition, the symptoms, conditions and regions are marked
        (not the activity they came with); otherwise its activities and footwear. Not after
        "can"/"able" ("can no longer rise on my toes" is a current inability), and "any more"
        only at a clause's end ("not walking any more than usual")."""
        store = entity_store(doc)
        lowers = v.lowers
        positions = v.positions()
        for rule in self._ended:
            ends = rule["clause_ends"]
            candidates = sorted(i for orth in rule["firsts"] for i in positions.get(orth, ()))
            for i in candidates:
                trigger = None
                for phrase in rule["ahead"]:
                    if tuple(lowers[i:i + len(phrase)]) == phrase:
                        trigger = (i, i + len(phrase), "ahead")
                        break
                if trigger is None:
                    for phrase in rule["after"]:
                        if tuple(lowers[i:i + len(phrase)]) == phrase:
                            trigger = (i, i + len(phrase), "after")
                            break
                if trigger is None:
                    continue
                t_start, t_end, kind = trigger
                sent_start, sent_end = v.sent_bounds(doc, t_start)
                # back to the stop's own clause ("her pain has come down and she no longer wakes with a
                # stiff foot": not the pain), forward over a list ("no longer wakes with a stiff foot and heel")
                lo = next((j + 1 for j in range(t_start - 1, sent_start - 1, -1)
                           if lowers[j] in ends or lowers[j] == self._and), sent_start)
                hi = next((j for j in range(t_end, sent_end) if lowers[j] in ends), sent_end)
                if kind == "ahead":
                    if any(lowers[j] in rule["inability"] for j in range(max(lo, t_start - 2), t_start)):
                        continue
                    if t_end < sent_end and lowers[t_end] in rule["opinions"]:
                        continue  # "he no longer thinks shoes are involved": a view given up, not the shoes
                else:
                    if t_end < sent_end and not v.is_punct[t_end]:
                        continue
                    if not any(lowers[j] in rule["negators"] for j in range(lo, t_start)):
                        continue
                inside = [(s, e, label) for s, e, label, _ in ents if s >= lo and e <= hi]
                if any(label in ("SYMPTOM", "CONDITION") for _, _, label in inside):
                    wanted = {"SYMPTOM", "CONDITION", "BODY_REGION", "STRUCTURE"}
                else:
                    # the activity the stop is said of: "no longer [run]", "don't [run] anymore"
                    # (not "the knee no longer falls in when I [climb] the steps")
                    wanted = {"ACTIVITY", "FOOTWEAR"}
                    if kind == "ahead":
                        inside = [x for x in inside if t_end <= x[0] <= t_end + ACTIVITY_REACH]
                    else:
                        neg = max(j for j in range(lo, t_start) if lowers[j] in rule["negators"])
                        inside = [x for x in inside if neg < x[0] and x[1] <= t_start]
                # "doesn't [hurt] ... anymore": what stopped is historical, not absent; its own "n't" is no negation
                negator = None if kind == "ahead" else max(j for j in range(lo, t_start) if lowers[j] in rule["negators"])
                for s, e, label in inside:
                    if label in wanted:
                        record = store_record(store, s, e)
                        if negator is not None and not record.get("hypothetical"):
                            _unnegate(record, v.idx[negator], v.end_char(negator + 1))
                        _mark_historical(record, v.idx[t_start], v.end_char(t_end))

    def _stopped_since(self, doc: Doc, v: DocView, ents: list[tuple[int, int, str, int]]) -> None:
        """Mark what the writer says has not happened since a point or for a stretch of time, when
        it had happened before: "I haven't [limped] since the first week", "that [ache] on the
        inside of the right [ankle] ... hasn't bugged me in over a week", "my [knee] hasn't [hurt]
        since March", "I haven't [run] since August". The verb after the negated auxiliary is the
        entity itself or a verb of bother ("bugged", "bothered"); the negation that stop carries
        is taken off (what stopped is historical, not absent). Not "haven't had any pain since",
        "no knee sx since" (nothing since: negated), "hasn't been right since", "hasn't changed since"."""
        store = entity_store(doc)
        lowers = v.lowers
        positions = v.positions()
        starts = [e[0] for e in ents]
        for rule in self._stops:
            for aux in sorted(i for orth in rule["firsts"] for i in positions.get(orth, ())):
                j = aux + 1
                if j >= v.n or lowers[j] not in rule["negators"]:
                    continue
                neg = j
                j += 1
                while j < v.n and lowers[j] in rule["adverbs"]:
                    j += 1
                sent_start, sent_end = v.sent_bounds(doc, aux)
                k = bisect_left(starts, j)
                thing = ents[k] if k < len(ents) and starts[k] == j and ents[k][2] in ("SYMPTOM", "ACTIVITY") else None
                if thing is not None:
                    after = thing[1]  # "haven't [limped] since"
                elif j < sent_end and lowers[j] in rule["doing"] and lowers[aux] in rule["doing_auxiliaries"]:
                    thing = self._activity_done(v, rule, ents, starts, j + 1, sent_end)
                    if thing is None:
                        continue
                    after = thing[1]  # "haven't done any [exercise] since", "hasn't been [swimming] for a month"
                elif j < sent_end and lowers[j] in rule["verbs"]:
                    after = j + 1  # "hasn't bugged me"
                    if after < sent_end and lowers[after] in rule["objects"]:
                        after += 1
                    k = bisect_left(starts, after)
                    if k < len(ents) and starts[k] == after and ents[k][2] in ("ACTIVITY", "FOOTWEAR"):
                        thing = ents[k]  # "haven't worn [heels] since"
                        after = thing[1]
                else:
                    continue
                if not self._time_follows(doc, v, rule, after, sent_end):
                    continue
                lo = next((x + 1 for x in range(aux - 1, sent_start - 1, -1) if lowers[x] in rule["clause_ends"]), sent_start)
                if thing is not None and thing[2] != "SYMPTOM":
                    inside = [thing]  # the activity or footwear that stopped
                else:
                    # a symptom stops with its site: "my [knee] hasn't [hurt] since March"
                    inside = [x for x in ents if lo <= x[0] and x[1] <= after and x[2] in _SYMPTOMATIC]
                    if not inside:
                        # "That ache on the inside of the right ankle I had since winter, the one I thought
                        # was from the trampoline, hasn't bugged me": the subject stands before its commas
                        inside = [x for x in ents if sent_start <= x[0] and x[1] <= after and x[2] in _SYMPTOMATIC]
                    if not any(label in ("SYMPTOM", "CONDITION") for _, _, label, _ in inside):
                        continue  # "Insoles sorted it and it's not bothered me since": nothing said to stop
                neg_start, neg_end = v.idx[aux], v.end_char(neg + 1)
                for s, e, _, _ in inside:  # a symptomatic entity, or the activity or footwear that stopped
                    record = store_record(store, s, e)
                    if record.get("hypothetical"):
                        continue
                    _unnegate(record, neg_start, neg_end)
                    _mark_historical(record, neg_start, neg_end)

    @staticmethod
    def _activity_done(v: DocView, rule: dict[str, Any], ents: list[tuple[int, int, str, int]], starts: list[int],
                       j: int, sent_end: int) -> tuple[int, int, str, int] | None:
        """The activity a verb of doing names after a negated auxiliary of the present perfect, over a determiner:
        "haven't done any [exercise]", "hasn't been [swimming]", "haven't played [football]" (session 14; GUIDELINES
        s9: what has not happened since a point, after it had, is historical). Not after "had": "I had not done any
        [exercise] for about four years" before the training began is a negation (12tr email-12008)."""
        while j < sent_end and v.lowers[j] in rule["determiners"]:
            j += 1
        k = bisect_left(starts, j)
        if k < len(ents) and starts[k] == j and ents[k][2] == "ACTIVITY":
            return ents[k]
        return None

    @staticmethod
    def _time_follows(doc: Doc, v: DocView, rule: dict[str, Any], start: int, end: int) -> bool:
        """Whether a time phrase starts within ``STOPPED_REACH`` tokens of ``start``: "since ...",
        "in over a week", "for a couple of months", "in ages"."""
        lowers = v.lowers
        for i in range(start, min(end, start + STOPPED_REACH)):
            if lowers[i] in rule["since"]:
                return True
            if lowers[i] in rule["spans"]:
                j = i + 1
                while j < end and (lowers[j] in rule["quantities"] or doc[j].like_num):
                    j += 1
                if j < end and lowers[j] in rule["units"]:
                    return True
            if v.is_punct[i]:
                return False
        return False

    def _given_up_later(self, doc: Doc, v: DocView, sents: list[_Sentence], ents: list[tuple[int, int, str, int]]) -> None:
        """Footwear given up stays given up when the note names it again: "custom orthotics ... wore
        them 3 months, no change, stopped. ... A: Feet likely not relevant: symmetrical, [orthotics]
        gave no change" (an insert may drop its type words). A later mention in a sentence of the present ("now back in the orthotics",
        "I wear them again"), or one negated, hypothetical or someone else's, is not marked."""
        store = entity_store(doc)
        text = v.doc_text(doc)
        given_up: dict[str, tuple[int, int]] = {}  # name -> the first historical mention's characters
        inserts = frozenset().union(*(rule["inserts"] for rule in self._replaces))
        starts = [x.start for x in sents]
        for s, e, label, _ in ents:
            if label != "FOOTWEAR":
                continue
            name = text[v.idx[s]:v.end_char(e)].lower()
            record = store.get(s)
            mark = record is not None and record.get("end") == e
            if mark and record.get("historical"):
                given_up.setdefault(name, (v.idx[s], v.end_char(e)))
                continue
            if name not in given_up:
                # an insert named by its head after its type ("custom orthotics" ... "orthotics")
                full = next((g for g in given_up if g.rsplit(" ", 1)[-1] == name and name in inserts), None)
                if full is None:
                    continue
                name = full
            if mark and (record.get("negated") or record.get("hypothetical") or record.get("other_subject")):
                continue
            if sents[bisect_right(starts, s) - 1].present:
                continue
            if self._worn is not None and any(v.text(j).lower() in self._worn["new"] for j in range(max(0, s - 2), s)):
                continue  # "New [boots] bought 05/09": the pair that came in, not the one given up (ruling E)
            _mark_historical(store_record(store, s, e), *given_up[name])
        self._given_up_earlier(doc, v, ents, inserts, self._worn["new"] if self._worn is not None else frozenset())

    def _worn_replaced(self, doc: Doc, v: DocView, ents: list[tuple[int, int, str, int]]) -> None:
        """A pair named by its wear and replaced by a new pair later in the note is historical at its
        mentions before the new pair (GUIDELINES, session 14, the lead's ruling E; s8 "and so are earlier
        mentions of it"): "Current [shoes]: neutral, very soft, 700+ km on them ... Ran 12 km Sunday in new
        shoes", "The [boots] he wore ... the soles are worn right down ... I made him buy new ones". The
        wear ("worn", "old", "N km on them", "run down") stands in the mention's sentence, right before it
        or up to ``reach`` tokens after it; the new pair is a ``new`` word ("new", "replace") after that
        mention. Mentions of the same name (plural or not) are marked, not one with a ``new`` word right
        before it (the new pair named ahead), nor one negated, hypothetical or someone else's."""
        rule = self._worn
        lowers_text = [v.text(i).lower() for i in range(v.n)]
        store = entity_store(doc)
        text = v.doc_text(doc)
        shoes = [(s, e) for s, e, label, _ in ents if label == "FOOTWEAR"]
        if not shoes:
            return
        news = [i for i, w in enumerate(lowers_text) if w in rule["new"] and self._came_in(doc, v, rule, i, shoes, lowers_text)]
        if not news:
            return

        def name(s: int, e: int) -> str:
            return text[v.idx[s]:v.end_char(e)].lower().rstrip("s")

        def fresh(s: int) -> bool:
            return any(lowers_text[j] in rule["new"] for j in range(max(0, s - 3), s))

        starts = [s for s, _ in shoes]

        def worn(s: int, e: int) -> bool:
            """Wear said of this pair: a word right before it ("worn-out [trainers]"), or after it in its
            sentence before the next footwear named ("[Shoes] 900 km, medial midsole compressed")."""
            sent_start, sent_end = v.sent_bounds(doc, s)
            if any(lowers_text[j] in rule["before"] for j in range(max(sent_start, s - 3), s)):
                return True
            k = bisect_right(starts, s)
            hi = min(sent_end, e + rule["reach"], starts[k] if k < len(starts) else v.n)
            window = lowers_text[e:hi]
            if any(doc[j].like_num and j + 1 < hi and lowers_text[j + 1] in rule["units"] for j in range(e, min(hi, e + 3))):
                return True  # "[Shoes] 900 km", "[trainers], ~1100 km on them": its mileage
            return any(tuple(window[x:x + len(p)]) == p for p in rule["wear"] for x in range(len(window)))

        for s, e in shoes:
            if fresh(s) or not worn(s, e):
                continue
            point = next((j for j in news if j >= e), None)
            if point is None:
                continue
            old = name(s, e)
            for s2, e2 in shoes:
                if s2 >= point + 3 or name(s2, e2) != old or fresh(s2):
                    continue
                record = store_record(store, s2, e2)
                if record.get("negated") or record.get("hypothetical") or record.get("other_subject") or record.get("historical"):
                    continue
                _mark_historical(record, v.idx[point], v.end_char(point + 1))

    @staticmethod
    def _came_in(doc: Doc, v: DocView, rule: dict[str, Any], i: int, shoes: list[tuple[int, int]], lowers_text: list[str]) -> bool:
        """Whether the ``new`` word at ``i`` names a pair that came in, not one planned: "Ran 12 km in new
        [shoes]", "got new ones last week", "I made him buy new ones"; not "P: new [trainers]" or "replace
        shoes", advice that leaves the old pair worn (unannotated soap-0021, forum-0123)."""
        store = entity_store(doc)
        for s, e in shoes:
            if i < s <= i + 3:
                record = store.get(s)
                return record is not None and record.get("end") == e and not (
                    record.get("hypothetical") or record.get("negated") or record.get("other_subject"))
        _, sent_end = v.sent_bounds(doc, i)
        if not any(lowers_text[j] in rule["fillers"] for j in range(i + 1, min(sent_end, i + 3))):
            return False
        return any(lowers_text[j] in rule["buys"] for j in range(max(0, i - 4), i))

    @staticmethod
    def _given_up_earlier(doc: Doc, v: DocView, ents: list[tuple[int, int, str, int]], inserts: frozenset[str],
                          new: frozenset[str] = frozenset()) -> None:
        """Footwear the note ends by giving up was given up at its earlier mentions too (GUIDELINES,
        session 8: "and so are earlier mentions of it"): "blister ... from the new [slippers] his
        daughter bought ... OT: slippers binned". Only when the last mention of that name is
        historical (a pair gone back to is not given up: "stopped the orthotics in May ... back in
        the orthotics now"); an earlier mention negated, hypothetical or someone else's is left."""
        store = entity_store(doc)
        text = v.doc_text(doc)
        mentions: dict[str, list[tuple[int, int, dict[str, Any] | None]]] = {}
        for s, e, label, _ in ents:
            if label != "FOOTWEAR":
                continue
            record = store.get(s)
            mentions.setdefault(text[v.idx[s]:v.end_char(e)].lower(), []).append(
                (s, e, record if record is not None and record.get("end") == e else None))
        for found in mentions.values():
            last = found[-1][2]
            if len(found) < 2 or last is None or not last.get("historical") or last.get("hypothetical"):
                continue
            mark = next((t for t in last.get("triggers") or [] if t[0] == "historical"), None)
            if mark is None:
                continue
            for k, (s, e, record) in enumerate(found[:-1]):
                if k and any(v.text(j).lower() in new for j in range(max(0, s - 3), s)):
                    # "worn [boots]" ... "New [boots] bought 05/09" ... "old boots are in the garbage": from the new
                    # pair on, the mentions are the new pair's (ruling E); a first mention that is new is the pair
                    # given up ("the new [slippers] his daughter bought ... slippers binned")
                    break
                if record is not None and (record.get("negated") or record.get("hypothetical") or record.get("other_subject")):
                    continue
                _mark_historical(store_record(store, s, e), mark[2], mark[3])

    @staticmethod
    def _onsets(doc: Doc, sents: list[_Sentence], ents: list[tuple[int, int, str, int]]) -> None:
        """Take back a mark that ConText set from a time anchor in a sentence that tells an
        onset and no end: "Two years ago my knee started to ache" opens the complaint."""
        store = entity_store(doc)
        starts = [s.start for s in sents]
        for s, e, _, _ in ents:
            sent = sents[bisect_right(starts, s) - 1]
            record = store.get(s)
            if not sent.onset or record is None or record.get("end") != e or not record.get("historical"):
                continue
            mark = next((t for t in record.get("triggers") or () if t[0] == "historical"), None)
            if mark is not None and any(mark[2] < a_end and mark[3] > a_start for a_start, a_end in sent.onset):
                _unmark_historical(record)

    def run(self, doc: Doc, v: DocView, ents: list[tuple[int, int, str, int]]) -> list[tuple[int, int, str, int]]:
        if not ents or not self._rule_of:
            return ents
        if self._switches and self._switch_from in v.positions():
            self._switched(doc, v, ents)
        if self._ended:
            self._ended_here(doc, v, ents)
        if self._replaces:
            self._replaced(doc, v, ents)
        if self._stops:
            self._stopped_since(doc, v, ents)
        if self._brackets:
            positions = v.positions()
            if any(orth in positions for orth in self._bracket_orths):
                self._bracketed(doc, v, ents)
        sents, resolution_tokens = self._sentences(doc, v)
        if any(s.onset for s in sents):
            self._onsets(doc, sents, ents)
        self._given_up_later(doc, v, sents, ents)
        if self._worn is not None:
            self._worn_replaced(doc, v, ents)
        ent_starts = [e[0] for e in ents]
        if self._stretch is not None and any(orth in v.positions() for orth in self._stretch["firsts"]):
            self._closed_stretches(doc, v, sents, ents, ent_starts)
        resolved = any(s.resolution for s in sents)
        anchored = any(s.anchor for s in sents)
        if any(s.resolution and s.anchor is None for s in sents):
            self._pointed_back(doc, v, sents, ents, ent_starts, resolution_tokens)
        if resolved:
            self._told_after(doc, v, sents, ents, ent_starts)
        if self._history is not None and anchored:
            self._history_items(doc, v, sents, ents, ent_starts)
        if resolved and anchored:
            self._told_at_length(doc, v, sents, ents, ent_starts, resolution_tokens)
        episodes = self._episodes(doc, v, sents) if any(s.anchor or s.bullet for s in sents) else []
        if episodes:
            self._mark_episodes(doc, v, sents, ents, ent_starts, episodes, resolution_tokens)
        if self._over_earlier is not None:
            self._over_at_earlier(doc, v, sents, ents)
        if any(s.anchors and s.past for s in sents):
            self._others_dated(doc, v, sents, ents, ent_starts)
        if self._denied_now:
            self._denials_of_now(doc, v, ents)
        return ents

    def _others_dated(self, doc: Doc, v: DocView, sents: list[_Sentence], ents: list[tuple[int, int, str, int]],
                      ent_starts: list[int]) -> None:
        """Someone else's episode told in the past tense and dated in the past is over (session 13, round 3):
        "His brother had ACL [recon] last yr and pt is worried", "my training buddy Dan [ruptured] his [ACL] in
        May", "(who had [shin splints] last yr, he's sorted)". Blind annotators of five sets mark another person's
        dated episode past, whatever its end; the writer's own dated story often opens the current complaint, so
        it still needs its end (step 1), and only what is already someone else's is reached here. Reach: the
        anchor's clause, from after a boundary or a word of the present before it, up to the first word of the
        present after it ("... and pt [is] worried") or a bracket opened after it ("a hip replacement last year at 64
        ([arthritis])": the reason is no event); an anchor inside a bracket reaches the bracket only. The clause tells
        it in the past tense and tells no onset."""
        store = entity_store(doc)
        for sent in sents:
            if not (sent.anchors and sent.past) or sent.tells_onset:
                continue
            if any(v.lowers[i] in self._family_fields for i in range(sent.start, min(sent.start + 3, sent.end))):
                continue  # "FHx: mother had hip replacement 2010": a family history is read as the family's now
            for a_start, a_end in sent.anchors:
                lo, hi = self._bracket_around(v, sent, a_start, a_end)
                if lo is None:  # outside a bracket: the clause, up to the present or a bracket's reason
                    lo = self._clause_start(v, sent, a_start)
                    hi = next((p for p in sent.present_starts if p >= a_end), sent.end)
                    hi = next((i for i in range(a_end, hi) if v.orths[i] == _OPEN), hi)
                if not any(lo <= p < hi for p in sent.past_at):
                    continue
                a_chars = (v.idx[a_start], v.end_char(a_end))
                for i in range(bisect_left(ent_starts, lo), len(ents)):
                    s, e = ents[i][0], ents[i][1]
                    if s >= hi:
                        break
                    record = store.get(s)
                    if record is None or record.get("end") != e or not record.get("other_subject") \
                            or record.get("negated") or (s < a_end and e > a_start):
                        continue
                    _mark_historical(record, *a_chars)

    def _closed_stretches(self, doc: Doc, v: DocView, sents: list[_Sentence], ents: list[tuple[int, int, str, int]],
                          ent_starts: list[int]) -> None:
        """A complaint told in the simple past with a closed stretch of time is over (session 14): "the [knees]
        were [sore] for two days after", "I [limped] for a year with PF", "I was [limping] badly for the first
        week and a half". Blind annotators of sets 11, 12, 12tr and 13 (both readings) mark such a stretch past
        (the second readings of 11 and 12 do not: five voices to two); the current complaint is told in the present or the present perfect ("has been sore for two weeks"),
        which a "been" in the clause or a word of the present in it or just after the stretch ("bruised for two
        weeks and it's still tender") keeps current, as does a repeat ("sore for two days after each run").
        Reach: the stretch's clause, from its start up to the stretch; its symptoms, conditions and sites."""
        rule = self._stretch
        store = entity_store(doc)
        lowers = v.lowers
        positions = v.positions()
        fors = sorted(i for orth in rule["firsts"] for i in positions.get(orth, ()))
        sent_starts = [s.start for s in sents]
        for i in fors:
            stretch_end = self._stretch_end(v, rule, i)
            if stretch_end is None:
                continue
            sent = sents[bisect_right(sent_starts, i) - 1]
            lo = next((j + 1 for j in range(i - 1, sent.start - 1, -1)
                       if lowers[j] in rule["cuts"] or (v.is_space[j] and "\n" in v.text(j))), sent.start)
            if not self._told_in_past(v, rule, ents, ent_starts, lo, i):
                continue
            # the stretch itself is read as the present's "for two weeks" (a complaint's length so far); the past verb
            # before it closes it, a word of the present elsewhere in the clause or just after keeps it open
            if any(lo <= p < stretch_end + rule["after_reach"] and not i <= p < stretch_end for p in sent.present_starts):
                continue
            if any(lowers[j] in rule["blockers"] for j in range(lo, min(sent.end, stretch_end + rule["after_reach"]))):
                continue
            inside = []
            for n in range(bisect_left(ent_starts, lo), len(ents)):
                s, e, label, _ = ents[n]
                if s >= i:
                    break
                record = store.get(s)
                if record is None or record.get("end") != e or record.get("negated") or label not in _SYMPTOMATIC:
                    continue
                inside.append((label, record))
            if not any(label in ("SYMPTOM", "CONDITION") for label, _ in inside):
                continue
            for _, record in inside:
                _mark_historical(record, v.idx[i], v.end_char(stretch_end))

    @staticmethod
    def _told_in_past(v: DocView, rule: dict[str, Any], ents: list[tuple[int, int, str, int]], ent_starts: list[int],
                      lo: int, hi: int) -> bool:
        """Whether the clause tells its complaint in the simple past: "was"/"were" ("the knees were sore"), or the
        symptom itself as a past verb ("I limped"). Not "had": "Had an ache for two months" and "He's had pain
        for a month" give the current complaint's length."""
        if any(v.lowers[j] in rule["pasts"] for j in range(lo, hi)):
            return True
        for n in range(bisect_left(ent_starts, lo), len(ents)):
            s, e, label, _ = ents[n]
            if s >= hi:
                break
            if label == "SYMPTOM" and e - s == 1 and v.text(s).lower().endswith("ed"):
                return True
        return False

    @staticmethod
    def _stretch_end(v: DocView, rule: dict[str, Any], i: int) -> int | None:
        """The token after a closed stretch of time that starts at "for" ("for two days", "for the first week",
        "for a couple of weeks"), or None: a count and a unit, with "the" or "couple of" around the count."""
        j = i + 1
        while j < v.n and v.lowers[j] in rule["leads"]:
            j += 1
        if not (j < v.n and (v.lowers[j] in rule["counts"] or v.text(j).isdigit())):
            return None
        j += 1
        while j < v.n and v.lowers[j] in rule["leads"]:
            j += 1
        if j < v.n and v.lowers[j] in rule["units"]:
            return j + 1
        return None

    @staticmethod
    def _bracket_around(v: DocView, sent: _Sentence, a_start: int, a_end: int) -> tuple[int | None, int]:
        """The inside of the bracket the anchor stands in, if it does: "My sister (you treated her last year) was told
        her [flat feet] are the reason" dates only what the bracket says."""
        for i in range(a_start - 1, sent.start - 1, -1):
            if v.orths[i] == _CLOSE:
                break
            if v.orths[i] == _OPEN:
                close = next((j for j in range(a_end, sent.end) if v.orths[j] == _CLOSE), sent.end)
                return i + 1, close
        return None, sent.end

    def _clause_start(self, v: DocView, sent: _Sentence, a_start: int) -> int:
        """Where the anchor's clause starts: after the last boundary ("|", ";") or word ending in a full stop
        before it, and after the present told before it."""
        lo = next((i + 1 for i in range(a_start - 1, sent.start - 1, -1)
                   if v.lowers[i] in self._boundaries or (v.lengths[i] > 1 and v.text(i).endswith("."))), sent.start)
        lo = max([lo, *(end for end in sent.present_ends if end <= a_start)])
        # someone else's state told in the present before the anchor, up to the next clause: "His dad has really
        # flat [feet] and had knee trouble as a teenager"
        for i in range(a_start - 1, lo - 1, -1):
            if v.lowers[i] in self._others_now:
                return next((j + 1 for j in range(i + 1, a_start) if v.orths[j] in _CLAUSE_CUTS), a_start)
        return lo

    def _denials_of_now(self, doc: Doc, v: DocView, ents: list[tuple[int, int, str, int]]) -> None:
        """Take the past back from a denial that speaks of now, whatever dated it: "sciatica in 2017 -
        resolved with physio, no [leg] symptoms since, no [numbness] or [tingling] now" (GUIDELINES s9:
        nothing since stays a negation). The word of now (``denied_now``) stands in the entity's clause,
        at most ``DENIED_NOW_REACH`` tokens on."""
        store = entity_store(doc)
        lowers = v.lowers
        for s, e, label, _ in ents:
            if label not in _SYMPTOMATIC:
                continue  # "She'd never [run] before January and now runs": an activity not done then is past
            record = store.get(s)
            if record is None or record.get("end") != e or not (record.get("negated") and record.get("historical")):
                continue
            hi = min(v.sent_bounds(doc, s)[1], e + DENIED_NOW_REACH)
            for j in range(e, hi):
                if v.orths[j] in _CLAUSE_MARKS or v.orths[j] == self._and or lowers[j] in self._contrasts:
                    break
                if lowers[j] in self._denied_now:
                    _unmark_historical(record)
                    break

    def _mark_episodes(self, doc: Doc, v: DocView, sents: list[_Sentence], ents: list[tuple[int, int, str, int]],
                       ent_starts: list[int], episodes: list[tuple[int, int, tuple[int, int]]],
                       resolution_tokens: set[int]) -> None:
        store = entity_store(doc)
        over: dict[tuple[str, str, bool], tuple[int, int]] = {}  # (concept, region, someone else's) of each condition an episode ended
        for first, end, (a_start, a_end) in episodes:
            a_start_char, a_end_char = v.idx[a_start], v.end_char(a_end)
            for k in range(first, end):
                sent = sents[k]
                lo = sent.start
                if k == first:
                    # the anchor's own clause: "ROS: neg | PMH: L4/5 disc prolapse 2009 ... - fully resolved"
                    # ("P&N." is one token: a word ending in a full stop ends a clause too)
                    lo = next((i + 1 for i in range(a_start - 1, sent.start - 1, -1)
                               if v.lowers[i] in self._boundaries or (v.lengths[i] > 1 and v.text(i).endswith("."))), lo)
                    # and after the present told before it: "R knee pain x3/52, L ankle sprain 2019, resolved"
                    lo = max([lo, *(end for end in sent.present_ends if end <= a_start)])
                i = bisect_left(ent_starts, lo)
                while i < len(ents) and ents[i][0] < sent.cut:
                    s, e, label = ents[i][0], ents[i][1], ents[i][2]
                    i += 1
                    if (s < a_end and e > a_start and not (s == a_start and label == "BODY_REGION")) or s in resolution_tokens:
                        continue  # "painful" in "not painful at present"; "my [back] in 1998" is the body
                    record = store_record(store, s, e)
                    if record.get("negated") and any(v.lowers[j] == _SINCE for j in range(e, min(e + 3, sent.end))):
                        continue  # "no knee sx since" speaks of the time since, up to now
                    if record.get("negated") and k == first and e <= a_start and _COMMA in v.orths[e:a_start]:
                        continue  # "No major [injuries], one calf tear in 2017 that healed fine": a denial of now
                    _mark_historical(record, a_start_char, a_end_char)
                    if label == "CONDITION" and record.get("historical") and record.get("concept") and record.get("region"):
                        over.setdefault((record["concept"], record["region"], bool(record.get("other_subject"))),
                                        (a_start_char, a_end_char))
        if over:
            self._same_condition(doc, v, sents, ents, over)

    def _places(self, record: dict[str, Any]) -> set[str]:
        """Where a symptom or finding is: its region, and the region its own name implies ("LBP")."""
        home = self._over_earlier["homes"].get(record.get("concept") or "")
        return {p for p in (record.get("region"), home) if p}

    def _same_kind(self, a: dict[str, Any], b: dict[str, Any]) -> bool:
        """The same complaint: the same concept, or two of one family (an ache, a pain and LBP)."""
        family = self._over_earlier["family"]
        ca, cb = a.get("concept"), b.get("concept")
        return ca == cb or (ca in family and family.get(ca) == family.get(cb))

    def _over_at_earlier(self, doc: Doc, v: DocView, sents: list[_Sentence], ents: list[tuple[int, int, str, int]]) -> None:
        """A complaint said to be over is over at its earlier mentions too, for the same person and
        place (GUIDELINES, session 11), across the visits of a series: "A: R [PFPS]." at one visit,
        "A: R PFPS resolved." at the last; "L-sided [LBP]" ... "L SIJ/LBP resolved". The end is a
        symptom or condition marked historical by an end word ("resolved", "settled", "gone"); an
        earlier symptom or condition of the same kind, owner, place and no other side is marked
        (not in a sentence telling its onset),
        and so are the earlier sites of that place and side in a sentence with such a mention
        ("L [back] still sore"). Negated and hypothetical mentions stay."""
        store = entity_store(doc)
        text = v.doc_text(doc)  # cached by the view: spaCy joins every token each time
        records = [(s, e, label, store.get(s)) for s, e, label, _ in ents]
        records = [(s, e, label, r) for s, e, label, r in records if r is not None and r.get("end") == e]
        ends = []
        for s, _, label, r in records:
            if label not in ("SYMPTOM", "CONDITION") or not r.get("historical") or r.get("negated") or r.get("hypothetical"):
                continue
            trig = next((t for t in r.get("triggers") or () if t[0] == "historical"), None)
            if trig is None or not any(w in text[trig[2]:trig[3]].lower() for w in self._over_earlier["ends"]):
                continue
            places = self._places(r)
            if places:
                ends.append((v.idx[s], r, trig, places))
        if not ends:
            return
        marked: list[tuple[int, dict[str, Any], bool, tuple]] = []  # (start, record, a complaint, the end's trigger)
        # GUIDELINES, session 14 (the lead's ruling): each entry of a multi-visit record is read at its own
        # time, so an end reaches back only within its own entry
        heads = entry_heads(text, self._entry_labels)
        starts = [x.start for x in sents]
        for s, _, label, r in records:
            if r.get("historical") or r.get("negated") or r.get("hypothetical"):
                continue
            if sents[bisect_right(starts, s) - 1].tells_onset:
                continue  # "until my hip started aching in July" opens the complaint, as in _same_condition
            at = v.idx[s]
            places = self._places(r)
            for end_at, end, trig, end_places in ends:
                if at >= end_at or bool(r.get("other_subject")) != bool(end.get("other_subject")):
                    continue
                if heads and bisect_right(heads, at) != bisect_right(heads, end_at):
                    continue  # "A: R [PFPS]." at Tx 3, "A: R PFPS resolved." at Tx 7: current at Tx 3
                side, end_side = r.get("laterality"), end.get("laterality")
                if side and end_side and side != end_side:
                    continue
                if not places & end_places:
                    continue
                if label in ("SYMPTOM", "CONDITION") and not self._same_kind(r, end):
                    continue
                marked.append((s, r, label in ("SYMPTOM", "CONDITION"), trig))
                break
        # a site goes with a complaint marked in its sentence ("L [back] still sore"), not alone
        # ("Back fine", 'Back "now and then"' at a later visit: what the visit says of it now)
        sentences = {v.sent_bounds(doc, s)[0] for s, _, complaint, _ in marked if complaint}
        for s, r, complaint, trig in marked:
            if complaint or (v.sent_bounds(doc, s)[0] in sentences and not _heading(doc, r["end"])):
                _mark_historical(r, trig[2], trig[3])

    @staticmethod
    def _same_condition(doc: Doc, v: DocView, sents: list[_Sentence], ents: list[tuple[int, int, str, int]],
                        over: dict[tuple[str, str, bool], tuple[int, int]]) -> None:
        """A condition an episode says is over is over at its mentions before it too: "Title: Husband
        had [PF], I have 'the same'" ... "my husband had plantar fasciitis two winters ago, ...
        orthotics sorted him out". Only the same concept with the same owner (the writer's own
        "classic PF" is not the husband's) and region (a sprained ankle is not a sprained shoulder), outside a sentence of the present or an onset, and
        neither negated nor hypothetical; the episode's trigger is the mark's."""
        store = entity_store(doc)
        starts = [x.start for x in sents]
        for s, e, label, _ in ents:
            if label != "CONDITION":
                continue
            record = store.get(s)
            if record is None or record.get("end") != e or record.get("historical") or not record.get("concept"):
                continue
            trigger = over.get((record["concept"], record.get("region"), bool(record.get("other_subject"))))
            if trigger is None or record.get("negated") or record.get("hypothetical") or v.idx[s] >= trigger[0]:
                continue  # reaches back only: a mention after the end may be its return ("my PF, I think, is back")
            sent = sents[bisect_right(starts, s) - 1]
            if sent.tells_onset:
                continue
            lo = next((i + 1 for i in range(s - 1, sent.start - 1, -1) if v.orths[i] in _CLAUSE_MARKS), sent.start)
            hi = next((i for i in range(e, sent.end) if v.orths[i] in _CLAUSE_MARKS), sent.end)
            if any(lo < end <= hi for end in sent.present_ends):
                continue  # "Now I think the [plantar fasciitis] is back": the present's clause
            _mark_historical(record, *trigger)


def _heading(doc: Doc, end: int) -> bool:
    """Whether a colon follows the span: "Lumbar: flex full" names the exam's part, not a site."""
    return end < len(doc) and doc[end].text == ":"


def _counted(doc: Doc, start: int, end: int) -> bool:
    """Whether a number stands in ``start:end`` (the words after a switch's "from" or "to")."""
    return any(doc[i].like_num for i in range(start, min(end, len(doc))))


def _spellings(words) -> frozenset[int]:
    """The ORTH ids a cue word may take in a note (lower case, capitalised, upper case), to look
    it up in the doc's ORTH index."""
    return ids(f(w) for w in words for f in (str.lower, str.capitalize, str.upper))


def _unnegate(record: dict[str, Any], start_char: int, end_char: int) -> None:
    """Take back a negation whose trigger lies in ``start_char:end_char`` (the stop's own "haven't")."""
    if not record.get("negated"):
        return
    triggers = record.get("triggers") or []
    mark = next((t for t in triggers if t[0] == "negated"), None)
    if mark is not None and mark[2] < end_char and mark[3] > start_char:
        record["negated"] = False
        triggers.remove(mark)


def _unmark_historical(record: dict[str, Any]) -> None:
    """Take back an entity's historical mark and its trigger (``_mark_historical`` sets one)."""
    record["historical"] = False
    triggers = record.get("triggers") or []
    for t in [t for t in triggers if t[0] == "historical"]:
        triggers.remove(t)


def _mark_own_past(store: dict[int, dict[str, Any]], start: int, end: int, start_char: int, end_char: int) -> None:
    """Mark the entity at ``start:end`` historical unless it is denied or someone else's: a past
    account's negated mentions and other people's bodies keep what they are."""
    record = store_record(store, start, end)
    if not (record.get("negated") or record.get("other_subject")):
        _mark_historical(record, start_char, end_char)


def _mark_historical(record: dict[str, Any], start_char: int, end_char: int) -> None:
    """Mark an entity historical, with the trigger at these characters, unless it already is
    (the first trigger found is the one reported) or is hypothetical (a past plan stays a plan)."""
    if record.get("historical") or record.get("hypothetical"):
        return
    record["historical"] = True
    add_trigger(record, "historical", "true", start_char, end_char)


@Language.factory(
    "past_episodes",
    assigns=["span._.historical"],
    requires=["doc.ents", "token.is_sent_start"],
    default_config={"max_sentences": 4},
)
def make_past_episodes(nlp: Language, name: str, max_sentences: int) -> PastEpisodes:
    register_extensions()
    return PastEpisodes(nlp, name, max_sentences=max_sentences)

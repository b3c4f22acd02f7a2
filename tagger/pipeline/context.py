"""The ConText algorithm (Harkema et al. 2009) as a spaCy component, rules as data.

A trigger phrase from ``data/context_rules.jsonl`` opens a scope forward, backward or
both ways inside its sentence; the scope stops at a terminator ("but", "however", a
category-specific word such as "I" for another person's body), at ``max_scope`` tokens,
or at a comma that does not continue a list. Every entity wholly inside the scope takes
the trigger's attribute, and the trigger is recorded. Pseudo-triggers ("no change",
"not only") win the longest-match contest and set nothing.

Beyond the published rule sets we handle: "negative for X", "X: none", "no further X",
"denies X", coordinated negation ("no hip or thigh pain, or back pain"), a yes/no answer
after a question ("Numbness? No"), and EHR query prefixes ("?S1").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache
from typing import Any, NamedTuple

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc

from .docview import DocView, ids
from .extensions import add_trigger, entity_store, register_extensions, store_record
from .fastmatch import TokenMatcher
from .rules import RulesComponent
from .sentences import opening_query

CATEGORY_ATTRIBUTE = {
    "NEGATED_EXISTENCE": "negated",
    "HISTORICAL": "historical",
    "HYPOTHETICAL": "hypothetical",
    "OTHER_SUBJECT": "other_subject",
}
DIRECTIONS = {"FORWARD", "BACKWARD", "BIDIRECTIONAL", "TERMINATE", "PSEUDO"}
SCOPES = {"sentence", "line"}
LABELS = frozenset({"BODY_REGION", "STRUCTURE", "CONDITION", "SYMPTOM", "ACTIVITY", "FOOTWEAR"})
LIST_CONTINUERS = frozenset({"or", "nor", "and", "no", "&", "/"})
_CONTINUER_IDS = ids(LIST_CONTINUERS)
_LIST_ENDS = ids({",", ";", ".", ":"})
_DASHES = frozenset({"-", "\u2013", "\u2014"})
_COMMA = get_string_id(",")
_COLON = get_string_id(":")
# Headers of what was found or what followed, which end a plan header's line ("Tx: QL stretch.
# Immediately after: foot pain 4 -> 1/10"); a sub-heading of the plan itself ("Back: QL release",
# "Workstation: raise screen") does not.
# "Tx:" reports the treatment given at the visit (GUIDELINES, settled in session 12: hypothetical)
_GIVEN_HEADERS = frozenset({"tx"})
_REPORT_HEADERS = frozenset({"after", "assessment", "ax", "a", "s", "o", "obj", "objective", "subj", "subjective",
                             "findings", "finding", "exam", "examination", "o/e", "oe", "impression", "dx",
                             "diagnosis", "response", "outcome", "result", "results", "progress", "hx",
                             "history", "today", "retest", "re-test", "reassessment", "reassess"})
_BRACKETS = ids({";", "(", ")"})
_PARENS = ids({"(", ")"})
_QUESTION = ids({"?", ":"})
# Activities and footwear are negated only by a trigger right before or after them.
CLOSE_NEGATION_LABELS = frozenset({"ACTIVITY", "FOOTWEAR"})
CLOSE_NEGATION_DISTANCE = 2
_SETTING_WORD_IDS = ids({"when", "if", "on", "with", "during", "after", "while", "in", "from", "at", "by"})
# A question the writer answers ("Does he have flat feet? Very - he walks ...", "> 4. Footwear
# at work?\nClogs.") asks about a fact of the case; a headline question ("Arch pain that gets
# better with glute exercises?") names the writer's real complaint and asks about the link.
# an item number ("2.", "Q2)"), or a form's bare question label ("Q: How many hours a day do you sit?  A: 12",
# answered on its line: GUIDELINES s7, "a form or intake item")
_ITEM_MARKERS = re.compile(r"[\s>*\u2022\-\u2013]*(?:(?:Q?\d{1,2}[.):]|Q:)\s*)?")
_HEADLINE = re.compile(r"\s*(?:title|subject|re)\s*:", re.IGNORECASE)
_HEADLINE_CHARS = 120
# what a heading's own "no" may go on with and still answer for the heading ("Legs: no pain")
_COMPLAINT_WORDS = frozenset({"pain", "pains", "problem", "problems", "issue", "issues", "trouble", "troubles", "symptoms",
                              "sx", "complaints", "concerns", "ache", "aches", "worries"})
_FIELD_WORDS = 3
_ENDS_LINE = re.compile(r"[?!\s]*(?:\([^()\n]*\)[.!\s]*)?")
# the first word of an answer: "Yes, podiatrist 2021 said ...", "No fall or injury", "Very - he walks ..."
_YES_NO = frozenset({"yes", "no", "yep", "nope", "yeah", "nah", "y", "n", "none", "never", "not", "nil", "nothing",
                     "very", "slightly", "sometimes", "occasionally", "definitely", "always"})
# In a headline only the guess itself stays uncertain: "... - piriformis?", "Hamstring or sciatica?"
_GUESS_FILLERS = frozenset({"just", "a", "an", "the", "my", "simply", "maybe"})
_GUESS_BEFORE = frozenset({"-", "\u2013", ",", ":", "=", "?", "??", ".", "or"})
# A question opened by one of these asks for a fact ("What shoes are you running in?") and is
# answered when a line of answer follows it, even after a blank line; unanswered ("How long before
# I can jog?") it stays open, and so does one that offers a choice ("Which is it, piriformis or disc?").
_NOT_ANSWERS = frozenset({"thanks", "thank", "cheers", "regards", "best", "kind", "many", "ta", "x", "xx", "love",
                          "sincerely", "yours", "reply", "posted", "any", "anyone", "also", "sorry", "hope"})
# Plan items on the lines under a plan header ("Plan:\n1. ...\n2. ..."): what is done or worn is
# planned; the body parts they name are read both ways by the annotators and stay as they are.
_PLAN_ITEM = re.compile(r"[ \t>]*(?:\d{1,2}[.)]|[-\u2022*\u2013])[ \t]+\S")
PLAN_ITEM_LABELS = frozenset({"ACTIVITY", "FOOTWEAR"})
PLAN_ITEM_LINES = 12
_WH_WORDS = frozenset({"what", "what's", "whats", "which", "where", "when", "how", "who", "why"})


# "If I get up and walk about it fades": a condition the writer meets again and again, told in
# the present, is what happens (``habitual`` rules). A modal, a wish or a question anywhere in
# the sentence keeps it open ("if I run further will it get worse?", "if I ran I'd be fine").
_OPEN_WORDS = frozenset({"will", "'ll", "\u2019ll", "would", "'d", "\u2019d", "could", "might", "should", "shall", "may",
                         "gonna", "going", "want", "wanted", "hope", "hoping", "wonder", "wondering", "whether",
                         "were", "worth", "try", "trying", "tried", "until", "unless", "need", "needs", "must"})
# what may stand right before a conditional "if"; anything else makes it "whether" ("asks if I ...")
_IF_OPENERS = frozenset({"even", "only", "and", "but", "so", "especially", "or", "because", "cos", "like", "and/or"})


def _habitual(doc: Doc, start: int) -> bool:
    """Whether the "if" at ``start`` opens a condition that recurs: at a clause start, in a
    sentence with no modal, wish or question mark (see ``_OPEN_WORDS``)."""
    if start > 0:
        prev = doc[start - 1]
        if not (prev.is_punct or prev.is_space or "\n" in prev.whitespace_ or prev.lower_ in _IF_OPENERS):
            return False
    sent = doc[start].sent
    return not any(tok.lower_ in _OPEN_WORDS or "?" in tok.text for tok in sent)


def _ends_in_question(doc: Doc, i: int) -> bool:
    """Whether the sentence of token ``i`` (spaCy's ``Token.sent``, the sentence splitter's bounds)
    has a question mark at or after ``i``: "is that" asks in "Is that a nerve thing from my back?"
    and states in "The strange thing is that after her session my arch holds.", and in "The strange
    thing is that my arch holds... Is the hip the cause?" the question is the next sentence's (a
    token scan that knew only ".", "!" and "?" as ends ran on past the "..." into it)."""
    if i >= len(doc):
        return False
    end = doc[i].sent.end
    return any("?" in doc[k].text and doc[k].is_punct for k in range(i, end))


def _start_of(trigger: _Trigger) -> int:
    return trigger.start


def validate_rule(rule: dict[str, Any], where: str) -> None:
    if ("literal" in rule) == ("pattern" in rule):
        raise ValueError(f"{where}: a rule needs exactly one of 'literal' or 'pattern'")
    if rule.get("direction") not in DIRECTIONS:
        raise ValueError(f"{where}: direction must be one of {sorted(DIRECTIONS)}, not {rule.get('direction')!r}")
    if rule["direction"] not in {"TERMINATE", "PSEUDO"} and rule.get("category") not in CATEGORY_ATTRIBUTE:
        raise ValueError(f"{where}: category must be one of {sorted(CATEGORY_ATTRIBUTE)}, not {rule.get('category')!r}")
    if rule.get("scope", "sentence") not in SCOPES:
        raise ValueError(f"{where}: scope must be one of {sorted(SCOPES)}, not {rule.get('scope')!r}")
    if rule.get("scope") == "line" and rule["direction"] != "FORWARD":
        raise ValueError(f"{where}: a 'line' scope runs forward only; direction is {rule['direction']!r}")
    unknown = set(rule.get("labels") or ()) - LABELS
    if unknown:
        raise ValueError(f"{where}: labels must be among {sorted(LABELS)}, not {sorted(unknown)}")


class _Trigger(NamedTuple):
    """A kept trigger match: tokens, characters, and what its rule does (see ``_RuleInfo``)."""

    start: int
    end: int
    rule: dict[str, Any]
    start_char: int
    end_char: int
    info: _RuleInfo


class _RuleInfo(NamedTuple):
    """What the scope loop needs of a rule, read from its dict once when the rules load."""

    direction: str
    attribute: str | None  # None for TERMINATE and PSEUDO rules, which open no scope
    max_scope: int
    ignore_commas: bool
    own: frozenset[int]  # ids of the words that end this rule's scope (``terminated_by``)
    labels: frozenset[str] | None  # the entity labels the rule may mark (``labels``; None: all)
    line: bool  # the scope runs to the end of the line, across sentences and semicolons
    question: bool  # a question mark: not for an answered question; only the guess in a headline
    brackets: bool  # a bracket ends the scope even where commas do not ("DDx: X (no effusion)", ``stop_at_brackets``)
    nearest: bool  # only the nearest entity of its labels: "the [insoles] ... I gave them up" ("them" is one thing)
    ahead_own: frozenset[int]  # words that end only the forward scope (``forward_terminated_by``)
    through_bracket: bool  # a forward scope that meets "(" takes the whole bracket and ends at its ")"
    targets: frozenset[int] | None  # the rule marks only entities holding one of these words (``target_words``)


class ConText(RulesComponent):
    rules_file = "context_rules.jsonl"

    def __init__(self, nlp: Language, name: str, default_max_scope: int = 10):
        self._make_doc = nlp.make_doc
        self.default_max_scope = default_max_scope
        super().__init__(nlp, name)

    def _set(self, rules: list[dict[str, Any]]) -> None:
        for i, rule in enumerate(rules):
            validate_rule(rule, f"context rule {i + 1}")
        self.rules = rules
        self.phrases = PhraseMatcher(self.vocab, attr="LOWER")
        self.patterns = TokenMatcher(self.vocab)
        self._rule_of: dict[int, dict[str, Any]] = {}
        for i, rule in enumerate(rules):
            key = str(i)
            if "literal" in rule:
                self.phrases.add(key, [self._make_doc(rule["literal"])])
            else:
                self.patterns.add(key, [rule["pattern"]])
            self._rule_of[self.vocab.strings.add(key)] = rule
        self._info = {
            key: _RuleInfo(
                rule["direction"],
                None if rule["direction"] in {"TERMINATE", "PSEUDO"} else CATEGORY_ATTRIBUTE[rule["category"]],
                int(rule.get("max_scope") or self.default_max_scope),
                bool(rule.get("ignore_commas")),
                ids(rule.get("terminated_by") or ()),
                frozenset(rule["labels"]) if rule.get("labels") else None,
                rule.get("scope") == "line",
                bool(rule.get("question")),
                bool(rule.get("stop_at_brackets")),
                bool(rule.get("nearest")),
                ids(rule.get("forward_terminated_by") or ()),
                bool(rule.get("through_bracket")),
                ids(rule["target_words"]) if rule.get("target_words") else None,
            )
            for key, rule in self._rule_of.items()
        }
        # match ids of rules with a context condition (``_context_ok`` is a no-op for the rest)
        self._checked = {key for key, rule in self._rule_of.items()
                         if rule.get("require_preceding") or rule.get("attached") or rule.get("detached")
                         or rule.get("unless_next") or rule.get("opens") or rule.get("in_question")
                         or rule.get("habitual") or rule.get("require_before") or rule.get("require_next")
                         or rule.get("clause_start_or_after") is not None or rule.get("line_has")
                         or rule.get("heading_line") or rule.get("sentence_has") or rule.get("sentence_lacks")}
        # match ids of rules whose first word is no trigger when the pipeline took it for an
        # entity: "back in 1998" opens a past scope, "my [back] in 1998" is the body (then "in
        # 1998" is the trigger)
        self._word_not_entity = {key for key, rule in self._rule_of.items() if rule.get("word_not_entity")}

    # -- matching ---------------------------------------------------------
    def _triggers(self, doc: Doc, v: DocView, ent_starts: frozenset[int] = frozenset()) -> list[_Trigger]:
        found = []
        rule_of, checked, not_entity = self._rule_of, self._checked, self._word_not_entity
        for k, (match_id, start, end) in enumerate(self.phrases(doc) + self.patterns(doc)):
            if match_id in checked and not self._context_ok(doc, v, start, end, rule_of[match_id]):
                continue
            if match_id in not_entity and start in ent_starts:
                continue
            # sorted below by (-length, start), ties in match order (``k``)
            found.append((start - end, start, k, end, match_id))
        # Longest match wins, so a pseudo-trigger silences the shorter trigger inside it.
        # Rules matching the very same span all stay ("no" forward and "no" after a question).
        found.sort()
        owner: dict[int, tuple[int, int]] = {}
        kept = []
        info = self._info
        idx, lengths = v.idx, v.lengths
        for _, start, _, end, match_id in found:
            span = (start, end)
            if end - start == 1:
                if owner.get(start, span) != span:
                    continue
                owner[start] = span
            else:
                if any(owner.get(i, span) != span for i in range(start, end)):
                    continue
                for i in range(start, end):
                    owner[i] = span
            kept.append(_Trigger(start, end, rule_of[match_id], idx[start], idx[end - 1] + lengths[end - 1], info[match_id]))
        kept.sort(key=_start_of)
        return kept

    @staticmethod
    def _context_ok(doc: Doc, v: DocView, start: int, end: int, rule: dict[str, Any]) -> bool:
        required = rule.get("require_preceding")
        if required:
            if start == 0:
                return False
            if doc[start - 1].text not in required:
                if "?" not in required or _answers_question(doc, start, end) is None:
                    return False
                return True  # "Any tingling ... into the calf or foot?\nFelix: No, nothing like that."

            # "Numbness: no" and "Back: no problems" answer for the heading; in an exam line
            # ("Foot: no TTP, no swelling") the "no" is the finding's, not the region's
            if doc[start - 1].text in (rule.get("alone_after") or ()) and end < len(doc) \
                    and not (doc[end].is_punct or doc[end].is_space or doc[end].lower_ in _COMPLAINT_WORDS):
                return False
        after = rule.get("clause_start_or_after")
        if after is not None and not (start == 0 or doc[start].is_sent_start or doc[start - 1].is_space
                                      or doc[start - 1].text in after):
            return False  # "Keep the insoles in", "; please avoid lunges": not "I avoid stairs"
        if rule.get("attached"):
            # "?S1": the trigger touches the next word and does not end a sentence.
            if doc[end - 1].whitespace_ or end >= len(doc) or doc[end].is_punct:
                return False
            prev = doc[start - 1] if start > 0 else None
            if prev is not None and not prev.whitespace_ and not (prev.is_space or prev.is_quote or prev.is_left_punct):
                return False
        if rule.get("require_next") and not _next_words_in(doc, end, rule["require_next"], rule.get("unless_then") or ()):
            return False  # "my [bum] doesn't hurt": "doesn't" reaches back only before a symptom verb
        unless = rule.get("unless_next")
        if unless and end < len(doc) and (doc[end].lower_.rstrip(".,") in unless or doc[end].like_num):
            # "L vs R", "4/5 L vs 5/5 R", "rotated forward vs the L": a comparison, not a differential
            return False
        before = rule.get("require_before")
        if before and not any(doc[j].lower_ in before for j in range(max(0, start - int(rule.get("before_window") or 3)), start)):
            return False  # "played rugby at school", "a netball injury at school": not "stairs at school"
        if rule.get("heading_line") and not _heads_own_line(doc, v, start, end):
            return False  # "The plan for weeks 17-20" heads the items under it; "The plan for race day was ..." is prose
        if rule.get("sentence_has") and not _sentence_has(doc, v, start, rule["sentence_has"]):
            return False  # "I have requested a lumbar MRI" plans the scan; "MRI LS spine: L5-S1 extrusion" reports it
        if rule.get("sentence_lacks") and _sentence_has(doc, v, start, rule["sentence_lacks"]):
            return False  # "the thigh tends to turn in" is about bodies in general; "my knee tends to ache" is the writer's
        if rule.get("line_has") and not _line_has(doc, v, end, rule["line_has"]):
            return False  # "Tx: STM, hip flexor stretch" reports what was done; "Tx: nerve glides, r/v 2/52" plans
        if rule.get("habitual") and not _habitual(doc, start):
            return False  # a pseudo-trigger for a recurring condition: "If I press on it, it aches"
        if rule.get("in_question") and not _ends_in_question(doc, end):
            return False  # "The problem is that my hip ...", "My own view is that this is a calf strain"
        if rule.get("opens") and not opening_query(doc, start):
            return False  # "? stress fx": see ``sentences.opening_query``
        if rule.get("detached"):
            # "Hamstring strain?": the trigger does not touch the next word (that is "?S1", above).
            if end < len(doc) and not doc[end - 1].whitespace_ and not (doc[end].is_punct or doc[end].is_space):
                return False
        return True

    # -- scope --------------------------------------------------------------
    def run(self, doc: Doc, v: DocView, ents: list[tuple[int, int, str, int]]) -> list[tuple[int, int, str, int]]:
        """Set the ConText attributes of ``ents`` (the doc's entities); returns them."""
        if not ents:
            return ents
        triggers = self._triggers(doc, v, frozenset(e[0] for e in ents) if self._word_not_entity else frozenset())
        if not triggers:
            return ents
        store = entity_store(doc)
        ent_starts = [e[0] for e in ents]
        n_ents = len(ents)
        # TERMINATE triggers stop every other trigger's scope at their first and last token.
        terminators: set[int] = set()
        for t in triggers:
            if t.info.direction == "TERMINATE":
                terminators.add(t.start)
                terminators.add(t.end - 1)
        ent_start_set = set(ent_starts)
        plans: set[tuple[int, int]] = set()  # the characters of the plan headers that hedged a line
        comma_stops: dict[tuple[int, int], bool] = {}
        lowers, orths = v.lowers, v.orths

        def comma_stops_scope(i: int, hi: int) -> bool:
            """Whether the comma at ``i`` ends a scope in the sentence ending at ``hi``."""
            key = (i, hi)
            stop = comma_stops.get(key)
            if stop is None:
                stop = not self._list_continues(lowers, i, hi, ent_start_set)
                comma_stops[key] = stop
            return stop

        # A scope ends at a terminator, at a word of the rule's ``terminated_by``, at a
        # bracket or semicolon, or at a comma that does not continue a list (unless the rule
        # ignores commas: a plan line lists items, "P: TFL release, glute med prog (L only),
        # hill volume ↓ 50%", and neither its commas, its brackets nor terminators end the scope).
        # Only tokens inside the trigger's sentence can end it by the last three. The loops
        # below spell this out inline: they run for every token of every scope.
        for trig in triggers:
            (direction, attribute, max_scope, ignore_commas, own, labels, line, question, brackets, nearest, ahead_own,
             through_bracket, targets) = trig.info
            if attribute is None:
                continue
            headline = or_only = False
            if question:
                kind = self._question_kind(doc, v, trig)
                if kind == "answered":
                    continue
                headline = kind == "headline"
                or_only = bool(trig.rule.get("headline_or"))
                if or_only and not headline:
                    continue  # a region offered as one side of a headline's "or" guess, nowhere else
            sent_start, sent_end = v.sent_bounds(doc, trig.start)
            scopes = []
            if direction == "FORWARD" or direction == "BIDIRECTIONAL":
                end = min(self._line_end(doc, v, trig) if line else sent_end, trig.end + max_scope)
                for i in range(trig.end, end):  # inside the sentence (or the line, for a plan header)
                    if (i in terminators and not ignore_commas) or (own and lowers[i] in own and not _joins_words(doc, i)) \
                            or (ahead_own and lowers[i] in ahead_own):
                        end = i
                        break
                    orth = orths[i]
                    if orth == _COLON and line and i > trig.end and self._next_header(doc, v, trig, i):
                        end = v.sent_bounds(doc, i)[0]  # "Tx: ... release. Immediately after: foot pain": the next header's
                        break
                    if orth == _COMMA:
                        if not ignore_commas and comma_stops_scope(i, sent_end) \
                                and not (attribute == "negated" and _negated_list_runs_on(lowers, i, sent_end, trig.rule)):
                            end = i
                            break
                    elif orth in _BRACKETS and not (ignore_commas and (orth in _PARENS or line) and not brackets):
                        end = i
                        if through_bracket and doc[i].text == "(":
                            end = self._bracket_end(v, i, sent_end)
                        break
                scopes.append((trig.end, end, end))
            if direction == "BACKWARD" or direction == "BIDIRECTIONAL":
                lower = sent_start
                if trig.start == sent_start and sent_start > 0 and orths[sent_start - 1] in _QUESTION:
                    lower = v.sent_bounds(doc, sent_start - 1)[0]  # "Numbness? No."
                start = max(lower, trig.start - max_scope)
                if attribute == "negated" and trig.start - sent_start <= 4:
                    asked = _answers_question(doc, trig.start, trig.end)
                    if asked is not None:
                        lower = start = v.sent_bounds(doc, asked)[0]  # the whole question the line answers
                for i in range(trig.start - 1, start - 1, -1):
                    if i in terminators and not ignore_commas:
                        start = i + 1
                        break
                    if i < sent_start:
                        continue  # the question before "No.": only a terminator ends the scope there
                    if own and lowers[i] in own and not _joins_words(doc, i):
                        start = i + 1
                        break
                    orth = orths[i]
                    if orth == _COMMA:
                        if not ignore_commas and comma_stops_scope(i, sent_end):
                            start = i + 1
                            break
                    elif orth in _BRACKETS and not (ignore_commas and orth in _PARENS):
                        start = i + 1
                        break
                # an entity may run on into the trigger: "Hockey coach" before "coach here"
                scopes.append((start, trig.start, trig.end))
            done: set[int] = set()
            for lo, hi, last_end in scopes:
                k = bisect_left(ent_starts, lo)
                if nearest:
                    # the last entity of the rule's labels before a backward trigger (the first after a forward one)
                    inside = [x for x in range(k, bisect_left(ent_starts, hi))
                              if ents[x][1] <= last_end and (labels is None or ents[x][2] in labels)]
                    k = (inside[-1] if lo < trig.start else inside[0]) if inside else n_ents
                while k < n_ents and ent_starts[k] < hi:
                    s, e, label, _ = ents[k]
                    k += 1
                    if e > last_end or s in done or (labels is not None and label not in labels):
                        continue
                    if targets is not None and not any(lowers[j] in targets for j in range(s, e)):
                        continue  # "training for a [half]": only the race, not "for a [run]"
                    if headline and not self._headline_guess(doc, s, e, trig, or_only):
                        continue
                    if attribute == "negated" and label in CLOSE_NEGATION_LABELS and not self._negates_closely(lowers, trig, s, e):
                        continue
                    if attribute == "negated" and label in _PART_LABELS and s > trig.end \
                            and any(lowers[j] in _RELATION_IDS for j in range(trig.end, s)):
                        continue  # "not related to the [hip]", "hip not controlling the [femur]": the part is no finding
                    done.add(s)
                    self._assert(store, s, e, attribute, trig)
                    if nearest:
                        break
            if line and attribute == "hypothetical":
                # the numbered or bulleted lines under a plan header are items of that plan
                items = self._plan_items(doc, v, trig)
                if items:
                    k = bisect_left(ent_starts, items[0])
                    while k < n_ents and ent_starts[k] < items[1]:
                        s, e, label, _ = ents[k]
                        k += 1
                        if label not in PLAN_ITEM_LABELS or (labels is not None and label not in labels):
                            continue
                        self._assert(store, s, e, attribute, trig)
            if line and attribute == "hypothetical":
                plans.add((trig.start_char, trig.end_char))
        if plans:
            _prohibitions_in_plans(doc, ents, store, plans)
        return ents

    @staticmethod
    def _next_header(doc: Doc, v: DocView, trig: _Trigger, colon: int) -> bool:
        """A plan header's line ends at the next header on it that reports what was found or what
        followed (``_REPORT_HEADERS``), a word or two and a colon opening a later sentence ("Tx: QL
        stretch. Immediately after: foot pain 4 -> 1/10"); not at a sub-heading of the plan ("Back:
        QL release") nor at a field inside the plan's own sentence; and at once at a "Tx:" right after the
        plan header ("P: Tx: ...": the treatment given, GUIDELINES session 12)."""
        if colon == trig.end + 1 and doc[trig.end].lower_ in _GIVEN_HEADERS:
            return True  # "P: Tx: side posture L5, Activator R ilium": what the visit gave, reported under the plan
        start = v.sent_bounds(doc, colon)[0]
        return start >= trig.end and colon - start <= 3 and doc[colon - 1].lower_ in _REPORT_HEADERS

    @staticmethod
    def _bracket_end(v: DocView, open_at: int, sent_end: int) -> int:
        """The token after the ")" that closes the bracket opened at ``open_at`` in its sentence,
        or ``open_at`` when none closes it: what a past job's bracket says of the job ("retired from
        the Post Office (sorting office, not rounds, so a lot of standing but not much walking)")."""
        depth = 0
        for i in range(open_at, sent_end):
            text = v.text(i)
            if text == "(":
                depth += 1
            elif text == ")":
                depth -= 1
                if depth == 0:
                    return i
        return open_at

    @staticmethod
    def _assert(store: dict[int, dict], s: int, e: int, attribute: str, trig: _Trigger) -> None:
        """Set ``attribute`` on the entity ``s:e`` with ``trig`` as its trigger, unless an earlier
        trigger set it."""
        record = store_record(store, s, e)
        if not record.get(attribute):
            record[attribute] = True
            add_trigger(record, attribute, "true", trig.start_char, trig.end_char)

    @staticmethod
    def _plan_items(doc: Doc, v: DocView, trig: _Trigger) -> tuple[int, int] | None:
        """The tokens of the item lines ("1. ...", "- ...") that follow a plan header's own line
        ("Plan:\n1. Low-dye taping\n2. Back to trainers"), up to the first line that is no item;
        ``None`` when the next line is no item."""
        text, pos = v.doc_text(doc), trig.end_char
        line_start = text.rfind("\n", 0, trig.start_char) + 1
        if text[line_start:trig.start_char].strip(" \t>"):
            return None  # a header opens its line: not "- load management: back down to 40 km"
        while pos < len(text) and text[pos].isspace():
            pos += 1
        newline = text.find("\n", pos)
        if newline < 0:
            return None
        start = last = newline + 1
        for _ in range(PLAN_ITEM_LINES):
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
            if not _PLAN_ITEM.match(text, start, end):
                break
            last = end
            if end >= len(text):
                break
            start = end + 1
        if last == newline + 1:
            return None
        return bisect_left(v.idx, newline + 1, trig.end), bisect_left(v.idx, last, trig.end)

    @staticmethod
    def _question_kind(doc: Doc, v: DocView, trig: _Trigger) -> str | None:
        """``"headline"`` for a question in a title or subject line (the first line of the text,
        or one headed "Title:"/"Subject:"), ``"answered"`` for a question that opens its line
        (after a quote mark or item number: "Q2.", "> 4.") and is answered right after it, on
        the same line or the next: "Have you had any injury? No fall", "> Footwear?\nCheap
        canvas pumps"; a question for facts opening its line ("What shoes are you running in?")
        answered on a later line, blank lines allowed. An answer that is not a yes or no leaves a differential standing
        ("Piriformis or disc?? deep left buttock ache"). Otherwise ``None``."""
        text = v.doc_text(doc)
        line_start = text.rfind("\n", 0, trig.start_char) + 1
        if _HEADLINE.match(text, line_start):
            return "headline"
        line_end = text.find("\n", trig.end_char)
        if (not text[:line_start].strip() and 0 <= line_end - line_start <= _HEADLINE_CHARS
                and text[line_end:].strip() and _ENDS_LINE.fullmatch(text, trig.end_char, line_end)):
            return "headline"  # a short first line that ends with the question, the text below it
        first_token = v.sent_bounds(doc, trig.start)[0]
        first_word = next((i for i in range(first_token, trig.start) if doc[i].is_alpha), None)
        wh = first_word is not None and doc[first_word].lower_ in _WH_WORDS \
            and not any(doc[i].lower_ == "or" for i in range(first_word, trig.start))
        sent_start = v.idx[first_token]
        marker = _ITEM_MARKERS.match(text, line_start)
        if sent_start < line_start or marker.end() < sent_start:
            return None
        # an item number, a quote mark or a form field of a few words ("Footwear?", "Shoes changed?")
        marked = bool(text[line_start:marker.end()].strip())
        numbered = marked or trig.start - first_token <= _FIELD_WORDS
        pos = trig.end_char
        while pos < len(text) and text[pos] in "? \t":
            pos += 1
        next_line = text.startswith("\n", pos)
        if next_line:
            pos += 1
            # a question for facts, or one numbered or quoted in a reply, may be answered after a blank
            # line ("> What shoes are you running in?\n\nA pair of ...", "> 2. Have you changed how you
            # walk?\n\nYes, I go up on my toes")
            while pos < len(text) and text[pos] in ("> \t\n" if wh or marked else "> \t"):
                pos += 1
        answer_end = text.find("\n", pos)
        answer = text[pos:answer_end if answer_end >= 0 else len(text)].strip()
        if not answer or "?" in answer:
            return None
        first = re.split(r"[^\w']", answer.lower(), maxsplit=1)[0]
        if first in _YES_NO or (numbered and " or " not in text[sent_start:trig.start_char].lower()) \
                or (wh and next_line and first not in _NOT_ANSWERS):
            return "answered"
        return None

    @staticmethod
    def _headline_guess(doc: Doc, start: int, end: int, trig: _Trigger, or_only: bool = False) -> bool:
        """Whether the entity at ``start:end`` is the headline's guess: it ends at the question
        mark after a dash, comma, colon or the line start ("Foot falls asleep on long drives -
        piriformis?"), or is one side of an "or" ("Hamstring or sciatica?"); with ``or_only``, only
        the latter ("hamstring or back?": the back is offered as the source, while "Arch pain?"
        names the complaint)."""
        if end < len(doc) and doc[end].lower_ == "or":
            return True
        before = start - 1
        while before >= 0 and doc[before].lower_ in _GUESS_FILLERS:
            before -= 1
        if before >= 0 and doc[before].lower_ == "or":
            return True  # "sciatica or just a knock?"
        if or_only or end != trig.start:
            return False
        if start == 0 or "\n" in doc[start - 1].text or doc[start - 1].is_space:
            return True
        return doc[start - 1].lower_ in _GUESS_BEFORE

    @staticmethod
    def _line_end(doc: Doc, v: DocView, trig: _Trigger) -> int:
        """The first token after ``trig`` that holds a line break (or the doc's length):
        "P: ... to stop. Repeated ext exercises, walking 2x15 min/day.\n" is one plan. A
        header alone on its line ("Plan:\n...") heads the next line."""
        text, pos = v.doc_text(doc), trig.end_char
        while pos < len(text) and text[pos].isspace():
            pos += 1
        newline = text.find("\n", pos)
        return len(doc) if newline < 0 else bisect_left(v.idx, newline, trig.end)

    @staticmethod
    def _negates_closely(lowers: list[int], trig: _Trigger, start: int, end: int) -> bool:
        """Negation reaches an activity or footwear only when it is about that thing:
        "not running", "no orthotics" - not "no pain on stairs", "not sore when cycling",
        where the finding is negated and the activity is its setting."""
        if start >= trig.end:
            between = range(trig.end, start)
        else:
            between = range(end, trig.start)
        if len(between) > CLOSE_NEGATION_DISTANCE:
            return False
        return not any(lowers[i] in _SETTING_WORD_IDS for i in between)

    @staticmethod
    def _list_continues(lowers: list[int], comma: int, hi: int, ent_starts: set[int]) -> bool:
        """A comma continues the scope only inside a list that a coordinator closes:
        "no numbness, tingling or weakness", "no hip or thigh pain, or back pain".
        In "(-) numbness, tight hip flexors, desk job" each item stands alone."""
        for j in range(comma + 1, hi):
            lower = lowers[j]
            if lower in _CONTINUER_IDS:
                return True
            if lower in _LIST_ENDS:
                return False
        return False


# -- negation lists and predicates (session 11) ----------------------------
_SPEAKER_TOKENS = 4
# A part after a negated verb of relation or use is that verb's object, not a finding denied: "not
# related to [hip]/[back]", "hip not controlling the [femur]", "not using my [calf]", "I don't push off
# with my left [foot]", "so I don't land on the [heel]", "it didn't cause my [hip]", "I don't think
# it's connected to the [knees]", "nothing to suggest the [ankle]".
_PART_LABELS = frozenset({"BODY_REGION", "STRUCTURE"})
_RELATION_IDS = ids({"related", "relate", "relates", "connected", "linked", "cause", "caused", "causes", "causing",
                     "control", "controls", "controlling", "use", "uses", "using", "suggest", "suggests", "push",
                     "pushing", "land", "lands", "landing"})


def _breaks_line(token) -> bool:
    return token.is_space or "\n" in token.whitespace_


def _answers_question(doc: Doc, start: int, end: int) -> int | None:
    """The "?" of the question that the "No" at ``start:end`` answers on its own line, after a
    line break and at most a speaker's label ("Any numbness in the saddle area?\nNo, none.",
    "Dr A: Any tingling ...?\nFelix: No, nothing like that."); ``None`` when it answers none or
    goes on with a finding of its own ("?\nNo numbness, no tingling." answers only those)."""
    if end < len(doc) and not (doc[end].is_punct or doc[end].is_space):
        return None
    i = start - 1
    if i >= 1 and doc[i].text == ":":
        # a speaker's label opening the line ("Felix:", "Dr A:"); a longer label stays out
        j = i - 1
        while j > 0 and i - j < _SPEAKER_TOKENS and not _breaks_line(doc[j - 1]):
            j -= 1
        if j > 0 and not _breaks_line(doc[j - 1]):
            return None
        i = j - 1
    crossed = False
    while i >= 0 and (doc[i].is_space or doc[i].text == ">"):
        crossed = crossed or "\n" in doc[i].text
        i -= 1
    if i < 0 or doc[i].text != "?":
        return None
    return i if crossed or "\n" in doc[i].whitespace_ else None


# A negated list goes on past a comma when short items run from it to a closing coordinator
# ("no LBP, no pins & needles, numbness, or pain below the knee"), and, after a trigger whose
# rule says ``list_runs_on`` ("Denies knee swelling, giving way, paraesthesia."), to the end of
# its sentence. A long item ("no swelling, pain worse on the stairs and at night") ends it.
_LIST_ITEM_TOKENS = 4


def _negated_list_runs_on(lowers: list[int], comma: int, hi: int, rule: dict[str, Any]) -> bool:
    run = 0
    for j in range(comma + 1, hi):
        lower = lowers[j]
        if lower in _CONTINUER_IDS:
            return run <= _LIST_ITEM_TOKENS
        if lower == _COMMA:
            run = 0
            continue
        if lower in _LIST_ENDS:
            return bool(rule.get("list_runs_on")) and run > 0
        run += 1
        if run > _LIST_ITEM_TOKENS:
            return False
    return bool(rule.get("list_runs_on")) and run > 0


def _line_has(doc: Doc, v: DocView, end: int, words: list[str]) -> bool:
    """Whether one of ``words`` (lower case; "r/v" is three tokens, so the text is searched) stands
    as a word in the rest of the line after token ``end``."""
    if end >= len(doc):
        return False
    text = v.doc_text(doc)  # built once per note, not per trigger
    start = v.idx[end]
    stop = text.find("\n", start)
    return _has_word(text[start:stop if stop >= 0 else len(text)].lower(), words)


def _sentence_has(doc: Doc, v: DocView, start: int, words: list[str]) -> bool:
    """Whether one of ``words`` (lower case) stands as a word in the sentence of token ``start``."""
    lo, hi = v.sent_bounds(doc, start)
    return _has_word(v.doc_text(doc)[v.idx[lo]:v.end_char(hi)].lower(), words)


@cache
def _word_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    # a slash binds like a letter, so "r/v" is one word and "r/v" inside "pr/vx" is none
    return re.compile("|".join(r"(?<![\w/])" + re.escape(w) + r"(?![\w/])" for w in words))


def _has_word(text: str, words: list[str]) -> bool:
    """Whether one of ``words`` (lower case) stands as a word in ``text`` (lower case): the line and
    sentence tests share it, with each rule's words compiled once."""
    return bool(words) and _word_pattern(tuple(words)).search(text) is not None


# what may follow a heading's words on its own line: "The plan for weeks 17-20", "Plan for the next 4 weeks"
_HEADING_TAIL = re.compile(r"[^.:;?!\n]{0,40}")


def _heads_own_line(doc: Doc, v: DocView, start: int, end: int) -> bool:
    """Whether the trigger opens its line and the line ends after a short tail with no sentence
    or header punctuation: a heading without a colon, over the numbered items of the plan."""
    text = v.doc_text(doc)
    begin, stop = v.idx[start], v.end_char(end)
    if text[text.rfind("\n", 0, begin) + 1:begin].strip(" \t>#*"):
        return False
    tail = _HEADING_TAIL.match(text, stop)
    return tail is not None and (tail.end() >= len(text) or text[tail.end()] == "\n")


def _next_words_in(doc: Doc, end: int, phrases: list[str], unless_then: Any = ()) -> bool:
    """Whether one of ``phrases`` follows token ``end`` (a hyphen after the trigger is skipped:
    "non-tender") and no word of ``unless_then`` comes right after it ("doesn't hurt as much",
    "doesn't hurt anymore": easing and stopping, not absence)."""
    if end < len(doc) and doc[end].text in {"-", "\u2010"}:
        end += 1
    for phrase in phrases:
        words = phrase.split()
        after = end + len(words)
        if after <= len(doc) and all(doc[end + i].lower_ == w for i, w in enumerate(words)):
            return not (after < len(doc) and doc[after].lower_ in unless_then)
    return False


@Language.factory(
    "context",
    assigns=["span._.negated", "span._.historical", "span._.hypothetical", "span._.other_subject"],
    requires=["doc.ents", "token.is_sent_start"],
    default_config={"default_max_scope": 10},
)
def make_context(nlp: Language, name: str, default_max_scope: int) -> ConText:
    register_extensions()
    return ConText(nlp, name, default_max_scope=default_max_scope)


def _joins_words(doc: Doc, i: int) -> bool:
    """Whether the dash at ``i`` is a hyphen inside a compound ("Ottawa-area half marathon", "Kerry-type
    sportive"): touching the words on both sides, it ends no clause, so a ``terminated_by`` dash does not stop there."""
    return doc[i].text in _DASHES and 0 < i < len(doc) - 1 and not doc[i - 1].whitespace_ and not doc[i].whitespace_


_PROHIBITED = frozenset({"ACTIVITY", "FOOTWEAR"})
_NO = get_string_id("no")
_OF = get_string_id("of")


def _prohibitions_in_plans(doc: Doc, ents: list[tuple[int, int, str, int]], store: dict[int, dict],
                           plans: set[tuple[int, int]]) -> None:
    """A "no" right before an activity or shoe in a plan's line forbids it: the item is planned, not
    absent ("P: ... No [basketball].", "no [hill reps] x 3 wks", "no [barefoot] on tile": both train
    annotators of set 12tr), so its negation is taken back."""
    for s, e, label, _ in ents:
        if label not in _PROHIBITED or s == 0 or doc[s - 1].lower != _NO:
            continue
        if s > 1 and doc[s - 2].lower == _OF:
            continue  # "six weeks of no [running]" names a stretch without it (10tr a: negated and planned)
        record = store.get(s)
        if record is None or record.get("end") != e or not (record.get("negated") and record.get("hypothetical")):
            continue
        triggers = record.get("triggers") or []
        hyp = next((t for t in triggers if t[0] == "hypothetical"), None)
        neg = next((t for t in triggers if t[0] == "negated"), None)
        if hyp is None or (hyp[2], hyp[3]) not in plans or neg is None or neg[2] != doc[s - 1].idx:
            continue
        record["negated"] = False
        triggers.remove(neg)

"""Subject resolution: whose body or activity an entity is, decided per note.

ConText marks ``other_subject`` from trigger phrases ("my husband has", "FHx"); phrase lists
fit the phrasing they were written from. This step instead decides who the note is about
and who owns each entity, and marks the entities owned by anyone else:

1. **Owner.** An entity's owner is the person word that possesses it ("her left knee",
   "my wife's knees", "Beth's foot": up to three tokens back, in its clause), or else the
   nearest person word before it in its clause when that word is the clause's subject
   and a verb of having or doing follows it ("my husband runs marathons", "I had PF as a
   kid"). A clause subject followed by another verb ("the physio suggested orthotics",
   "she thinks it's the ITB", "she had me walk") owns nothing; nor does anyone inside a
   quotation ("says 'my L foot has gone flat'"). A possessive cut off from the entity by a
   verb owns its own noun only ("a guy at my gym had PF": the guy's PF, after his phrase); a
   person noun owns what follows "with" ("runners with flat feet"), its own relative clause
   ("a friend who runs ultras") or family-history entry ("mother: RA", "Mum - flat feet"),
   and an activity that is its verb ("my flatmate cycles"); "me and my friends" include the
   writer, "I'm someone who" is the writer, "like a man running" is a comparison.
2. **Subject.** The note's subject is the person class named most often in the writer's
   part of the note, the owners of its body regions, structures, conditions and symptoms
   counting double: the writer ("first") in a patient's email or post; the third person
   ("she"/"he", with nouns such as "pt", "athlete", "daughter" and names) in a clinician's
   note, a coach's message or a parent's form; the reader ("your knee") when the reader owns
   more findings than anyone else (a clinician's reply, an answer to the original poster). "My husband", "my sister" in a writer's own
   story make "he"/"she" the relative's, not a candidate subject.
3. **Mark.** An entity whose owner is neither the subject nor the reader ("your knee")
   nor "we" is someone else's: a relative, a friend, the coach's own body in a coach's
   message ("I had PF myself"), the parent's own history on a child's form. After a
   "Reply from <someone>:" line the first person is that replier, never the subject, and
   so is what a replier's sentence about themselves holds ("mine was the opposite -
   stability shoes did nothing"). An activity naming a role is someone else's after a
   possessive ("her PE teacher") and, in a note about a third person, when it is the
   writer's ("Tennis coach, writing about a junior"). In a post to a group of readers (a
   ``reader_group`` word: "anyone", "Posted in"), a question about the readers' own experience
   (a ``reader_question`` word, no word for the writer) makes what "your"/"you" owns someone
   else's: "How long did it take for your back or hip to calm down once your Achilles got
   better?"; those entities cast no vote for the subject.
4. **Reply titles** (session 12). A post that opens with a reply's title ("Re: Knee pain under
   kneecap") and whose writer is its subject replies to another poster with the writer's own story:
   the title names that poster's complaint, and so does what "your" owns ("Your hip thing sounds
   different"). An email reply keeps its subject line as its first line too, but its body opens with
   a greeting to one person, a salutation or a quoted line ("Hi Dr Okafor,"): no title there; nor a
   title quoted again deep in a thread ("Re: Re: Re: ...").

Every word list is data in ``data/subject_rules.jsonl``. The pass is per entity, over at
most one clause before it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from typing import Any, NamedTuple

from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc

from .docview import DocView, ids
from .extensions import add_trigger, entity_store, register_extensions, store_record
from .rules import RulesComponent

KINDS = {"plural_people", "person", "not_name", "possessed_head", "adverb", "role", "possessive_marker", "verb", "not_after_verb",
         "boundary", "writer_header", "preposition", "with", "reader_question", "reader_group", "roundup", "poster_line",
         "not_speaker", "report_verb", "reply_title", "greeting", "handle_header", "written_for", "reaction_line"}
CLASSES = {"first", "second", "we", "she", "he", "subject_noun", "other_noun", "group", "object"}
CASES = {"nominative", "possessive", "both", "reflexive"}
# classes that own the symptomatic entities of a note and so may be its subject
SYMPTOMATIC = frozenset({"BODY_REGION", "STRUCTURE", "CONDITION", "SYMPTOM"})
POSSESSED = frozenset({"BODY_REGION", "STRUCTURE", "CONDITION", "SYMPTOM", "FOOTWEAR"})
THIRD = frozenset({"she", "he", "subject_noun", "name"})
NEUTRAL = frozenset({"second", "we"})
REFLEXIVE_REACH = 3  # words after an entity where "herself"/"myself" names its owner ("had PF herself")
MAX_ANCHORS = 3  # person words tried, nearest first, when a possessive nearer the entity owns something else
PHRASE_REACH = 3  # extra words after a clause subject for a prepositional phrase before its verb
POSSESSIVE_REACH = 3  # tokens between a possessive and the entity it owns ("her left big toe")
CLAUSE_REACH = 20  # tokens back to look for a clause subject
RELATIVE_REACH = 6  # tokens from a person noun to an object pronoun inside its relative clause ("my wife who walks with me")
VERB_REACH = 2  # words after a clause subject where its verb may stand ("my mum has", adverbs aside)
# the kinds of a reply segment: the writer's own text, a "Reply from" reply by another writer,
# another poster's quoted or chat line
WRITER, REPLY, POSTER_LINE = 0, 1, 2
READER_VOTES = 3  # owned findings the reader ("your knee") needs before the reader is taken for the subject
OWNER_WEIGHT = 2  # an owned symptomatic entity counts as much as two person words when deciding the subject
_QUOTE_MARKS = ('"', "'", "“", "”", "‘", "’")
_QUOTES = ids(_QUOTE_MARKS)
_COMMA_IDS = ids({","})
_APPOSITION_IDS = ids({",", "("})
_SIMILE_IDS = ids({"like", "as"})
_AM_IDS = ids({"am", "'m", "’m", "i'm", "im"})
_OPEN_PAREN = get_string_id("(")
_CLOSE_PAREN = get_string_id(")")
_FORM_ITEM = re.compile(r"\s*(?:Q\s?\d{1,2}|\d{1,2})\s*[.):]")


def _alternation(head: str, words: set[str], tail: str) -> re.Pattern[str]:
    """A regex ``head(w1|w2|...)tail`` over ``words``, longest first, spaces matching any run of blanks."""
    alts = "|".join(re.escape(w).replace(r"\ ", r"[ \t]+") for w in sorted(words, key=len, reverse=True))
    return re.compile(head + alts + tail)


_CHAT_LINE = re.compile(r"(?m)^\[[^\]\n]{1,25}\][ \t]*([^:\n]{1,30}):")
# a transcript's turn: a speaker's label opening its line ("Dr A:", "Felix:", "Pt (Moses, 57):", "PT:")
_TURN = re.compile(r"(?m)^[ \t]*([A-Z][\w.'-]*(?:[ \t][A-Z][\w.'-]*){0,2})[ \t]*(?:\([^)\n]{0,40}\))?[ \t]*:[ \t]")
# lines a forum thread may hold before its first handle header while they are only its forum and title: the header
# then opens the original post ("r/running\n\nTitle?\n\nu/op · 5 points\n..."), unless a rule line ("---") stands
# before it, which ends a post
TITLE_LINES = 2
_RULE_LINE = re.compile(r"(?m)^[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*$")
# a person's name alone on its line, as a social-media thread heads each comment ("Dean Marsters",
# "Linda Te Whata"): two to four capitalised words
_NAME_LINE = re.compile(r"(?m)^[ \t]*([A-Z][a-z'\u2019-]+(?:[ \t]+[A-Z][a-z'\u2019-]+){1,3})[ \t]*$")
MIN_TURNS = 4  # labelled lines a transcript needs, two speakers with two each at least


def validate_subject_rule(rule: dict[str, Any], where: str) -> None:
    kind = rule.get("kind")
    if kind not in KINDS:
        raise ValueError(f"{where}: kind must be one of {sorted(KINDS)}, not {kind!r}")
    if kind == "writer_header":
        if not isinstance(rule.get("literal"), str):
            raise ValueError(f"{where}: a writer_header rule needs a 'literal'")
        return
    if kind == "roundup" and (not isinstance(rule.get("focus"), list) or not rule["focus"]):
        raise ValueError(f"{where}: a roundup rule needs a non-empty 'focus' list (the header of the report's own athlete)")
    if not isinstance(rule.get("words"), list) or not rule["words"]:
        raise ValueError(f"{where}: a {kind} rule needs a non-empty 'words' list")
    if kind == "person":
        if rule.get("class") not in CLASSES:
            raise ValueError(f"{where}: class must be one of {sorted(CLASSES)}, not {rule.get('class')!r}")
        if rule.get("case") not in CASES:
            raise ValueError(f"{where}: case must be one of {sorted(CASES)}, not {rule.get('case')!r}")


class SubjectResolution(RulesComponent):
    rules_file = "subject_rules.jsonl"
    optional_on_disk = True

    def __init__(self, nlp: Language, name: str):
        self._make_doc = nlp.make_doc
        super().__init__(nlp, name)

    def _set(self, rules: list[dict[str, Any]]) -> None:
        for i, rule in enumerate(rules):
            validate_subject_rule(rule, f"subject rule {i + 1}")
        self.rules = rules
        self._nominative: dict[int, str] = {}
        self._possessive: dict[int, str] = {}
        self._reflexive: dict[int, str] = {}
        markers: set[str] = set()
        verbs: set[str] = set()
        not_after: set[str] = set()
        boundaries: set[str] = set()
        not_names: set[str] = set()
        heads: set[str] = set()
        adverbs: set[str] = set()
        roles: set[str] = set()
        prepositions: set[str] = set()
        withs: set[str] = set()
        asks: set[str] = set()
        groups: set[str] = set()
        plural_dets: set[str] = set()
        plural_suffixes: set[str] = set()
        plural_nouns: set[str] = set()
        plural_excluded: set[str] = set()
        self._headers: list[tuple[list[int], frozenset[int]]] = []
        focus: set[str] = set()
        sections: set[str] = set()
        quote_verbs: set[str] = set()
        not_speakers: set[str] = set()
        reports: set[str] = set()
        titles: set[str] = set()
        greetings: set[str] = set()
        to_group: set[str] = set()
        scores: set[str] = set()
        handle_prefixes: set[str] = set()
        self._written_for: list[tuple[int, ...]] = []
        reactions: list[str] = []
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
                    if rule["case"] == "reflexive":
                        self._reflexive[key_id] = rule["class"]
            elif kind == "not_name":
                not_names.update(w.lower() for w in rule["words"])
            elif kind == "possessed_head":
                heads.update(w.lower() for w in rule["words"])
            elif kind == "role":
                roles.update(w.lower() for w in rule["words"])
            elif kind == "preposition":
                prepositions.update(w.lower() for w in rule["words"])
            elif kind == "with":
                withs.update(w.lower() for w in rule["words"])
            elif kind == "reader_question":
                asks.update(w.lower() for w in rule["words"])
            elif kind == "reader_group":
                groups.update(w.lower() for w in rule["words"])
            elif kind == "adverb":
                adverbs.update(w.lower() for w in rule["words"])
            elif kind == "possessive_marker":
                markers.update(rule["words"])
            elif kind == "verb":
                verbs.update(w.lower() for w in rule["words"])
            elif kind == "not_after_verb":
                not_after.update(w.lower() for w in rule["words"])
            elif kind == "boundary":
                boundaries.update(w.lower() for w in rule["words"])
            elif kind == "roundup":
                focus.update(w.lower() for w in rule["focus"])
                sections.update(w.lower() for w in rule["words"])
            elif kind == "poster_line":
                quote_verbs.update(w.lower() for w in rule["words"])
            elif kind == "not_speaker":
                not_speakers.update(w.lower() for w in rule["words"])
            elif kind == "report_verb":
                reports.update(w.lower() for w in rule["words"])
            elif kind == "reply_title":
                titles.update(w.lower() for w in rule["words"])
            elif kind == "greeting":
                greetings.update(w.lower() for w in rule["words"])
                to_group.update(w.lower() for w in rule.get("to_group") or ())
            elif kind == "handle_header":
                scores.update(w.lower() for w in rule["words"])
                handle_prefixes.update(rule.get("prefixes") or ())
            elif kind == "written_for":
                self._written_for.extend(tuple(get_string_id(t.lower_) for t in self._make_doc(w)) for w in rule["words"])
            elif kind == "reaction_line":
                reactions.extend(rule["words"])
            elif kind == "plural_people":
                plural_dets.update(w.lower() for w in rule["words"])
                plural_suffixes.update(w.lower() for w in rule.get("suffixes") or ())
                plural_nouns.update(w.lower() for w in rule.get("nouns") or ())
                plural_excluded.update(w.lower() for w in rule.get("writer") or ())
            else:
                words = [get_string_id(t.lower_) for t in self._make_doc(rule["literal"])]
                self._headers.append((words, ids(w.lower() for w in rule.get("same_writer") or ())))
        self._markers = ids(markers)
        self._focus_re = _alternation(r"(?im)^[^\n:]{0,30}\b(?:", focus, r")\s*:") if focus else None
        self._section_re = _alternation(r"(?im)^(?:", sections, r")\s*:[^\n]*") if sections else None
        # a forum quote of another poster, "> **Gaz1971** wrote: ..." (a handle, not "> On 3 Oct, Ann wrote:")
        self._quote_re = _alternation(r"(?m)^>[ \t]*\*{0,2}[^\s*:]{2,40}\*{0,2}[ \t]+(?:", quote_verbs, r"):") \
            if quote_verbs else None
        self._not_speakers = frozenset(not_speakers)
        # a reply's title opening the note ("Re: Knee pain under kneecap"), its prefix said once: a title
        # quoted again and again ("Re: Re: Re: ...") is the thread's, deep in it, not the poster's replied to
        self._title_re = _alternation(r"(?i)\A[ \t]*(?:", titles, r")[ \t]*:(?![ \t]*(?:" + "|".join(
            re.escape(w) for w in sorted(titles)) + r")[ \t]*:)[^\n]*") if titles else None
        # a body opening with a greeting to one person ("Hi Dr Okafor,", "Thanks Dominic."), a salutation alone on
        # its line ("Dr Whitford,") or a quoted line is an email reply about the writer's own complaint; "Hi all"
        # greets a group, as a post does
        group_words = "|".join(re.escape(w) for w in sorted(to_group))
        self._greeting_re = _alternation(r"(?i)\s*(?![^\s,]+[ \t,]+(?:" + group_words + r")\b)(?:>|[^\s,]+(?:[ \t][^\s,]+){0,2},"
                                         r"[ \t]*\n|(?:", greetings, r")\b)") \
            if greetings and to_group else None
        # a thread's reply header, a handle alone on its line with its score ("u/slowandsteady_mi · 48 points")
        handle = r"(?:" + "|".join(re.escape(p) for p in sorted(handle_prefixes)) + r")[\w-]{2,40}" if handle_prefixes else None
        self._handle_re = re.compile(handle) if handle else None
        self._handle_header_re = _alternation(r"(?im)^[ \t]*(" + handle + r")[ \t]*[\u00b7\u2022|\-\u2013][ \t]*\d+[ \t]+(?:",
                                              scores, r")[ \t]*$") if handle and scores else None
        # a social-media thread's reaction line under a post ("Like \u00b7 Reply \u00b7 14"): the lines after it
        # that hold a name alone open the replies, each by the person named
        self._reaction_re = re.compile(r"(?im)^[ \t]*(?:" + "|".join(re.escape(w) for w in reactions)
                                       + r")(?:[ \t]*[\u00b7\u2022|][ \t]*[\w ]+)+[ \t]*$") if reactions else None
        self._reports = ids(reports)
        self._verbs = ids(verbs)
        self._not_after = ids(not_after)
        self._boundaries = ids(boundaries)
        self._not_names = ids(not_names)
        self._heads = ids(heads)
        self._adverbs = ids(adverbs)
        self._roles = ids(roles)
        self._prepositions = ids(prepositions)
        self._with = ids(withs)
        self._asks = ids(asks)
        self._groups = ids(groups)
        self._plural_dets = ids(plural_dets)
        self._plural_suffixes = tuple(sorted(plural_suffixes))
        self._plural_nouns = frozenset(plural_nouns)
        self._plural_writer = ids(plural_excluded)
        self._me = get_string_id("me")
        self._and = ids({"and", "&", "+"})
        self._relatives = ids({"who", "that"})
        self._entry_marks = ids({":", "-", "–", "—"})
        # nouns that take a possessive marker ("wife's") own by that marker, not as a bare noun
        self._first_possessive = frozenset(k for k, c in self._possessive.items() if c == "first")
        self._person_ids = frozenset(self._nominative) | frozenset(self._possessive)
        self._reflexive_ids = frozenset(self._reflexive)
        self._spelled: dict[frozenset[int], frozenset[int]] = {}
        # the text of every id above, to look its capitalised spellings up (not from the string
        # store, which holds a word only once some doc has contained it)
        texts = {w.lower() for rule in rules for w in rule.get("words") or ()} | set(_QUOTE_MARKS)
        texts |= {t.lower_ for rule in rules if "literal" in rule for t in self._make_doc(rule["literal"])}
        self._text_of = {get_string_id(w): w for w in texts}
        self._nouns = frozenset(k for k, c in self._nominative.items() if c in {"subject_noun", "other_noun", "group"})

    # -- who owns an entity ---------------------------------------------------
    def _anchors(self, v: DocView, wanted: frozenset[int]) -> list[int]:
        """Sorted positions of the tokens whose lower form is in ``wanted``, read from the
        view's ORTH index (a lookup per spelling instead of a pass over every token)."""
        positions = v.positions()
        found: list[int] = []
        for orth in self._spellings(wanted).intersection(positions):
            found.extend(positions[orth])
        found.sort()
        return found

    def _spellings(self, wanted: frozenset[int]) -> frozenset[int]:
        spelled = self._spelled.get(wanted)
        if spelled is None:
            text_of = self._text_of
            spelled = self._spelled[wanted] = ids(
                form for key in wanted if key in text_of
                for word in [text_of[key]] for form in {word, word.capitalize(), word.upper(), word.title()})
        return spelled

    def _owner(self, v: DocView, s: int, e: int, lo: int, label: str, doc_facts: _DocFacts) -> tuple[str, int] | None:
        """The person class that owns the entity starting at token ``s``, and its word's token.

        The nearest person word (or possessive marker) before the entity in its clause decides:
        a possessive owns the entity when at most two words stand between ("her left knee");
        a clause subject owns it when a verb of having or doing follows it ("my husband runs",
        "I had PF as a kid"), not a verb of advising ("she has recommended orthotics")."""
        reflexives = doc_facts.reflexives
        if reflexives:
            r = bisect_left(reflexives, e)
            t = reflexives[r] if r < len(reflexives) else None  # None: no reflexive after the entity
            if t is not None and t < e + REFLEXIVE_REACH and not any(v.is_punct[i] for i in range(e, t)):
                return self._reflexive[v.lowers[t]], t  # "had ITB syndrome herself", "I had PF myself"
        anchors = doc_facts.anchors
        j = bisect_left(anchors, s) - 1
        for _ in range(MAX_ANCHORS):
            if j < 0:
                return None
            k = anchors[j]
            if s - k <= POSSESSIVE_REACH + 1 and self._possessive.get(v.lowers[k]) is not None \
                    and self._verb_between(v.lowers, k, s):
                j -= 1  # "a guy at my gym had PF": "my" owns the gym; the guy may own the PF
                continue
            noun = self._relative_clause_noun(v.lowers, anchors, j, k)
            if noun is not None and self._verb_follows(v.lowers, k, s):
                # "my wife who walks with me has a bad knee": "me" sits in the wife's relative clause
                # and the verb after it is the wife's
                return self._owner_at(v, noun, s, e, lo, label, doc_facts)
            return self._owner_at(v, k, s, e, lo, label, doc_facts)
        return None

    def _relative_clause_noun(self, lowers: list[int], anchors: list[int], j: int, k: int) -> int | None:
        """The person noun whose relative clause ("my wife who walks with me") holds the object
        pronoun at ``k`` (the anchor at index ``j``), or ``None``."""
        if self._nominative.get(lowers[k]) != "object" or j == 0:
            return None
        noun = anchors[j - 1]
        if lowers[noun] not in self._nouns or self._nominative.get(lowers[noun]) not in {"other_noun", "group"}:
            return None
        if noun + 1 >= k or lowers[noun + 1] not in self._relatives or k - noun > RELATIVE_REACH:
            return None
        return noun

    def _verb_between(self, lowers: list[int], k: int, s: int) -> bool:
        """Whether a verb of having or doing stands between a possessive at ``k`` and the entity at ``s``."""
        return any(lowers[t] in self._verbs and lowers[t] not in self._adverbs for t in range(k + 1, s))

    def _owner_at(self, v: DocView, k: int, s: int, e: int, lo: int, label: str,
                  doc_facts: _DocFacts) -> tuple[str, int] | None:
        """The owner named by the person word (or possessive marker) at ``k``, or ``None``."""
        bounds = doc_facts.boundaries
        if k < lo or k < s - CLAUSE_REACH:
            return None
        lowers = v.lowers
        low = lowers[k]
        b = bisect_right(bounds, k)
        if b < len(bounds) and bounds[b] < s:
            if low in self._nouns:
                return self._listed_owner(v, k, s, bounds, b, doc_facts)
            return None  # a clause boundary stands between
        if low in self._markers:
            if k == lo:
                return None
            owner = lowers[k - 1]
            if owner in self._nominative and owner not in self._nouns:
                if k + 1 < s and lowers[k + 1] in self._verbs and self._verb_follows(lowers, k, s):
                    return self._nominative[owner], k - 1  # "he's had PF for years", "she's got flat feet"
                return None  # "She's been doing ...": too often the physio at work on the writer
            if label not in POSSESSED or not self._close(s, k, doc_facts.ent_tokens) or self._head_follows(lowers, e):
                return None
            cls = self._nominative.get(owner) if owner in self._nouns else None
            if cls is None and v.strings[v.orths[k - 1]][:1].isupper() and k - 1 not in doc_facts.ent_tokens \
                    and owner not in self._possessive and owner not in self._not_names:
                cls = "name"
            return (cls, k - 1) if cls else None
        cls = self._possessive.get(low)
        if cls is not None:
            if label in POSSESSED and self._close(s, k, doc_facts.ent_tokens) and not self._head_follows(lowers, e):
                return cls, k
            return None  # "her physio told me": a possessed noun is not the owner here
        cls = self._nominative[low]
        if cls == "object":
            return None
        if cls in {"other_noun", "group"} and self._with_writer(v, k):
            return "we", k  # "me and my friends started doing dance challenges": the writer is one of them
        if "'" in v.lower(k) or self._verb_follows(lowers, k, s):
            return cls, k
        if cls in {"other_noun", "group"} and any(lowers[t] in _SIMILE_IDS for t in range(max(lo, k - 2), k)):
            return None  # "I look like a man running for a bus": a comparison, nobody else's activity
        if cls != "subject_noun" and label == "ACTIVITY" and all(lowers[t] in self._adverbs for t in range(k + 1, s)):
            return cls, k  # the activity is the clause subject's verb: "he sits all day", "my flatmate cycles"
        if cls in {"other_noun", "group", "subject_noun"} and k + 1 < s and lowers[k + 1] in self._with \
                and self._close(s, k + 1, doc_facts.ent_tokens):
            return cls, k  # "runners with flat feet", "a friend with ITBS"
        return None

    def _listed_owner(self, v: DocView, k: int, s: int, bounds: list[int], b: int,
                      doc_facts: _DocFacts) -> tuple[str, int] | None:
        """A person noun owns what its own relative clause or family-history entry names, across the
        boundary word that opens it: "a friend who runs ultras", "my sister, who has flat feet",
        "mother: RA", "Mum - flat feet too"."""
        lowers = v.lowers
        if any(lowers[t] in _AM_IDS for t in range(max(0, k - 4), k)):
            return "first", k  # "I'm also someone who has flat feet": the writer
        j = k + 1
        if j < s and lowers[j] in _APPOSITION_IDS:
            j += 1  # "my sister, who has flat feet", "my sister (who has flat feet)"
        between = bounds[b:bisect_left(bounds, s)]
        if lowers[k + 1] == _OPEN_PAREN:
            close = _bracket_close(lowers, k + 1, s)
            if close is not None and all(t <= close for t in between) and self._verb_follows(lowers, close, s):
                return self._nominative[lowers[k]], k  # "her housemate (also on this list) has sciatica"
        if between[-1] != j or any(t not in (k + 1, j) for t in between):
            return None  # the boundary must open the noun's own clause, and no other boundary follow
        cls = self._nominative[lowers[k]]
        if lowers[j] in self._relatives:
            return (cls, k) if self._verb_follows(lowers, j, s) else None
        if lowers[j] in self._entry_marks and self._close(s, j, doc_facts.ent_tokens):
            return cls, k
        return None

    def _with_writer(self, v: DocView, k: int) -> bool:
        """Whether the person noun at ``k`` is joined to the writer: "me and my friends", "my mates and I"."""
        lowers = v.lowers
        i = k - 1
        if i >= 0 and self._possessive.get(lowers[i]) is not None:
            i -= 1
        if i >= 1 and lowers[i] in self._and and self._nominative.get(lowers[i - 1]) in {"first", "object"}:
            return True
        return k + 2 < v.n and lowers[k + 1] in self._and and self._nominative.get(lowers[k + 2]) in {"first", "object"}

    @staticmethod
    def _close(s: int, k: int, ent_tokens: set[int]) -> bool:
        """At most ``POSSESSIVE_REACH - 1`` words that are not entities stand between ``k`` and ``s``."""
        between = sum(1 for t in range(k + 1, s) if t not in ent_tokens)
        return between < POSSESSIVE_REACH

    def _head_follows(self, lowers: list[int], e: int) -> bool:
        """Whether the entity ending at ``e`` modifies a possessed noun ("her glute routine")."""
        return e < len(lowers) and lowers[e] in self._heads

    def _verb_follows(self, lowers: list[int], k: int, s: int) -> bool:
        """Whether a verb of having or doing follows the clause subject at ``k`` (adverbs
        aside) and is not an auxiliary before a verb of advising ("has recommended", "had me"), nor
        after a verb of saying ("she said wears out the muscles": the clause reports her words)."""
        adverbs = self._adverbs
        j, reach, phrase = k + 1, VERB_REACH, False
        while j < s and reach > 0:
            if lowers[j] in adverbs:
                j += 1
                continue
            if lowers[j] in self._reports:
                return False  # "which she said wears out the muscles": what she said, not what she has
            if not phrase and lowers[j] in self._prepositions:
                # "a guy at my gym had", "someone in my club gets": the noun's phrase, then its verb
                phrase, reach = True, reach + PHRASE_REACH
            if lowers[j] in self._verbs:
                j += 1
                while j < s and lowers[j] in adverbs:
                    j += 1
                return not (j < s and lowers[j] in self._not_after)
            j += 1
            reach -= 1
        return False

    def _asks_readers(self, doc: Doc, v: DocView, s: int) -> bool:
        """Whether the sentence holding token ``s`` asks the readers about their own experience: a
        question with a verb of the past or of experience (``reader_question``: "How long did it
        take for your back or hip to calm down once your Achilles got better?") and no word for the
        writer (a clinician's "can you tell me how your feet look when you run?"), not on a quoted line
        ("> Have you noticed anything about your feet?": the clinician asking the writer) and not a
        form's question answered on the next line ("Where is your pain?\nR knee")."""
        lo, hi = v.sent_bounds(doc, s)
        last = hi - 1
        while last > lo and v.is_space[last]:
            last -= 1
        if "?" not in v.text(last):
            return False
        if not any(v.lowers[i] in self._asks for i in range(lo, hi)):
            return False
        if any(self._nominative.get(v.lowers[i]) == "first" or self._possessive.get(v.lowers[i]) == "first"
               or v.lowers[i] == self._me for i in range(lo, hi)):
            return False  # "can you tell me ... how your feet look when you run?": the writer asks the reader about the reader
        text = v.doc_text(doc)
        line_start = text.rfind("\n", 0, v.idx[lo]) + 1
        before = text[line_start:v.idx[lo]]
        if _FORM_ITEM.match(before):
            return False  # "Q2. Have you had any injury? No fall": a form's question
        if text[line_start:v.idx[lo] + 1].lstrip().startswith(">"):
            return False
        line_end = text.find("\n", v.end_char(last + 1))
        line_end = len(text) if line_end < 0 else line_end
        if not before.strip() and not text[v.end_char(last + 1):line_end].strip() and text[line_end:].strip():
            return False  # a question alone on its line with text under it: a form's, answered
        return True

    @staticmethod
    def _mark(store: dict[int, dict[str, Any]], v: DocView, s: int, e: int, k: int) -> None:
        """Mark the entity ``s:e`` other_subject, its trigger the person word at token ``k``."""
        record = store_record(store, s, e)
        if not record.get("other_subject"):
            record["other_subject"] = True
            add_trigger(record, "other_subject", "true", v.idx[k], v.end_char(k + 1))

    def _role_holder(self, v: DocView, s: int, lo: int, owner: tuple[str, int] | None, third_person: bool,
                     first_sentence: bool) -> tuple[str, int] | None:
        """An activity that names a person's role ("PE teacher", "tennis coach") is somebody
        else's when a possessive names whose it is ("her PE teacher"), or, in a note about a third
        person, when it is the writer's own ("I'm the netball coach", "Tennis coach, writing about
        a junior"); a first-person writer's job ("I'm a secondary school teacher") is the subject's."""
        lowers = v.lowers
        for k in range(s - 1, max(lo, s - POSSESSIVE_REACH) - 1, -1):
            if self._possessive.get(lowers[k]) is not None:
                return ("role", k)
            if lowers[k] in self._markers:
                # "Beth's coach", not "he's a teacher"
                return ("role", k) if k > 0 and lowers[k - 1] not in self._nominative else None
            if v.is_punct[k]:
                break
        if not third_person:
            return None
        if owner is not None:
            return ("role", owner[1]) if owner[0] == "first" else None
        # the note opens with the writer's role: "Tennis coach, writing about ...", not "S: 26F, trainee teacher"
        words_before = [k for k in range(s) if not v.is_space[k]]
        if first_sentence and len(words_before) <= 1 and not any(v.is_punct[k] for k in words_before):
            return ("role", s)
        return None

    def _other_people(self, v: DocView, s: int, e: int, lo: int) -> int | None:
        """The determiner of an activity that names other people by what they do, or ``None``:
        "clogs like the [nurses] wear", "one of the Spanish [walkers]", "any other pilots or
        [long-haul drivers]" (a plural agent noun after "the", "other", "those", one adjective
        allowed between). Not when the writer is one of them ("I'm one of those runners", "runners
        like me")."""
        if not self._plural_dets:
            return None
        head = v.text(e - 1).lower()
        if not (head in self._plural_nouns or (head.endswith(self._plural_suffixes) and head.isalpha())):
            return None
        lowers = v.lowers
        det = next((k for k in (s - 1, s - 2) if k >= lo and lowers[k] in self._plural_dets), None)
        if det is None or (det == s - 2 and not v.text(s - 1).isalpha()):
            return None
        if any(lowers[k] in self._plural_writer for k in range(max(lo, s - 6), s)) \
                or any(lowers[k] in self._plural_writer for k in range(e, min(e + 2, v.n))):
            return None
        return det

    @staticmethod
    def _replier(v: DocView, doc: Doc, s: int, e: int, lo: int, owner: tuple[str, int] | None, firsts: list[int],
                 store: dict[int, dict[str, Any]]) -> tuple[str, int] | None:
        """The owner of an entity in a reply by another writer: the replier when the replier
        owns it, or when it has no owner and its sentence is about the replier ("mine was the
        opposite - stability shoes did nothing"); a hypothetical or advised thing ("worth trying
        insoles") stays unowned."""
        if owner is not None:
            return ("replier", owner[1])
        record = store.get(s)
        if record is not None and record.get("end") == e and record.get("hypothetical"):
            return None
        hi = v.sent_bounds(doc, s)[1]
        j = bisect_left(firsts, lo)
        if j < len(firsts) and firsts[j] < hi:
            return ("replier", firsts[j])
        return None

    @staticmethod
    def _quoted(quotes: list[int], lo: int, i: int) -> bool:
        """Whether token ``i`` stands inside a quotation opened earlier in its sentence
        (``quotes``: the doc's quote-mark positions)."""
        return (bisect_left(quotes, i) - bisect_left(quotes, lo)) % 2 == 1

    def _voice(self, v: DocView, persons: list[int], until: int) -> Counter[str]:
        """How often each person class is named before token ``until`` (the original writer's
        part; ``persons``: the positions of person words): the writer's "I"/"my" against
        "she"/"his"/"pt". "My" before a subject noun ("my athlete", "my son") names the third
        person; "my" before another noun ("my husband") puts a relative in the writer's story."""
        counts: Counter[str] = Counter()
        lowers, n = v.lowers, v.n
        for k in persons:
            if k >= until:
                break
            low = lowers[k]
            cls = self._nominative.get(low) or self._possessive.get(low) or ""
            counts[cls] += 1
            if low in self._first_possessive and k + 1 < n:
                after = self._nominative.get(lowers[k + 1])
                if after == "subject_noun" or (after == "other_noun" and self._writes_for(lowers, k)):
                    # "my son", and "writing on behalf of my husband": the note is about them
                    counts["first"] -= 1
                    counts["subject_noun"] += 1
                elif after == "other_noun":
                    counts["my_other"] += 1
        return counts

    def _writes_for(self, lowers: list[int], k: int) -> bool:
        """Whether the "my" at ``k`` follows words that say the note is written for that person
        ("I'm writing on behalf of my husband", "emailing for my mum"): a partner or relative
        writing for someone makes them the subject, not a relative in the writer's own story."""
        return any(k >= len(w) and tuple(lowers[k - len(w):k]) == w for w in self._written_for)

    # -- the note's writers -------------------------------------------------
    def _reply_starts(self, v: DocView) -> list[tuple[int, int]]:
        """Token positions where a reply by another writer (``REPLY``) or by the subject (``WRITER``)
        begins: after a header line such as "Reply from RunNerdAl:" ("Reply from OP:" is the subject)."""
        found: list[tuple[int, int]] = []
        lowers, n = v.lowers, v.n
        for words, same in self._headers:
            width = len(words)
            for i in self._anchors(v, frozenset(words[:1])):
                if lowers[i:i + width] != words or (i > 0 and "\n" not in v.text(i - 1)):
                    continue
                j = i + width
                while j < n and not (v.is_space[j] and "\n" in v.text(j)):
                    j += 1
                found.append((j, WRITER if any(lowers[k] in same for k in range(i + width, j)) else REPLY))
        found.sort()
        return found

    def _handle_replies(self, doc: Doc, v: DocView) -> list[tuple[int, int]]:
        """Token positions where a thread's post under a handle header begins ("u/slowandsteady_mi · 48
        points"): another poster's reply (``REPLY``), or the original poster's own (``WRITER``) when the
        handle is the one the thread names before its first header ("posted by u/grapefruit_tempo"). A first
        header with only the thread's forum and title before it, and no rule line, opens the original post."""
        if self._handle_header_re is None:
            return []
        text = v.doc_text(doc)
        headers = list(self._handle_header_re.finditer(text))
        if not headers:
            return []
        before = text[:headers[0].start()]
        named = self._handle_re.search(before)
        if named is not None:
            op = named.group(0).lower()
        elif sum(1 for line in before.splitlines() if line.strip()) <= TITLE_LINES and not _RULE_LINE.search(before):
            op = headers[0].group(1).lower()
        else:
            op = None  # the original post names no handle ("Throwaway-ish ..."): every header is a reply
        return _posts_below(v, text, headers, op)

    def _reaction_replies(self, doc: Doc, v: DocView) -> list[tuple[int, int]]:
        """Token positions where a social-media thread's comment begins: after the reaction line under the
        original post ("Like \u00b7 Reply \u00b7 14"), a line holding only a name ("Dean Marsters") heads a
        comment by that person (``REPLY``), or by the original poster (``WRITER``) when it is the name the
        thread gave alone on a line above the reaction line."""
        if self._reaction_re is None:
            return []
        text = v.doc_text(doc)
        first = self._reaction_re.search(text)
        if first is None:
            return []
        # the note's first line names the group or page the thread is in ("Trail Runners Otago"), not a poster
        first_word = len(text) - len(text.lstrip())
        names_before = [m.group(1).lower() for m in _NAME_LINE.finditer(text, 0, first.start()) if m.start() > first_word]
        op = names_before[0] if names_before else None
        return _posts_below(v, text, _NAME_LINE.finditer(text, first.end()), op)

    def _roundups(self, doc: Doc, v: DocView) -> list[tuple[int, int]]:
        """Token ranges of a report's roundup of other people: a line opened by "Also:", "Others:"
        or "Rest of squad:" after a header naming the report's own athlete ("Player of concern:",
        "Focus:"). Without that header an "Also:" line is the writer's own ("Also: Morton's neuroma")."""
        if self._section_re is None or self._focus_re is None:
            return []
        text = v.doc_text(doc)
        focus = self._focus_re.search(text)
        if focus is None:
            return []
        return [(bisect_left(v.idx, m.start()), bisect_left(v.idx, m.end()))
                for m in self._section_re.finditer(text, focus.end())]

    def _poster_lines(self, doc: Doc, v: DocView) -> list[tuple[int, int]]:
        """Where another poster's line begins (``POSTER_LINE``) and where the writer's text resumes
        (``WRITER``): a forum quote of another handle ("> **Gaz1971** wrote: ...") and, in a pasted
        group chat, the lines of every name but the writer's (the name with the most lines; none on a tie)."""
        text = v.doc_text(doc)
        starts: list[int] = []
        if self._quote_re is not None:
            starts += [m.end() for m in self._quote_re.finditer(text)]
        chat = list(_CHAT_LINE.finditer(text))
        if len(chat) >= 3:
            names = Counter(m.group(1).strip().lower() for m in chat).most_common(2)
            if len(names) == 2 and names[0][1] > names[1][1]:
                writer = names[0][0]
                starts += [m.end() for m in chat if m.group(1).strip().lower() != writer]
        found: list[tuple[int, int]] = []
        for start in starts:
            end = text.find("\n", start)
            found += [(bisect_left(v.idx, start), POSTER_LINE), (bisect_left(v.idx, end if end >= 0 else len(text)), WRITER)]
        return found

    def _reply_title(self, doc: Doc, v: DocView) -> tuple[int, int] | None:
        """The token range of a reply's title line ("Re: Arch pain that won't go with insoles"), or ``None``:
        the note is a post replying to another poster, and the title names that poster's complaint. An email
        reply (its subject kept as the first line, then a greeting to one person or a quoted line) is about the
        writer's own complaint."""
        if self._title_re is None:
            return None
        text = v.doc_text(doc)
        m = self._title_re.match(text)
        if m is None or (self._greeting_re is not None and self._greeting_re.match(text, m.end())):
            return None  # no title, or a message to one person ("Re: hip - orthotics update\nHi Dr Okafor, ...")
        return bisect_left(v.idx, m.start()), bisect_left(v.idx, m.end())

    def _turns(self, doc: Doc, v: DocView) -> tuple[list[int], list[str]]:
        """A transcript's turns (a consultation or chat written as "Dr A: ...", "Felix: ..." lines): the token
        where each labelled line starts and its speaker, case kept ("PT" the therapist, "Pt" the patient).
        Empty unless two speakers have two lines each; labels such as "From:", "S:" or "Plan:" are none."""
        text = v.doc_text(doc)
        found = [(m.start(1), m.group(1)) for m in _TURN.finditer(text)
                 if len(m.group(1)) > 1 and m.group(1).lower() not in self._not_speakers]
        if len(found) < MIN_TURNS or sum(1 for n in Counter(label for _, label in found).values() if n >= 2) < 2:
            return [], []
        return [bisect_left(v.idx, at) for at, _ in found], [label for _, label in found]

    @staticmethod
    def _speakers_own(v: DocView, ents, owners, turns: tuple[list[int], list[str]]) -> list[tuple[str, int] | None]:
        """In a transcript, "I" and "my" are the speaker of their line. The patient is the speaker whose
        first person owns the most sites and findings (none on a tie): their "my right thigh" is the
        subject's, however often the clinician's "your" is said; another speaker's own body is someone
        else's ("Dr A: I had the same in my knee")."""
        starts, labels = turns
        speaker_of = []
        for s, _, _, _ in ents:
            t = bisect_right(starts, s) - 1
            speaker_of.append(labels[t] if t >= 0 else None)
        counts: Counter[str] = Counter(
            speaker for (_, _, label, _), owner, speaker in zip(ents, owners, speaker_of, strict=True)
            if speaker is not None and owner is not None and owner[0] == "first" and label in SYMPTOMATIC)
        ranked = counts.most_common(2)
        if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
            return owners
        patient = ranked[0][0]
        out: list[tuple[str, int] | None] = []
        for owner, speaker in zip(owners, speaker_of, strict=True):
            if owner is not None and owner[0] == "first" and speaker is not None:
                owner = ("second", owner[1]) if speaker == patient else ("speaker", owner[1])
            out.append(owner)
        return out

    def run(self, doc: Doc, v: DocView, ents: list[tuple[int, int, str, int]]) -> list[tuple[int, int, str, int]]:
        if not ents:
            return ents
        roundups = self._roundups(doc, v)
        if roundups:
            # "Also: Piotr's lower back spasm has settled": the report's other athletes
            store = entity_store(doc)
            starts = [a for a, _ in roundups]
            for s, e, _, _ in ents:
                r = bisect_right(starts, s) - 1
                if r >= 0 and s < roundups[r][1]:
                    self._mark(store, v, s, e, roundups[r][0])
        persons = self._anchors(v, self._person_ids)
        if persons:
            # a person word the pipeline read as footwear is a shoe: "in his old [runners] with the
            # orthotics he was given" (the orthotics are still his)
            shoes = {i for s, e, label, _ in ents if label == "FOOTWEAR" for i in range(s, e)}
            if shoes:
                persons = [k for k in persons if k not in shoes]
        if not persons:
            return ents  # nobody is named: nothing to resolve ("R knee pain x3/52")
        facts = _DocFacts(
            anchors=sorted(persons + self._anchors(v, self._markers)),
            boundaries=self._anchors(v, self._boundaries),
            # an activity's words count as words: "his [exercises for the buttock] and the foot"
            # is too far for "his" to own the foot, as "his exercises for the buttock" was before
            # the part joined the exercise
            ent_tokens={i for s, e, label, _ in ents if label != "ACTIVITY" for i in range(s, e)},
            reflexives=self._anchors(v, self._reflexive_ids) if self._reflexive_ids else [],
        )
        quotes = self._anchors(v, _QUOTES)
        replies = self._reply_starts(v) if self._headers else []
        handled = self._handle_replies(doc, v) + self._reaction_replies(doc, v)
        if handled:
            replies = sorted(replies + handled)
        voice_until = replies[0][0] if replies else v.n
        posters = self._poster_lines(doc, v)
        if posters:
            replies = sorted(replies + posters)
        reply_at = [r[0] for r in replies]
        owners: list[tuple[str, int] | None] = []
        votes: Counter[str] = Counter()
        store = entity_store(doc)
        firsts = [k for k in persons if self._nominative.get(v.lowers[k]) == "first" or self._possessive.get(v.lowers[k]) == "first"] \
            if replies else []
        my_firsts = [k for k in firsts if self._possessive.get(v.lowers[k]) == "first"] \
            if posters else []
        asked: dict[int, bool] = {}  # sentence start -> whether it asks the readers (``_asks_readers``)
        group: bool | None = None  # whether the note is written to a group of readers (read when first needed)
        for s, e, label, _ in ents:
            lo = v.sent_bounds(doc, s)[0]
            if quotes and self._quoted(quotes, lo, s):
                owners.append(None)  # "says 'my L foot has gone flat'": the quoted speaker, not the writer
                continue
            owner = self._owner(v, s, e, lo, label, facts)
            if replies and (owner is None or owner[0] == "first"):
                r = bisect_right(reply_at, s) - 1
                if r >= 0 and replies[r][1] == POSTER_LINE:
                    # a chat line's unowned thing is the poster's only beside the poster's "my"
                    # ("shoots right down to my [ankle]"), not beside "I told you those [shoes]"
                    owner = self._replier(v, doc, s, e, lo, owner, my_firsts, store)
                elif r >= 0 and replies[r][1] == REPLY:
                    owner = self._replier(v, doc, s, e, lo, owner, firsts, store)
            if owner is not None and owner[0] == "second" and not replies and self._asks:
                if group is None:
                    # a post to a group of readers ("Posted in: Running injuries", "Anyone else?"), not
                    # a message to one person (a clinician's "did you manage to get your feet looked at?")
                    group = bool(self._anchors(v, self._groups))
                if group and lo not in asked:
                    asked[lo] = self._asks_readers(doc, v, s)
                if group and asked[lo]:
                    owner = ("reader", owner[1])  # no vote: the readers are not whom the note is about
            owners.append(owner)
            if owner is not None and label in SYMPTOMATIC:
                votes[owner[0]] += 1
        turns = self._turns(doc, v) if self._not_speakers else ([], [])
        if turns[0]:
            # a transcript: the patient's "my" is the subject's (counted with the clinician's "your"), another
            # speaker's is theirs
            owners = self._speakers_own(v, ents, owners, turns)
            votes = Counter(owner[0] for (_, _, label, _), owner in zip(ents, owners, strict=True)
                            if owner is not None and label in SYMPTOMATIC)
        words = self._voice(v, persons, voice_until)
        if words["my_other"] and not words["subject_noun"]:
            # "My husband's physio told him ...": in a writer's own story with a relative in it,
            # "he" and "she" are the relative (or the physio), not whom the note is about
            votes["she"] = votes["he"] = words["she"] = words["he"] = 0
        first = votes["first"] * OWNER_WEIGHT + words["first"]
        third = sum(votes[c] for c in THIRD) * OWNER_WEIGHT + sum(words[c] for c in THIRD)
        if first == 0 and third == 0:
            subject: frozenset[str] = frozenset()
        elif votes["second"] >= READER_VOTES and votes["second"] > votes["first"] + sum(votes[c] for c in THIRD):
            # a clinician answering a patient ("your knee ... I had the same myself"), a reply to the
            # original poster: the reader owns most findings, so the reader is the subject and the
            # writer's own body is someone else's
            subject = frozenset({"second"})
        elif first >= third:
            subject = frozenset({"first"})
        else:
            pronoun = "she" if votes["she"] + words["she"] >= votes["he"] + words["he"] else "he"
            subject = frozenset({pronoun, "subject_noun", "name"})
        third_person = bool(subject) and "first" not in subject
        title = self._reply_title(doc, v) if subject == {"first"} else None
        if title is not None:
            # a reply telling the writer's own story: its title is the complaint of the poster replied to
            # ("Re: Knee pain under kneecap, 5-a-side"), and so is what "your" owns ("Your hip thing sounds
            # different")
            for (s, e, _, _), owner in zip(ents, owners, strict=True):
                if s < title[1]:
                    self._mark(store, v, s, e, title[0])
                elif owner is not None and owner[0] == "second":
                    self._mark(store, v, s, e, owner[1])
                elif owner is None and s > 0 and self._possessive.get(v.lowers[s - 1]) == "second":
                    self._mark(store, v, s, e, s - 1)  # "Your [hip] thing": the possessed "thing" is the poster's hip
        first_sentence_end = v.sent_bounds(doc, 0)[1]
        for (s, e, label, _), owner in zip(ents, owners, strict=True):
            if label == "ACTIVITY" and owner is None:
                det = self._other_people(v, s, e, v.sent_bounds(doc, s)[0])
                if det is not None:
                    self._mark(store, v, s, e, det)
                    continue
            if label == "ACTIVITY" and v.lowers[e - 1] in self._roles:
                owner = self._role_holder(v, s, lo=v.sent_bounds(doc, s)[0], owner=owner, third_person=third_person,
                                          first_sentence=s < first_sentence_end)
                if owner is not None:
                    self._mark(store, v, s, e, owner[1])
                continue
            if owner is None:
                continue
            cls, k = owner
            if cls == "reader":
                if subject == {"first"}:
                    self._mark(store, v, s, e, k)  # the writer asks the readers about their own bodies
                continue
            if cls in NEUTRAL:
                continue
            if cls in {"other_noun", "group", "replier", "speaker"} or (subject and cls not in subject):
                self._mark(store, v, s, e, k)
        return ents


class _DocFacts(NamedTuple):
    """Positions read once per doc: person words and possessive markers (``anchors``), clause
    boundaries, and the tokens inside entities."""

    anchors: list[int]
    boundaries: list[int]
    ent_tokens: set[int]
    reflexives: list[int]


@Language.factory(
    "subject_resolution",
    assigns=["span._.other_subject"],
    requires=["doc.ents", "token.is_sent_start"],
)
def make_subject_resolution(nlp: Language, name: str) -> SubjectResolution:
    register_extensions()
    return SubjectResolution(nlp, name)


def _posts_below(v: DocView, text: str, headers, op: str | None) -> list[tuple[int, int]]:
    """For each header line of a thread (a handle with its score, or a commenter's name), the token where
    its post begins, the line after it, and whose post it is: the original poster's (``WRITER``) when the
    header names ``op``, another poster's (``REPLY``) otherwise."""
    found = []
    for m in headers:
        end = text.find("\n", m.end())
        found.append((bisect_left(v.idx, end if end >= 0 else len(text)), WRITER if m.group(1).lower() == op else REPLY))
    return found
def _bracket_close(lowers: list[int], open_at: int, s: int) -> int | None:
    """The ")" that closes the bracket opened at ``open_at`` before token ``s``: a short aside
    after a person noun ("her housemate (also on this list) has ...")."""
    for t in range(open_at + 1, min(s, open_at + 8)):
        if lowers[t] == _CLOSE_PAREN:
            return t
    return None

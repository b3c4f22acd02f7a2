"""Laterality of body regions and structures, from side words in the mention's phrase.

A side word before the mention counts when only phrase-internal words stand between
("my right lateral trunk", "R upper back/lat", "right hip and knee"); after the mention,
a short phrase counts ("knee on the left side", "hip (R)", "knees L>R"). Neither reaches
across a sentence boundary ("slump +ve R. Hamstring ..."), a side word followed by a comma
does not bind forward ("right worse than left, and my knees"), and a side word right before
another site is that site's, not the previous one's ("Achilles, L knee").

A side stated once holds for more of its sentence, the way people write:
- a header side ("SLS R: femur IR, knee drifts in", "left: heel and arch sore",
  "Thomas +ve L (iliopsoas and TFL)") covers the sites after it up to the next side word
  and the sentence end (or the closing bracket);
- a site placed relative to a sided site ("right knee aching around the kneecap",
  "left buttock ache down the back of the thigh to the outside of the calf", "the sole of
  the R foot") takes its side, also when the side is stated after the sided site ("ant knee pain L,
  around/under the patella"); midline regions (back, trunk, neck) do not;
- "that foot", "on that side", "the same side" take the side last stated, "the other
  foot/side" the opposite one.
- a side at the end of a clause covers the clause's sites ("pelvis drops L.", "eversion on L",
  "hip abd 4/5 R, TFL tight"; "psoas tight on that side" takes the side named last, not for
  the pelvis), unless it is a direction ("trunk lean to R");
- a "+" or "/" list across findings keeps its side ("R knee IR + foot eversion");
- a plural part whose two sides are compared after it is bilateral ("knees ..., left worse");
- a part measured on both sides, one value each, is bilateral ("Navicular drop R 12 mm / L 7 mm");
- a short part heading takes the side of the finding after its colon ("Patellar glide: lat tilt R").
Carries further along the sentence (down a path of motion words, to the next mention of the
same limb, over a sided place) are coded (``ChainCarries``) and switched on by ``{"carry": ...}``
lines of the rules file; the shipped file holds only the list carry, because the gold does not
carry the others (corpora/reviews/gold_fixes_session8_laterality.md).
"Both" with "the"/"my" before a singular site is the conjunction ("both the knee and the
hip"), not a side. Symptoms and conditions take the side of the site they are linked to.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import pairwise

from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc

from .docview import DocView, ids
from .extensions import add_trigger, entity_store, register_extensions, store_record
from .fastmatch import TokenMatcher
from .rules import RulesComponent

POSITIONS = frozenset({"before", "after", "header"})
# "same" and "other" point back to the side stated last ("that foot", "the other leg").
SIDES = frozenset({"left", "right", "bilateral", "same", "other"})
SITE_LABELS = frozenset({"BODY_REGION", "STRUCTURE"})
FINDING_LABELS = frozenset({"SYMPTOM", "CONDITION"})
# Words that may stand between a side word and its region inside one phrase.
PHRASE_WORDS = frozenset(
    "my the her his their your our a an of 's ’s lateral medial upper lower outer inner outside inside front "
    "back side posterior anterior mid middle deep whole entire and & or / , - sided bottom top ball balls "
    "big little part area region joint lat med post ant + normal portion distal proximal".split()
)
# Words placing a site relative to another: "aching around the kneecap", "down into the calf".
# Not "over", "towards" or a bare "into": a site reached by a spreading symptom or a sweep ("tingling into
# the big toe", "aching over the greater trochanter", "towards the heel") has no side stated for it
# (the gold leaves these unsided more often than not).
LOCATIVE_WORDS = frozenset(
    "around under underneath below above beneath behind inside outside along across at near down between "
    "within mostly mainly especially particularly".split()
)
# Determiners and position words that may stand between a locative word and its site.
_LOCATIVE_FILLERS = ids("the my her his their your a an of small big little outer inner upper lower front back "
                        "whole side top bottom just".split())
_LOCATIVE_IDS = ids(LOCATIVE_WORDS)
# session 14b: "down" after a sided site is a path of pain, not a place on it ("from the L buttock down the side of
# the thigh and shin to the top of the foot", "from the left bum cheek right down the outside of my calf", "down the
# back of the L leg to the outside of her foot"): the sites further down take no side (GUIDELINES s8; blind gold null
# in 14tr ehr-14014, 13 intake-13105, 13tr email-13005 and intake-13002, 12tr ehr-12005, 11 coach-11106 and
# forum-11009, 11tr coach-11007, 10 ehr-10137).
_PAIN_PATH_IDS = ids({"down"})
# "to" places a site only at the end of a run already placed ("down the back of the thigh to the calf"),
# not after a referral or a load ("L5 radiculopathy referring to the shin", "shifting load to the knee").
_TO_IDS = ids({"to", "into"})
# A side stated earlier in a sentence does not hold past these (a relative clause, "buttock that runs
# down the back of the thigh", is a clause of its own, as the annotators read it).
_CLAUSE_BREAKS = ids({"but", "however", "whereas", "while", "although", "though", ";", "other", "also", "then", "(", ")",
                      "that", "which"})
_AND_IDS = ids({"and", "&", "+"})
# A second symptom brought in by "with" and spreading along a path ("R buttock with tingling down the outer calf to
# the top of the foot", "with tingling into the calf") states no side for the sites it reaches (GUIDELINES s8, "further
# down a path of pain"; 11 and its second reading coach-11106, 11tr soap-11004, 11tr coach-11007, 9n coach-9014).
_WITH_IDS = ids({"with", "w/"})
_PATH_IDS = ids({"down", "into", "to", "through", "up"})
# "- and" opens the next clause ("leaning onto the R leg - and the back ache came on": 11 and its second reading)
_DASH_IDS = ids({"-", "–", "—"})
_BOTH_IDS = ids({"both"})
# A comparison of sides after a plural part stops at these ("my feet are flat; the right is worse").
_COMPARE_BREAKS = ids({"but", "however", "whereas", "while", "although", "though", ";", "other", "also"})
# Words that open a clause of their own after "and" ("and there's a pull behind my knee", "and it aches").
_NEW_CLAUSE_IDS = ids({"there", "there's", "it", "it's", "i", "i'm", "i've", "she", "he", "they", "this", "that"})
# A subject pronoun after the sites of a clause opens the clause a final side ends ("Since the heel got bad she
# has been tiptoeing on the L": the heel is the earlier clause's; 11 and its second reading, soap-11007).
_SUBJECT_PRONOUN_IDS = ids({"i", "i'm", "i've", "she", "she's", "he", "he's", "they", "we"})
_OF_IDS = ids({"of", "on", "in"})
# "the bone under my right big toe": a site placed just by a sided site takes its side
_UNDER_IDS = ids({"under", "underneath", "beneath", "below", "above", "behind"})
_DETERMINERS = ids({"the", "my", "her", "his", "their", "your"})
_POSSESSIVES = ids({"my", "her", "his", "their", "your", "a", "an"})
_COORDINATORS = ids({"and", "or", "&"})
# "Calf length R < L (knee-to-wall ...)": a side after a comparison is a value, not a header
_COMPARISONS = frozenset({"<", ">", "=", "vs", "vs.", "v"})
_CLOSE_BRACKET = ids({")"})
_OPEN_BRACKET = ids({"("})
# Plurals without an s, for side words that need a plural site ("both feet").
PLURALS = frozenset({"feet", "teeth"})
_COMMA_IDS = ids({","})
_COLON_IDS = ids({":"})
# "over" places a structure (a bone, a tendon) under a sided place, though not a region a symptom sweeps over.
_OVER_IDS = ids({"over"})
_IN_IDS = ids({"in"})
_GLOSS_SIDE_IDS = ids({"left", "right", "l", "r", "lt", "rt"})
# size words before a site that opens a bracket gloss ("(the little [pea-shaped bones])"), and degree words
# before the sided site's finding ("left hip really tight (the [TFL])")
# the next heading on a line ("Gait: normal. Arch: normal"): a colon before a blank, not in a time ("7:30")
_NEXT_HEADING = re.compile(r":(?=\s)")
# "at the back of", "on the outside of": a place on a part of a site
_PLACING_IDS = ids({"at", "on", "in", "along", "around", "across", "over"})
_PART_OF_IDS = ids({"the", "back", "front", "side", "outside", "inside", "top", "bottom", "base", "edge", "tip", "middle",
                    "underside", "inner", "outer", "very"})
_GLOSS_FILLER_IDS = ids({"little", "small", "tiny", "big"})
_DEGREE_IDS = ids({"really", "very", "quite", "so", "pretty", "super", "bit", "a", "slightly", "too"})
_ON_AT_IN_IDS = ids({"on", "at", "in"})
_ON_IN_IDS = ids({"on", "in"})
# "right" as an intensifier is no side (8a annotator call 2); with "on"/"at"/"in" it places the site.
_INTENSIFIER_IDS = ids({"right", "just", "directly", "exactly", "dead"})
# A spinal level or range ("L5", "L4-S1", "T3-T6"): its "L" is the level's, not a side.
_LEVEL = re.compile(r"^[CTLS]\d{1,2}\b")
# what may follow a clause-final side and end its clause ("hip abd 4/5 R, TFL tight", "3+/5 L → hip focus",
# "rearfoot inverts b/l (tib post OK)")
_CLAUSE_PUNCT = ids({",", ";", ".", "(", "→", "->"})
# Regions on the midline have no side of their own to inherit ("my left hip and lower back").
MIDLINE_REGIONS = frozenset({"trunk", "upper_back", "lower_back", "neck"})
# A side carried from another site of the sentence does not reach the pelvis either ("L knee IR, pelvis drops"): a
# pelvis takes a side only where one is stated for it, or from a test's side heading (HEADED_REGIONS).
UNCARRIED_REGIONS = MIDLINE_REGIONS | {"pelvis"}
# A records test's side heading its findings ("SL squat R: knee valgus, ..., pelvis level") does reach the pelvis: the
# pelvis is the test's finding on that side (11tr ehr-11021 "SL squat R: [pelvis] drops", 12tr-b soap-12001; 9
# soap-2006 and team soap-0002 read it unsided).
HEADED_REGIONS = frozenset({"pelvis"})
_OPPOSITE_IDS = ids({"contralat", "contralateral", "contra", "opposite"})
PAIRED_REGIONS = frozenset({"hip", "thigh", "knee", "lower_leg", "ankle", "foot", "leg", "shoulder", "arm"})
_OPPOSITE = {"left": "right", "right": "left"}
MAX_CARRY = 20  # tokens between a sided site and the site that inherits its side
MAX_CLAUSE = 12  # tokens back from a clause-final side ("... on the right") to the sites it covers
# Where a clause-final side stops reaching back: "I sleep on my back, and my hip hurts on the left".
_CLAUSE_ENDS = ids({",", ";", ":", ".", "!", "?", "(", ")", "-", "–", "but", "however", "whereas", "while", "although",
                    "though", "when", "whenever", "because", "cos", "if", "since", "as", "after", "before", "then", "so",
                    "which", "that", "who", "also"})
# Before a lowercase side word and its colon, these make it prose, not a header ("on the right:", "I'm right:").
_NOT_HEADER_BEFORE = ids({"the", "my", "her", "his", "their", "your", "'m", "’m", "am", "is", "are", "was", "were", "be",
                          "been", "it", "that", "all", "quite", "exactly", "not"})
_STATED = frozenset({"left", "right", "bilateral"})
_COMPARATIVE_IDS = ids({"worse", "more", "better", "less", "than", "higher", "lower"})
# A side after these is a direction, not the side of the clause's sites: "trunk lean to R", "side flexion L",
# "pelvis rotated R".
_DIRECTION_IDS = ids({"to", "towards", "toward", "flexion", "rotation", "rotated", "rotates", "rotating", "lean",
                      "leans", "leaning", "lists", "listing", "shift", "shifted", "shifts", "deviation", "deviates", "glide", "bend", "bending",
                      "turn", "turned", "turns", "flexed", "side-flexion", "sb", "rot"})
_SIDE_IDS = ids({"side"})
_SIDE_WORD_IDS = ids({"left", "right"})
# A bare "left"/"right" (no "the"/"my" before it) followed by one of these is a verb, an adverb or a
# question tag, not a side: "it left my foot numb", "right my knee is killing me", "knee, right?",
# "sore - right after a run", "right now". ("on the left the knee rolls in" keeps its side.)
_NOT_SIDE_NEXT = ids({"my", "his", "her", "their", "your", "our", "a", "an", "this", "it", "me", "him", "them", "the",
                      "?", "after", "now", "away", "before", "then", "there", "here", "at", "in", "on", "up", "down",
                      "into", "through", "behind", "under", "off", "to", "from", "by", "when", "over", "out", "around",
                      "enough", "thing", "way", "so",
                      # session 14: the place adverb "right across", "right where", "right along" (13 email-13008,
                      # 10 coach-10005), as "right down" and "right under" above
                      "across", "where", "along", "round", "below", "above", "beside", "next", "between",
                      "underneath", "beneath", "against"})
# Words linking a symptom to a site that follows it: "pain in my right foot".
LINK_WORDS = frozenset("in at on around over of to into down through along behind under across near by from".split())
_AFTER_WORDS = ids({"and", "&", "/", ",", "area", "region", "joint"})
_PHRASE_IDS = ids(PHRASE_WORDS)
_LINK_IDS = ids(LINK_WORDS)
_JOINING_PUNCT = ids({"/", "-", "'"})
_SLASH_DASH = ids({"/", "-"})
_PHRASE_BREAKS = ids({"but", "and", "while", "when", "with"})


# A records side letter (not the lowercase word: "the right", "left it"), for the measured pairs and the tests.
_SIDE_LETTERS = {"R": "right", "Rt": "right", "RT": "right", "L": "left", "Lt": "left", "LT": "left"}
# A measured value ("45", "0.29", "+9", "-10"), the first token of which starts with a digit or a sign. Not a
# strength grade ("R 4/5, L 5/5"): the annotators give those the weaker side (11 and 11s ehr-11001, soap-11003;
# team soap-0001), or none (tune soap-4017), and only 9 soap-2006 reads them bilateral.
_VALUE = re.compile(r"^[-+−±~]?\d[\d.,]*$")
# Between a side letter and its value: a unit or a measure's name ("R FPI +9", "R 18.2 kg").
MAX_VALUE_GAP = 3
# Between a part and the first side of its measured pair, outside brackets ("Navicular drop R 12 mm / L 7 mm",
# "Hip abductors (HHD) R 18.2 kg / L 21.0 kg", "Passive hip ER (prone, 90° knee flex) R 45° / L 30°").
MAX_MEASURE_GAP = 4
_PAIR_SEPARATORS = ids({",", "/", ";", "|"})
_SLASH_IDS = ids({"/"})
# A unit between a value and its side letter ("8° R", "12 mm L").
_UNITS = frozenset({"°", "deg", "mm", "cm", "m", "kg", "%", "s", "reps", "x"})
# A site after which these words give the position a test is done in, not the part measured ("DF knee straight").
_TEST_POSITION_IDS = ids({"straight", "bent", "extended", "flexed"})
# A finding's first word between a part heading's colon and the side ("[Hip]: TTP L greater trochanter").
_HEADING_FINDING_IDS = ids({"ttp", "top", "tender", "tenderness", "pain", "painful", "sore", "ache", "tight", "swollen",
                            "swelling", "stiff", "weak", "mild", "marked"})
MAX_HEADING = 3  # tokens of a part's heading before its colon ("Patellar glide:")


def _word_hyphen(v: DocView, i: int) -> bool:
    """Whether the token ``i`` is a hyphen inside a word ("EMG-onset"), not a dash between clauses."""
    return (v.text(i) == "-" and i > 0 and i + 1 < v.n and v.end_char(i) == v.idx[i]
            and v.end_char(i + 1) == v.idx[i + 1])


def _names_region(doc: Doc, ent: tuple[int, int, str]) -> bool:
    """A one-word finding that holds its region ("LBP"), which a side before it reaches past, as a site's does."""
    if ent[2] not in FINDING_LABELS or ent[1] - ent[0] != 1:
        return False
    record = entity_store(doc).get(ent[0])
    # "LBP" (concept lbp, region lower_back) names its place; a bare "pain" takes its region from a site
    return (record is not None and record.get("end") == ent[1] and record.get("region") is not None
            and record.get("concept") != "pain")


def _before_determiners(lowers, i: int, floor: int) -> int:
    """The first of the determiners that stand right before token ``i`` (``i`` if none), not below ``floor``."""
    while i > floor and lowers[i - 1] in _DETERMINERS:
        i -= 1
    return i


def _region_of(store: dict, site: tuple[int, int, str]) -> str | None:
    """The region concept recorded for ``site``, if any."""
    record = store.get(site[0])
    return record.get("region") if record is not None and record.get("end") == site[1] else None


def _plural(word: str) -> bool:
    return word.endswith("s") or word in PLURALS


def _paired(site: tuple[int, int, str], store: dict) -> bool:
    """A site of a limb, which people have two of (a plural of it is both or either side)."""
    record = store.get(site[0])
    return record is not None and record.get("end") == site[1] and record.get("region") in PAIRED_REGIONS


def _level(site: tuple[int, int, str], v: DocView) -> bool:
    """A spinal level or range ("L5", "L4-S1"): on the midline (GUIDELINES session 9, 8a annotator call 14)."""
    return site[2] == "STRUCTURE" and _LEVEL.match(v.text(site[0])) is not None


def _uncarried(site: tuple[int, int, str], store: dict, v: DocView | None = None,
               regions: frozenset = frozenset()) -> bool:
    """A region that takes no side from another site (back, trunk, neck, pelvis; but ``regions``), nor a spinal
    level ("adj R SI, L5")."""
    if site[2] != "BODY_REGION":
        return v is not None and _level(site, v)
    record = store.get(site[0])
    return (record is not None and record.get("end") == site[1] and record.get("region") in UNCARRIED_REGIONS
            and record.get("region") not in regions)


# Singular words that end in "s": not plurals for the carries ("psoas", "iliacus", "Achilles").
_SINGULAR_ENDINGS = ("us", "ss", "is", "as", "os")
_SINGULAR_S = frozenset({"achilles", "pes", "biceps", "triceps", "quadriceps"})


def _placed_on_next(lowers, site, nxt, found, sent_end: int) -> bool:
    """Whether ``site`` is placed on the sided site ``nxt`` right after it (``found``: nxt's side
    entry), and so takes its side."""
    return (site[1] < found[1] <= site[1] + 2 and found[1] < nxt[0] < sent_end
            and (lowers[site[1]] in _OF_IDS or lowers[site[1]] in _UNDER_IDS)
            and all(lowers[i] in _DETERMINERS for i in range(site[1] + 1, found[1]))) or (
            # "the [deep rotators] at the back of that hip", "the [bony bit] on the outside of the left
            # hip": a site placed on a part of a sided site after it (GUIDELINES s8: in, on or under)
            site[1] + 3 <= (of := _before_determiners(lowers, found[1], site[1]) - 1) <= site[1] + 4
            and found[1] < nxt[0] < sent_end and lowers[of] in _OF_IDS and lowers[site[1]] in _PLACING_IDS
            and all(lowers[i] in _PART_OF_IDS for i in range(site[1] + 1, of))) or (
            # "the [deep rotators] at [the back of that hip]": the sided site itself names the part
            nxt[0] <= found[1] < nxt[1] and lowers[site[1]] in _PLACING_IDS and nxt[0] - site[1] <= 2
            and all(lowers[i] in _DETERMINERS for i in range(site[1] + 1, nxt[0])))


def _side_reaches(v: DocView, source, own, site, trigger_starts: list[int]) -> bool:
    """Whether the side of ``source`` (``own``: its side entry) reaches the later ``site``: a side
    (bilateral only to a plural part), with no clause, other side word or second symptom's path
    between; whether ``_placed`` lets it carry is decided after."""
    lowers = v.lowers
    if own[0] not in ("left", "right", "bilateral"):
        return False
    if own[0] == "bilateral" and not _plural(v.lower(site[1] - 1)):
        return False  # "both knees ache, mainly below the kneecap": one kneecap is no side
    between = range(source[1], site[0])
    if any(lowers[i] in _CLAUSE_BREAKS or (lowers[i] in _AND_IDS and i + 1 < site[0] and (
            lowers[i + 1] in _NEW_CLAUSE_IDS or lowers[i - 1] in _COMMA_IDS)) for i in between):
        return False  # "... foot tingles and there's a pull behind my knee", "..., and the muscles at ...": a clause of its own
    t = bisect_left(trigger_starts, source[1])
    if own[1] >= source[1]:
        # the source's own side, stated after it ("ant knee pain L, around/under the [patella]"), up to a
        # clause a subject opens ("painful on the right, as if I was standing on a pebble under the [toe]")
        if any(lowers[i] in _SUBJECT_PRONOUN_IDS or v.text(i).endswith(".") for i in range(own[1], site[0])):
            return False  # nor past the full stop it closes ("Calf wasting R. Pitting around the [malleolus]")
        t = bisect_left(trigger_starts, own[2])
    if t < len(trigger_starts) and trigger_starts[t] < site[0]:
        return False  # another side word stands between
    if any(lowers[i] in _WITH_IDS and any(lowers[x] in _PATH_IDS for x in range(i + 1, min(i + 4, site[0])))
           for i in between):
        return False  # "ache in the L buttock ... with tingling into the calf": a second symptom's path
    return True


def _plural_site(word: str) -> bool:
    """A plural paired part ("knees", "feet", "hamstrings"), not a singular in -s ("psoas")."""
    if word in PLURALS:
        return True
    return word.endswith("s") and not word.endswith(_SINGULAR_ENDINGS) and word not in _SINGULAR_S


class ChainCarries:
    """The sentence-level carries of ``laterality_rules.jsonl``, one ``{"carry": kind, ...}`` line
    each: ``path`` (``words``: motion words between two sites), ``list`` (``words``: joiners; only
    joiners, ``fillers`` and finding words stand between), ``limb`` (``regions`` both sites lie in,
    ``words`` that may join them), ``place`` (``words``: locatives after a side that names a place),
    ``stop`` (``words`` no carry crosses) and ``reach`` (``tokens``).
    A kind without its line does not carry."""

    KINDS = ("path", "list", "limb", "place")

    def __init__(self, rows: list[dict]):
        self.kinds: dict[str, dict] = {}
        self.names: dict[int, str] = {}  # word id -> word, to name the carry that was used
        self.stops: frozenset[int] = frozenset()
        self.fillers: frozenset[int] = frozenset()
        self.reach = 20
        for i, row in enumerate(rows):
            kind = row["carry"]
            self.names.update({get_string_id(w): w for w in row.get("words", ())})
            if kind == "stop":
                self.stops = self.stops | ids(row["words"])
            elif kind == "fillers":
                self.fillers = self.fillers | ids(row["words"])
            elif kind == "reach":
                self.reach = int(row["tokens"])
            elif kind in self.KINDS:
                self.kinds[kind] = {"words": ids(row.get("words", ())), "regions": frozenset(row.get("regions", ()))}
            else:
                raise ValueError(f"laterality carry line {i + 1}: carry must be one of "
                                 f"{sorted((*self.KINDS, 'stop', 'fillers', 'reach'))}, not {kind!r}")

    def places_after(self, lowers, end: int, n: int) -> bool:
        """Whether a side phrase ending at ``end`` names a place that a locative phrase follows
        ("the right side between ...", "on the left, just above ...")."""
        place = self.kinds.get("place")
        if place is None or end >= n:
            return False
        if lowers[end] in _COMMA_IDS:
            end += 1
        return end < n and lowers[end] in place["words"]

    def kind(self, between: list[int], words: list[int], source_region, site_region) -> str | None:
        """Which carry joins a sided site to the next site across the words ``between`` (lowercase
        word ids; ``words``: those outside findings), if any: ``"<kind>:<word>"``."""
        path = self.kinds.get("path")
        if path is not None:
            moving = next((w for w in between if w in path["words"]), None)
            if moving is not None:
                return f"path:{self.names[moving]}"
        joiners = self.kinds.get("list")
        if joiners is not None:
            joined = [w for w in words if w in joiners["words"]]
            if joined and all(w in joiners["words"] or w in self.fillers for w in words):
                return f"list:{self.names[joined[0]]}"
        limb = self.kinds.get("limb")
        if limb is not None and source_region in limb["regions"] and site_region in limb["regions"]:
            joined = [w for w in between if w in limb["words"]]
            if joined:
                return f"limb:{self.names[joined[0]]}"
        return None


class Laterality(RulesComponent):
    rules_file = "laterality_rules.jsonl"

    def __init__(self, nlp: Language, name: str, max_distance: int = 5):
        self.max_distance = max_distance
        super().__init__(nlp, name)

    def _set(self, rules: list[dict]) -> None:
        self.rules = rules
        self.matcher = TokenMatcher(self.vocab)
        self._rule_of: dict[int, tuple[str, str, bool, bool, bool, bool]] = {}
        self.chains = ChainCarries([rule for rule in rules if "carry" in rule])
        for i, rule in enumerate(rules):
            if "carry" in rule:
                continue
            if rule["position"] not in POSITIONS or rule["side"] not in SIDES:
                raise ValueError(f"laterality rule {i + 1}: position must be one of {sorted(POSITIONS)} and side one of "
                                 f"{sorted(SIDES)}, not {rule['position']!r}/{rule['side']!r}")
            key = f"{rule['position']}|{rule['side']}|{i}"
            self.matcher.add(key, [rule["pattern"]])
            self._rule_of[self.matcher._normalize_key(key)] = (
                rule["position"], rule["side"], bool(rule.get("plural_only")), bool(rule.get("adjacent")),
                bool(rule.get("clause")), bool(rule.get("comparative")))

    def run(self, doc: Doc, v: DocView, ents: list[tuple[int, int, str, int]]) -> list[tuple[int, int, str, int]]:
        """Set laterality and linked sites on ``ents`` (the doc's entities); returns them."""
        if not ents:
            return ents
        store = entity_store(doc)
        lowers = v.lowers
        n = len(lowers)
        # (start, end, label) of each entity, and the entity covering each entity token
        spans = [e[:3] for e in ents]
        ent_at: dict[int, tuple[int, int, str]] = {}
        for span in spans:
            for i in range(span[0], span[1]):
                ent_at[i] = span
        before: dict[int, tuple] = {}  # end token -> (side, trigger start, trigger end, plural only, adjacent)
        after: dict[int, tuple] = {}  # start token -> (side, trigger start, trigger end, ...)
        headers: list[tuple[int, int, str]] = []  # (trigger start, trigger end, side)
        inside: list[tuple[str, int, int]] = []  # (side, start, end) of "that"/"other" pointing at a site
        clause_ends: list[tuple[str, int, int]] = []  # (side, start, end) of "on the right" that may end a clause
        trigger_starts: list[int] = []
        trigger_sides: dict[int, str] = {}  # trigger start -> the side it states, for the line headings
        rule_of = self._rule_of
        comparisons: list[tuple[int, int]] = []  # "left worse", "the right more": two sides compared
        places: list[tuple[str, int, int]] = []  # "the right side between ...", "on the left, just above ..."
        for match_id, start, end in self.matcher(doc):
            position, side, plural_only, adjacent, clause, comparative = rule_of[match_id]
            if comparative:
                comparisons.append((start, end))
                continue
            if adjacent:
                # "that foot", "the other leg": the pointer word and the site word it is matched with;
                # the trigger is the pointer word alone, and the site word must be (in) a site
                inner = ent_at.get(end - 1)
                if inner is None or inner[2] not in SITE_LABELS:
                    continue
                inside.append((side, start, end - 1))  # "that foot"; "that side's knee"
                trigger_starts.append(start)
                continue
            if (lowers[end - 1] in _SIDE_WORD_IDS and end < n and lowers[end] in _NOT_SIDE_NEXT
                    and not (end - 2 >= 0 and lowers[end - 2] in _DETERMINERS)):
                continue  # "it left the whole foot numb", "knee, right?", "sore knee - right after a run"
            trigger_starts.append(start)
            trigger_sides[start] = side
            before_side = start - 2 if start > 1 and lowers[start - 1] in _DETERMINERS else start - 1
            if (side in _STATED and self.chains.places_after(lowers, end, n)
                    and not (before_side >= 0 and lowers[before_side] in _COMPARATIVE_IDS)):  # not "feet, more the right, along"
                places.append((side, start, end))  # "along the right side between my ribs and pelvis"
            if position == "header":
                if start > 0 and (lowers[start - 1] in _NOT_HEADER_BEFORE or v.text(start - 1) in _COMPARISONS):
                    continue  # "running differently on the right: landing ...", "what makes me think I'm right: ..."
                headers.append((start, end, side))  # the trigger recorded is the side word(s), not the ':'/'('
                continue
            if clause and end - start > 1 and lowers[end - 1] in _CLAUSE_PUNCT:
                end -= 1  # "hip abd 4/5 R, TFL tight": the comma ends the clause; the side is "R"
            # "slump +ve R. Hamstring strength normal": the full stop ends the sentence
            closes = end < n and v.text(end - 1).endswith(".") and v.text(end)[:1].isupper()
            if position == "before":
                if closes or (end < n and lowers[end] in _COMMA_IDS):
                    continue  # "right worse than left, and my knees": the side closes its phrase
                if end < n and lowers[end] in _COORDINATORS:
                    continue  # "rolls in more than the right and the whole leg twists": "the right" is a noun
            elif not closes and end in ent_at and ent_at[end][0] == end and ent_at[end][2] in SITE_LABELS:
                if clause and lowers[end] in _SIDE_IDS:
                    clause_ends.append((side, start, end))  # "my foot hurts on the right side"
                continue  # "Achilles, L knee": the side is the next site's
            elif clause and side in SIDES and not (start > 0 and (lowers[start - 1] in _COMPARATIVE_IDS
                                                                  or lowers[start - 1] in _DIRECTION_IDS)):
                clause_ends.append((side, start, end))  # not "both knees ache, worse on the left", "lean to R"
            # where two side phrases meet the same token, the longer one wins ("L>R" over "L")
            table, key = (before, end) if position == "before" else (after, start)
            held = table.get(key)
            if held is None or end - start > held[2] - held[1]:
                table[key] = (side, start, end, plural_only, adjacent)
        sides: dict[tuple[int, int, str], tuple[str, int, int]] = {}
        pointers: list[tuple[tuple[int, int, str], tuple]] = []
        for span in spans:
            if span[2] in SITE_LABELS:
                found = self._side_before(doc, v, span, before, ent_at) or self._side_after(doc, v, span, after, ent_at)
                if found is None and inside:
                    found = next((t for t in inside if t[1] < span[1] and t[2] + 1 > span[0]), None)
                if found is None:
                    continue
                if found[1] < span[0] and found[2] != span[0] and _level(span, v):
                    continue  # "adj R SI, L5": a side reaches a spinal level only right before it ("left L5 root")
                if found[0] in ("same", "other"):
                    pointers.append((span, found))
                else:
                    sides[span] = (found[0], found[1], found[2])
        sites = [span for span in spans if span[2] in SITE_LABELS]
        if sites:
            self._measured_pairs(v, sites, sides, ent_at)
        trigger_starts.sort()
        if clause_ends:
            self._clause_sides(doc, v, clause_ends, sites, sides, trigger_starts, store)
        if pointers:
            self._resolve_pointers(pointers, sides)
        if headers:
            self._header_sides(doc, v, headers, trigger_starts, sites, sides, store)
        if sides:
            self._site_headers(doc, v, sites, sides, trigger_starts, store, trigger_sides)
        if sites and trigger_sides:
            self._heading_finding_sides(doc, v, sites, sides, trigger_starts, trigger_sides, store)
        if len(sites) > 1 and sides:
            self._listed_before_after_side(v, sites, sides, store)
        if places:
            self._place_sides(doc, v, places, sites, sides, trigger_starts, store)
        if comparisons:
            self._compared_plurals(doc, v, sites, sides, comparisons, trigger_starts)
        if len(sites) > 1 and sides:
            self._bracket_glosses(doc, v, sites, sides, ent_at, store)
            self._carry_sides(doc, v, sites, sides, store, trigger_starts)
            if self.chains.kinds:
                self._chain_sides(doc, v, sites, sides, store, trigger_starts, ent_at)
        for span, found in sides.items():
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

    @staticmethod
    def _value_after(v: DocView, i: int, stop: int) -> int | None:
        """The token of the value measured for the side letter at ``i`` ("R 45°", "R FPI +9"), before ``stop``."""
        for k in range(i + 1, min(i + 1 + MAX_VALUE_GAP, stop)):
            text = v.text(k)
            if _VALUE.match(text):
                return k
            if v.is_punct[k] or text in _SIDE_LETTERS:
                return None
        return None

    def _measured_pairs(self, v: DocView, sites, sides, ent_at) -> None:
        """"Arch index R 0.29 / L 0.24", "Navicular drop R 12 mm / L 7 mm", "Foot posture R FPI +9, L +5": a part
        measured on both sides, one value each, is bilateral ("R and L", GUIDELINES s8; both 12tr annotators). The
        part is the nearest site before the pair, past a short measure name and any bracket ("Passive hip ER
        (prone, 90° knee flex) R 45° / L 30°": the hip, not the knee inside the bracket)."""
        n = v.n
        for i in range(n):
            side = _SIDE_LETTERS.get(v.text(i))
            if side is None or i in ent_at:
                continue
            value = self._value_after(v, i, n)
            if value is None:
                continue
            k = value + 1
            while k < n and k - value <= MAX_VALUE_GAP and not (v.lowers[k] in _PAIR_SEPARATORS and k + 1 < n
                                                                 and _SIDE_LETTERS.get(v.text(k + 1)) == _OPPOSITE[side]):
                if v.lowers[k] in _OPEN_BRACKET and (close := self._bracket_end(v, k)) is not None:
                    # "L 15° (painful end range), R 60°": a remark on the value (14tr-a intake-14106)
                    value, k = close, close + 1
                    continue
                if v.is_punct[k] and v.text(k) not in ("°", "%"):
                    k = n
                    break
                k += 1
            if k >= n or v.lowers[k] not in _PAIR_SEPARATORS or self._value_after(v, k + 1, n) is None:
                continue
            site = self._measured_part(v, i, ent_at)
            if site is None:
                continue
            found = sides.get(site)
            if found is None or found[1] == i:
                sides[site] = ("bilateral", i, k + 1)
        self._value_first_pairs(v, sides, ent_at)

    @staticmethod
    def _bracket_end(v: DocView, k: int) -> int | None:
        """The closing bracket of the short bracket opening at ``k`` (within 8 tokens, none nested)."""
        for j in range(k + 1, min(k + 9, v.n)):
            if v.lowers[j] in _CLOSE_BRACKET:
                return j
            if v.lowers[j] in _OPEN_BRACKET:
                return None
        return None

    def _value_first_pairs(self, v: DocView, sides, ent_at) -> None:
        """Session 14b: a part measured on both sides with each value before its side ("[Ankle] DF (knee ext) 8° R,
        10° L", "SL heel raise 12 R / 20 L") is bilateral, as the side-first pairs are (GUIDELINES s12b: "a part
        measured on both sides, one value each"; 14tr-a ehr-14004)."""
        n = v.n
        for i in range(n - 3):
            if not _VALUE.match(v.text(i)) or (i and _VALUE.match(v.text(i - 1))):
                continue
            first = self._side_after_value(v, i)
            if first is None:
                continue
            side_at, side = first
            sep = side_at + 1
            if sep + 1 >= n or v.lowers[sep] not in _PAIR_SEPARATORS or not _VALUE.match(v.text(sep + 1)):
                continue
            second = self._side_after_value(v, sep + 1)
            if second is None or second[1] != _OPPOSITE[side]:
                continue
            site = self._measured_part(v, i, ent_at)
            if site is not None and site not in sides:
                sides[site] = ("bilateral", i, second[0] + 1)

    @staticmethod
    def _side_after_value(v: DocView, i: int):
        """(token, side) of the side letter right after the value at ``i`` and its unit ("8° R", "12mm L", "20 L")."""
        for k in range(i + 1, min(i + 3, v.n)):
            side = _SIDE_LETTERS.get(v.text(k).removesuffix("."))  # "15° L." ends its sentence
            if side in _OPPOSITE:
                return k, side
            if v.text(k) not in _UNITS:
                return None
        return None

    @staticmethod
    def _measured_part(v: DocView, i: int, ent_at):
        """The site a measured pair starting at the side letter ``i`` belongs to, if any (see ``_measured_pairs``)."""
        lowers = v.lowers
        j, words, depth = i - 1, 0, 0
        while j >= 0 and words <= MAX_MEASURE_GAP:
            if lowers[j] in _CLOSE_BRACKET:
                depth += 1
            elif lowers[j] in _OPEN_BRACKET and depth:
                depth -= 1
            elif depth:
                pass
            elif j in ent_at and ent_at[j][2] in SITE_LABELS and not (
                    ent_at[j][1] < v.n and lowers[ent_at[j][1]] in _TEST_POSITION_IDS):
                return ent_at[j]
            elif j in ent_at and ent_at[j][2] in SITE_LABELS:
                j = ent_at[j][0] - 1  # "DF knee straight 5° R / 12° L": the knee is the test's position, not the part
                continue
            elif lowers[j] in _COLON_IDS and j + 1 == i:
                pass  # "[1st MTPJ] DF: L 15°, R 60°": the measure's name heads its values (14tr-a intake-14106)
            elif v.is_punct[j] or v.text(j) in _SIDE_LETTERS or lowers[j] in _SIDE_WORD_IDS or v.text(j).endswith("."):
                return None
            else:
                words += 1
            j -= 1
        return None

    @staticmethod
    def _resolve_pointers(pointers, sides) -> None:
        """"that foot" / "the other leg": the side of the nearest left- or right-sided site before."""
        stated = sorted((span[0], found[0]) for span, found in sides.items() if found[0] in _OPPOSITE)
        starts = [s for s, _ in stated]
        for span, found in pointers:
            k = bisect_left(starts, found[1])
            if k == 0:
                continue
            side = stated[k - 1][1]
            sides[span] = (side if found[0] == "same" else _OPPOSITE[side], found[1], found[2])

    @staticmethod
    def _clause_sides(doc, v, clause_ends, sites, sides, trigger_starts, store) -> None:
        """"my pelvis drops on the right", "Outer knee ITB pain flaring again on the R", "eversion on L",
        "pelvis drops L.", "psoas really tight on that side": a side stated at
        the end of a clause holds for the sites of that clause that have none (a pointer, "on that
        side", the side stated last before it, also for the pelvis or the back), back to a comma, a clause
        word ("when", "but") or another side word; a side already used by a site next to it is that
        site's ("pain in my knee on the right")."""
        used = {found[1] for found in sides.values()}
        site_ends = [s[1] for s in sites]
        lowers = v.lowers
        stated = sorted((span[0], found[0]) for span, found in sides.items() if found[0] in _OPPOSITE)
        for side, start, end in clause_ends:
            if start in used:
                continue
            pointer = side in ("same", "other")
            if pointer:
                # "iliacus and psoas really tight on that side": the side stated last before it
                k = bisect_left(stated, (start,)) - 1
                if k < 0:
                    continue
                side = stated[k][1] if side == "same" else _OPPOSITE[stated[k][1]]
            sent_start = v.sent_bounds(doc, start)[0]
            t = bisect_left(trigger_starts, start) - 1
            floor = max(sent_start, start - MAX_CLAUSE, trigger_starts[t] + 1 if t >= 0 else 0)
            i = start - 1
            while i >= floor and (lowers[i] not in _CLAUSE_ENDS or _word_hyphen(v, i)) and not v.text(i).endswith(".") and not (
                    lowers[i] in _AND_IDS and i + 1 < start and (lowers[i + 1] in _DETERMINERS
                                                                 or lowers[i + 1] in _NEW_CLAUSE_IDS)) \
                    and not (lowers[i] in _SUBJECT_PRONOUN_IDS and i > floor):
                i -= 1  # "the hip flexors are short and my pelvis rotates forward on the L": the pelvis only
            if i >= floor and Laterality._short_heading(v, i, sent_start, site_ends):
                i = sent_start - 1  # "Patellar glide: lat tilt R.": the heading's part is the finding's
            j = bisect_left(site_ends, start + 1) - 1
            while j >= 0 and sites[j][0] > i:
                site = sites[j]
                if site in sides:
                    break  # "my right knee and hip ache on the left" is no reading anyone means
                # "my pelvis tips forward on that side", "my low back on that side": the pointer ends the clause
                # of the pelvis or back, so the side is stated for it (9, 9s, 10tr a and b; the team gold split)
                sides[site] = (side, start, end)
                j -= 1

    @staticmethod
    def _short_heading(v, colon: int, sent_start: int, site_ends) -> bool:
        """Whether token ``colon`` is the colon of a short heading opening its sentence that names a part
        ("Patellar glide:", "Hip:"): the finding after it is the part's, and so is the side that ends it
        (12tr-b soap-12001 "[Patellar] glide: lat tilt R"; 12tr-a ehr-12011 "[Hip]: R - FABER neg")."""
        if v.lowers[colon] not in _COLON_IDS or colon - sent_start > MAX_HEADING:
            return False
        k = bisect_left(site_ends, sent_start + 1)
        return k < len(site_ends) and site_ends[k] <= colon

    @staticmethod
    def _listed_before_after_side(v, sites, sides, store) -> None:
        """Session 14b: a side stated after the second of two sites joined by "and" holds for the list ("the [TFL] and
        the hip flexors on the right": 14tr-b email-14008; team email-0017 "my [ankle] and the arch on the left",
        coach-5004), as a side before a list does (GUIDELINES s8: "a side holds for its own phrase and list")."""
        lowers = v.lowers
        for first, second in pairwise(sites):
            found = sides.get(second)
            if first in sides or found is None or found[0] not in _STATED or found[1] < second[1]:
                continue
            if found[1] != second[1] or lowers[found[1]] not in _ON_IN_IDS or _uncarried(first, store, v):
                continue  # the side right after the second site ("hip flexors on the right"), not "foot, left worse"
            between = [lowers[i] for i in range(first[1], second[0])]
            if not between or between[0] not in _COORDINATORS or any(w not in _DETERMINERS for w in between[1:]):
                continue
            sides[first] = found

    @staticmethod
    def _heading_finding_sides(doc, v, sites, sides, trigger_starts, trigger_sides, store) -> None:
        """Session 14b: a part heading its sentence with a colon takes the side that opens the finding after the colon,
        also after the finding's first word ("[Back]: L side low back over SIJ", "[Hip]: TTP L greater trochanter"),
        as "[Hip]: R - FABER neg" does (GUIDELINES s12b; 14tr-a ehr-14007, 14tr-b soap-14010, 12tr-a ehr-12011,
        12tr-b soap-12001). Not where the other side follows in the same sentence ("Hip: L 4/5, R 4+/5")."""
        lowers = v.lowers
        for site in sites:
            colon = site[1]
            if site in sides or colon + 2 >= v.n or lowers[colon] not in _COLON_IDS:
                continue
            sent_start, sent_end = v.sent_bounds(doc, site[0])
            if site[0] != sent_start and not v.text(site[0] - 1).endswith((".", ":")) and not v.is_space[site[0] - 1]:
                continue
            at = colon + 2 if lowers[colon + 1] in _HEADING_FINDING_IDS else colon + 1
            side = trigger_sides.get(at)
            if side not in _OPPOSITE or at + 1 >= sent_end or v.is_punct[at + 1] or v.is_space[at + 1] or any(
                    lowers[k] in _COLON_IDS for k in range(at + 1, min(at + 4, v.n))):
                continue  # "Hand: R", "Hand: R Occupation: ..." (a form's field answered), not a finding
            if _region_of(store, site) in MIDLINE_REGIONS and lowers[at + 1] not in _SIDE_IDS:
                continue  # "Lumbar: R QL TTP": the side is the muscle's; "[Back]: L side low back" names the back's side
            window = range(bisect_left(trigger_starts, at + 1), bisect_left(trigger_starts, min(sent_end, at + 12)))
            if any(trigger_sides.get(trigger_starts[k]) == _OPPOSITE[side] for k in window):
                continue  # "Hip: L 4/5, R 4+/5", "Ankle: R ATFL lax, DF lunge R 9 cm / L 12 cm"
            sides[site] = (side, at, at)

    @staticmethod
    def _place_sides(doc, v, places, sites, sides, trigger_starts, store) -> None:
        """"a pull along the right side between my ribs and pelvis", "low down on the left, just above
        the buttock": a side that names a place, followed by a locative word, holds for the sites of
        that locative phrase (to the end of its clause), the pelvis included: the place is sided."""
        lowers = v.lowers
        site_starts = [s[0] for s in sites]
        for side, start, end in places:
            _, stop = v.sent_bounds(doc, start)
            k = bisect_left(trigger_starts, end)
            if k < len(trigger_starts):
                stop = min(stop, trigger_starts[k])
            stop = min(stop, end + MAX_CARRY)
            i = end + 1 if end < len(lowers) and lowers[end] in _COMMA_IDS else end
            while i < stop and lowers[i] not in _CLAUSE_ENDS:
                i += 1
            for j in range(bisect_left(site_starts, end), len(sites)):
                site = sites[j]
                if site[1] > i:
                    break
                if site in sides or (_plural_site(v.lower(site[1] - 1)) and _paired(site, store)):
                    continue  # "on the right side with a pillow between my knees"; "my ribs" keep it
                sides[site] = (side, start, end)

    @staticmethod
    def _compared_plurals(doc, v, sites, sides, comparisons, trigger_starts) -> None:
        """"my knees ache on the inside, left worse", "the knees follow them in, the right more",
        "around the kneecaps, right worse than left": a plural paired part whose two sides are
        compared after it in its sentence is bilateral (both sides are named), whatever side
        word the comparison starts with."""
        lowers = v.lowers
        for site in sites:
            if not _plural_site(v.lower(site[1] - 1)):
                continue
            found = sides.get(site)
            if found is not None and not any(a - 1 <= found[1] < b for a, b in comparisons):
                continue  # "both knees", "L knees"? a side of its own
            sent_end = v.sent_bounds(doc, site[0])[1]
            for a, b in comparisons:
                if a < site[1] or a >= sent_end or a - site[1] > MAX_CLAUSE:
                    continue
                t = bisect_left(trigger_starts, site[1])
                if (t < len(trigger_starts) and trigger_starts[t] < a and not v.is_punct[trigger_starts[t]]
                        and not (found and trigger_starts[t] == found[1])):
                    break  # another side word stands between (", left worse": the comma opens this one)
                if any(lowers[i] in _COMPARE_BREAKS for i in range(site[1], a)):
                    break  # "my knees are fine but the left one aches"
                sides[site] = ("bilateral", a, b)
                break

    @staticmethod
    def _header_sides(doc, v, headers, trigger_starts, sites, sides, store) -> None:
        """"SLS R: femur IR, knee drifts in": a side before a colon or an opening bracket holds for the
        sites after it, to the next side word and the end of the sentence (or of the bracket)."""
        site_starts = [s[0] for s in sites]
        lowers = v.lowers
        for start, end, side in headers:
            if side not in ("left", "right", "bilateral"):
                continue
            _, stop = v.sent_bounds(doc, start)
            k = bisect_left(trigger_starts, end)
            if k < len(trigger_starts):
                stop = min(stop, trigger_starts[k])
            # the next heading ends it ("SL squat R: knee valgus. [re-tested shod: knee ...]": GUIDELINES s11)
            stop = next((i for i in range(end, stop) if lowers[i] in _COLON_IDS), stop)
            bracketed = lowers[end - 1] in _OPEN_BRACKET
            # a test's side ("SL squat R:"), not a side heading a part ("R foot: ... when pelvis levelled")
            headed = HEADED_REGIONS if end - start == 2 and start > 0 and not v.is_punct[start - 1] else frozenset()
            for j in range(bisect_left(site_starts, end), len(sites)):
                site = sites[j]
                if site[0] >= stop:
                    break
                if bracketed and any(lowers[i] in _CLOSE_BRACKET for i in range(end, site[0])):
                    break
                if site[0] > 0 and lowers[site[0] - 1] in _OPPOSITE_IDS:
                    continue  # "SL stance L: ..., contralat pelvis drops": the other side's
                if site not in sides and not _uncarried(site, store, v, headed):
                    sides[site] = (side, start, end - 1)

    @staticmethod
    def _site_headers(doc, v, sites, sides, trigger_starts, store, trigger_sides) -> None:
        """"Left hip: stiff putting my socks on, groin ache", "- R hip: groin ache getting out of the car",
        "Ankle (right): I turned it": a sided site that opens its line or sentence and ends in a colon is a
        heading; its side holds for the sites after it, to the next side word and the end of the sentence.
        A heading that opens its line holds for the whole line, sentence after sentence, when the line states
        the same side again after the heading's sentence, up to a side word naming another side or the next
        heading ("Right knee: pain on the front. His hip flexors on the right are tight, can't get his [thigh]
        past vertical, and the [knee] settles ..."; GUIDELINES session 9: "the sites of that line")."""
        lowers = v.lowers
        n = len(lowers)
        text = None
        site_starts = [s[0] for s in sites]
        for site, found in list(sides.items()):
            if found[0] not in _STATED:
                continue
            if site[1] < n and lowers[site[1]] in _COLON_IDS:
                end = site[1] + 1
            elif found[1] == site[1] and found[2] <= n and v.text(found[2] - 1).endswith(":"):
                end = found[2]  # "Ankle (right):"
            else:
                continue
            first = min(site[0], found[1])
            sent_start, stop = v.sent_bounds(doc, first)
            if first > sent_start and not (v.is_punct[first - 1] or v.is_space[first - 1] or v.text(first - 1).endswith(":")):
                continue  # "... and my right hip: ..." mid-sentence is prose, not a heading
            k = bisect_left(trigger_starts, end)
            if text is None:
                text = v.doc_text(doc)
            if text[:v.idx[first]].rstrip(" \t").endswith("\n") or not text[:v.idx[first]].strip():
                # a heading opening its line: to the line's end, past sentence ends and side words of its own side
                line_end = text.find("\n", v.end_char(end - 1))
                line_end = len(text) if line_end < 0 else line_end
                line_stop = bisect_left(v.idx, line_end)
                heading = _NEXT_HEADING.search(text, v.end_char(end), line_end)
                if heading is not None:
                    # "L 5th MT head: swollen. ... Arch: normal": the next heading's sentence is its own
                    colon = bisect_left(v.idx, heading.start())
                    line_stop = max(v.sent_bounds(doc, colon)[0], end)
                again = k
                while again < len(trigger_starts) and trigger_starts[again] < line_stop and trigger_sides.get(
                        trigger_starts[again]) in (found[0], "same"):
                    again += 1
                if again > k and trigger_starts[again - 1] >= stop:
                    # the line states its side again past the heading's sentence ("His hip flexors on the right
                    # ...", "his left hip and the low back on that side"): it keeps to that side to its end
                    # (or the next side named); a line that does not, holds it for its first sentence (8a)
                    stop, k = line_stop, again
            if k < len(trigger_starts):
                stop = min(stop, trigger_starts[k])
            for j in range(bisect_left(site_starts, end), len(sites)):
                other = sites[j]
                if other[0] >= stop:
                    break
                if other not in sides and not _uncarried(other, store, v):
                    sides[other] = found

    @staticmethod
    def _bracket_glosses(doc, v, sites, sides, ent_at, store) -> None:
        """"outside of the R foot and ankle (peroneals)", "L lateral knee pain (ITB-related)": a site
        opening a bracket right after a sided site (and its finding) names what lies there: same side."""
        lowers = v.lowers
        for site in sites:
            if site in sides or _uncarried(site, store, v):
                continue
            i = site[0] - 1
            while i >= 0 and (lowers[i] in _DETERMINERS or lowers[i] in _GLOSS_FILLER_IDS):
                i -= 1  # "(the little [pea-shaped bones], ...)"
            if i < 1 or lowers[i] not in _OPEN_BRACKET:
                continue
            i -= 1
            while i >= 0 and ((i in ent_at and ent_at[i][2] in FINDING_LABELS) or lowers[i] in _DEGREE_IDS):
                # "knee pain (ITB-related)", "my left hip really tight (the [TFL], she called it)": past the
                # finding and its degree word to its site
                i = ent_at[i][0] - 1 if i in ent_at else i - 1
            source = ent_at.get(i)
            if source is not None and source[2] in SITE_LABELS and source in sides and sides[source][0] in _STATED:
                sides[site] = sides[source]
        # "the knee pain (outside of the left knee)": a bracket that restates the site with a side
        n = len(lowers)
        for site in sites:
            if site in sides or _uncarried(site, store, v):
                continue
            i = site[1]
            while i < n and i in ent_at and ent_at[i][2] in FINDING_LABELS:
                i = ent_at[i][1]
            if i >= n or lowers[i] not in _OPEN_BRACKET:
                continue
            i += 1
            while i < n and i not in ent_at and (lowers[i] in _PHRASE_IDS or lowers[i] in _GLOSS_SIDE_IDS):
                i += 1
            gloss = ent_at.get(i)
            if (gloss is not None and gloss in sides and sides[gloss][0] in _STATED
                    and Laterality._region(store, gloss) == Laterality._region(store, site)):
                sides[site] = sides[gloss]

    def _carry_sides(self, doc, v, sites, sides, store, trigger_starts) -> None:
        """A site placed relative to a sided one in its sentence takes that side: "right knee aching
        around the kneecap", "between the ribs and the top of my hip", "the sole of the R foot"."""
        lowers = v.lowers
        carried: set[tuple[int, int, str]] = set()
        for j, site in enumerate(sites):
            if site in sides or _uncarried(site, store, v):
                continue
            sent_start, sent_end = v.sent_bounds(doc, site[0])
            # "the sole of the R foot", "numb toes on my L foot": the sided site right after "of"/"on"/"in"
            nxt = sites[j + 1] if j + 1 < len(sites) else None
            if nxt in sides and _placed_on_next(lowers, site, nxt, sides[nxt], sent_end):
                sides[site] = sides[nxt]
                carried.add(site)
                continue
            # the nearest sided site before, in the same sentence and clause
            source = None
            for k in range(j - 1, -1, -1):
                if sites[k][1] <= sent_start or site[0] - sites[k][1] > MAX_CARRY:
                    break
                if sites[k] in sides:
                    source = sites[k]
                    break
            if source is None or not _side_reaches(v, source, sides[source], site, trigger_starts):
                continue
            previous = sites[j - 1] if j else None
            if self._placed(lowers, site, source, previous, sides, previous in carried):
                sides[site] = sides[source]
                carried.add(site)

    def _chain_sides(self, doc, v, sites, sides, store, trigger_starts, ent_at) -> dict:
        """A side carried along its sentence by the carries of the rules file (``"carry"`` lines):
        down a path of motion words ("pain from my right buttock, runs down the back of my thigh,
        behind the knee and into the calf"), along a list joined by "/" or "+" ("R SIJ/buttock",
        "R knee IR + foot eversion"), and to the next mention of the same limb ("my right knee is
        turned in and the foot is rolled flat"). Each step goes from a site to the next site of
        the sentence, so an unsided site between ("lets the pelvis drop, knee dives in") ends the
        chain. Returns the kind of carry that set each site, for the audit."""
        chains = self.chains
        lowers = v.lowers
        set_by: dict = {}
        for j in range(1, len(sites)):
            site, source = sites[j], sites[j - 1]
            if site in sides or source not in sides or _uncarried(site, store, v):
                continue
            side = sides[source]
            if side[0] not in _STATED or site[0] - source[1] > chains.reach:
                continue
            if _plural_site(v.lower(site[1] - 1)):
                continue  # plain "knees", "feet": no side (GUIDELINES section 4)
            if v.sent_bounds(doc, site[0])[0] > source[0]:
                continue
            t = bisect_left(trigger_starts, source[1])
            if t < len(trigger_starts) and trigger_starts[t] < site[0]:
                continue  # another side word stands between
            between = [lowers[i] for i in range(source[1], site[0])]
            if any(w in chains.stops for w in between):
                continue
            words = [lowers[i] for i in range(source[1], site[0])
                     if not (i in ent_at and ent_at[i][2] in FINDING_LABELS)]  # "R knee IR + foot": IR is the knee's
            kind = chains.kind(between, words, self._region(store, source), self._region(store, site))
            if kind is not None and side[0] == "bilateral" and (not kind.startswith("list:") or lowers[side[1]] in _BOTH_IDS):
                continue  # "b/l ant knee pain + arch ache" lists both arches; "both knees + heel" may be one heel
            if kind is not None:
                sides[site] = side
                set_by[site] = kind
        return set_by

    @staticmethod
    def _region(store, site):
        record = store.get(site[0])
        return record.get("region") if record is not None and record.get("end") == site[1] else None

    @staticmethod
    def _placed(lowers, site, source, previous, sides, previous_placed) -> bool:
        """Whether ``site`` is placed by a locative word ("around the kneecap", "down into the small toes")
        or listed right after a sided site ("the ribs and the top of my hip")."""
        i, fillers = site[0] - 1, 0
        while i >= source[1] and fillers <= 4:
            w = lowers[i]
            if w in _PAIN_PATH_IDS:
                return False  # "from the L buttock down the [side of the thigh]": a path of pain (GUIDELINES s8)
            if w in _LOCATIVE_IDS or (w in _OVER_IDS and site[2] == "STRUCTURE"):
                return True  # "L lateral forefoot pain over the 5th metatarsal head": a bone or tendon under the sore place
            if w in _ON_AT_IN_IDS and i > source[1] and lowers[i - 1] in _INTENSIFIER_IDS:
                return True  # "right knee, right on the front of the kneecap", "left heel, just at the back"
            if w in _IN_IDS and i > source[1] and lowers[i - 1] in _COMMA_IDS:
                return True  # "pain of the left foot, in the arch": an appositive placing the site in the sided one
            if w in _TO_IDS:
                # "down into the calf" is placed; "a dull ache into the 5th toe" is a spread
                return (i > source[1] and lowers[i - 1] in _LOCATIVE_IDS) or (previous_placed and previous == source)
            if w in _AND_IDS:
                k = i - 1
                while k >= source[1] and lowers[k] in _DETERMINERS:
                    k -= 1
                return previous is not None and previous in sides and previous[1] == k + 1
            if w not in _LOCATIVE_FILLERS:
                return False
            i -= 1
            fillers += 1
        return False

    def _side_before(self, doc, v, ent, before, ent_at):
        i = ent[0]
        steps = 0
        lowers, is_space = v.lowers, v.is_space
        sent_start = v.sent_bounds(doc, ent[0])[0]
        own_phrase = False  # a possessive of the site's own ("... and my knee") opens a new phrase
        while i > sent_start and steps <= self.max_distance:
            if i in before:
                return self._fits(before[i], ent, v, i)
            other = ent_at.get(i - 1)
            if other is not None and other[2] in SITE_LABELS:
                if own_phrase:
                    return None  # "a clicky right knee, and my neck", "stand on left leg my hip is dropping"
                i = other[0]
            elif other is not None and other[1] == i and lowers[i] in _SLASH_IDS and _names_region(doc, other):
                i = other[0]  # "R LBP/hip ache": a symptom naming its region is a site of the slash list (GUIDELINES s8)
            elif lowers[i - 1] in _PHRASE_IDS or is_space[i - 1]:
                if lowers[i - 1] in _AND_IDS and i >= 2 and lowers[i - 2] in _DASH_IDS:
                    return None  # "leaning onto the R leg - and the back ache came on": "- and" opens the next clause
                if lowers[i - 1] in _POSSESSIVES and not (i >= 2 and lowers[i - 2] in _OF_IDS):
                    own_phrase = True
                i -= 1
            else:
                return None
            steps += 1
        return self._fits(before.get(i), ent, v, i) if i > sent_start else None

    @staticmethod
    def _fits(found, ent, v, at):
        """A side phrase that only applies to plural sites ("both knees", not "both the knee and the hip")
        or only right before its site ("that foot")."""
        if found is None:
            return None
        if found[4] and at != ent[0]:
            return None
        if found[3]:
            if not _plural(v.lower(ent[1] - 1)):
                return None
        return found

    def _side_after(self, doc, v, ent, after, ent_at):
        lowers = v.lowers
        i = ent[1]
        steps = 0
        n = min(len(lowers), v.sent_bounds(doc, ent[0])[1])
        while i < n and steps <= 2:
            if i in after:
                return after[i]
            other = ent_at.get(i)
            if other is not None and other[2] in SITE_LABELS:
                i = other[1]
            elif (other is not None and other[2] in FINDING_LABELS and other[1] < n
                  and lowers[other[1]] in _OPEN_BRACKET and other[1] in after):
                return after[other[1]]  # "Knee pain (R) for 2 weeks", "the arch pain (right) is worst"
            elif (other is not None and other[2] in FINDING_LABELS and other[1] < n
                  and lowers[other[1]] in _COMMA_IDS and other[1] in after
                  and after[other[1]][2] - other[1] <= 4  # ", left", ", the left,"; not ", more on the right"
                  and (after[other[1]][2] >= n or v.is_punct[after[other[1]][2]])):
                # "first ankle sprain, left, stepping off a kerb": a side closing the phrase after
                # the site's finding is the site's, as one closing it after the site is (10tr a, b)
                return after[other[1]]
            elif lowers[i] in _AFTER_WORDS:
                i += 1
            else:
                return None
            steps += 1
        return after.get(i) if i < n else None

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


@Language.factory(
    "laterality",
    assigns=["span._.laterality", "span._.site"],
    requires=["doc.ents", "token.is_sent_start"],
    default_config={"max_distance": 5},
)
def make_laterality(nlp: Language, name: str, max_distance: int) -> Laterality:
    register_extensions()
    return Laterality(nlp, name, max_distance=max_distance)

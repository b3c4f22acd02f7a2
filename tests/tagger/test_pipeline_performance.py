"""Behaviour the speed work must keep: same matches as spaCy's Matcher, plain-data
attributes that survive multiprocessing, linear handling of long notes, and the Span
extension API still reading what the components set."""

from __future__ import annotations

import json

import pytest
import spacy
from spacy.matcher import Matcher

from tagger.pipeline.fastmatch import TokenMatcher
from tagger.pipeline.rules import data_file, read_jsonl

TEXTS = [
    "No hip pain but my R forefoot hurts in sneakers; treadmill 4.5 mph an hour a day since August.",
    "Numbness? No. L knee > R knee, knees L>R. Pain in my left calf (R) for the past 24 hrs, x3/52.",
    "My mum's flat feet. FHx: father had sciatica. I was thinking quadratus, could it be my QL?",
    "Stiff R upper back/lat; goes away when barefoot. About 100 miles per week biking, 3 or 4th metatarsal.",
    "sharp stabbing pain in the ball of my foot, since early March 2021, worse with 10k twice a week",
]

OPERATOR_PATTERNS = [
    [{"LOWER": "a"}, {"LOWER": "b", "OP": "*"}],
    [{"LOWER": "a", "OP": "?"}, {"LOWER": "b", "OP": "+"}, {"LOWER": "c", "OP": "?"}],
    [{"LOWER": "a", "OP": "*"}, {"LOWER": "a"}],
    [{"LOWER": "b"}, {"LOWER": "c", "OP": "!"}, {"LOWER": "a"}],
    [{"LOWER": {"IN": ["a", "b"]}, "OP": "{1,3}"}, {"LOWER": "c", "OP": "{2,}"}],
    [{"OP": "?"}, {"LOWER": "c"}],
    [{"LENGTH": 1, "OP": "+"}, {"TEXT": {"REGEX": "^[bc]$"}}],
]


def _both(vocab, rows):
    ours, theirs = TokenMatcher(vocab), Matcher(vocab)
    for i, pattern in enumerate(rows):
        ours.add(f"k{i % 3}", [pattern])
        theirs.add(f"k{i % 3}", [pattern])
    return ours, theirs


@pytest.mark.parametrize("rules_file", ["entity_patterns.jsonl", "laterality_rules.jsonl", "dose_patterns.jsonl",
                                        "time_patterns.jsonl", "context_rules.jsonl"])
def test_token_matcher_returns_spacys_matches_in_spacys_order(rules_tagger, rules_file):
    nlp = rules_tagger.nlp
    rows = [r["pattern"] for r in read_jsonl(data_file(rules_file)) if isinstance(r.get("pattern"), list)]
    ours, theirs = _both(nlp.vocab, rows)
    assert ours._spacy is None  # every shipped pattern runs on our matcher, not the fallback
    for text in TEXTS:
        doc = nlp.make_doc(text)
        assert ours(doc) == theirs(doc)


def test_token_matcher_follows_spacy_on_operators():
    nlp = spacy.blank("en")
    ours, theirs = _both(nlp.vocab, OPERATOR_PATTERNS)
    texts = ["a", "a b b c", "b a a a c c", "a b c c c b a", "c c a b x a", "b b b a c a b c c", "x y z"]
    found = 0
    for text in texts:
        doc = nlp.make_doc(text)
        assert ours(doc) == theirs(doc)
        found += len(ours(doc))
    assert found > 20


def test_token_matcher_hands_unsupported_patterns_to_spacy():
    nlp = spacy.blank("en")
    ours = TokenMatcher(nlp.vocab)
    ours.add("pos", [[{"LOWER": "a"}, {"NORM": "b"}]])
    assert ours._spacy is not None
    assert [(s, e) for _, s, e in ours(nlp.make_doc("x a b"))] == [(1, 3)]


def test_entity_attributes_are_plain_data_and_read_through_span_extensions(rules_tagger):
    doc = rules_tagger.nlp("Right foot pain in sneakers.")
    json.dumps(doc._.entity_attrs)  # nothing but JSON-able data: Docs serialize between processes
    pain = next(e for e in doc.ents if e.text == "pain")
    assert pain._.site is not None and pain._.site.text == "foot" and pain._.site.label_ == "BODY_REGION"
    assert pain._.laterality == "right"
    foot = pain._.site
    foot._.negated = True  # the setter writes the same record the result reads
    assert doc._.entity_attrs[foot.start]["negated"] is True


def test_pipe_with_two_processes_matches_one_process(rules_tagger):
    nlp = rules_tagger.nlp

    def key(doc):
        return [(e.start_char, e.end_char, e.label_, e._.concept, e._.laterality, e._.negated, e._.modifier,
                 e._.triggers and [list(t) for t in e._.triggers], e._.dose and [list(d) for d in e._.dose],
                 e._.site and (e._.site.start, e._.site.end)) for e in doc.ents]

    one = [key(d) for d in nlp.pipe(TEXTS, n_process=1)]
    two = [key(d) for d in nlp.pipe(TEXTS, n_process=2, batch_size=2)]
    assert one == two and all(one)


def test_a_long_note_is_tagged_like_its_parts(rules_tagger):
    unit = ("Right knee pain since August, worse on stairs. No hip or thigh pain, or back pain.\n"
            "Goes away when barefoot; treadmill 4.5 mph an hour a day.\n\n")
    copies = 150_000 // len(unit)
    one = rules_tagger.tag(unit, clean_input=False)
    whole = rules_tagger.tag(unit * copies, clean_input=False)
    assert len(whole.sentences) == len(one.sentences) * copies
    assert len(whole.entities) == len(one.entities) * copies
    n = len(one.entities)
    for k in (0, copies // 2, copies - 1):
        shift = k * len(unit)
        for a, b in zip(one.entities, whole.entities[k * n : (k + 1) * n], strict=True):
            moved = b.model_copy(update={
                "start": b.start - shift, "end": b.end - shift, "sentence": b.sentence - k * len(one.sentences),
                "triggers": [t.model_copy(update={"start": t.start - shift, "end": t.end - shift}) for t in b.triggers],
                "dose": [d.model_copy(update={"start": d.start - shift, "end": d.end - shift}) for d in b.dose],
            })
            assert moved == a
    knee = whole.entities[-n]
    assert knee.text == "knee" and knee.laterality == "right"
    assert any(e.text == "hip" and e.negated for e in whole.entities[-n:])
    assert [d.kind for d in whole.entities[-1].dose] == ["speed", "duration", "frequency"]


def test_pipeline_survives_pickling(rules_tagger):
    import pickle

    from tagger.core import Tagger

    copy = Tagger(pickle.loads(pickle.dumps(rules_tagger.nlp)))
    for text in TEXTS:
        assert copy.tag(text) == rules_tagger.tag(text)


def test_token_matcher_skipping_states_that_die_early_keeps_spacys_matches_on_random_docs():
    """The matcher leaves out states that would die within the next tokens without a match
    (decided on the tokens' test masks); on random docs it must still return spaCy's matches
    in spaCy's order, including at the end of a doc."""
    import random

    nlp = spacy.blank("en")
    patterns = [*OPERATOR_PATTERNS,
                [{"LOWER": "a", "OP": "?"}, {"LOWER": "b", "OP": "?"}, {"LOWER": "c", "OP": "*"}, {"LOWER": "x"}],
                [{"LOWER": {"IN": ["a", "b"]}, "OP": "?"}, {"LOWER": "c"}, {"LOWER": "a", "OP": "?"}],
                [{"LOWER": "x"}, {"LOWER": "a", "OP": "+"}, {"LOWER": "b", "OP": "?"}, {"LOWER": "c"}]]
    ours, theirs = _both(nlp.vocab, patterns)
    rng = random.Random(3)
    for _ in range(400):
        doc = nlp.make_doc(" ".join(rng.choice("abcx") for _ in range(rng.randint(1, 12))))
        assert ours(doc) == theirs(doc)

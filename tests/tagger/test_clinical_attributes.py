"""clinical_attributes runs the seven rule steps in one pass; it must tag exactly as the seven
separate components did, its shared matching pass must give each matcher its own matches,
and entities written without Spans must be the entities spaCy's set_ents would set."""

from __future__ import annotations

import spacy
from spacy.attrs import ENT_ID, ENT_IOB, ENT_KB_ID, ENT_TYPE
from spacy.tokens import Span

from tagger.pipeline import CONFIG_PATH
from tagger.pipeline.entities import write_entities
from tagger.pipeline.extensions import register_extensions
from tagger.pipeline.fastmatch import TokenMatcher
from tagger.pipeline.matchgroup import MatcherGroup
from tagger.pipeline.ruler import accelerate
from tagger.pipeline.rules import data_file, read_jsonl

TEXTS = [
    "No hip pain but my R forefoot hurts in sneakers; treadmill 4.5 mph an hour a day since August.",
    "Numbness? No. L knee > R knee, knees L>R. Pain in my left calf (R) for the past 24 hrs, x3/52.",
    "My mum's flat feet. FHx: father had sciatica. I was thinking quadratus, could it be my QL?",
    "Stiff R upper back/lat; goes away when barefoot. About 100 miles per week biking, 3 or 4th metatarsal.",
    "sharp stabbing pain in the ball of my foot, since early March 2021, worse with 10k twice a week\n\nP: TFL release, review 3/52",
    "Sat 4th: tight laces on my running shoes, growing pains as a kid. Training plan says 40 km/wk.",
]
STEPS = ["activity_frames", "concept_attributes", "laterality", "context", "modifiers", "dose", "time_expressions"]


def _separate_pipeline():
    """The pipeline as it was before clinical_attributes: one component per step."""
    register_extensions()
    config = spacy.util.load_config(CONFIG_PATH)
    config["nlp"]["pipeline"] = ["clinical_sentencizer", "entity_ruler", *STEPS]
    del config["components"]["clinical_attributes"]
    for name in STEPS:
        config["components"][name] = {"factory": name}
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    accelerate(nlp, rebuild=False)
    nlp.initialize()
    return nlp


def _key(doc):
    return ([(e.start, e.end, e.label_, e.id_) for e in doc.ents], doc._.entity_attrs, doc._.time_expressions,
            [t.is_sent_start for t in doc])


def test_clinical_attributes_tags_as_the_seven_separate_components(rules_tagger):
    fused, separate = rules_tagger.nlp, _separate_pipeline()
    assert fused.pipe_names[-1] == "clinical_attributes"
    for text in TEXTS:
        assert _key(fused(text)) == _key(separate(text))


def test_each_step_of_clinical_attributes_runs_alone_as_a_component(rules_tagger):
    nlp = rules_tagger.nlp
    attributes = nlp.get_pipe("clinical_attributes")
    for text in TEXTS:
        doc = nlp.make_doc(text)
        for name in nlp.pipe_names[:-1]:
            doc = nlp.get_pipe(name)(doc)
        for name in STEPS:
            doc = attributes.step(name)(doc)
        assert _key(doc) == _key(nlp(text))


def _rule_matchers(vocab):
    matchers = []
    for rules_file in ("laterality_rules.jsonl", "context_rules.jsonl", "dose_patterns.jsonl", "time_patterns.jsonl"):
        matcher = TokenMatcher(vocab)
        for i, row in enumerate(read_jsonl(data_file(rules_file))):
            if isinstance(row.get("pattern"), list):
                matcher.add(row.get("kind") or f"{rules_file}:{i % 4}", [row["pattern"]])  # shared keys, as dose does
        matchers.append(matcher)
    return matchers


def test_a_matcher_group_gives_each_member_the_matches_it_finds_alone_in_the_same_order(rules_tagger):
    nlp = rules_tagger.nlp
    alone, grouped = _rule_matchers(nlp.vocab), _rule_matchers(nlp.vocab)
    group = MatcherGroup(grouped)
    docs = [nlp.make_doc(text) for text in TEXTS]  # their words enter the vocab here, not in the matchers
    strings = len(nlp.vocab.strings)
    found = 0
    for doc in docs:
        for a, g in zip(alone, grouped, strict=True):
            assert g(doc) == a(doc)
            found += len(a(doc))
        assert group in _memo(doc)  # one pass per doc, kept with the doc's view
    assert found > 30
    assert len(nlp.vocab.strings) == strings  # the group adds nothing to the vocab that is saved


def _memo(doc):
    from tagger.pipeline.docview import view

    return view(doc).memo


def test_a_matcher_given_new_patterns_leaves_its_group(rules_tagger):
    nlp = rules_tagger.nlp
    matchers = _rule_matchers(nlp.vocab)
    MatcherGroup(matchers)
    matchers[0].add("extra", [[{"LOWER": "knee"}]])
    assert matchers[0]._group is None and matchers[1]._group is not None
    doc = nlp.make_doc("my knee")
    assert any(nlp.vocab.strings[k] == "extra" for k, _, _ in matchers[0](doc))


def test_clinical_attributes_regroups_its_matchers_after_new_rules(rules_tagger, tmp_path):
    nlp = rules_tagger.nlp
    attributes = nlp.get_pipe("clinical_attributes")
    nlp("Right knee pain since August.")
    before = attributes._group
    assert before is not None and len(before.members) == 6
    attributes.to_disk(tmp_path)
    attributes.from_disk(tmp_path)  # every step rebuilds its matchers from the saved rules
    doc = nlp("Right knee pain since August.")
    assert attributes._group is not before and attributes._group.members[0] is attributes.step("activity_frames").matcher
    assert doc._.time_expressions and any(r.get("laterality") == "right" for r in doc._.entity_attrs.values())


def test_write_entities_sets_the_token_annotations_set_ents_sets():
    nlp = spacy.blank("en")
    text = "my right knee hurts when running in sneakers"
    a, b = nlp(text), nlp(text)
    a.set_ents([Span(a, 1, 3, label="BODY_REGION", span_id="knee"), Span(a, 5, 6, label="ACTIVITY")], default="outside")
    strings = nlp.vocab.strings
    write_entities(b, [(1, 3, strings.add("BODY_REGION"), strings.add("knee")), (5, 6, strings.add("ACTIVITY"), 0)])
    columns = [ENT_IOB, ENT_TYPE, ENT_ID, ENT_KB_ID]
    assert a.to_array(columns).tolist() == b.to_array(columns).tolist()
    assert [(e.text, e.label_, e.id_) for e in b.ents] == [("right knee", "BODY_REGION", "knee"), ("running", "ACTIVITY", "")]


def test_doc_view_token_facts_are_the_docs_own(rules_tagger):
    from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LENGTH, LOWER, ORTH

    from tagger.pipeline.docview import DocView

    nlp = rules_tagger.nlp
    for text in [*TEXTS, "Ünïcödé  café —  x\n\n\tNAÏVE 😀 pain", ""]:
        doc = nlp.make_doc(text)
        v = DocView(doc)
        columns = [ORTH, LOWER, IDX, LENGTH, IS_PUNCT, IS_SPACE]
        expected = doc.to_array(columns).T.tolist() if len(doc) else [[] for _ in columns]
        assert [v.orths, v.lowers, v.idx, v.lengths, v.is_punct, v.is_space] == expected


def test_token_matcher_masks_from_lookups_equal_its_compiled_tests_on_every_lexeme(rules_tagger):
    nlp = rules_tagger.nlp
    specs = [{"LOWER": "knee"}, {"ORTH": {"IN": ["R", "L"]}}, {"LOWER": {"NOT_IN": ["no", "not"]}},
             {"TEXT": {"REGEX": r"^\d+(\.\d+)?$"}}, {"LIKE_NUM": True}, {"IS_PUNCT": False}, {"LENGTH": 2},
             {"LOWER": {"IN": ["km", "mi"]}, "LIKE_NUM": False}, {"LOWER": {"REGEX": "^x", "NOT_IN": ["xray"]}}]
    matcher = TokenMatcher(nlp.vocab)
    for i, spec in enumerate(specs):
        matcher.add(f"t{i}", [[spec]])
    doc = nlp.make_doc("R knee no NOT 4.5 km, xx xray Xmas mi 12 L. ?")
    for token in doc:
        expected = sum(1 << i for i, test in enumerate(matcher._tests) if test(token.lex))
        assert matcher._mask(token.orth) == expected, token.text
    assert matcher._index.others  # the two-attribute specs kept their compiled tests

"""The learned-assertion benchmark's feature builder and pairing (benchmarks/assertion_learned.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from tagger.schema import Cleaning, Entity, ModelInfo, Sentence, TagResult, Trigger

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "assertion_learned.py"


@pytest.fixture(scope="module")
def learned():
    spec = importlib.util.spec_from_file_location("assertion_learned", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


TEXT = "Plan: rest.\nHistory: as a kid in 2015 my dad had a sore left knee playing football for years.\n\nNow fine in 2020."


def entity(word: str, label: str, concept: str, sentence: int = 1, **attrs) -> Entity:
    start = TEXT.index(word)
    return Entity(start=start, end=start + len(word), text=word, label=label, concept=concept, sentence=sentence, **attrs)


def result(*entities: Entity) -> TagResult:
    first_end = TEXT.index("\n") + 1
    second_end = TEXT.index("\n\n") + 2
    return TagResult(
        text=TEXT,
        cleaning=Cleaning(source="input"),
        sentences=[Sentence(start=0, end=first_end), Sentence(start=first_end, end=second_end),
                   Sentence(start=second_end, end=len(TEXT))],
        entities=list(entities),
        model=ModelInfo(name="rules-only", version="0"),
    )


def test_words_carry_their_side_and_distance_bucket(learned):
    knee = entity("knee", "BODY_REGION", "knee")
    feats = learned.entity_features(result(knee), knee)
    assert feats["L1-3:left"] == feats["L1-3:sore"] == feats["L1-3:a"] == 1.0
    assert feats["L4-10:dad"] == feats["L4-10:kid"] == 1.0
    assert feats["Lfar:history"] == 1.0
    assert feats["R1-3:playing"] == feats["R1-3:football"] == 1.0
    assert feats["Rfar:years"] == 1.0
    assert feats["ent:knee"] == feats["label=BODY_REGION"] == feats["concept=knee"] == 1.0
    assert not any(key.endswith(":rest") or key.endswith(":fine") for key in feats), "words of other sentences stay out"


def test_years_ages_and_childhood_are_features(learned):
    knee = entity("knee", "BODY_REGION", "knee")
    feats = learned.entity_features(result(knee), knee)
    assert feats["year"] == feats["year_before_latest"] == 1.0  # 2015 before the note's latest year, 2020
    assert feats["childhood"] == feats["number"] == 1.0
    now = entity("fine", "SYMPTOM", "pain", sentence=2)
    now_feats = learned.entity_features(result(now), now)
    assert now_feats["year"] == 1.0 and "year_before_latest" not in now_feats and "childhood" not in now_feats


def test_header_and_paragraph_position(learned):
    knee = entity("knee", "BODY_REGION", "knee")
    feats = learned.entity_features(result(knee), knee)
    assert feats["header=history"] == feats["para=first"] == feats["sent=middle"] == 1.0
    now = entity("fine", "SYMPTOM", "pain", sentence=2)
    now_feats = learned.entity_features(result(now), now)
    assert now_feats["header=history"] == 1.0  # the nearest line above that opens with a header
    assert now_feats["para=last"] == now_feats["sent=last"] == 1.0


def test_rule_output_is_a_feature_only_when_asked(learned):
    trigger = Trigger(start=TEXT.index("dad"), end=TEXT.index("dad") + 3, text="dad", attribute="other_subject")
    sore = entity("sore", "SYMPTOM", "pain", other_subject=True, triggers=[trigger])
    res = result(sore)
    assert not any(key.startswith("rule") for key in learned.entity_features(res, sore))
    with_rule = learned.entity_features(res, sore, attribute="other_subject")
    assert with_rule["rule=True"] == with_rule["rule_trigger:dad"] == 1.0
    assert learned.entity_features(res, sore, attribute="historical")["rule=False"] == 1.0


def test_pairing_keeps_only_strict_matches(learned):
    knee = entity("knee", "BODY_REGION", "knee")
    left_knee = Entity(start=TEXT.index("left"), end=TEXT.index("knee") + 4, text="left knee", label="BODY_REGION",
                       concept="knee", sentence=1)
    sore = entity("sore", "SYMPTOM", "pain")
    football = entity("football", "ACTIVITY", "football")
    gold = [
        {"start": knee.start, "end": knee.end, "text": "knee", "label": "BODY_REGION"},  # predicted wider: boundary
        {"start": sore.start, "end": sore.end, "text": "sore", "label": "SYMPTOM", "other_subject": True},  # strict
        {"start": football.start, "end": football.end, "text": "football", "label": "FOOTWEAR"},  # wrong label
    ]
    case = {"id": "t1", "text": TEXT, "entities": gold}
    pairs = learned.strict_pairs(case, result(left_knee, sore, football))
    assert [(g.text, e.text) for g, e in pairs] == [("sore", "sore")]
    assert pairs[0][0].other_subject is True and pairs[0][1] is not None

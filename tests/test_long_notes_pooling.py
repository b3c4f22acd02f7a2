"""Factors of a long note are read on its parts too (tagger.long_notes)."""

from __future__ import annotations

from tagger.long_notes import LONG_NOTE_WORDS, parts, pool_factors
from tagger.schema import Cleaning, Evidence, Hypothesis, ModelInfo, TagResult, TextSpan


def _result(text: str, hypotheses: list[Hypothesis]) -> TagResult:
    return TagResult(text=text, cleaning=Cleaning(source="input"), model=ModelInfo(name="t", version="0"),
                     hypotheses=hypotheses)


def _h(label: str, p: float, kind: str, spans: list[TextSpan] = ()) -> Hypothesis:
    return Hypothesis(label=label, probability=p, threshold=0.5, passes=p >= 0.5, kind=kind,
                      evidence=[Evidence(feature="f", weight=1.0, spans=list(spans))] if spans else [])


def test_parts_are_cut_at_blank_lines_and_hold_enough_words():
    para = " ".join(["word"] * 40)
    text = "\n\n".join([para, para, para, para, "short tail"])
    ranges = parts(text, min_words=60)
    assert [len(text[s:e].split()) for s, e in ranges] == [80, 82]
    assert ranges[0][0] == 0 and ranges[-1][1] == len(text)


def test_a_factor_takes_its_best_part_and_a_chain_keeps_the_whole_note():
    filler = " ".join(["note"] * LONG_NOTE_WORDS)
    text = filler + "\n\nworse in sneakers, better barefoot " + " ".join(["x"] * 130)
    result = _result(text, [_h("hip_to_foot", 0.9, "chain"), _h("footwear", 0.2, "factor"), _h("hip_to_knee", 0.1, "chain")])

    def read_parts(texts):
        out = []
        for part in texts:
            at = part.find("sneakers")
            spans = [TextSpan(start=at, end=at + 8, text="sneakers")] if at >= 0 else []
            out.append([_h("footwear", 0.8 if spans else 0.1, "factor", spans), _h("hip_to_knee", 0.9, "chain")])
        return out

    assert pool_factors(result, read_parts)
    by_label = {h.label: h for h in result.hypotheses}
    assert by_label["footwear"].probability == 0.8 and by_label["footwear"].passes
    span = by_label["footwear"].evidence[0].spans[0]
    assert result.text[span.start:span.end] == "sneakers"
    assert by_label["hip_to_knee"].probability == 0.1  # chains are not read on parts
    assert [h.label for h in result.hypotheses][:2] == ["hip_to_foot", "footwear"]
    assert any("long note" in w for w in result.warnings)


def test_a_short_note_is_read_as_a_whole_only():
    result = _result("worse in sneakers\n\nbetter barefoot", [_h("footwear", 0.2, "factor")])
    called = []
    assert not pool_factors(result, lambda texts: called.append(texts) or [])
    assert not called and result.hypotheses[0].probability == 0.2

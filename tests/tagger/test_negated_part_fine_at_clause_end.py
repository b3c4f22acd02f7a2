"""Session 12, round 2 (corpora/reviews/gold_fixes_session12b_assert2.md): a part said to be fine at
the end of its clause is negated (GUIDELINES s7: "a region that is fine is"), also in records shorthand
with no verb; not a part fine at a time, nor an activity that is fine."""

from __future__ import annotations

from tests.tagger.entity_lookup import ent


def test_a_part_fine_in_records_shorthand_is_negated(rules_tagger):
    result = rules_tagger.tag("C/o R heel pain on first steps. L foot fine. Lumbar clear.")
    assert ent(result, "foot").negated
    assert ent(result, "Lumbar").negated


def test_a_part_totally_fine_or_with_no_complaint_is_negated(rules_tagger):
    result = rules_tagger.tag("My shin hurts on runs. The ankle itself is totally fine. Hips/knees no complaint.")
    assert ent(result, "ankle").negated
    assert ent(result, "Hips").negated


def test_a_part_fine_at_a_time_or_now_is_not_negated(rules_tagger):
    result = rules_tagger.tag("I ran 5 km with the tape and the knee was fine! The hip is fine now.")
    assert not ent(result, "knee").negated
    assert not ent(result, "hip").negated


def test_an_activity_that_is_fine_is_not_negated(rules_tagger):
    result = rules_tagger.tag("Heel sore after work. Walking fine.")
    assert not ent(result, "Walking").negated

"""The result models are built unvalidated (tagger/result.py): they must be what validation would give."""

from __future__ import annotations

import copy
import pickle

import pytest

from tagger.schema import TagResult

NOTES = [
    "R knee pain x3/52, worse stairs, (-) numbness, desk job. Hx of L ankle sprain.",
    "I run 10k twice a week at 4.5 MPH, it hurts in my sneakers and goes away barefoot.\n\nMy mum had sciatica.",
    "No hip pain. Stiff b/l TFL/QL in the mornings since August; tight hip flexors after 30 minutes every morning.",
]


def _fields_sets(model) -> list:
    """Every nested model's explicitly set fields, in order."""
    out = [sorted(model.model_fields_set)]
    for value in model.__dict__.values():
        for item in value if isinstance(value, list) else [value]:
            if hasattr(item, "model_fields_set"):
                out += _fields_sets(item)
    return out


@pytest.mark.parametrize("text", NOTES)
def test_result_is_what_validating_it_gives(rules_tagger, text):
    result = rules_tagger.tag(text)
    validated = TagResult.model_validate(result.model_dump(exclude_unset=True))
    assert result == validated
    assert result.model_dump_json() == validated.model_dump_json()
    assert _fields_sets(result) == _fields_sets(validated)
    assert pickle.loads(pickle.dumps(result)) == validated
    assert copy.deepcopy(result) == validated


def test_dose_values_are_floats_and_codes_are_the_results_own(rules_tagger):
    first = rules_tagger.tag("My right knee hurts when I run 10k twice a week. Left knee pain.")
    dose = [d for e in first.entities for d in e.dose]
    assert dose and all(d.value is None or type(d.value) is float for d in dose)
    coded = [e for e in first.entities if e.codes]
    assert coded
    coded[0].codes["snomed"] = "changed"
    again = rules_tagger.tag("My right knee hurts when I run 10k twice a week. Left knee pain.")
    assert all(e.codes.get("snomed") != "changed" for e in again.entities)


def test_setting_a_field_on_one_entity_leaves_the_others_alone(rules_tagger):
    result = rules_tagger.tag("Right knee pain and left hip pain.")
    first, second = result.entities[0], result.entities[1]
    first.negated = True
    assert first.negated and not second.negated
    assert second.model_fields_set == set(type(second).model_fields)

"""Laterality, session 13 round 2: "especially left" and "R>L" after a plural part compare its sides (bilateral);
dictation's "write" for "right"; a test's graded side heads the bracket of its findings and a side with "barefoot"
heads a test's findings; a degree word before a finding keeps the side after it; a side stated after a site reaches
a site placed relative to it, but not past a clause its subject opens. Made-up text, not from the corpus.
"""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import ent


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("My calves get really stiff (especially left) after a long shift.", "calves"),
        ("His knees ache on the stairs, particularly the right.", "knees"),
        ("Knees track in on the squat (L>R), heels stay down.", "Knees"),
        ("Knees track in on the squat (R > L), heels stay down.", "Knees"),
    ],
)
def test_a_plural_part_with_one_side_singled_out_is_bilateral(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).laterality == "bilateral"


def test_especially_one_side_after_a_singular_part_is_no_comparison(rules_tagger):
    assert ent(rules_tagger.tag("My ankle is stiff (especially left) in the mornings."), "ankle").laterality != "bilateral"


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("She came in with write shoulder pain after painting.", "shoulder"),
        ("I think my write ankle is weaker than it was.", "ankle"),
    ],
)
def test_dictated_write_before_a_site_is_right(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).laterality == "right"


def test_write_as_a_verb_is_no_side(rules_tagger):
    assert ent(rules_tagger.tag("I will write down when the ankle hurts."), "ankle").laterality is None


def test_a_graded_test_side_heads_the_bracket_of_its_findings(rules_tagger):
    result = rules_tagger.tag("Ober test: R ++ (thigh stays up, TFL taut), L neg.")
    assert ent(result, "thigh").laterality == "right"
    assert ent(result, "TFL").laterality == "right"


def test_a_test_side_done_barefoot_heads_its_findings(rules_tagger):
    result = rules_tagger.tag("Step-down L barefoot: knee drifts in, arch drops.")
    assert ent(result, "knee").laterality == "left"
    assert ent(result, "arch").laterality == "left"


def test_a_degree_word_before_the_finding_keeps_the_side_after_it(rules_tagger):
    assert ent(rules_tagger.tag("Hamstring 4/5; piriformis markedly tender L."), "piriformis").laterality == "left"


def test_a_side_stated_after_a_site_reaches_a_site_placed_under_it(rules_tagger):
    result = rules_tagger.tag("Pt describes lat ankle ache R, around/below the malleolus, worse on hills.")
    assert ent(result, "malleolus").laterality == "right"


def test_a_side_stated_after_a_site_stops_at_a_clause_its_subject_opens(rules_tagger):
    result = rules_tagger.tag("The heel was sore on the left, as if I was stepping on a stone under the arch.")
    assert ent(result, "arch").laterality is None


def test_a_side_stated_after_a_site_stops_at_the_full_stop_it_closes(rules_tagger):
    result = rules_tagger.tag("Quad wasting L. Mild swelling, puffy around the patella.")
    assert ent(result, "patella").laterality is None

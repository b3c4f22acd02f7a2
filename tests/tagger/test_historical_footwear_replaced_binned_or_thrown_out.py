"""historical: footwear replaced, binned, thrown out or put away (session 10b; GUIDELINES s8,
"Footwear replaced, lost or given up is historical"). Every sentence is written for the test.
"""

from __future__ import annotations

import pytest

from tests.tagger.entity_lookup import ent


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("My shin ache eased after replacing my old trainers in March.", "trainers"),
        ("Heel pain much better since replacing the worn insoles two weeks ago.", "insoles"),
        ("OT visit: old slippers binned, he wears a firm shoe indoors now.", "slippers"),
        ("I threw out my flip-flops when the arch pain started.", "flip-flops"),
        ("Her orthotics were thrown away when they cracked.", "orthotics"),
        ("I put away my high heels for good after the bunion op.", "high heels"),
    ],
)
def test_footwear_replaced_binned_or_thrown_out_is_historical(rules_tagger, text, target):
    assert ent(rules_tagger.tag(text), target).historical


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # the pair that came in is current
        ("I replaced them with stability shoes and the knee settled.", "stability shoes"),
        ("The orthotics that replaced my old pair feel firm.", "orthotics"),
        # a joint replaced is no shoe
        ("She wears trainers since her hip was replaced.", "trainers"),
    ],
)
def test_the_pair_that_replaces_and_other_replacements_stay_current(rules_tagger, text, target):
    assert not ent(rules_tagger.tag(text), target).historical

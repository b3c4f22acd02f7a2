"""Hypothetical and other_subject, session 14 round 1: a friend's apposed given name keeps the
clause theirs; a record's bare "Advised X" and a timer set "to" do something are advice; a bare
"is there" asks what the writer may do; "prob." and a trailing ", probable." hedge a diagnosis;
"doesn't blame" blames nothing; a form's "Q:" question answered on its line is answered; "is it
normal for the [part] to ..." leaves the part real.

Every sentence here is written for the test; none comes from the corpus.
"""

from __future__ import annotations

from tests.tagger.entity_lookup import ent


def test_a_friends_given_name_after_the_noun_keeps_the_clause_theirs(rules_tagger):
    result = rules_tagger.tag("Asking because my workmate Bazza had a disc go last winter and needed the op.")
    assert ent(result, "disc").other_subject
    result = rules_tagger.tag("Not me, but my climbing buddy Jo sprained her ankle in March.")
    assert ent(result, "sprained").other_subject


def test_a_family_noun_with_a_name_is_the_person_written_about_not_someone_else(rules_tagger):
    result = rules_tagger.tag("Subject: my daughter Lily knee pain - question")
    assert not ent(result, "knee").other_subject


def test_the_writers_own_words_end_the_named_friends_clause(rules_tagger):
    result = rules_tagger.tag("My mate Dan reckons my knee looks swollen.")
    assert not ent(result, "knee").other_subject


def test_a_records_bare_advised_is_advice_not_yet_followed(rules_tagger):
    result = rules_tagger.tag("R/v today, knee settling. Advised softer trainers for the gym.")
    assert ent(result, "trainers").hypothetical


def test_advice_that_the_current_pair_is_fine_hedges_nothing(rules_tagger):
    result = rules_tagger.tag("Advised current trainers fine if pain-free.")
    assert not ent(result, "trainers").hypothetical


def test_an_activity_a_timer_is_set_for_is_advice_done_or_not(rules_tagger):
    result = rules_tagger.tag("I have set a timer to stand up every 40 minutes, though I mostly ignore it.")
    assert ent(result, "stand up").hypothetical
    result = rules_tagger.tag("Suggested a reminder to stand up every 45 minutes.")
    assert ent(result, "stand up").hypothetical


def test_a_bare_is_there_in_a_question_asks_what_the_writer_may_do(rules_tagger):
    result = rules_tagger.tag("is there exercises I could do on my lunch break?")
    assert ent(result, "exercises").hypothetical


def test_prob_abbreviated_hedges_the_structure_after_it(rules_tagger):
    result = rules_tagger.tag("A: R L5 radiculopathy, prob. L4/5 disc, centralises with ext.")
    assert ent(result, "L4/5 disc").hypothetical
    assert not ent(result, "radiculopathy").hypothetical


def test_a_trailing_probable_hedges_the_diagnosis_before_it(rules_tagger):
    result = rules_tagger.tag("A: R ankle ATFL sprain, probable. No bony tenderness.")
    assert ent(result, "sprain").hypothetical


def test_does_not_blame_blames_nothing(rules_tagger):
    result = rules_tagger.tag("Gave the orthotics a month, doesn't blame shoes for any of it.")
    assert not ent(result, "shoes").hypothetical
    assert not ent(result, "shoes").negated


def test_a_form_question_labelled_q_and_answered_on_its_line_is_answered(rules_tagger):
    result = rules_tagger.tag("Q: How long do you sit each day?  A: about 9 hours, desk job")
    assert not ent(result, "sit").hypothetical


def test_is_it_normal_for_the_part_to_leaves_the_part_real(rules_tagger):
    result = rules_tagger.tag("Two questions: is it normal for the ankle to swell after a long walk?")
    assert not ent(result, "ankle").hypothetical


def test_people_addressed_by_what_they_have_done_are_the_readers(rules_tagger):
    result = rules_tagger.tag("A question for people who've done the marathon: did you taper?")
    assert ent(result, "marathon").other_subject
    result = rules_tagger.tag("ok who's had shin pain after a long walk")
    assert ent(result, "shin").other_subject


def test_the_writer_as_one_of_those_people_stays_the_writer(rules_tagger):
    result = rules_tagger.tag("I'm one of those people who has had flat feet since school.")
    assert not ent(result, "flat feet").other_subject

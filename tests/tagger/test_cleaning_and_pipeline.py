"""Input cleaning, the pipeline's config and its round trip through disk."""

from __future__ import annotations

import spacy

from tagger.cleaning import clean, decode_bytes
from tagger.errors import EmptyTextError, EncodingError, NotTextError, TextTooLongError

THREAD = """From: Jo Bloggs <jo@example.org>
Sent: Tuesday, 3 March 2026 09:12
To: Clinic <info@example.org>
Subject: RE: my foot

Hi Sam,

Yes, the right heel is still sore, worse in my work boots.

Thanks,
Jo
Sent from my iPhone

On Mon, 2 Mar 2026 at 17:40, Sam <info@example.org> wrote:
> Is it still the heel? Any numbness?
> Sam

---------- Forwarded message ---------
From: Jo Bloggs <jo@example.org>
Subject: my foot

My right heel started hurting in January after I took up running.
--
Jo Bloggs | Ward sister
"""


def test_thread_keeps_each_message_narrative_and_drops_furniture():
    cleaned = clean(THREAD)
    assert cleaned.cleaning.source == "cleaned"
    assert "right heel is still sore" in cleaned.text
    assert "took up running" in cleaned.text
    assert cleaned.text.index("still sore") < cleaned.text.index("took up running")
    for furniture in ("From:", "Subject:", "wrote:", "Sent from my iPhone", "Forwarded message", "Ward sister", "Thanks,", ">"):
        assert furniture not in cleaned.text
    assert cleaned.cleaning.removed["quoted"] >= 1 and cleaned.cleaning.removed["header"] >= 4


def test_a_quote_that_is_the_only_copy_of_a_message_is_kept_without_its_marks(rules_tagger):
    # The clinician's question exists only as a quote in the patient's reply: it is part of the thread.
    cleaned = clean(THREAD)
    assert "Is it still the heel? Any numbness?" in cleaned.text
    pasted = "Thanks, booked.\n\nOn Mon, Sam wrote:\n> My left foot goes numb at night.\n>> Earlier: the knee is fine.\n"
    result = rules_tagger.tag(pasted)
    assert result.text == "Thanks, booked.\n\nMy left foot goes numb at night.\nEarlier: the knee is fine.\n"
    for e in result.entities:
        start, end = result.to_input_offset(e.start, "start"), result.to_input_offset(e.end, "end")
        assert pasted[start:end] == e.text


def test_a_quote_of_a_message_pasted_in_the_same_thread_is_dropped_however_it_is_wrapped():
    pasted = (
        "Still sore today.\n\nOn Mon, Sam wrote:\n> My left foot keeps going\n> numb at night.\n\n"
        "-----Original Message-----\nFrom: Sam\n\nMy left foot keeps going numb at night.\n"
    )
    cleaned = clean(pasted)
    assert cleaned.text.count("numb at night") == 1
    assert cleaned.cleaning.removed["quoted"] == 3  # the "wrote:" line and both quoted lines


def test_of_two_quoted_copies_the_less_deeply_quoted_one_stays():
    pasted = "Reply three.\n\n> Reply two.\n> > The heel hurts on stairs.\n\n> The heel hurts on stairs.\n"
    cleaned = clean(pasted)
    assert cleaned.text.count("The heel hurts on stairs.") == 1
    assert cleaned.text.index("Reply two") < cleaned.text.index("The heel hurts")
    assert cleaned.cleaning.removed == {"quoted": 1}  # the deeper copy, counted once


def test_cleaned_offsets_map_back_to_the_input(rules_tagger):
    result = rules_tagger.tag(THREAD)
    heel = next(e for e in result.entities if e.text == "heel")
    start = result.to_input_offset(heel.start)
    assert THREAD[start : start + 4] == "heel"


def test_eml_with_html_part_is_decoded(rules_tagger):
    eml = (
        b"From: a@example.org\r\nTo: b@example.org\r\nSubject: knee\r\nMIME-Version: 1.0\r\n"
        b"Content-Type: text/html; charset=utf-8\r\n\r\n<html><body><p>My <b>left knee</b> hurts on stairs.</p>"
        b"<blockquote>old quoted text about my hip</blockquote></body></html>\r\n"
    )
    result = rules_tagger.tag_eml(eml)
    assert result.cleaning.source == "decoded"
    assert "left knee" in result.text and "hip" not in result.text
    assert [e.laterality for e in result.entities if e.text == "knee"] == [None, "left"]  # the subject's, then the body's


def test_subject_line_is_kept_as_narrative_without_its_header_name(rules_tagger):
    thread = "From: Ana\nSubject: RE: heel and now back\n\nThe heel is better this week.\n"
    result = rules_tagger.tag(thread)
    assert result.text.startswith("RE: heel and now back\n")
    assert "Subject" not in result.text and "From" not in result.text
    first_heel = next(e for e in result.entities if e.text == "heel")
    start = result.to_input_offset(first_heel.start)
    assert thread[start : start + 4] == "heel" and start == thread.index("heel")


def test_plain_notes_are_not_touched():
    note = "S: R knee pain x3/52.\nO: TTP medial joint line."
    assert clean(note).text == note and clean(note).cleaning.source == "input"


def test_bad_input_gets_a_precise_error(rules_tagger):
    import pytest

    with pytest.raises(EmptyTextError, match="empty"):
        rules_tagger.tag("   \n ")
    with pytest.raises(TextTooLongError, match="limit"):
        rules_tagger.tag("knee " * 100_000)
    with pytest.raises(NotTextError, match="binary"):
        rules_tagger.tag("abc\x00def")
    with pytest.raises(EncodingError, match="UTF-8"):
        decode_bytes(b"knee \xff\xfe pain \xc3")


def test_tag_many_returns_one_outcome_per_input_in_order(rules_tagger):
    from tagger.core import RowError

    out = list(rules_tagger.tag_many(["knee pain", "", None, "hip pain", 42], errors="return"))
    assert len(out) == 5
    assert [type(o).__name__ for o in out] == ["TagResult", "RowError", "RowError", "TagResult", "RowError"]
    assert isinstance(out[1], RowError) and out[1].index == 1 and out[1].code == "E101"
    assert out[3].entities[0].text == "hip"


def test_pipeline_is_assembled_from_config_and_round_trips_through_disk(rules_tagger, tmp_path):
    nlp = rules_tagger.nlp
    assert nlp.pipe_names == ["clinical_sentencizer", "entity_ruler", "clinical_attributes"]
    steps = [step.name for step in nlp.get_pipe("clinical_attributes").steps]
    assert steps == ["activity_frames", "concept_attributes", "laterality", "context", "subject_resolution", "past_episodes",
                     "time_expressions", "modifiers", "dose"]
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    text = ("No hip pain but my R forefoot hurts in sneakers; treadmill 4.5 mph an hour a day. Her knee is fine. "
            "In 2016 I had plantar fasciitis. It took a year but it went away with calf raises.")
    a, b = nlp(text), loaded(text)
    key = lambda doc: [(e.text, e.label_, e._.concept, e._.laterality, e._.negated, e._.modifier, e._.dose, e._.other_subject,  # noqa: E731
                       e._.historical)
                       for e in doc.ents]
    assert key(a) == key(b) and key(a)


def test_a_pasted_header_block_is_line_cleaned_not_parsed_as_a_raw_message(rules_tagger):
    pasted = "From: Ann <ann@example.org>\nDate: Mon, 2 Mar 2026\nSubject: heel\n\nMy left heel hurts in the mornings.\n"
    result = rules_tagger.tag(pasted)
    assert result.cleaning.source == "cleaned"
    heel = next(e for e in result.entities if e.text == "heel")
    start = result.to_input_offset(heel.start)
    assert pasted[start : start + 4] == "heel"


def test_offsets_at_a_seam_of_kept_segments_map_to_the_right_side(rules_tagger):
    thread = "From: a@example.org\nSubject: x\n\nHip sore.\n> quoted hip\nKnee sore.\n"
    result = rules_tagger.tag(thread)
    for e in result.entities:
        start = result.to_input_offset(e.start, "start")
        end = result.to_input_offset(e.end, "end")
        assert thread[start:end] == e.text


def test_input_errors_survive_a_trip_between_processes():
    import pickle

    for err in (EmptyTextError("the text is empty"), TextTooLongError(300_000, 200_000)):
        again = pickle.loads(pickle.dumps(err))
        assert str(again) == str(err) and again.code == err.code

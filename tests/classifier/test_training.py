"""Retraining with a clinic's own annotations."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from tagger.cli import app


def _doccano_file(path, cases):
    with path.open("w") as fh:
        for i, (text, labels) in enumerate(cases):
            fh.write(json.dumps({"id": i, "text": text, "label": labels}) + "\n")


def test_train_with_include_adds_the_clinics_cases_and_a_new_label(tmp_path, small_corpus):
    corpus = tmp_path / "cases.jsonl"
    corpus.write_text("".join(json.dumps(c.to_json_dict()) + "\n" for c in small_corpus))
    clinic = tmp_path / "clinic_doccano.jsonl"
    texts = [
        ("Pain under the kneecap since I took up hill sprints, worse kneeling at work.", ["knee_occupational"]),
        ("Kneeling all day laying floors and now both knees ache at the front.", ["knee_occupational"]),
        ("Tiler, kneels for hours, anterior knee pain bilat, no swelling.", ["knee_occupational"]),
        ("Carpet fitter with sore knees after long kneeling jobs.", ["knee_occupational"]),
        ("R foot pain after a new treadmill routine, better barefoot.", ["training_load", "footwear"]),
        ("Gardening on my knees all weekend, front of the knee is tender.", ["knee_occupational"]),
    ] * 3
    _doccano_file(clinic, texts)
    out = tmp_path / "model"
    result = CliRunner().invoke(app, ["train", str(corpus), "--out", str(out), "--include", str(clinic), "--all"])
    assert result.exit_code == 0, result.output
    card = json.loads((out / "card.json").read_text())
    assert card["corpus"]["cases"] == len(small_corpus) + len(texts)
    assert "knee_occupational" in card["labels"]
    assert "character 3-5-gram" in card["hyperparameters"]["features"]  # every block the model has is named
    assert card["corpus"]["by_label"]["knee_occupational"] == 15

    import tagger

    hyp = {h.label: h for h in tagger.load(out).tag("Floor layer, knees ache after a day of kneeling.").hypotheses}
    assert hyp["knee_occupational"].kind == "other"


def test_train_refuses_a_corpus_without_splits_with_a_clear_message(tmp_path, small_corpus):
    corpus = tmp_path / "cases.jsonl"
    rows = [dict(c.to_json_dict(), split="") for c in small_corpus[:20]]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows))
    result = CliRunner().invoke(app, ["train", str(corpus), "--out", str(tmp_path / "m")])
    assert result.exit_code != 0
    assert "tagger corpus split" in result.output


def test_model_card_features_name_the_blocks_the_settings_build():
    from tagger.classifier.training import SHIPPED_SETTINGS, describe_features

    shipped = describe_features(SHIPPED_SETTINGS)
    assert "word 1-2-gram" in shipped and f"weight {SHIPPED_SETTINGS['char_weight']:g})" in shipped
    assert "character" not in describe_features({**SHIPPED_SETTINGS, "char_weight": 0.0})

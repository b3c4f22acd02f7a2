"""Train a chain classifier on annotated cases and write a model directory.

A model directory holds ``pipeline/`` (the spaCy pipeline, ``nlp.to_disk``),
``classifier.skops`` (no pickle), ``card.json`` and ``card.md``.
"""

from __future__ import annotations

import hashlib
import json
import platform
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.metrics import precision_recall_fscore_support

from .. import __version__
from ..corpus.schema import Case
from ..schema import TagResult
from .explain import ChainModel
from .model import build_model
from .persistence import save_classifier
from .taxonomy import TAXONOMY

Progress = Callable[[str, int, int], None]
# Chosen by leave-one-writer-out cross-validation on train+dev (benchmarks/writer_cv.py,
# figures in benchmarks/writer_cv_results.md; README "Hypotheses").
DEFAULT_C = 8.0
DEFAULT_ENTITY_WEIGHT = 0.05  # the entity block is binary (not L2-normalised), times this
DEFAULT_ENTITY_NORM = "none"
DEFAULT_TEXT_WEIGHT = 1.0  # the word block: word 1-2-gram TF-IDF, L2-normalised per case
DEFAULT_TEXT_NORM = "l2"
DEFAULT_CHAR_WEIGHT = 1.0  # beside the words: char_wb 3-5-gram TF-IDF, L2-normalised per case
DEFAULT_STACK = True
SHIPPED_SETTINGS = {"entity_weight": DEFAULT_ENTITY_WEIGHT, "entity_norm": DEFAULT_ENTITY_NORM,
                    "text_weight": DEFAULT_TEXT_WEIGHT, "text_norm": DEFAULT_TEXT_NORM, "stack": DEFAULT_STACK,
                    "char_weight": DEFAULT_CHAR_WEIGHT}
# The TF-IDF baseline: plain L2-normalised word TF-IDF with its own best C under the same
# protocol (C 2-32 tried, 16 best) and no stacking (which did not help it there): its best
# showing. Given the character block as well it moved within noise under writer-CV (0.882 at
# its best C against 0.878; benchmarks/writer_cv_results.md), so it stays the plain word model.
TFIDF_BASELINE = {"C": 16.0, "stack": False, "text_norm": "l2", "text_weight": 1.0, "char_weight": 0.0}


def describe_features(settings: dict[str, Any]) -> str:
    """The model card's one-line account of the feature blocks ``build_model`` builds from ``settings``."""
    entity_norm = "L2-normalised" if settings.get("entity_norm") == "l2" else "binary, not normalised"
    text_norm = "L2-normalised" if settings.get("text_norm", "l2") == "l2" else "not normalised"
    parts = [f"entity/concept features ({entity_norm} per case, weight {settings.get('entity_weight', 1.0):g})",
             f"word 1-2-gram tf-idf ({text_norm} per case, weight {settings.get('text_weight', 1.0):g})"]
    if settings.get("char_weight", 0.0) > 0:
        parts.append(f"character 3-5-gram tf-idf within word boundaries (char_wb, L2-normalised per case, "
                     f"weight {settings['char_weight']:g})")
    return " + ".join(parts)


def label_set(cases: Iterable[Case]) -> list[str]:
    """The taxonomy's labels that occur, in taxonomy order, then a clinic's own labels sorted."""
    seen = {label for case in cases for label in case.labels}
    return [lab for lab in TAXONOMY if lab in seen] + sorted(seen - set(TAXONOMY))


def indicator(cases: Sequence[Case], labels: Sequence[str]) -> np.ndarray:
    return np.array([[int(label in case.labels) for label in labels] for case in cases], dtype=int).reshape(len(cases), len(labels))


def corpus_hash(cases: Iterable[Case]) -> str:
    digest = hashlib.sha256()
    for case in sorted(cases, key=lambda c: c.id):
        digest.update(json.dumps([case.id, case.text, sorted(case.labels), case.split]).encode("utf-8"))
    return digest.hexdigest()


def tag_cases(tagger, cases: Sequence[Case], progress: Progress | None = None) -> list[TagResult]:
    """Tag every case with the pipeline (no classifier), keeping order."""
    out = []
    for i, result in enumerate(tagger.tag_many((c.text for c in cases), errors="raise"), 1):
        out.append(result)
        if progress and (i % 25 == 0 or i == len(cases)):
            progress("tagging", i, len(cases))
    return out


def label_metrics(Y_true: np.ndarray, Y_pred: np.ndarray, labels: Sequence[str]) -> dict[str, Any]:
    p, r, f, s = precision_recall_fscore_support(Y_true, Y_pred, average=None, zero_division=0, labels=range(len(labels)))
    mp, mr, mf, _ = precision_recall_fscore_support(Y_true, Y_pred, average="micro", zero_division=0)
    return {
        "per_label": {lab: {"precision": round(float(p[j]), 4), "recall": round(float(r[j]), 4), "f1": round(float(f[j]), 4),
                          "support": int(s[j])} for j, lab in enumerate(labels)},
        "macro_f1": round(float(np.mean(f)), 4),
        "micro_f1": round(float(mf), 4),
        "micro_precision": round(float(mp), 4),
        "micro_recall": round(float(mr), 4),
        "n_cases": int(Y_true.shape[0]),
    }


def fit_model(results: Sequence[TagResult], Y: np.ndarray, labels: Sequence[str], *, features: str = "both",
              C: float = DEFAULT_C, seed: int = 0, **settings: Any) -> ChainModel:
    """Fit the shipped configuration (``SHIPPED_SETTINGS``); ``settings`` override it."""
    pipeline = build_model(features, C=C, random_state=seed, **{**SHIPPED_SETTINGS, **settings}).fit(list(results), Y)
    return ChainModel(pipeline, list(labels))


def adjust_thresholds_on_dev(model: ChainModel, dev_results: Sequence[TagResult], Y_dev: np.ndarray,
                             min_positives: int = 5) -> str:
    """Move each label's threshold halfway to the best-F1 threshold on dev.

    Thresholds from cross-validation come from fold models trained on 80% of the data,
    whose probabilities run lower than the final model's; dev is scored by the final model.
    Averaging the two keeps a small dev set from dictating the threshold alone.
    """
    from .model import best_f1_threshold

    proba = model.predict_proba(list(dev_results))
    thresholds = np.asarray(model.thresholds_, dtype=float).copy()
    for j in range(Y_dev.shape[1]):
        if Y_dev[:, j].sum() >= min_positives:
            thresholds[j] = round((thresholds[j] + best_f1_threshold(Y_dev[:, j], proba[:, j])) / 2, 4)
    model.pipeline.named_steps["classify"].thresholds_ = thresholds
    return "mean of the 5-fold CV threshold on train and the best-F1 threshold on dev"


def library_versions() -> dict[str, str]:
    versions = {"python": platform.python_version(), "tagger": __version__}
    for dist in ("spacy", "scikit-learn", "numpy", "scipy", "pandas", "skops", "pydantic"):
        try:
            versions[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            versions[dist] = "not installed"
    return versions


def train_model(cases: Sequence[Case], out_dir: str | Path, *, use_all: bool = False, C: float = DEFAULT_C,
                seed: int = 0, name: str | None = None, command: str | None = None,
                progress: Progress | None = None) -> dict[str, Any]:
    """Train on the train split (or everything with ``use_all``), evaluate, write the model directory."""
    from ..core import Tagger
    from ..pipeline import build_pipeline

    started = time.perf_counter()
    out = Path(out_dir)
    labels = label_set(cases)
    if not labels:
        raise ValueError("the corpus has no labels to learn")
    split_of = np.array([c.split for c in cases])
    train_mask = np.ones(len(cases), bool) if use_all else split_of == "train"
    if train_mask.sum() < 10:
        raise ValueError(f"only {int(train_mask.sum())} training cases: at least 10 are needed")
    nlp = build_pipeline()
    rules = Tagger(nlp)
    results = tag_cases(rules, cases, progress)
    Y = indicator(cases, labels)
    if progress:
        progress("fitting", 0, 1)
    model = fit_model([r for r, m in zip(results, train_mask, strict=True) if m], Y[train_mask], labels, C=C, seed=seed)
    dev_mask = (split_of == "dev") & ~train_mask
    threshold_source = "5-fold CV on the training cases"
    if dev_mask.any():
        threshold_source = adjust_thresholds_on_dev(model, [r for r, m in zip(results, dev_mask, strict=True) if m], Y[dev_mask])
    if progress:
        progress("fitting", 1, 1)
    evaluation = {}
    for split in ("dev", "test"):
        mask = split_of == split
        if mask.any():
            pred = (model.predict_proba([r for r, m in zip(results, mask, strict=True) if m]) >= model.thresholds_).astype(int)
            evaluation[split] = label_metrics(Y[mask], pred, labels)
            evaluation[split]["held_out"] = not use_all
    out.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out / "pipeline")
    digest = save_classifier(model, out / "classifier.skops")
    card = {
        "name": name or out.name,
        "version": __version__,
        "created": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "format": "tagger.model.v1",
        "command": command or "",
        "seed": seed,
        "hyperparameters": {"C": C, **SHIPPED_SETTINGS,
                            "features": describe_features(SHIPPED_SETTINGS),
                            "calibration": ("stacked: per label, a logistic regression over all labels' 5-fold out-of-fold decision values"
                                            if DEFAULT_STACK else "Platt scaling per label on 5-fold out-of-fold decision values"),
                            "thresholds": threshold_source,
                            "selection": "C, entity weight/normalisation and stacking by leave-one-writer-out cross-validation "
                                         "on train+dev (benchmarks/writer_cv.py)"},
        "trained_on": "all splits" if use_all else "train split",
        "corpus": {
            "sha256": corpus_hash(cases),
            "cases": len(cases),
            "by_split": dict(Counter(split_of.tolist())),
            "by_label": {lab: int(Y[:, j].sum()) for j, lab in enumerate(labels)},
            "train_cases": int(train_mask.sum()),
        },
        "labels": labels,
        "thresholds": {lab: float(t) for lab, t in zip(labels, model.thresholds_, strict=True)},
        "metrics": evaluation,
        "libraries": library_versions(),
        "files": {"classifier.skops": {"sha256": digest}},
        "training_seconds": round(time.perf_counter() - started, 1),
    }
    (out / "card.json").write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    (out / "card.md").write_text(card_markdown(card), encoding="utf-8")
    return card


def card_markdown(card: dict[str, Any]) -> str:
    lines = [f"# Model card: {card['name']} {card['version']}", "",
             f"- created: {card['created']}", f"- trained on: {card['trained_on']} ({card['corpus']['train_cases']} cases)",
             f"- corpus: {card['corpus']['cases']} cases, sha256 `{card['corpus']['sha256'][:16]}…`, splits {card['corpus']['by_split']}",
             f"- command: `{card['command']}`", f"- seed: {card['seed']}; hyperparameters: {card['hyperparameters']}",
             f"- libraries: {', '.join(f'{k} {v}' for k, v in card['libraries'].items())}", ""]
    for split, m in card["metrics"].items():
        note = "" if m.get("held_out", True) else " (NOT held out: the model was trained on all data)"
        lines += [f"## {split} split{note}: macro F1 {m['macro_f1']:.3f}, micro F1 {m['micro_f1']:.3f} ({m['n_cases']} cases)", "",
                  "| label | threshold | precision | recall | F1 | support |", "|---|---|---|---|---|---|"]
        for label, row in m["per_label"].items():
            lines.append(f"| {label} | {card['thresholds'][label]:.3f} | {row['precision']:.3f} | {row['recall']:.3f} | {row['f1']:.3f} | {row['support']} |")
        lines.append("")
    return "\n".join(lines)


def command_line() -> str:
    return " ".join(["tagger", *sys.argv[1:]]) if sys.argv else ""

"""Evaluate a model directory on a corpus split, side by side with two baselines,
and compare two models. Writes ``report.md`` and PNG plots."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..corpus.schema import Case
from .training import (
    DEFAULT_C,
    TFIDF_BASELINE,
    adjust_thresholds_on_dev,
    fit_model,
    indicator,
    label_metrics,
    tag_cases,
)

LEARNING_CURVE_FRACTIONS = (0.25, 0.5, 0.75, 1.0)


def _split(cases: Sequence[Case], results, split: str):
    idx = [i for i, c in enumerate(cases) if split == "all" or c.split == split]
    return [cases[i] for i in idx], [results[i] for i in idx]


def evaluate_model(model_dir: str | Path, cases: Sequence[Case], *, split: str = "test", out_dir: str | Path | None = None,
                   learning_curve: bool = True, seed: int = 0) -> dict[str, Any]:
    """Per-label figures for the model and for two baselines trained on the same train split."""
    from ..core import Tagger, load

    tagger = load(model_dir)
    if tagger.classifier is None:
        raise ValueError(f"{model_dir} has no classifier to evaluate")
    model = tagger.classifier
    labels = list(model.labels_)
    C = float(tagger.card.get("hyperparameters", {}).get("C", DEFAULT_C))
    results = tag_cases(Tagger(tagger.nlp), cases)
    train_cases, train_results = _split(cases, results, "train")
    dev_cases, dev_results = _split(cases, results, "dev")
    eval_cases, eval_results = _split(cases, results, split)
    if not eval_cases:
        raise ValueError(f"no cases in split {split!r}")
    Y_train, Y_eval = indicator(train_cases, labels), indicator(eval_cases, labels)
    systems: dict[str, np.ndarray] = {"model": model.predict_proba(eval_results)}
    thresholds: dict[str, np.ndarray] = {"model": np.asarray(model.thresholds_)}
    for name, features in (("tfidf_baseline", "text"), ("entities_baseline", "entities")):
        settings = TFIDF_BASELINE if features == "text" else {"C": C}
        baseline = fit_model(train_results, Y_train, labels, features=features, seed=seed, **settings)
        if dev_cases and split != "dev":  # the same threshold procedure as the shipped model
            adjust_thresholds_on_dev(baseline, dev_results, indicator(dev_cases, labels))
        systems[name] = baseline.predict_proba(eval_results)
        thresholds[name] = np.asarray(baseline.thresholds_)
    report: dict[str, Any] = {"split": split, "labels": labels, "n_train": len(train_cases), "n_eval": len(eval_cases),
                              "model": {"name": tagger.info.name, "version": tagger.info.version, "dir": str(model_dir)},
                              "systems": {}}
    for name, proba in systems.items():
        report["systems"][name] = label_metrics(Y_eval, (proba >= thresholds[name]).astype(int), labels)
    if learning_curve:
        dev = (dev_results, indicator(dev_cases, labels)) if dev_cases and split != "dev" else None
        report["learning_curve"] = _learning_curve(train_results, Y_train, eval_results, Y_eval, labels, C, seed, dev)
    if out_dir is not None:
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        report["plots"] = _plots(out, labels, Y_eval, systems, thresholds, report)
        (out / "report.md").write_text(report_markdown(report), encoding="utf-8")
    return report


def _learning_curve(train_results, Y_train, eval_results, Y_eval, labels, C, seed, dev=None) -> list[dict[str, Any]]:
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(train_results))
    points = []
    for frac in LEARNING_CURVE_FRACTIONS:
        take = order[: max(10, round(frac * len(order)))]
        model = fit_model([train_results[i] for i in take], Y_train[take], labels, C=C, seed=seed)
        if dev is not None:
            adjust_thresholds_on_dev(model, *dev)
        pred = (model.predict_proba(eval_results) >= model.thresholds_).astype(int)
        m = label_metrics(Y_eval, pred, labels)
        points.append({"fraction": frac, "n_train": len(take), "macro_f1": m["macro_f1"], "micro_f1": m["micro_f1"]})
    return points


def _plots(out: Path, labels, Y_eval, systems, thresholds, report) -> dict[str, str]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from sklearn.metrics import precision_recall_curve

    names = list(systems)
    colours = {"model": "#2563eb", "tfidf_baseline": "#9ca3af", "entities_baseline": "#f59e0b"}
    fig, ax = plt.subplots(figsize=(11, 4.5))
    width = 0.8 / len(names)
    x = np.arange(len(labels))
    for k, name in enumerate(names):
        f1 = [report["systems"][name]["per_label"][lab]["f1"] for lab in labels]
        ax.bar(x + (k - (len(names) - 1) / 2) * width, f1, width, label=f"{name} (macro {report['systems'][name]['macro_f1']:.2f})",
               color=colours.get(name))
    ax.set_xticks(x, labels, rotation=30, ha="right")
    ax.set_ylim(0, 1.05)
    ax.set_ylabel("F1")
    ax.axhline(0.75, color="#ef4444", lw=0.8, ls="--")
    ax.set_title(f"Per-label F1 on the {report['split']} split ({report['n_eval']} cases)")
    ax.legend(loc="lower left", fontsize=8)
    fig.tight_layout()
    fig.savefig(out / "f1_by_label.png", dpi=110)
    plt.close(fig)

    cols = 4
    rows = -(-len(labels) // cols)
    fig, axes = plt.subplots(rows, cols, figsize=(3.2 * cols, 2.9 * rows), squeeze=False)
    for j, label in enumerate(labels):
        ax = axes[j // cols][j % cols]
        for name in names:
            if Y_eval[:, j].sum() == 0:
                continue
            p, r, _ = precision_recall_curve(Y_eval[:, j], systems[name][:, j])
            ax.plot(r, p, color=colours.get(name), lw=1.4, label=name)
            if name == "model":
                pred = systems[name][:, j] >= thresholds[name][j]
                tp = float((pred & (Y_eval[:, j] == 1)).sum())
                ax.plot(tp / max(Y_eval[:, j].sum(), 1), tp / max(pred.sum(), 1), "o", color="#1d4ed8", ms=5)
        ax.set_title(f"{label} (n={int(Y_eval[:, j].sum())})", fontsize=9)
        ax.set_xlim(0, 1.02)
        ax.set_ylim(0, 1.05)
        ax.tick_params(labelsize=7)
    for j in range(len(labels), rows * cols):
        axes[j // cols][j % cols].axis("off")
    axes[0][0].legend(fontsize=6, loc="lower left")
    fig.suptitle("Precision (y) against recall (x) per label; the dot is the model's threshold", fontsize=10)
    fig.tight_layout()
    fig.savefig(out / "precision_recall.png", dpi=110)
    plt.close(fig)

    plots = {"f1": "f1_by_label.png", "precision_recall": "precision_recall.png"}
    if report.get("learning_curve"):
        fig, ax = plt.subplots(figsize=(5, 3.4))
        pts = report["learning_curve"]
        ax.plot([p["n_train"] for p in pts], [p["macro_f1"] for p in pts], "o-", color="#2563eb")
        ax.set_xlabel("training cases")
        ax.set_ylabel("macro F1")
        ax.set_ylim(0, 1.0)
        ax.set_title("Learning curve")
        fig.tight_layout()
        fig.savefig(out / "learning_curve.png", dpi=110)
        plt.close(fig)
        plots["learning_curve"] = "learning_curve.png"
    return plots


def report_markdown(report: dict[str, Any]) -> str:
    labels, systems = report["labels"], report["systems"]
    names = list(systems)
    lines = [f"# Evaluation: {report['model']['name']} {report['model']['version']} on the {report['split']} split", "",
             f"{report['n_eval']} evaluation cases. The baselines are trained on the same {report['n_train']} train cases, "
             "and every system's thresholds come from the same procedure (cross-validation on train, moved halfway to the best F1 on dev). "
             "`tfidf_baseline`: word 1-2-gram TF-IDF + logistic regression on the raw text, with its own best C from "
             "leave-one-writer-out cross-validation; `entities_baseline`: the entity features alone.", "",
             "| label | " + " | ".join(f"{n} P / R / F1" for n in names) + " |", "|---|" + "---|" * len(names)]
    for label in labels:
        cells = []
        for n in names:
            row = systems[n]["per_label"][label]
            cells.append(f"{row['precision']:.2f} / {row['recall']:.2f} / **{row['f1']:.2f}**")
        lines.append(f"| {label} (n={systems[names[0]]['per_label'][label]['support']}) | " + " | ".join(cells) + " |")
    lines.append("| **macro F1** | " + " | ".join(f"**{systems[n]['macro_f1']:.3f}**" for n in names) + " |")
    lines.append("| micro F1 | " + " | ".join(f"{systems[n]['micro_f1']:.3f}" for n in names) + " |")
    lines.append("")
    if report.get("learning_curve"):
        lines += ["## Learning curve", "", "| share of train | cases | macro F1 |", "|---|---|---|"]
        lines += [f"| {p['fraction']:.0%} | {p['n_train']} | {p['macro_f1']:.3f} |" for p in report["learning_curve"]]
        lines.append("")
    for key, title in (("f1", "Per-label F1"), ("precision_recall", "Precision-recall curves"), ("learning_curve", "Learning curve")):
        if report.get("plots", {}).get(key):
            lines += [f"![{title}]({report['plots'][key]})", ""]
    return "\n".join(lines)


def compare_models(dir_a: str | Path, dir_b: str | Path, cases: Sequence[Case], *, split: str = "test",
                   n_boot: int = 1000, seed: int = 0) -> dict[str, Any]:
    """Per-label F1 of two models on one split, and a paired bootstrap of the macro-F1 difference."""
    from sklearn.metrics import f1_score

    from ..core import Tagger, load

    a, b = load(dir_a), load(dir_b)
    if a.classifier is None or b.classifier is None:
        raise ValueError("both model directories need a classifier")
    labels = [lab for lab in a.classifier.labels_ if lab in set(b.classifier.labels_)]
    eval_cases = [c for c in cases if split == "all" or c.split == split]
    if not eval_cases:
        raise ValueError(f"no cases in split {split!r}")
    Y = indicator(eval_cases, labels)
    preds = {}
    for key, tagger in (("a", a), ("b", b)):
        results = tag_cases(Tagger(tagger.nlp), eval_cases)
        proba = tagger.classifier.predict_proba(results)
        cols = [list(tagger.classifier.labels_).index(lab) for lab in labels]
        preds[key] = (proba[:, cols] >= np.asarray(tagger.classifier.thresholds_)[cols]).astype(int)
    rng = np.random.default_rng(seed)
    diffs = []
    for _ in range(n_boot):
        idx = rng.integers(0, len(eval_cases), len(eval_cases))
        fa = f1_score(Y[idx], preds["a"][idx], average="macro", zero_division=0)
        fb = f1_score(Y[idx], preds["b"][idx], average="macro", zero_division=0)
        diffs.append(fb - fa)
    lo, hi = np.percentile(diffs, [2.5, 97.5])
    ma, mb = label_metrics(Y, preds["a"], labels), label_metrics(Y, preds["b"], labels)
    delta = mb["macro_f1"] - ma["macro_f1"]
    if lo > 0:
        verdict = f"B is better: macro F1 +{delta:.3f} (95% CI {lo:+.3f} to {hi:+.3f})"
    elif hi < 0:
        verdict = f"A is better: macro F1 {delta:+.3f} for B (95% CI {lo:+.3f} to {hi:+.3f})"
    else:
        verdict = f"no clear difference: macro F1 {delta:+.3f} for B (95% CI {lo:+.3f} to {hi:+.3f}); keep the current model unless B is better elsewhere"
    return {"split": split, "labels": labels, "n_eval": len(eval_cases), "a": ma, "b": mb,
            "macro_f1_diff": round(delta, 4), "ci95": [round(float(lo), 4), round(float(hi), 4)], "verdict": verdict,
            "dirs": {"a": str(dir_a), "b": str(dir_b)}}

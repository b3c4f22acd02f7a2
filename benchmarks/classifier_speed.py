"""Classifier speed: training time on N cases and one prediction (after tagging).

Targets from issue 4: training on 1,000 cases under 60 s on 2 cores; a single
prediction, explanations included, under 5 ms. The corpus has fewer than 1,000 cases,
so cases are drawn with replacement (their tagged results reused) up to N.

    python benchmarks/classifier_speed.py [--n 1000] [--predictions 500]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="training cases")
    parser.add_argument("--predictions", type=int, default=500, help="single predictions to time")
    args = parser.parse_args()

    from tagger.classifier.training import fit_model, indicator, label_set, tag_cases
    from tagger.core import Tagger
    from tagger.corpus.io import read_cases
    from tagger.pipeline import build_pipeline

    cases = read_cases([REPO / "corpora" / "cases"])
    rng = np.random.default_rng(0)
    picked = [cases[i] for i in rng.integers(0, len(cases), args.n)]
    rules = Tagger(build_pipeline())
    started = time.perf_counter()
    results = tag_cases(rules, picked)
    tagging = time.perf_counter() - started
    labels = label_set(cases)
    started = time.perf_counter()
    model = fit_model(results, indicator(picked, labels), labels)
    fitting = time.perf_counter() - started

    probe = results[: args.predictions]
    for r in probe[:20]:
        model.hypotheses(r)  # warm-up
    times = []
    for r in probe:
        t = time.perf_counter()
        model.hypotheses(r)
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    load = os.getloadavg()[0]
    print(f"machine: {os.cpu_count()} cores, load average {load:.2f}")
    print("| step | figure |\n|---|---|")
    print(f"| tag {args.n} cases (rules pipeline) | {tagging:.1f} s |")
    print(f"| fit the classifier on {args.n} tagged cases (incl. 5-fold CV thresholds, {len(labels)} labels) | {fitting:.1f} s |")
    print(f"| train total (tag + fit) | {tagging + fitting:.1f} s |")
    print(f"| one prediction with explanations, p50 | {statistics.median(times):.2f} ms |")
    print(f"| one prediction with explanations, p95 | {times[int(0.95 * (len(times) - 1))]:.2f} ms |")


if __name__ == "__main__":
    main()

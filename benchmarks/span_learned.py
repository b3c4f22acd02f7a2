"""Does a learned span layer carry entities to new writers better than the rules alone?
A measurement, not a shipped change.

A spaCy NER component is trained from ``spacy.blank("en")`` with the project's tokenizer
(``tagger/pipeline/tokenizer.py``) on the gold spans of the training cases: a
``spacy.TransitionBasedParser.v2`` NER over a ``spacy.HashEmbedCNN.v2`` tok2vec (width 96,
depth 4, hash embeddings with subword features, no pretrained vectors), CPU only, seeded,
a fixed number of epochs. It reads the text the rules read (``TagResult.text``, after
cleaning), and its spans are mapped back to the case text as ``evaluate-entities`` maps the
rules' spans. Systems, all scored strict (same span and label) with ``tagger.evaluation``'s
own matching and tables:

* ``rules``: the pipeline as it is, rules only (what ``--model /tmp/empty-dir`` loads);
* ``learned``: the NER component alone;
* ``union``: the rules plus every learned span that overlaps no rule span (any label);
* ``union_CA``: the same, adding learned CONDITION and ACTIVITY spans only (the labels whose
  recall is the gap);
* ``union_sel``: the same, adding learned spans of the labels whose ``union_<label>`` raised
  that label's F1 over the *other* folds (chosen inside the cross-validation, never on the
  fold it is scored on);
* ``agree`` / ``agree_CA``: as ``union`` / ``union_CA``, adding only the learned spans that
  every one of ``--seeds`` models (same data, different seeds) finds: a precision filter
  (with one seed they equal ``union`` / ``union_CA``).

Training data: the train cases and the tunable dev cases (``blind_dev_ids("tune")``) of
``corpora/cases/*.jsonl``; of the writer files of sessions 10-12 only their blind-annotated
train cases (``--set 10tr``, ``11tr``, ``12tr``). Test cases and clean checks (5b, 7b, 8b, and
the dev and test sets of sessions 10-12) are never read, tagged or trained on.

    python benchmarks/span_learned.py --cv                  # 5 folds grouped by writer file
    python benchmarks/span_learned.py --cv --folds 0        # leave one writer file out
    python benchmarks/span_learned.py --eval /tmp/x-11 --split dev

With ``--eval``, every corpus file holding one of the evaluated cases is left out of training
(the writer held out), and so are the cases themselves. Nothing is written to ``models/``; the
rules' results are cached under /tmp. No note text is printed.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # one core: the machine is shared

import argparse  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from assertion_learned import (  # noqa: E402  (one data rule and one cache of rules-only results for both benchmarks)
    tag_cases,
    training_pool,
)

from tagger.evaluation.cases import LABELS, case_split, load_cases  # noqa: E402
from tagger.evaluation.entities import gold_mentions, predicted_mentions  # noqa: E402
from tagger.evaluation.scoring import CaseEval, Mention, match_case, score  # noqa: E402
from tagger.schema import TagResult  # noqa: E402

CASES_DIR = REPO / "corpora" / "cases"
RECALL_LABELS = ("CONDITION", "ACTIVITY")
SYSTEMS = ("rules", "learned", "union", "union_CA", "union_sel", "agree", "agree_CA")
UNIONS = ("union", "union_CA", "union_sel", "agree", "agree_CA")
SETTINGS = {"width": 96, "depth": 4, "embed_size": 2000, "hidden_width": 64, "epochs": 10, "dropout": 0.2, "seed": 0,
            "seeds": 1}


# -- data ----------------------------------------------------------------------------------
def file_of_ids(ids: set[str]) -> set[str]:
    """The corpus files that hold any of ``ids`` (ids only are compared)."""
    held = set()
    for path in sorted(CASES_DIR.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and json.loads(line)["id"] in ids:
                held.add(path.name)
                break
    return held


def grouped_folds(pool: dict[str, list[dict[str, Any]]], n: int) -> list[list[str]]:
    """Writer files in ``n`` groups of similar size (largest first into the smallest group); 0: one per file."""
    names = sorted(pool, key=lambda name: (-len(pool[name]), name))
    if n <= 0 or n >= len(names):
        return [[name] for name in sorted(pool)]
    groups: list[list[str]] = [[] for _ in range(n)]
    for name in names:
        min(groups, key=lambda g: sum(len(pool[x]) for x in g)).append(name)
    return groups


# -- the learned component ---------------------------------------------------------------------
def blank_nlp(settings: dict[str, Any]):
    import spacy

    from tagger.pipeline.tokenizer import create_tokenizer

    nlp = spacy.blank("en")
    nlp.tokenizer = create_tokenizer()(nlp)
    nlp.add_pipe("ner", config={"model": {
        "@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner", "extra_state_tokens": False,
        "hidden_width": settings["hidden_width"], "maxout_pieces": 2, "use_upper": True, "nO": None,
        "tok2vec": {"@architectures": "spacy.HashEmbedCNN.v2", "pretrained_vectors": None,
                    "width": settings["width"], "depth": settings["depth"], "embed_size": settings["embed_size"],
                    "window_size": 1, "maxout_pieces": 3, "subword_features": True}}})
    return nlp


def examples_for(nlp, cases: list[dict[str, Any]]) -> tuple[list, int]:
    """Training examples from the gold spans; spans that cut a token are shrunk to whole tokens,
    overlapping ones keep the longest. Returns the examples and how many gold spans were lost."""
    from spacy.training import Example
    from spacy.util import filter_spans

    examples, lost = [], 0
    for case in cases:
        ref = nlp.make_doc(case["text"])
        spans = []
        for ent in case["entities"]:
            span = ref.char_span(ent["start"], ent["end"], label=ent["label"], alignment_mode="contract")
            if span is None or not len(span):
                lost += 1
                continue
            spans.append(span)
        kept = filter_spans(spans)
        lost += len(spans) - len(kept)
        ref.ents = kept
        examples.append(Example(nlp.make_doc(case["text"]), ref))
    return examples, lost


def train(cases: list[dict[str, Any]], settings: dict[str, Any] = SETTINGS):
    """A trained NER pipeline and training facts."""
    from spacy.util import compounding, fix_random_seed, minibatch

    fix_random_seed(settings["seed"])
    nlp = blank_nlp(settings)
    examples, lost = examples_for(nlp, cases)
    started = time.perf_counter()
    optimizer = nlp.initialize(lambda: examples)
    rng = random.Random(settings["seed"])
    for _ in range(settings["epochs"]):
        rng.shuffle(examples)
        for batch in minibatch(examples, size=compounding(4.0, 32.0, 1.001)):
            nlp.update(batch, drop=settings["dropout"], sgd=optimizer)
    words = sum(len(eg.reference) for eg in examples)
    return nlp, {"seconds": time.perf_counter() - started, "docs": len(examples), "tokens": words, "lost_spans": lost}


def learned_mentions(nlp, cases: list[dict[str, Any]], results: dict[str, TagResult]) -> tuple[dict[str, list[Mention]], float, int]:
    """The learned spans of each case in its input offsets, seconds spent tagging, and words tagged."""
    texts = [results[c["id"]].text for c in cases]
    started = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=16))
    seconds = time.perf_counter() - started
    out: dict[str, list[Mention]] = {}
    for case, doc in zip(cases, docs, strict=True):
        result = results[case["id"]]
        shadow = result.model_copy(update={"entities": [_entity(e) for e in doc.ents]})
        out[case["id"]] = predicted_mentions(shadow, case["text"])[0]
    return out, seconds, sum(len(d) for d in docs)


def _entity(span):
    from tagger.schema import Entity

    return Entity(start=span.start_char, end=span.end_char, text=span.text, label=span.label_,
                  concept=span.label_.lower(), sentence=0)


# -- combining and scoring ---------------------------------------------------------------------
def overlaps(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def union(rules: list[Mention], learned: list[Mention], labels: tuple[str, ...] | set[str]) -> list[Mention]:
    """The rules' spans plus the learned spans of ``labels`` that overlap no rule span."""
    return rules + [m for m in learned if m.label in labels and not any(overlaps(m, r) for r in rules)]


def fold_systems(cases: list[dict[str, Any]], results: dict[str, TagResult], learned: dict[str, list[Mention]],
                 selected: set[str], agreed: dict[str, list[Mention]]) -> dict[str, list[CaseEval]]:
    """Matched cases per system (per-label unions included, for the selection)."""
    systems: dict[str, list[CaseEval]] = {}
    for case in cases:
        gold = gold_mentions(case)
        rules = predicted_mentions(results[case["id"]], case["text"])[0]
        mine = learned[case["id"]]
        preds = {"rules": rules, "learned": mine, "union": union(rules, mine, LABELS),
                 "union_CA": union(rules, mine, RECALL_LABELS), "union_sel": union(rules, mine, selected),
                 "agree": union(rules, agreed[case["id"]], LABELS), "agree_CA": union(rules, agreed[case["id"]], RECALL_LABELS)}
        preds |= {f"union_{label}": union(rules, mine, (label,)) for label in LABELS}
        for name, pred in preds.items():
            systems.setdefault(name, []).append(match_case(CaseEval(case["id"], case["text"], gold, list(pred))))
    return systems


def select_labels(evals: dict[str, list[CaseEval]]) -> set[str]:
    """Labels whose learned spans, added where no rule span is, raise that label's strict F1."""
    if not evals:
        return set()
    base = score(evals["rules"])["entities"]["strict"]
    chosen = set()
    for label in LABELS:
        added = score(evals[f"union_{label}"])["entities"]["strict"][label]
        if (added["f1"] or 0) > (base[label]["f1"] or 0):
            chosen.add(label)
    return chosen


def strict_table(title: str, evals: dict[str, list[CaseEval]], systems=SYSTEMS) -> str:
    tables = {name: score(evals[name])["entities"]["strict"] for name in systems}
    lines = [title, f"{'label':<12}{'gold':>6}  " + "  ".join(f"{name:>19}" for name in systems),
             f"{'':<12}{'':>6}  " + "  ".join(f"{'P':>7}{'R':>6}{'F1':>6}" for _ in systems)]
    for label in (*LABELS, "micro"):
        gold = tables["rules"][label]["support"]
        cells = ["".join(f"{(t[label][k] or 0):>{w}.3f}" for k, w in (("precision", 7), ("recall", 6), ("f1", 6)))
                 for t in (tables[name] for name in systems)]
        lines.append(f"{label:<12}{gold:>6}  " + "  ".join(cells))
    return "\n".join(lines)


def run_protocol(name: str, train_cases, test_cases, results, selected: set[str]) -> tuple[dict[str, list[CaseEval]], dict]:
    nlp, facts = train(train_cases)
    learned, seconds, words = learned_mentions(nlp, test_cases, results)
    agreed = {cid: set(_keys(ms)) for cid, ms in learned.items()}
    for k in range(1, SETTINGS["seeds"]):
        other, more = train(train_cases, SETTINGS | {"seed": SETTINGS["seed"] + k})
        facts["seconds"] += more["seconds"]
        found = learned_mentions(other, test_cases, results)[0]
        agreed = {cid: keys & set(_keys(found[cid])) for cid, keys in agreed.items()}
    agreed_mentions = {cid: [m for m in ms if (m.start, m.end, m.label) in agreed[cid]] for cid, ms in learned.items()}
    facts |= {"tag_seconds": seconds, "tag_words": words}
    print(f"  [{name}] trained on {facts['docs']} notes / {facts['tokens']} tokens in {facts['seconds']:.0f}s "
          f"({facts['lost_spans']} gold spans lost to tokens or overlap); tagged {words} words in {seconds:.1f}s "
          f"({words / max(seconds, 1e-9):,.0f} words/s, one core)", flush=True)
    return fold_systems(test_cases, results, learned, selected, agreed_mentions), facts


def _keys(mentions: list[Mention]) -> list[tuple[int, int, str]]:
    return [(m.start, m.end, m.label) for m in mentions]


# -- protocols -----------------------------------------------------------------------------
def writer_cv(pool: dict[str, list[dict[str, Any]]], results: dict[str, TagResult], folds: int) -> str:
    groups = grouped_folds(pool, folds)
    per_fold: list[dict[str, list[CaseEval]]] = []
    facts_all = []
    for i, group in enumerate(groups):
        train_cases = [c for name, cs in pool.items() if name not in group for c in cs if c["id"] in results]
        test_cases = [c for name in group for c in pool[name] if c["id"] in results]
        evals, facts = run_protocol(f"fold {i + 1}/{len(groups)}: {', '.join(group)}", train_cases, test_cases, results, set())
        per_fold.append(evals)
        facts_all.append(facts)
    out = []
    pooled: dict[str, list[CaseEval]] = {}
    for i, evals in enumerate(per_fold):
        others: dict[str, list[CaseEval]] = {}
        for j, other in enumerate(per_fold):
            if j != i:
                for name, cases in other.items():
                    others.setdefault(name, []).extend(cases)
        chosen = select_labels(others)
        evals["union_sel"] = fold_systems_sel(evals, chosen)
        for name, cases in evals.items():
            pooled.setdefault(name, []).extend(cases)
        out.append(strict_table(f"Fold {i + 1} ({', '.join(groups[i])}; {len(evals['rules'])} notes; "
                                f"union_sel adds {', '.join(sorted(chosen)) or 'nothing'})", evals))
    train_s = sum(f["seconds"] for f in facts_all) / len(facts_all)
    words = sum(f["tag_words"] for f in facts_all)
    tag_s = sum(f["tag_seconds"] for f in facts_all)
    head = strict_table(f"Pooled over {len(groups)} folds grouped by writer file ({len(pooled['rules'])} notes); "
                        f"mean training {train_s:.0f}s per fold; learned tagging {words / max(tag_s, 1e-9):,.0f} words/s", pooled)
    head += "\n" + added_spans(pooled)
    per_label = strict_table("Pooled, learned spans added for one label only (where no rule span is)", pooled,
                             ("rules", *(f"union_{label}" for label in LABELS)))
    settings = ", ".join(f"{k}={v}" for k, v in SETTINGS.items())
    return "\n\n".join([f"Settings: {settings}", head, per_label, *out])


def added_spans(evals: dict[str, list[CaseEval]]) -> str:
    """How many spans each union adds to the rules, and how many of them are strict hits."""
    rules = score(evals["rules"])["entities"]["strict"]["micro"]
    parts = []
    for name in UNIONS:
        table = score(evals[name])["entities"]["strict"]["micro"]
        added = (table["tp"] + table["fp"]) - (rules["tp"] + rules["fp"])
        hits = table["tp"] - rules["tp"]
        parts.append(f"{name} +{added} spans, {hits} strict hits ({hits / max(added, 1):.0%})")
    return "Spans added to the rules: " + "; ".join(parts)


def fold_systems_sel(evals: dict[str, list[CaseEval]], chosen: set[str]) -> list[CaseEval]:
    """Re-score ``union_sel`` for a fold from its rules and learned predictions."""
    out = []
    for rules, learned in zip(evals["rules"], evals["learned"], strict=True):
        pred = union(list(rules.pred), list(learned.pred), chosen)
        out.append(match_case(CaseEval(rules.id, rules.text, list(rules.gold), pred)))
    return out


def evaluate_dir(directory: str, split: str, pool: dict[str, list[dict[str, Any]]], selected: set[str]) -> str:
    cases = [c for c in load_cases([directory]) if isinstance(c.get("entities"), list) and case_split(c)[0] == split]
    ids = {c["id"] for c in cases}
    held_files = file_of_ids(ids)
    train_cases = [c for name, cs in pool.items() if name not in held_files for c in cs if c["id"] not in ids]
    results = tag_cases([c for cs in pool.values() for c in cs]) | tag_cases(cases)
    train_cases = [c for c in train_cases if c["id"] in results]
    cases = [c for c in cases if c["id"] in results]
    evals, _ = run_protocol(f"{directory} --split {split}", train_cases, cases, results, selected)
    held = ", ".join(sorted(held_files)) or "no file"
    return strict_table(f"{directory} --split {split} ({len(cases)} notes; held out of training: {held}; "
                        f"{len(train_cases)} training notes; union_sel adds {', '.join(sorted(selected)) or 'nothing'})", evals) \
        + "\n" + added_spans(evals)


def speed(pool: dict[str, list[dict[str, Any]]], epochs: int = 1, rounds: int = 3) -> str:
    """Words/s of the learned component against the rules pipeline and the tokenizer, same texts,
    same process, one thread (best of ``rounds``). The weights do not change the work a
    transition-based NER does per word, so a model of ``epochs`` epochs is timed."""
    from tagger.core import build_pipeline

    texts = [c["text"] for cs in pool.values() for c in cs]
    nlp, _ = train([c for cs in pool.values() for c in cs], SETTINGS | {"epochs": epochs})
    rules = build_pipeline()
    words = sum(len(doc) for doc in nlp.tokenizer.pipe(texts))
    timings = {}
    for name, run in (("tokenizer", lambda: list(nlp.tokenizer.pipe(texts))), ("learned NER (tokenizer + ner)", lambda: list(nlp.pipe(texts))),
                      ("rules pipeline (nlp.pipe)", lambda: list(rules.pipe(texts)))):
        best = float("inf")
        for _ in range(rounds):
            started = time.perf_counter()
            run()
            best = min(best, time.perf_counter() - started)
        timings[name] = best
    lines = [f"Speed on {len(texts)} pool notes, {words} words, one thread, best of {rounds}:"]
    for name, seconds in timings.items():
        lines.append(f"  {name:<32}{words / seconds:>12,.0f} words/s  ({seconds / timings['tokenizer']:.1f}x the tokenizer's time)")
    both = timings["rules pipeline (nlp.pipe)"] + timings["learned NER (tokenizer + ner)"] - timings["tokenizer"]
    lines.append(f"  {'rules + learned (estimate)':<32}{words / both:>12,.0f} words/s  "
                 f"({both / timings['rules pipeline (nlp.pipe)']:.2f}x the rules pipeline's time)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cv", action="store_true", help="cross-validate over writer files of train + tunable dev")
    parser.add_argument("--folds", type=int, default=5, help="folds grouped by writer file (0: one per file)")
    parser.add_argument("--eval", action="append", default=[], metavar="DIR", help="a directory of JSONL cases to score")
    parser.add_argument("--split", action="append", default=[], help="the split of each --eval (default dev)")
    parser.add_argument("--select", default="", help="labels union_sel adds in --eval (comma-separated; from the CV)")
    parser.add_argument("--epochs", type=int, default=SETTINGS["epochs"])
    parser.add_argument("--width", type=int, default=SETTINGS["width"])
    parser.add_argument("--seeds", type=int, default=SETTINGS["seeds"], help="models whose agreement makes agree/agree_CA")
    parser.add_argument("--speed", action="store_true", help="time the learned component against the rules")
    args = parser.parse_args(argv)
    if "test" in args.split:
        raise SystemExit("the test split is not for this benchmark")
    SETTINGS.update(epochs=args.epochs, width=args.width, seeds=args.seeds)
    splits = args.split + ["dev"] * (len(args.eval) - len(args.split))
    pool = training_pool()
    if args.speed:
        print(speed(pool), end="\n\n", flush=True)
    if args.cv or (not args.eval and not args.speed):
        results = tag_cases([c for cs in pool.values() for c in cs])
        print(writer_cv(pool, results, args.folds), end="\n\n", flush=True)
    selected = {label for label in args.select.split(",") if label}
    for directory, split in zip(args.eval, splits, strict=True):
        print(evaluate_dir(directory, split, pool, selected), end="\n\n", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

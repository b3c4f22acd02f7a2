"""Does a linear model over the words around an entity carry historical, hypothetical and
other_subject to new writers better than the ConText rules? A measurement, not a shipped change.

For every gold entity the rules pipeline also finds (strict: same span and label, paired as
``tagger evaluate-entities`` pairs them), features are built from the tagger's own result for
the case (the words of the entity's sentence by side and distance, years, ages, "ago", the
header the line sits under, paragraph position, label and concept). One logistic regression per
attribute (``DictVectorizer``, balanced class weights, seeded, threshold 0.5) is trained, and
three systems are scored on the same strictly matched pairs:

* ``rules``: the pipeline's own flag (what ``evaluate-entities`` reports, all labels);
* ``learned``: the model without the rule's output;
* ``combined``: the same model given the rule's output (and whether the rule fired) as features.

Training data: the train cases and the tunable dev cases (``blind_dev_ids("tune")``) of
``corpora/cases/*.jsonl``; of session 10's and session 11's writer files only their
blind-annotated train cases (``--set 10tr``, ``--set 11tr``). Test cases and clean checks are never
read or tagged. ``benchmarks/span_learned.py`` trains on the same pool.

    python benchmarks/assertion_learned.py --cv                       # leave one writer file out
    python benchmarks/assertion_learned.py --eval /tmp/x-10tr --split train --eval /tmp/x-9n --split dev
    python benchmarks/assertion_learned.py --eval DIR --split dev --hold-cases-only

With ``--eval``, every corpus file holding one of the evaluated cases is left out of training
(the writer held out); ``--hold-cases-only`` leaves out just those cases. Nothing is written to
``models/``; the tagged results are cached under /tmp. No note text is printed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from tagger.evaluation.cases import case_split, load_cases  # noqa: E402
from tagger.evaluation.entities import alignment, gold_mentions, input_span, mention_from_entity  # noqa: E402
from tagger.evaluation.scoring import CaseEval, Mention, match_case, prf  # noqa: E402
from tagger.schema import Entity, TagResult  # noqa: E402

ATTRIBUTES = ("historical", "hypothetical", "other_subject")
SYSTEMS = ("rules", "learned", "combined")
CASES_DIR = REPO / "corpora" / "cases"
# Writer files whose dev and test cases are (or were) clean checks: only their blind-annotated train cases.
LIMITED_FILES = {"letters_s10.jsonl": "10tr", "voices_s10.jsonl": "10tr",
                 "forms_s11.jsonl": "11tr", "messages_s11.jsonl": "11tr",
                 "clinics_s12.jsonl": "12tr", "people_s12.jsonl": "12tr"}

WORD = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+(?:[./-]\d+)*")
YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
AGE = re.compile(r"\b(?:aged?|age of|at age|when i was|at)\s+\d{1,2}\b|\b\d{1,2}\s*(?:yo|y/o|years? old)\b")
CHILDHOOD = re.compile(r"\bas a (?:kid|child|teen|teenager|boy|girl)\b|\b(?:in|at|in high|at high) school\b|\bgrowing up\b|\bwhen i was (?:young|little|younger)\b")
AGO = re.compile(r"\b(?:ago|previously|prior|formerly|back in|used to|last (?:year|summer|winter|spring|autumn|fall))\b")
HEADER = re.compile(r"^\s*([A-Za-z][A-Za-z /&()-]{0,30}?)\s*:")


# -- features ------------------------------------------------------------------------------
def _bucket(side: str, distance: int) -> str:
    if side == "L":
        return "L1-3" if distance <= 3 else "L4-10" if distance <= 10 else "Lfar"
    return "R1-3" if distance <= 3 else "Rfar"


def _header(text: str, pos: int, max_lines: int = 30) -> str | None:
    """The text before a colon at the start of the entity's line, or of the nearest line above it."""
    line_start = text.rfind("\n", 0, pos) + 1
    for _ in range(max_lines):
        line_end = text.find("\n", line_start)
        line = text[line_start : line_end if line_end != -1 else len(text)]
        match = HEADER.match(line)
        if match:
            return match.group(1).strip().lower()
        if line_start == 0:
            return None
        line_start = text.rfind("\n", 0, line_start - 1) + 1
    return None


def entity_features(result: TagResult, ent: Entity, *, attribute: str | None = None) -> dict[str, float]:
    """Features of one entity from the tagger's result; ``attribute`` adds the rule's output for it."""
    text = result.text
    if result.sentences and ent.sentence < len(result.sentences):
        sent = result.sentences[ent.sentence]
        s_start, s_end = min(sent.start, ent.start), max(sent.end, ent.end)
    else:
        s_start, s_end = 0, len(text)
    lower = text.lower()
    left = WORD.findall(lower[s_start : ent.start])
    right = WORD.findall(lower[ent.end : s_end])
    feats: dict[str, float] = {f"label={ent.label}": 1.0, f"concept={ent.concept}": 1.0}
    for word in WORD.findall(lower[ent.start : ent.end]):
        feats[f"ent:{word}"] = 1.0
    for i, word in enumerate(reversed(left), 1):
        feats[f"{_bucket('L', i)}:{word}"] = 1.0
    for i, word in enumerate(right, 1):
        feats[f"{_bucket('R', i)}:{word}"] = 1.0
    sentence = lower[s_start:s_end]
    note_years = [int(y) for y in YEAR.findall(lower)] if YEAR.search(sentence) else []
    sent_years = [int(y) for y in YEAR.findall(sentence)]
    if sent_years:
        feats["year"] = 1.0
        if min(sent_years) < max(note_years):  # the latest year the note names stands for "now"
            feats["year_before_latest"] = 1.0
    if re.search(r"\d", sentence):
        feats["number"] = 1.0
    if AGE.search(sentence):
        feats["age"] = 1.0
    if CHILDHOOD.search(sentence):
        feats["childhood"] = 1.0
    for match in AGO.finditer(sentence):
        feats[f"past:{match.group(0)}"] = 1.0
    if sentence.rstrip().endswith("?"):
        feats["question"] = 1.0
    header = _header(text, ent.start)
    feats[f"header={header}" if header else "header=none"] = 1.0
    paragraphs = [m.start() for m in re.finditer(r"\n\s*\n", text)]
    index = sum(p < ent.start for p in paragraphs)
    feats["para=first" if index == 0 else "para=last" if index == len(paragraphs) else "para=middle"] = 1.0
    if result.sentences:
        feats["sent=first" if ent.sentence == 0 else "sent=last" if ent.sentence == len(result.sentences) - 1 else "sent=middle"] = 1.0
    if attribute is not None:
        feats.update(rule_features(ent, attribute))
    return feats


def rule_features(ent: Entity, attribute: str) -> dict[str, float]:
    """The rule's output for ``attribute`` and the trigger that set it, if any."""
    feats = {f"rule={bool(getattr(ent, attribute))}": 1.0}
    trigger = next((t.text.lower() for t in ent.triggers if t.attribute == attribute), None)
    if trigger:
        feats[f"rule_trigger:{trigger}"] = 1.0
    return feats


# -- pairing -------------------------------------------------------------------------------
def strict_pairs(case: dict[str, Any], result: TagResult) -> list[tuple[Mention, Entity]]:
    """(gold mention, predicted entity) for each strict match, paired as ``evaluate-entities`` does."""
    blocks, _ = alignment(result.text, result.cleaning, case["text"])
    preds: list[Mention] = []
    entity_of: dict[int, Entity] = {}
    for ent in result.entities:
        span = input_span(blocks, result.text, case["text"], ent.start, ent.end)
        if span is None:
            continue
        mention = mention_from_entity(ent, *span)
        preds.append(mention)
        entity_of[id(mention)] = ent
    matched = match_case(CaseEval(case["id"], case["text"], gold_mentions(case), preds))
    return [(g, entity_of[id(p)]) for g, p, how in matched.pairs if how == "strict"]


# -- data ----------------------------------------------------------------------------------
def allowed_ids() -> dict[str, set[str] | None]:
    """Per limited file, the ids that may be read; ``None`` for "the train and tune cases"."""
    from blind_dev_cases import blind_dev_ids

    return {name: blind_dev_ids(which) for name, which in LIMITED_FILES.items()}


def is_allowed(case: dict[str, Any], file_name: str, tune: set[str], limited: dict[str, set[str]]) -> bool:
    """Whether a case may be trained on: never test, never a clean check (the rule of the benchmark)."""
    split = case_split(case)[0]
    if split == "test" or not isinstance(case.get("entities"), list):
        return False
    if file_name in limited:
        return case["id"] in limited[file_name] and split == "train"
    return split == "train" or (split == "dev" and case["id"] in tune)


def training_pool() -> dict[str, list[dict[str, Any]]]:
    """Train + tunable dev cases with gold, by writer file (the writer files of sessions 10-12: 10tr/11tr/12tr only)."""
    from blind_dev_cases import blind_dev_ids

    tune, limited = blind_dev_ids("tune"), allowed_ids()
    pool: dict[str, list[dict[str, Any]]] = {}
    for path in sorted(CASES_DIR.glob("*.jsonl")):
        kept = [case for case in load_cases([path]) if is_allowed(case, path.name, tune, limited)]
        if kept:
            pool[path.name] = kept
    return pool


def tag_cases(cases: list[dict[str, Any]]) -> dict[str, TagResult]:
    """Rules-only results (no classifier, as ``--model /tmp/empty-dir``), cached under /tmp."""
    sources = sorted((REPO / "tagger").rglob("*.py")) + sorted((REPO / "tagger" / "pipeline" / "data").rglob("*"))
    digest = hashlib.sha256()
    for path in sources:
        if path.is_file():
            digest.update(path.read_bytes())
    for case in sorted(cases, key=lambda c: c["id"]):
        digest.update(case["id"].encode() + b"\0" + case["text"].encode())
    cache = Path("/tmp/assertion_learned_cache") / f"{digest.hexdigest()[:20]}.json"
    if cache.exists():
        stored = json.loads(cache.read_text(encoding="utf-8"))
        return {k: TagResult.model_validate(v) for k, v in stored.items()}
    from tagger.core import Tagger, build_pipeline

    rules = Tagger(build_pipeline())  # no classifier: what ``--model /tmp/empty-dir`` loads
    out: dict[str, TagResult] = {}
    for case, res in zip(cases, rules.tag_many((c["text"] for c in cases), errors="return"), strict=True):
        if isinstance(res, TagResult):
            out[case["id"]] = res
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text(json.dumps({k: v.model_dump(mode="json") for k, v in out.items()}), encoding="utf-8")
    return out


Row = tuple[dict[str, float], Entity, Mention]  # features without the rule, the entity, its gold


def rows_for(cases: Iterable[dict[str, Any]], results: dict[str, TagResult]) -> list[Row]:
    """One row per strictly matched pair; the features are built once here (timed by the caller)."""
    rows = []
    for case in cases:
        result = results.get(case["id"])
        if result is None:
            continue
        rows += [(entity_features(result, ent), ent, gold) for gold, ent in strict_pairs(case, result)]
    return rows


def _X(rows: list[Row], attribute: str, with_rule: bool) -> list[dict[str, float]]:
    return [{**f, **rule_features(e, attribute)} if with_rule else f for f, e, _ in rows]


# -- model ---------------------------------------------------------------------------------
def fit(rows: list[Row], attribute: str, *, with_rule: bool, seed: int = 0):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline

    X = _X(rows, attribute, with_rule)
    y = [bool(getattr(g, attribute)) for _, _, g in rows]
    model = Pipeline([("vect", DictVectorizer()),
                      ("clf", LogisticRegression(class_weight="balanced", C=1.0, max_iter=2000, random_state=seed))])
    return model.fit(X, y)


def predict(model, rows: list[Row], attribute: str, *, with_rule: bool) -> list[bool]:
    if not rows:
        return []
    X = _X(rows, attribute, with_rule)
    return [bool(p >= 0.5) for p in model.predict_proba(X)[:, list(model.classes_).index(True)]]


def counts(gold: list[bool], pred: list[bool]) -> tuple[int, int, int]:
    tp = sum(g and p for g, p in zip(gold, pred, strict=True))
    fp = sum(p and not g for g, p in zip(gold, pred, strict=True))
    fn = sum(g and not p for g, p in zip(gold, pred, strict=True))
    return tp, fp, fn


def run_fold(train_rows, test_rows) -> tuple[dict[str, dict[str, tuple[int, int, int]]], float]:
    """Counts per attribute and system on ``test_rows``, and seconds the combined system spent predicting."""
    out: dict[str, dict[str, tuple[int, int, int]]] = {}
    seconds = 0.0
    for attribute in ATTRIBUTES:
        gold = [bool(getattr(g, attribute)) for _, _, g in test_rows]
        out[attribute] = {"rules": counts(gold, [bool(getattr(e, attribute)) for _, e, _ in test_rows])}
        if len(set(bool(getattr(g, attribute)) for _, _, g in train_rows)) < 2:
            out[attribute] |= {"learned": (0, 0, sum(gold)), "combined": (0, 0, sum(gold))}
            continue
        for system, with_rule in (("learned", False), ("combined", True)):
            model = fit(train_rows, attribute, with_rule=with_rule)
            started = time.perf_counter()
            out[attribute][system] = counts(gold, predict(model, test_rows, attribute, with_rule=with_rule))
            if with_rule:
                seconds += time.perf_counter() - started
    return out, seconds


def add(total: dict, part: dict) -> None:
    for attribute, systems in part.items():
        for system, c in systems.items():
            prev = total.setdefault(attribute, {}).get(system, (0, 0, 0))
            total[attribute][system] = tuple(a + b for a, b in zip(prev, c, strict=True))


def table(title: str, total: dict, n: int, notes: int, seconds: float) -> str:
    lines = [f"{title}: {n} strictly matched pairs, {notes} notes; learned step (pairing, features, 3 combined models) {1000 * seconds / max(notes, 1):.2f} ms/note",
             f"{'attribute':<14}{'n':>6}{'true':>6}  " + "  ".join(f"{s + ' P':>11}{'R':>6}{'F1':>6}" for s in SYSTEMS)]
    for attribute in ATTRIBUTES:
        cells = []
        true = None
        for system in SYSTEMS:
            tp, fp, fn = total[attribute][system]
            true = tp + fn
            r = prf(tp, fp, fn)
            cells.append("".join(f"{(r[k] if r[k] is not None else 0):>{w}.3f}" for k, w in (("precision", 11), ("recall", 6), ("f1", 6))))
        lines.append(f"{attribute:<14}{n:>6}{true:>6}  " + "  ".join(cells))
    return "\n".join(lines)


# -- protocols -----------------------------------------------------------------------------
def writer_cv(pool: dict[str, list[dict[str, Any]]], results: dict[str, TagResult]) -> str:
    started = time.perf_counter()
    rows = {name: rows_for(cases, results) for name, cases in pool.items()}
    total: dict = {}
    seconds = time.perf_counter() - started
    per_file = []
    for name in pool:
        train = [row for other, rs in rows.items() if other != name for row in rs]
        part, secs = run_fold(train, rows[name])
        add(total, part)
        seconds += secs
        per_file.append(f"  {name:<22}" + "  ".join(
            f"{a[:5]} {prf(*part[a]['rules'])['f1'] or 0:.2f}/{prf(*part[a]['learned'])['f1'] or 0:.2f}/{prf(*part[a]['combined'])['f1'] or 0:.2f}"
            f" ({sum(part[a]['rules'][0::2])})" for a in ATTRIBUTES))
    n = sum(len(r) for r in rows.values())
    notes = sum(len(c) for c in pool.values())
    head = table("Leave one writer file out (pooled over folds)", total, n, notes, seconds)
    return head + "\n  per file, F1 rules/learned/combined (gold true):\n" + "\n".join(per_file)


def evaluate_dir(directory: str, split: str, pool: dict[str, list[dict[str, Any]]], results: dict[str, TagResult],
                 hold_cases_only: bool) -> str:
    cases = [c for c in load_cases([directory])
             if isinstance(c.get("entities"), list) and case_split(c)[0] == split]
    ids = {c["id"] for c in cases}
    held_files = sorted(name for name, cs in pool.items() if any(c["id"] in ids for c in cs))
    if hold_cases_only:
        train_cases = [c for cs in pool.values() for c in cs if c["id"] not in ids]
        held = "the cases themselves"
    else:
        train_cases = [c for name, cs in pool.items() if name not in held_files for c in cs]
        held = "files " + ", ".join(held_files) if held_files else "no file (cases not in the pool)"
    missing = [c for c in cases if c["id"] not in results]
    if missing:
        results.update(tag_cases(missing))
    started = time.perf_counter()
    test_rows = rows_for(cases, results)
    feature_seconds = time.perf_counter() - started
    part, seconds = run_fold(rows_for(train_cases, results), test_rows)
    seconds += feature_seconds
    total: dict = {}
    add(total, part)
    return table(f"{directory} --split {split} (held out of training: {held}; {len(train_cases)} training notes)",
                 total, len(test_rows), len(cases), seconds)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cv", action="store_true", help="leave one corpus file (writer) out over train + tunable dev")
    parser.add_argument("--eval", action="append", default=[], metavar="DIR", help="a directory of JSONL cases to score")
    parser.add_argument("--split", action="append", default=[], help="the split of each --eval (default dev)")
    parser.add_argument("--hold-cases-only", action="store_true", help="hold out only the evaluated cases, not their files")
    args = parser.parse_args(argv)
    if "test" in args.split:
        raise SystemExit("the test split is not for this benchmark")
    splits = args.split + ["dev"] * (len(args.eval) - len(args.split))
    pool = training_pool()
    results = tag_cases([c for cs in pool.values() for c in cs])
    if args.cv or not args.eval:
        print(writer_cv(pool, results), end="\n\n")
    for directory, split in zip(args.eval, splits, strict=True):
        print(evaluate_dir(directory, split, pool, results, args.hold_cases_only), end="\n\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

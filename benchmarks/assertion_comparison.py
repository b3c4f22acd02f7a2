"""Our ConText component against negspaCy's NegEx and medspaCy's ConText, given OUR entities.

    .venv/bin/python benchmarks/assertion_comparison.py [corpora/cases] [--split test] [--json]

Our pipeline runs up to and including ``concept_attributes`` on every gold case of the
split; then each method sets assertion attributes on exactly those entities:

* ours: the ``context`` component (in this environment);
* negspaCy ``negex`` (en_clinical termset): in its own venv under
  ``benchmarks/.venv-compare/negspacy`` (Python of this run);
* medspaCy ``medspacy_context`` (default rules): in ``benchmarks/.venv-compare/medspacy``,
  only when a runnable Python 3.12 exists; otherwise the row says why it was skipped.

Neither library is a dependency of the tagger. The venvs are created and filled with pip
on first use (idempotent), and this script re-runs itself inside each one as a worker
(``--worker NAME``). A worker gets the tokens, sentence starts and entity spans as JSON,
so every method sees the very same entities and no worker needs our package.

Scores: against the gold attributes, over entities whose span and label match the gold
strictly (the same set for every method). negspaCy only negates; its other attributes
are "not supported". medspaCy's POSSIBLE_EXISTENCE counts as our ``hypothetical`` (which
includes uncertain) and FAMILY as ``other_subject``.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
VENVS = HERE / ".venv-compare"
FLAGS = ("negated", "historical", "hypothetical", "other_subject")
METHODS: dict[str, dict[str, Any]] = {
    "negspacy": {
        "title": "negspaCy NegEx",
        "requirements": ["negspacy>=1.1,<1.2", "spacy>=3.8,<3.9"],
        "supports": {"negated"},
    },
    "medspacy": {
        "title": "medspaCy ConText",
        "requirements": ["medspacy==1.3.1"],
        "supports": set(FLAGS),
    },
}
ROWS = [("negated", "findings", "SYMPTOM+CONDITION")] + [(flag, "all", "all labels") for flag in FLAGS]


# -- workers (run inside their own venvs; import only spaCy and the library compared) -------------
def _docs(nlp, payload: list[dict[str, Any]]):
    from spacy.tokens import Doc, Span

    for item in payload:
        doc = Doc(nlp.vocab, words=item["words"], spaces=item["spaces"], sent_starts=item["sent_starts"])
        doc.ents = [Span(doc, s, e, label=label) for s, e, label in item["ents"]]
        yield item["id"], doc


def worker(name: str, in_path: Path, out_path: Path) -> None:
    import spacy

    payload = json.loads(in_path.read_text(encoding="utf-8"))
    nlp = spacy.blank("en")
    if name == "negspacy":
        import negspacy
        from negspacy.negation import Negex  # noqa: F401  (registers the "negex" factory)

        component = nlp.add_pipe("negex")
        version = getattr(negspacy, "__version__", None) or _dist_version("negspacy")

        def flags(ent) -> dict[str, bool]:
            return {"negated": bool(ent._.negex)}
    elif name == "medspacy":
        import medspacy

        component = nlp.add_pipe("medspacy_context")
        version = medspacy.__version__

        def flags(ent) -> dict[str, bool]:
            return {
                "negated": bool(ent._.is_negated),
                "historical": bool(ent._.is_historical),
                "hypothetical": bool(ent._.is_hypothetical or ent._.is_uncertain),
                "other_subject": bool(ent._.is_family),
            }
    else:
        raise SystemExit(f"unknown worker {name!r}")
    docs = list(_docs(nlp, payload))
    started = time.perf_counter()
    done = [(case_id, component(doc)) for case_id, doc in docs]
    seconds = time.perf_counter() - started
    results = {case_id: [flags(ent) for ent in doc.ents] for case_id, doc in done}
    out_path.write_text(json.dumps({"version": version, "spacy": spacy.__version__, "seconds": seconds,
                                    "python": sys.version.split()[0], "results": results}), encoding="utf-8")


def _dist_version(dist: str) -> str:
    from importlib.metadata import version

    return version(dist)


# -- environments -----------------------------------------------------------------------------------
def find_python312() -> tuple[str | None, str]:
    """A runnable Python 3.12 interpreter, and how it was found (or why none was)."""
    found = shutil.which("python3.12")
    candidates = [os.environ.get("COMPARE_PYTHON312"), found]
    pyenv_root = os.environ.get("PYENV_ROOT", str(Path.home() / ".pyenv"))
    candidates += sorted(glob.glob(f"{pyenv_root}/versions/3.12*/bin/python3.12"), reverse=True)
    for cand in filter(None, candidates):
        try:
            out = subprocess.run([cand, "-c", "import sys; print(sys.version_info[:2] == (3, 12))"],
                                 capture_output=True, text=True, timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if out.returncode == 0 and out.stdout.strip() == "True":
            return cand, f"Python 3.12 at {cand}"
    shown = found or "nothing"
    return None, f"no runnable Python 3.12 (`command -v python3.12` found {shown})"


def ensure_venv(name: str, python: str, rebuild: bool) -> tuple[Path | None, str]:
    """The venv's interpreter, created and pip-installed on first use; or None and the reason."""
    venv = VENVS / name
    marker = venv / ".installed.json"
    reqs = METHODS[name]["requirements"]
    if rebuild and venv.exists():
        shutil.rmtree(venv)
    venv_python = venv / "bin" / "python"
    if marker.exists() and json.loads(marker.read_text()) == reqs and venv_python.exists():
        return venv_python, "ready"
    print(f"setting up {venv} ({' '.join(reqs)}) ...", file=sys.stderr)
    venv.parent.mkdir(parents=True, exist_ok=True)
    log = venv.parent / f"{name}-install.log"
    with log.open("w") as fh:
        steps = [[python, "-m", "venv", str(venv)], [str(venv_python), "-m", "pip", "install", "-q", *reqs]]
        for step in steps:
            if subprocess.run(step, stdout=fh, stderr=subprocess.STDOUT).returncode != 0:
                return None, f"installing {' '.join(reqs)} failed; see {log}"
    marker.write_text(json.dumps(reqs))
    return venv_python, "installed"


def run_worker(name: str, venv_python: Path, payload: list[dict[str, Any]]) -> tuple[dict[str, Any] | None, str]:
    with tempfile.TemporaryDirectory() as tmp:
        in_path, out_path = Path(tmp) / "in.json", Path(tmp) / "out.json"
        in_path.write_text(json.dumps(payload), encoding="utf-8")
        proc = subprocess.run([str(venv_python), __file__, "--worker", name, "--input", str(in_path),
                               "--output", str(out_path)], capture_output=True, text=True)
        if proc.returncode != 0 or not out_path.exists():
            tail = (proc.stderr.strip().splitlines() or ["no output"])[-1]
            return None, f"worker failed: {tail[:200]}"
        return json.loads(out_path.read_text(encoding="utf-8")), "ok"


# -- orchestration (runs in the project's .venv) ----------------------------------------------------
def prepare(cases: list[dict[str, Any]]):
    """Our entities for every case: the docs after concept_attributes, and the worker payload."""
    from tagger.cleaning import clean, validate_text
    from tagger.pipeline import build_pipeline

    nlp = build_pipeline()
    upto = nlp.pipe_names[: nlp.pipe_names.index("clinical_attributes")]
    concepts = nlp.get_pipe("clinical_attributes").step("concept_attributes")
    prepared, payload = [], []
    for case in cases:
        cleaned = clean(validate_text(case["text"]))
        doc = nlp.make_doc(cleaned.text)
        for name in upto:
            doc = nlp.get_pipe(name)(doc)
        doc = concepts(doc)
        prepared.append((case, cleaned, doc))
        payload.append({
            "id": case["id"],
            "words": [t.text for t in doc],
            "spaces": [bool(t.whitespace_) for t in doc],
            "sent_starts": [bool(t.is_sent_start) for t in doc],
            "ents": [[e.start, e.end, e.label_] for e in doc.ents],
        })
    return nlp, prepared, payload


def run_ours(nlp, prepared) -> dict[str, Any]:
    import spacy

    import tagger

    context = nlp.get_pipe("clinical_attributes").step("context")
    started = time.perf_counter()
    docs = [context(doc) for _, _, doc in prepared]
    seconds = time.perf_counter() - started
    results = {case["id"]: [{flag: bool(getattr(ent._, flag)) for flag in FLAGS} for ent in doc.ents]
               for (case, _, _), doc in zip(prepared, docs, strict=True)}
    return {"version": tagger.__version__, "spacy": spacy.__version__, "seconds": seconds,
            "python": sys.version.split()[0], "results": results}


def score_method(prepared, output: dict[str, Any]) -> tuple[dict[str, Any], int]:
    from tagger.evaluation import CaseEval, Mention, score
    from tagger.evaluation.entities import alignment, gold_mentions, input_span

    evals, unmapped = [], 0
    for case, cleaned, doc in prepared:
        blocks, _ = alignment(cleaned.text, cleaned.cleaning, case["text"])
        pred = []
        for ent, flags in zip(doc.ents, output["results"][case["id"]], strict=True):
            span = input_span(blocks, cleaned.text, case["text"], ent.start_char, ent.end_char)
            if span is None:
                unmapped += 1
                continue
            pred.append(Mention(start=span[0], end=span[1], text=ent.text, label=ent.label_,
                                **{flag: flags.get(flag, False) for flag in FLAGS}))
        evals.append(CaseEval(case["id"], case["text"], gold_mentions(case), pred))
    return score(evals), unmapped


def compare(paths: list[str], split: str, rebuild: bool, skip_medspacy: bool) -> dict[str, Any]:
    from tagger.evaluation import load_cases, select_cases

    cases, _ = select_cases(load_cases(paths), split)
    if not cases:
        raise SystemExit(f"no case with gold entities in split {split!r}")
    nlp, prepared, payload = prepare(cases)
    words = sum(len(case["text"].split()) for case in cases)
    outputs: dict[str, dict[str, Any] | None] = {"ours": run_ours(nlp, prepared)}
    notes: dict[str, str] = {"ours": "our context component, data/context_rules.jsonl"}

    outputs["negspacy"] = None
    venv_python, why = ensure_venv("negspacy", sys.executable, rebuild)
    if venv_python is not None:
        outputs["negspacy"], why = run_worker("negspacy", venv_python, payload)
    notes["negspacy"] = "en_clinical termset" if outputs["negspacy"] else f"skipped: {why}"

    outputs["medspacy"] = None
    if skip_medspacy:
        notes["medspacy"] = "skipped: --skip-medspacy"
    else:
        py312, found = find_python312()
        if py312 is None:
            notes["medspacy"] = f"skipped: {found}"
        else:
            venv_python, why = ensure_venv("medspacy", py312, rebuild)
            if venv_python is not None:
                outputs["medspacy"], why = run_worker("medspacy", venv_python, payload)
            notes["medspacy"] = f"default rules, {found}" if outputs["medspacy"] else f"skipped: {why}"

    methods: dict[str, Any] = {}
    for name, output in outputs.items():
        entry: dict[str, Any] = {"note": notes[name]}
        if output is not None:
            figures, unmapped = score_method(prepared, output)
            supports = set(FLAGS) if name == "ours" else METHODS[name]["supports"]
            entry.update({
                "version": output["version"], "spacy": output["spacy"], "python": output["python"],
                "words_per_second": round(words / output["seconds"]) if output["seconds"] else None,
                "pairs": figures["attributes"]["pairs"], "unmapped": unmapped,
                "rows": {f"{attr}/{scope}": (figures["attributes"][attr][scope] if attr in supports else None)
                         for attr, scope, _ in ROWS},
            })
        methods[name] = entry
    return {"split": split, "cases": len(cases), "words": words,
            "entities": sum(len(p["ents"]) for p in payload), "methods": methods}


def _cell(row: dict[str, Any] | None) -> str:
    if row is None:
        return f"{'not supported':<22}"
    parts = [("-" if row[k] is None else f"{row[k]:.3f}") for k in ("precision", "recall", "f1")]
    return f"{' '.join(parts):<22}"


def format_table(report: dict[str, Any]) -> str:
    names = list(report["methods"])
    titles = {"ours": "ours (ConText)", **{k: v["title"] for k, v in METHODS.items()}}
    ours = report["methods"]["ours"]
    lines = [
        f"Assertion attributes, split {report['split']}: {report['cases']} cases, {report['entities']} entities from our "
        f"pipeline, {ours['pairs']} of them strictly matching a gold entity (scored)",
        "cells: precision recall F1 of the attribute's true class, against the gold",
        "",
        f"{'attribute':<15}{'scope':<19}{'true':>5}  " + "".join(f"{titles[n]:<22}" for n in names),
    ]
    for attr, scope, scope_name in ROWS:
        key = f"{attr}/{scope}"
        support = ours["rows"][key]["support"]
        cells = []
        for name in names:
            method = report["methods"][name]
            cells.append(_cell(method["rows"][key]) if "rows" in method else f"{'skipped':<22}")
        lines.append(f"{attr:<15}{scope_name:<19}{support:>5}  " + "".join(cells))
    speeds = []
    for name in names:
        wps = report["methods"][name].get("words_per_second")
        speeds.append(f"{(f'{wps:,}' if wps else '-'):<22}")
    lines.append(f"{'assertion step, words/s':<41}" + "".join(speeds))
    lines.append("")
    for name in names:
        method = report["methods"][name]
        where = f"{method['version']} (spaCy {method['spacy']}, Python {method['python']}); " if "version" in method else ""
        lines.append(f"{titles[name]}: {where}{method['note']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", default=[str(HERE.parent / "corpora" / "cases")])
    parser.add_argument("--split", default="test", choices=["train", "dev", "test", "all"])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--rebuild", action="store_true", help="recreate the comparison venvs")
    parser.add_argument("--skip-medspacy", action="store_true")
    parser.add_argument("--worker", choices=sorted(METHODS), help=argparse.SUPPRESS)
    parser.add_argument("--input", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--output", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker(args.worker, args.input, args.output)
        return 0
    report = compare(args.paths, args.split, args.rebuild, args.skip_medspacy)
    print(json.dumps(report, indent=2) if args.json else format_table(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())

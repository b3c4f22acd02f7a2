"""Does the pipeline still tag exactly as it did? A reference dump and a diff against it.

Tags (a) every case text in ``corpora/cases/*.jsonl`` with ``Tagger.tag`` (cleaning on, as
the library does by default) and (b) the generated notes of ``benchmarks/throughput.py``
with ``Tagger.tag_many``, using the rules-only pipeline built from the current rules
(``tagger.load(<empty dir>)``), and writes one JSON line per result: the ``TagResult``
without ``schema_version``/``model`` and with the note text replaced by its SHA-256 (the
entity, trigger and dose texts stay, so a diff shows what changed).

    .venv/bin/python benchmarks/pipeline_equivalence.py --save      # write the reference
    .venv/bin/python benchmarks/pipeline_equivalence.py --compare   # diff against it

The reference lives in ``reports/`` (not committed). Make it from the code you trust,
then ``--compare`` after every change: it prints the first differences and exits 1.
``--roundtrip`` also runs the pipeline saved with ``nlp.to_disk`` and loaded back.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Run as a script, Python would import ``tagger`` through the venv's editable install, which
# may point at another checkout; this file compares the checkout it sits in.
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from throughput import generate_notes  # noqa: E402

import tagger  # noqa: E402
from tagger.errors import InputError  # noqa: E402
from tagger.pipeline import load_pipeline  # noqa: E402

DEFAULT_OUT = ROOT / "reports" / "pipeline_equivalence.jsonl"


def case_texts() -> list[tuple[str, str]]:
    rows = []
    for path in sorted((ROOT / "corpora" / "cases").glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if line.strip():
                    row = json.loads(line)
                    rows.append((f"{path.stem}:{row.get('id', n)}", row["text"]))
    return rows


def _record(key: str, result) -> str:
    data = result.model_dump(mode="json", exclude={"schema_version", "model"})
    data["text"] = hashlib.sha256(data["text"].encode("utf-8")).hexdigest()
    return json.dumps({"key": key, "result": data}, sort_keys=True, ensure_ascii=False)


def records(notes: int, seed: int, roundtrip: bool) -> Iterator[str]:
    with tempfile.TemporaryDirectory() as empty:
        tg = tagger.load(empty)  # an empty model directory: the rules-only pipeline from config.cfg
        if roundtrip:
            tg.nlp.to_disk(Path(empty) / "saved")
            tg.nlp = load_pipeline(Path(empty) / "saved")
        for key, text in case_texts():
            try:
                yield _record(key, tg.tag(text))
            except InputError as exc:
                yield json.dumps({"key": key, "error": exc.code})
        generated = generate_notes(notes, seed)
        for i, result in enumerate(tg.tag_many(generated, batch_size=64)):
            yield _record(f"generated:{i}", result)


def _first_difference(a, b, path: str = "") -> str:
    if type(a) is not type(b):
        return f"{path}: {a!r} != {b!r}"
    if isinstance(a, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                return f"{path}.{k}: only in {'reference' if k in a else 'new'}"
            if a[k] != b[k]:
                return _first_difference(a[k], b[k], f"{path}.{k}")
    if isinstance(a, list):
        for i, (x, y) in enumerate(zip(a, b, strict=False)):
            if x != y:
                return _first_difference(x, y, f"{path}[{i}]")
        if len(a) != len(b):
            return f"{path}: {len(a)} items != {len(b)}"
    return f"{path}: {a!r} != {b!r}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--save", action="store_true", help="write the reference")
    mode.add_argument("--compare", action="store_true", help="diff against the reference")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--notes", type=int, default=2000, help="generated notes (default 2000)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--roundtrip", action="store_true", help="tag with the pipeline saved and loaded back")
    parser.add_argument("--show", type=int, default=5, help="differences to print (default 5)")
    args = parser.parse_args(argv)

    new = list(records(args.notes, args.seed, args.roundtrip))
    if args.save:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text("\n".join(new) + "\n", encoding="utf-8")
        print(f"saved {len(new)} results to {args.out}")
        return 0
    ref = args.out.read_text(encoding="utf-8").splitlines()
    diffs = 0
    if len(ref) != len(new):
        print(f"reference has {len(ref)} results, this run {len(new)}")
        diffs += 1
    for old_line, new_line in zip(ref, new, strict=False):
        if old_line == new_line:
            continue
        diffs += 1
        if diffs <= args.show:
            old, cur = json.loads(old_line), json.loads(new_line)
            print(f"{old['key']}: {_first_difference(old, cur)}")
    print(f"compared {min(len(ref), len(new))} results: {diffs} differ")
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())

"""Every entity span that changes on the unannotated train/dev notes between two rule versions:
the precision check of a new mechanism (session 9, second round; read each printed span).

    .venv/bin/python benchmarks/span_changes.py 8225b4b          # that commit's rules -> the worktree's
    .venv/bin/python benchmarks/span_changes.py 8225b4b --label STRUCTURE

The base commit's ``tagger`` package is unpacked with ``git archive`` into a temporary directory
and run in its own process; both sides build the pipeline from their rules (an empty model
directory). Quotes corpus text only from the train and dev notes that have no gold, chosen by
``attribute_changes.unannotated_cases`` (every blind round's cases left out).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from attribute_changes import unannotated_cases  # noqa: E402

_TAG = """
import json, sys
sys.path.insert(0, sys.argv[1])
from tagger import load
from tagger.evaluation.cases import load_cases
tagger = load(sys.argv[2])
chosen = set(json.loads(sys.argv[4]))
out = {}
for case in load_cases([sys.argv[3]]):
    if case["id"] in chosen:
        r = tagger.tag(case["text"])
        out[case["id"]] = [r.text, [[e.start, e.end, e.label] for e in r.entities]]
json.dump(out, sys.stdout)
"""


def _tag_with(package_root: Path, empty: Path, chosen: str) -> dict:
    done = subprocess.run([sys.executable, "-c", _TAG, str(package_root), str(empty), str(REPO / "corpora" / "cases"), chosen],
                          check=True, capture_output=True, text=True)
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("base", help="commit whose rules are the 'before'")
    parser.add_argument("--label", help="only spans of this label")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base, empty = Path(tmp) / "base", Path(tmp) / "empty"
        base.mkdir()
        empty.mkdir()
        archive = subprocess.run(["git", "-C", str(REPO), "archive", args.base, "tagger"], check=True, capture_output=True)
        with tarfile.open(fileobj=BytesIO(archive.stdout)) as tar:
            tar.extractall(base, filter="data")
        chosen = json.dumps([c["id"] for c in unannotated_cases(("train", "dev"))])
        before, after = _tag_with(base, empty, chosen), _tag_with(REPO, empty, chosen)
    added = 0
    for cid in sorted(after):
        text, spans = after[cid]
        old = {tuple(s) for s in before.get(cid, ["", []])[1]}
        new = {tuple(s) for s in spans}
        for sign, changed in (("+", new - old), ("-", old - new)):
            for s, e, label in sorted(changed):
                if args.label and label != args.label:
                    continue
                added += sign == "+"
                print(f"{sign} {cid:12} {label:11} {text[max(0, s - 50):s]!r} [{text[s:e]}] {text[e:e + 40]!r}")
    print(f"{added} new spans")


if __name__ == "__main__":
    main()

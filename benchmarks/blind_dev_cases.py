"""Write the dev cases annotated blind to the tagger to one JSONL file, so ``evaluate-entities``
can report them apart: the closest thing the dev split has to text by outside writers.

``--set 2-3`` (default): the 30 of sessions 2 and 3 (corpora/reviews/gold_blind_session2.md and
gold_blind_session3.md, "Dev (15, in hash order)"); their errors were read while tuning in
session 4, so they are no longer a clean check. ``--set 5``: the 40 of session 5
(gold_blind_session5_ids.txt, method in gold_blind_session5_a.md and _b.md), annotated after
session 5's rules were written. ``--set 5a`` / ``--set 5b``: its two halves, one per annotator
(the first and last 20 ids of the file). From session 6 on, 5a is read while tuning; 5b stays
the clean check. ``--set 7`` / ``7a`` / ``7b``: the 40 of session 7 (gold_blind_session7_ids.txt,
the first and last 20 ids one per annotator; method in gold_blind_session7_a.md and _b.md): 7a
is read while tuning, 7b is the clean check. ``--set 7t`` (``7ta``, ``7tb``): 40 test cases
annotated blind in session 7 (gold_blind_session7_test_ids.txt), so the test split can be
reported on outside-style gold alone; evaluate it with ``--split test``. ``--set 8`` / ``8a`` /
``8b`` and ``--set 8t`` (``8ta``, ``8tb``): the 40 dev and 40 test cases annotated blind at the
end of session 8 (gold_blind_session8_ids.txt, gold_blind_session8_test_ids.txt), after that
session's rules were written: 8a is for tuning from session 9, 8b is a clean check. ``--set 9``
and ``--set 9t``: round 9, one annotator each (gold_blind_session9_ids.txt,
gold_blind_session9_test_ids.txt, 20 ids each), annotated at the start of session 9 while that
session's rules were being written and read by no one tuning them: 9 was the clean check of session 9's first round and is tuned
on from its second. ``--set 9n`` and
``--set 9nt`` (``9nta``, ``9ntb``): the session-9 writers' new dev (17) and test (25) cases, annotated the same way
(gold_blind_session9n_ids.txt, gold_blind_session9n_test_ids.txt); 9n likewise. ``--set 10``,
``--set 10t`` and ``--set 10tr``: session 10's two new writers' dev (15), test (15) and 40 train
cases, annotated blind while that session's rules were being written (a second annotator's
reading of the dev and test ones is in corpora/reviews/iaa_session10/); 10 and 10t were the clean
checks of session 10, and 10 is tuned on from session 11; evaluate 10tr with ``--split train``.
``--set 11``, ``--set 11t`` and ``--set 11tr``: the same for session 11's two new writers (records
systems' forms; patients' messages), read twice for dev and test (corpora/reviews/iaa_session11/);
11 and 11t were the clean checks of session 11, and 11 is tuned on from session 12.
``--set 12``, ``--set 12t`` and ``--set 12tr``: the same for session 12's two new writers (clinicians'
records shorthand from settings the corpus lacked; people outside the team in their own words),
annotated blind while that session's rules were being written; 12 and 12t were the clean checks of
session 12 (a second reading of 12 is in corpora/reviews/iaa_session12/), and 12 is tuned on from
session 13. ``--set 13``, ``--set 13t`` and ``--set 13tr``: session 13's two new writers (clinicians'
records from settings still missing: post-operative rehab, spinal triage, pelvic health, paediatrics,
shops and studios, insurers' examinations, records exports with their artefacts; people outside the
team: training diaries, physical trades, pregnancy and chronic conditions, new sports, partners and
transcripts), the dev (21) and test (11) cases each read by one annotator and a second one for
agreement, the 40 train cases by two; 13 and 13t were the clean checks of session 13, and 13 is tuned
on from session 14. ``--set 14``, ``--set 14t`` and ``--set 14tr``: session 14's two new writers
(clinicians' records from ward physiotherapy, high-risk-foot podiatry, orthotists, clinic letters, imaging
requests, performing-arts and team staff, telehealth and students' notes, from places not yet used; people
outside the team: speech-to-text, comments and reviews, gig and shift workers, claim statements and
questionnaires, sports the corpus had little of, regional Englishes), the dev (15) and test (17) cases each
read by one annotator and a second one for agreement, the 40 train cases by two; 14 and 14t are the
clean checks of session 14. ``--set tune``:
every dev case except the clean checks in ``CLEAN_CHECKS`` (the dev set to tune on).

    .venv/bin/python benchmarks/blind_dev_cases.py /tmp/blind [--set 5]
    .venv/bin/python -m tagger evaluate-entities /tmp/blind --split dev --model /tmp/empty-dir
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
REVIEWS = [REPO / "corpora" / "reviews" / f"gold_blind_session{n}.md" for n in (2, 3)]
SESSION_IDS = {
    "5": REPO / "corpora" / "reviews" / "gold_blind_session5_ids.txt",
    "7": REPO / "corpora" / "reviews" / "gold_blind_session7_ids.txt",
    "7t": REPO / "corpora" / "reviews" / "gold_blind_session7_test_ids.txt",
    "8": REPO / "corpora" / "reviews" / "gold_blind_session8_ids.txt",
    "8t": REPO / "corpora" / "reviews" / "gold_blind_session8_test_ids.txt",
    "9": REPO / "corpora" / "reviews" / "gold_blind_session9_ids.txt",
    "9t": REPO / "corpora" / "reviews" / "gold_blind_session9_test_ids.txt",
    "9n": REPO / "corpora" / "reviews" / "gold_blind_session9n_ids.txt",
    "9nt": REPO / "corpora" / "reviews" / "gold_blind_session9n_test_ids.txt",
    "10": REPO / "corpora" / "reviews" / "gold_blind_session10_ids.txt",
    "10t": REPO / "corpora" / "reviews" / "gold_blind_session10_test_ids.txt",
    "10tr": REPO / "corpora" / "reviews" / "gold_blind_session10_train_ids.txt",
    "11": REPO / "corpora" / "reviews" / "gold_blind_session11_ids.txt",
    "11t": REPO / "corpora" / "reviews" / "gold_blind_session11_test_ids.txt",
    "11tr": REPO / "corpora" / "reviews" / "gold_blind_session11_train_ids.txt",
    "12": REPO / "corpora" / "reviews" / "gold_blind_session12_ids.txt",
    "12t": REPO / "corpora" / "reviews" / "gold_blind_session12_test_ids.txt",
    "12tr": REPO / "corpora" / "reviews" / "gold_blind_session12_train_ids.txt",
    "13": REPO / "corpora" / "reviews" / "gold_blind_session13_ids.txt",
    "13t": REPO / "corpora" / "reviews" / "gold_blind_session13_test_ids.txt",
    "13tr": REPO / "corpora" / "reviews" / "gold_blind_session13_train_ids.txt",
    "14": REPO / "corpora" / "reviews" / "gold_blind_session14_ids.txt",
    "14t": REPO / "corpora" / "reviews" / "gold_blind_session14_test_ids.txt",
    "14tr": REPO / "corpora" / "reviews" / "gold_blind_session14_train_ids.txt",
}
SETS = ("2-3", "tune", *(name + half for name in SESSION_IDS for half in ("", "a", "b")))
CLEAN_CHECKS = ("5b", "7b", "8b", "14")


def blind_dev_ids(which: str = "2-3") -> set[str]:
    if which == "tune":
        return dev_ids().difference(*(blind_dev_ids(check) for check in CLEAN_CHECKS))
    name, half = (which[:-1], which[-1]) if which[-1] in "ab" else (which, "")
    if name in SESSION_IDS:
        ids = [line.strip() for line in SESSION_IDS[name].read_text(encoding="utf-8").splitlines() if line.strip()]
        return set(ids[{"": slice(None), "a": slice(0, 20), "b": slice(20, None)}[half]])
    found: set[str] = set()
    for review in REVIEWS:
        match = re.search(r"Dev \(15, in hash order\):(.*?)\.\n", review.read_text(encoding="utf-8"), re.S)
        if match is None:
            raise SystemExit(f"{review.name}: no 'Dev (15, in hash order):' list")
        found |= {x.strip() for x in match.group(1).replace("\n", " ").split(",")}
    return found


def corpus_lines() -> list[tuple[dict, str]]:
    """Every case of the corpus with its line as written (the output copies lines verbatim)."""
    return [
        (json.loads(line), line)
        for path in sorted((REPO / "corpora" / "cases").glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def dev_ids() -> set[str]:
    return {case["id"] for case, _ in corpus_lines() if case.get("split") == "dev"}


def main(out_dir: str, which: str = "2-3") -> int:
    wanted = blind_dev_ids(which)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    kept = [line for case, line in corpus_lines() if case["id"] in wanted]
    (out / "blind_dev.jsonl").write_text("\n".join(kept) + "\n", encoding="utf-8")
    print(f"{len(kept)} of {len(wanted)} blind dev cases written to {out / 'blind_dev.jsonl'}")
    return 0 if len(kept) == len(wanted) else 1


if __name__ == "__main__":
    args = sys.argv[1:]
    which = "2-3"
    if "--set" in args:
        at = args.index("--set")
        which = args[at + 1] if at + 1 < len(args) else ""
        del args[at : at + 2]
        if which not in SETS:
            raise SystemExit(f"--set takes one of {', '.join(SETS)}")
    raise SystemExit(main(args[0] if args else "/tmp/blind", which))

"""Relabel the team's gold FOOTWEAR spans to the session-8 convention (GUIDELINES 4, proposed in
``gold_fixes_session8_footwear.md``): a FOOTWEAR span is the footwear head with the run of
words before it that name the type of footwear ("custom [orthotics]" -> "[custom orthotics]",
"old work [trainers]" -> "old [work trainers]"), and no drop-class word at its start
("[4-inch heels]" -> "4-inch [heels]").

The spans are read with the pipeline's own tokenizer and word classes
(``tagger.pipeline.footwear_spans.FootwearSpans`` over ``tagger/pipeline/data/span_qualifiers.json``),
so the gold and the tagger follow one definition. A gold entity that the run takes in (the
shoe's "arch" in "arch insoles", a sport before a shoe, a FOOTWEAR span of type words before
another) is removed; every such removal is printed. The script is deterministic and
idempotent: run twice, the second run changes nothing.

Every blind-round case is left alone: the ids in ``gold_blind_session*_ids.txt`` (sessions 5
and 7, dev and test). Nothing outside the chosen split is read or written.

    .venv/bin/python corpora/reviews/relabel_session8_footwear.py --split train --dry-run
    .venv/bin/python corpora/reviews/relabel_session8_footwear.py --split train
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tagger.pipeline import build_pipeline  # noqa: E402
from tagger.pipeline.concepts import entity_patterns  # noqa: E402
from tagger.pipeline.docview import view  # noqa: E402
from tagger.pipeline.footwear_spans import LABEL, FootwearSpans  # noqa: E402

CASES = REPO / "corpora" / "cases"
REVIEWS = REPO / "corpora" / "reviews"


@dataclass
class Change:
    case: str
    before: str
    after: str
    context: str
    removed: list[str] = field(default_factory=list)
    note: str = ""  # set when the span was left alone and why

    def line(self) -> str:
        if self.note:
            return f"{self.case}: [{self.before}] left alone: {self.note}\n    {self.context}"
        gone = f"; removes {', '.join(self.removed)}" if self.removed else ""
        return f"{self.case}: [{self.before}] -> [{self.after}]{gone}\n    {self.context}"


def blind_ids(reviews: Path = REVIEWS) -> set[str]:
    """Every id of a blind annotation round (sessions 5 and 7, dev and test)."""
    found: set[str] = set()
    for path in sorted(reviews.glob("gold_blind_session*_ids.txt")):
        found |= {line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}
    return found


class Relabeller:
    def __init__(self, nlp=None):
        self.nlp = nlp or build_pipeline()
        concepts = self.nlp.get_pipe("clinical_attributes").step("concept_attributes")
        self.spans: FootwearSpans = concepts.footwear
        if not self.spans:
            raise SystemExit("span_qualifiers.json has no FOOTWEAR type classes: nothing to relabel by")
        # (label, lower-case phrase) -> concept, for a gold span the pipeline did not find with
        # the same offsets (a gold 'barefoot' must still take no words)
        self.phrases = {(p["label"], p["pattern"].lower()): p["id"] for p in entity_patterns()
                        if isinstance(p["pattern"], str) and p.get("id")}

    def relabel(self, case: dict) -> list[Change]:
        """Move the FOOTWEAR spans of ``case['entities']`` (in place); the changes made."""
        text, gold = case["text"], case["entities"]
        if not any(g["label"] == LABEL for g in gold):
            return []
        doc = self.nlp(text)
        v = view(doc)
        # the pipeline's concept for a gold span with the same offsets ('barefoot' takes no words;
        # a sport, not a verb, names a shoe's purpose)
        found = {(e.start_char, e.end_char): e._.concept or "" for e in doc.ents}
        concepts = {(g["start"], g["end"]): found.get((g["start"], g["end"])) or self.phrases.get((g["label"], g["text"].lower()), "")
                    for g in gold}
        tokens: dict[int, tuple[int, int]] = {}  # id(entity) -> token span
        for g in gold:
            span = doc.char_span(g["start"], g["end"])
            if span is not None:
                tokens[id(g)] = (span.start, span.end)
        by_end = {tokens[id(g)][1]: (tokens[id(g)][0], g["label"], concepts.get((g["start"], g["end"]), ""))
                  for g in gold if id(g) in tokens}
        owner = {tokens[id(g)][0]: g for g in gold if id(g) in tokens}
        skipped = [
            Change(case["id"], g["text"], g["text"], text[max(0, g["start"] - 40):g["end"] + 40].replace("\n", " "),
                   note="not on token boundaries")
            for g in gold if g["label"] == LABEL and id(g) not in tokens]
        changes: list[Change] = []
        removed: set[int] = set()
        # right to left, as the pipeline: a span may take in a FOOTWEAR span before it
        for g in sorted((g for g in gold if g["label"] == LABEL and id(g) in tokens), key=lambda g: -g["start"]):
            if id(g) in removed:
                continue
            start, end = tokens[id(g)]
            concept = concepts.get((g["start"], g["end"]), "")
            new = self.spans.trimmed_start(v, start, end, concept)
            taken: list[int] = []
            if new == start:
                new, taken, _ = self.spans.extended_start(v, start, concept, by_end, v.sent_bounds(doc, start)[0])
            if new == start:
                continue
            gone = [owner[s] for s in taken if s in owner]
            removed.update(id(x) for x in gone)
            before = g["text"]
            g["start"] = doc[new].idx
            g["text"] = text[g["start"]:g["end"]]
            ctx = text[max(0, min(g["start"], g["end"] - len(before)) - 40):g["end"] + 40].replace("\n", " ")
            changes.append(Change(case["id"], before, g["text"], ctx, [f"{x['label']} [{x['text']}]" for x in gone]))
        if removed:
            case["entities"] = [g for g in gold if id(g) not in removed]
        return skipped + changes[::-1]


def run(split: str, dry_run: bool, cases_dir: Path = CASES, reviews: Path = REVIEWS, nlp=None) -> list[Change]:
    skip = blind_ids(reviews)
    relabeller = Relabeller(nlp)
    changes: list[Change] = []
    for path in sorted(cases_dir.glob("*.jsonl")):
        lines = path.read_text(encoding="utf-8").split("\n")
        touched = False
        for k, line in enumerate(lines):
            if not line.strip():
                continue
            case = json.loads(line)
            if case.get("split") != split or case["id"] in skip or not isinstance(case.get("entities"), list):
                continue
            found = relabeller.relabel(case)
            changes.extend(found)
            if any(not c.note for c in found):
                lines[k] = json.dumps(case, ensure_ascii=False)
                touched = True
        if touched and not dry_run:
            path.write_text("\n".join(lines), encoding="utf-8")
    return changes


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", required=True, choices=("train", "dev", "test"))
    ap.add_argument("--dry-run", action="store_true", help="print every change in context, write nothing")
    ap.add_argument("--cases", type=Path, default=CASES, help=argparse.SUPPRESS)
    ap.add_argument("--reviews", type=Path, default=REVIEWS, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    found = run(args.split, args.dry_run, args.cases, args.reviews)
    for change in found:
        print(change.line())
    changes = [c for c in found if not c.note]
    extended = sum(len(c.after) > len(c.before) for c in changes)
    removed = sum(len(c.removed) for c in changes)
    verb = "would change" if args.dry_run else "changed"
    print(f"{args.split}: {verb} {len(changes)} FOOTWEAR spans ({extended} extended, {len(changes) - extended} trimmed; "
          f"{removed} other gold entities taken in; {len(found) - len(changes)} left alone)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Tag "weak"/"weaker"/"weakness" in the team's gold to the session-9 convention (GUIDELINES 4,
"Settled in session 9"): weakness found in or attributed to a muscle or part ("weak glute med",
"my left hip is weak", "EHL weakness", "hip abductor weakness") is a CONDITION; weakness
reported or asked about as a neural symptom ("numbness, tingling or weakness") is a SYMPTOM.

Evidence, counted over every blind round (sessions 2-8, annotators who never saw the tagger):
of 10 muscle/part weaknesses they tagged, 9 are CONDITION; all 4 neural-list weaknesses they
tagged are SYMPTOM. The team's gold had tagged none of its 25 mentions, all muscle/part findings.

The script adds a CONDITION span on each untagged mention in a team-gold case (never a blind-round
case: the ids in ``gold_blind_session*_ids.txt`` are the annotators' own readings). Attributes
follow GUIDELINES 4 and are listed in CONDITIONAL below where one is not false: the only
non-default is a weakness named in an "if it progresses" plan. Deterministic and idempotent.

    .venv/bin/python corpora/reviews/relabel_session9_weakness.py --dry-run
    .venv/bin/python corpora/reviews/relabel_session9_weakness.py
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CASES = REPO / "corpora" / "cases"
REVIEWS = REPO / "corpora" / "reviews"
WEAK = re.compile(r"\bweak(?:ness|er)?\b", re.IGNORECASE)
# (case id, mention text, the words right after it): weakness named in a conditional plan.
CONDITIONAL = {("soap-0011", "weakness", " progresses")}


def blind_ids() -> set[str]:
    ids: set[str] = set()
    for path in REVIEWS.glob("gold_blind_session*_ids.txt"):
        ids |= {line.strip() for line in path.read_text().splitlines() if line.strip()}
    return ids


def added_spans(case: dict) -> list[dict]:
    text, spans = case["text"], case["entities"]
    added = []
    for match in WEAK.finditer(text):
        if any(e["start"] < match.end() and e["end"] > match.start() for e in spans):
            continue
        after = text[match.end():match.end() + len(" progresses")]
        added.append({
            "start": match.start(), "end": match.end(), "text": match.group(), "label": "CONDITION",
            "laterality": None, "negated": False, "historical": False,
            "hypothetical": (case["id"], match.group(), after) in CONDITIONAL,
            "other_subject": False, "modifier": None,
        })
    return added


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args()
    skip = blind_ids()
    for path in sorted(CASES.glob("*.jsonl")):
        lines = path.read_text(encoding="utf-8").splitlines()
        out, changed = [], 0
        for line in lines:
            case = json.loads(line)
            if "entities" in case and case["id"] not in skip:
                for span in added_spans(case):
                    print(f"{case['split']}\t{case['id']}\t{span['start']}\t{span['text']}"
                          f"\thypothetical={span['hypothetical']}")
                    case["entities"].append(span)
                    changed += 1
                case["entities"].sort(key=lambda e: (e["start"], e["end"]))
                line = json.dumps(case, ensure_ascii=False)
            out.append(line)
        if changed and not args.dry_run:
            path.write_text("\n".join(out) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

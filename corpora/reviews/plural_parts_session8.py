"""Tally the laterality that each annotator gave a bare plural paired part.

A bare plural is a BODY_REGION or STRUCTURE span such as "knees" or "feet" with no "both",
"bilat" or "b/l" in the 12 characters before it. The tally, per blind round and per split of
the team's own gold, is the evidence for the session-8 convention in GUIDELINES.md.

    .venv/bin/python corpora/reviews/plural_parts_session8.py
"""

import collections
import json
import re
from pathlib import Path

REVIEWS = Path(__file__).parent
CASES = REVIEWS.parent / "cases"
PLURAL_PAIRED = re.compile(
    r"^(knees|feet|hips|ankles|legs|arches|heels|calves|shins|thighs|buttocks|glutes|"
    r"hamstrings|quads|shoulders|toes|big toes|hip flexors|calf muscles)$",
    re.IGNORECASE,
)
BOTH_SIDES_CUES = ("both", "bilat", "b/l")


def _ids(name: str) -> list[str]:
    lines = (REVIEWS / name).read_text().splitlines()
    return [line.split()[0] for line in lines if line.strip() and not line.startswith("#")]


def blind_rounds() -> dict[str, str]:
    s5, s7, s7t = (_ids(f"gold_blind_session{n}_ids.txt") for n in ("5", "7", "7_test"))
    rounds = {"5a": s5[:20], "5b": s5[20:], "7a": s7[:20], "7b": s7[20:], "7ta": s7t[:20], "7tb": s7t[20:]}
    return {case_id: name for name, ids in rounds.items() for case_id in ids}


def main() -> None:
    round_of = blind_rounds()
    tally: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for path in sorted(CASES.glob("*.jsonl")):
        for line in path.read_text().splitlines():
            case = json.loads(line)
            if "entities" not in case:
                continue
            group = round_of.get(case["id"], "team-" + case.get("split", "?"))
            for entity in case["entities"]:
                if entity["label"] not in ("BODY_REGION", "STRUCTURE") or not PLURAL_PAIRED.match(entity["text"]):
                    continue
                before = case["text"][max(0, entity["start"] - 12) : entity["start"]].lower()
                if not any(cue in before for cue in BOTH_SIDES_CUES):
                    tally[group][str(entity["laterality"])] += 1
    for group in sorted(tally):
        print(group, dict(tally[group]))


if __name__ == "__main__":
    main()

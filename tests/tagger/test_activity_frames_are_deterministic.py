"""Tagging gives the same result in every process: two frame rules on the same words must not be
ordered by Python's per-process string hashing (``PYTHONHASHSEED``)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
# "play" before a dose is matched by two frame rules with different concepts (a sport, a dose verb)
SCRIPT = """
import json, sys
from tagger.core import Tagger, build_pipeline
result = Tagger(build_pipeline()).tag(sys.argv[1])
print(json.dumps([(e.start, e.end, e.label, e.concept) for e in result.entities]))
"""


def test_two_frame_rules_on_the_same_words_give_the_same_concept_whatever_the_hash_seed():
    outputs = set()
    for seed in range(6):
        env = {**os.environ, "PYTHONHASHSEED": str(seed), "PYTHONPATH": str(REPO)}
        run = subprocess.run([sys.executable, "-c", SCRIPT, "I play twice a week and my knee hurts."],
                             capture_output=True, text=True, env=env, cwd=REPO, check=True)
        outputs.add(run.stdout)
    assert len(outputs) == 1
    assert any(label == "ACTIVITY" and text_start == 2 for text_start, _, label, _ in json.loads(outputs.pop()))

"""GC settings for long-lived tagging processes: applied in a child process, never in the caller's."""

from __future__ import annotations

import subprocess
import sys

from tagger.gc_tuning import YOUNG_THRESHOLD

CHILD = """
import gc
from tagger.gc_tuning import tune_after_load
before = gc.get_freeze_count()
tune_after_load()
frozen = gc.get_freeze_count()
junk = [[i] for i in range(1000)]
tune_after_load()
print(gc.get_threshold()[0], frozen > before, gc.get_freeze_count() == frozen)
"""


def test_tuning_freezes_what_is_loaded_once_and_collects_the_young_generation_less_often():
    out = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, check=True).stdout.split()
    assert out == [str(YOUNG_THRESHOLD), "True", "True"]


def test_tag_dataframe_leaves_the_callers_collector_alone(tmp_path):
    child = """
import gc, pandas as pd, tagger
before = gc.get_threshold()
tagger.tag_dataframe(pd.DataFrame({"text": ["R knee pain x3/52, worse stairs"]}))
print(gc.get_threshold() == before)
"""
    out = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, check=True).stdout.split()
    assert out[-1] == "True"

"""Hit and miss counts of the caches, for the benchmark only.

Off unless CACHE_STATS_DIR is set (bench/run.py sets it): then each server
process counts in memory and, at the end of a request, at most every 0.2 s,
writes its totals to `<CACHE_STATS_DIR>/<pid>.json`, which the bench adds up.
"""

import json
import os
import time
from collections import Counter

from django.conf import settings
from django.core.signals import request_finished

_counts = Counter()
_state = {"written": 0.0, "dirty": False}


def record(cache, hits=0, misses=0):
    if not settings.CACHE_STATS_DIR:
        return
    _counts[f"{cache}.hits"] += hits
    _counts[f"{cache}.misses"] += misses
    _state["dirty"] = True


def _write(**kwargs):
    folder = settings.CACHE_STATS_DIR
    if not folder or not _state["dirty"] or time.monotonic() - _state["written"] < 0.2:
        return
    path = os.path.join(folder, f"{os.getpid()}.json")
    with open(f"{path}.tmp", "w") as out:
        json.dump(_counts, out)
    os.replace(f"{path}.tmp", path)
    _state.update(written=time.monotonic(), dirty=False)


request_finished.connect(_write, dispatch_uid="cache_stats.write")

"""CPU per match page over distinct corpus phrasings, in-process: `make bench`'s rendered match run without
gunicorn, comparable between two trees in one sitting (issue #12: "the match page no slower").

Run from the root of the tree to measure, on a database that tree seeded (`seed_demo --trainings 10000`), with the
bench's settings (DEBUG=0, PAGE_CACHE_SECONDS=0, collected static files):

    DATABASE_URL=sqlite:///… .venv/bin/python /path/to/bench/match_pages.py 300

The phrasings are the first N of this script's own corpus (an older tree may have none); every cache is emptied
once at the start, then each phrasing is asked once, as in a rendered bench run.
"""

import csv
import os
import sys
import time
from pathlib import Path
from urllib.parse import quote_plus

sys.path.insert(0, os.getcwd())
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.core.cache import caches  # noqa: E402
from django.test import Client  # noqa: E402

CORPUS = Path(__file__).resolve().parent.parent / "catalogue" / "data" / "objective_phrasings.tsv"


def main(count):
    with open(CORPUS, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))[:count]
    urls = [f"/{row['language']}/match/?objective={quote_plus(row['text'])}" for row in rows]
    client = Client()
    client.get("/healthz")
    client.get(urls[-1])  # loads code and templates
    for alias in caches:
        caches[alias].clear()
    started = time.process_time()
    for url in urls:
        if client.get(url).status_code != 200:
            raise SystemExit(f"{url} did not answer 200")
    match = (time.process_time() - started) / len(urls)
    started = time.process_time()
    for _ in urls:
        client.get("/healthz")
    health = (time.process_time() - started) / len(urls)
    print(
        f"{os.getcwd()}: {len(urls)} distinct match pages, {match * 1000:.2f} ms of CPU each; /healthz {health * 1000:.3f} ms"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300)

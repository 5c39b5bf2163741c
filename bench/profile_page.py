"""Where one page's time goes: `make profile URL=/fr/trainings/?q=crise`.

Renders the page in-process on the current database (DATABASE_URL, as
manage.py would), as an anonymous visitor with the whole-page cache off and
the fragment caches empty (a "rendered" page of `make bench`), after one
unmeasured request that loads code and templates. Prints the SQL (count,
time, slowest queries), the template rendering time, and the top Python
functions by CPU time (cProfile on a CPU clock, meaningful on a busy machine).
"""

import argparse
import cProfile
import io
import os
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.cache import caches  # noqa: E402
from django.db import connection  # noqa: E402
from django.template import base as template_base  # noqa: E402
from django.template.backends.django import Template  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


class TemplateClock:
    """CPU and wall time of top-level template rendering (nested includes are inside it),
    and CPU time and renders per template name (inclusive of what it includes)."""

    def __init__(self):
        self.wall = self.cpu = 0.0
        self.depth = 0
        self.by_name = {}

    def __enter__(self):
        self.original = original = Template.render
        self.original_inner = inner = template_base.Template._render

        def _render(template, context):
            cpu = time.process_time()
            try:
                return inner(template, context)
            finally:
                spent, count = self.by_name.get(template.name, (0.0, 0))
                self.by_name[template.name] = (spent + time.process_time() - cpu, count + 1)

        template_base.Template._render = _render

        def render(template, *args, **kwargs):
            self.depth += 1
            wall, cpu = time.perf_counter(), time.process_time()
            try:
                return original(template, *args, **kwargs)
            finally:
                self.depth -= 1
                if self.depth == 0:
                    self.wall += time.perf_counter() - wall
                    self.cpu += time.process_time() - cpu

        Template.render = render
        return self

    def __exit__(self, *exc):
        Template.render = self.original
        template_base.Template._render = self.original_inner


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("url", help="path and query string, e.g. /fr/trainings/?q=crise")
    parser.add_argument("--top", type=int, default=25, help="Python functions to list")
    parser.add_argument("--warm", action="store_true", help="fragment caches filled by the unmeasured request")
    args = parser.parse_args(argv)

    settings.PAGE_CACHE_SECONDS = 0
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "127.0.0.1"]
    client = Client(HTTP_HOST="127.0.0.1")
    fragments = settings.FRAGMENT_CACHE_SECONDS
    settings.FRAGMENT_CACHE_SECONDS = fragments if args.warm else 0
    first = client.get(args.url, secure=True)  # imports, template loading, connections
    if first.status_code != 200:
        sys.exit(f"{args.url} answered {first.status_code}")
    settings.FRAGMENT_CACHE_SECONDS = fragments
    if not args.warm and not settings.REDIS_URL:  # never clear a shared Redis
        caches["default"].clear()

    profiler = cProfile.Profile(time.process_time_ns, 1e-6)  # figures in CPU milliseconds
    with CaptureQueriesContext(connection) as queries, TemplateClock() as templates:
        wall, cpu = time.perf_counter(), time.process_time()
        profiler.enable()
        response = client.get(args.url, secure=True)
        profiler.disable()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu

    sql_ms = sum(float(q["time"]) for q in queries.captured_queries) * 1000
    print(f"{args.url} → {response.status_code}, {len(response.content):,} bytes, {connection.vendor}")
    print(f"total: {wall * 1000:.1f} ms wall, {cpu * 1000:.1f} ms CPU (this process)")
    print(f"SQL: {len(queries)} queries, {sql_ms:.1f} ms")
    print(
        f"templates: {templates.wall * 1000:.1f} ms wall, {templates.cpu * 1000:.1f} ms CPU (SQL run from them included)"
    )
    for name, (spent, count) in sorted(templates.by_name.items(), key=lambda item: -item[1][0])[:12]:
        print(f"  {spent * 1000:7.1f} ms CPU  {count:>3}×  {name}")
    print(f"SQL: {len(queries)} queries, {sql_ms:.1f} ms")
    slowest = sorted(queries.captured_queries, key=lambda q: -float(q["time"]))[:5]
    for query in slowest:
        print(f"  {float(query['time']) * 1000:7.1f} ms  {query['sql'][:160]}")
    for order in ("tottime", "cumulative"):
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out).strip_dirs().sort_stats(order)
        stats.print_stats(args.top)
        print(f"\nPython, CPU ms, by {order}:")
        print(out.getvalue().split("\n", 5)[-1].rstrip())


if __name__ == "__main__":
    main()

"""Cible's benchmark: `make bench` (or `.venv/bin/python bench/run.py --help`).

Builds a fresh database (a SQLite file under bench/results/, or a throw-away
PostgreSQL cluster of its own on a free port), seeds 10,000 trainings, serves
the site with gunicorn on 127.0.0.1 (DEBUG off, several workers, collected
static files) and loads it with wrk (Debian's `wrk`, installed if missing),
rotating over hundreds of distinct URLs per page kind in both languages.

Scenarios:
  pages   per page kind, one fixed-length wrk run: req/s, p50, p95, ratio to /healthz;
          twice: every page rendered (page cache off), then every page served from
          the anonymous page cache (a Redis server of the bench's own, primed with
          one request per URL)
  load    60 s at 50 connections over all page kinds at once, briefs POSTed meanwhile
  faults  the database is stopped under load: /healthz must say 503, pages the
          friendly 500 page, and the site must recover by itself
  all     pages on SQLite, then pages, load and faults on PostgreSQL (the default)

Everything talks to 127.0.0.1 only and every run is bounded in time.
"""

import argparse
import http.cookiejar
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, suppress
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
RESULTS = BENCH / "results"
LUA = BENCH / "rotate.lua"
PY = sys.executable
PG_BIN = Path("/usr/lib/postgresql/15/bin")
PAGES = ["catalogue", "filtered", "search", "training", "match"]
# Issue #18's goals, as a share of the /healthz floor: rendered pages by kind, cached pages.
RENDERED_AIM = {"catalogue": 0.10, "filtered": 0.10, "search": 0.10, "training": 0.2, "match": 0.10}
CACHED_AIM = 0.5
P99_AIM_MS = 100
LOAD_SHARE = {"catalogue": 12, "filtered": 10, "search": 10, "training": 10, "match": 8}
FRIENDLY_500 = "Le service est momentanément indisponible"


def log(message=""):
    print(message, flush=True)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(cmd, env=None, **kwargs):
    return subprocess.run(cmd, env=env, cwd=ROOT, check=True, **kwargs)


def manage(env, *args, capture=False):
    result = run([PY, "manage.py", *args], env=env, capture_output=capture, text=True)
    return result.stdout if capture else None


def ensure_wrk():
    if shutil.which("wrk"):
        return
    if os.geteuid() == 0 and shutil.which("apt-get"):
        log("wrk is missing: installing Debian's wrk package …")
        install = ["apt-get", "install", "-y", "-qq", "wrk"]
        if subprocess.run(install, stdout=subprocess.DEVNULL).returncode != 0:
            run(["apt-get", "update", "-qq"])
            run(install, stdout=subprocess.DEVNULL)
        return
    sys.exit("The benchmark needs wrk: `sudo apt-get install wrk` (Debian/Ubuntu) or your system's package.")


# --- A PostgreSQL cluster of the bench's own ---------------------------------


class PostgresCluster:
    """initdb into a temporary folder, served on its own port; never the machine's main cluster."""

    def __init__(self):
        self.port = free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="cible-bench-pg-"))
        self.data = self.dir / "data"
        self.as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_postgres:
            shutil.chown(self.dir, "postgres", "postgres")
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/cible_bench"

    def _pg(self, tool, *args, **kwargs):
        return subprocess.run([*self.as_postgres, str(PG_BIN / tool), *args], check=True, **kwargs)

    def init(self):
        self._pg("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync",
                 stdout=subprocess.DEVNULL)  # fmt: skip
        self.start()
        self._pg("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "cible_bench")

    def start(self):
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c max_connections=200"
        self._pg("pg_ctl", "-D", str(self.data), "-l", str(self.dir / "server.log"), "-o", options, "-w", "start",
                 stdout=subprocess.DEVNULL)  # fmt: skip

    def stop(self, mode="fast"):
        self._pg("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop", stdout=subprocess.DEVNULL,
                 stderr=subprocess.DEVNULL)  # fmt: skip

    def destroy(self):
        if (self.data / "postmaster.pid").exists():
            with suppress(subprocess.CalledProcessError):
                self.stop("immediate")
        shutil.rmtree(self.dir, ignore_errors=True)


class RedisServer:
    """A redis-server of the bench's own on a free port (nothing kept on disk); never the machine's."""

    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def __enter__(self):
        cmd = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
               "--maxmemory", "512mb", "--maxmemory-policy", "allkeys-lru"]  # fmt: skip
        self.process = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 10
        while True:
            with suppress(OSError), socket.create_connection(("127.0.0.1", self.port), timeout=1):
                return self
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("redis-server did not start")
            time.sleep(0.1)

    def __exit__(self, *exc):
        self.process.terminate()
        with suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=10)


# --- The site under test -----------------------------------------------------


def site_env(database_url, redis_url=""):
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    env.update(
        DEBUG="0",
        SECRET_KEY="bench-secret-key-not-for-production-0123456789-abcdefghijklmnopqrstuvwxyz",  # noqa: S106
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database_url,
        # Plain HTTP on 127.0.0.1: no TLS redirect, cookies usable without HTTPS.
        SECURE_SSL_REDIRECT="0",
        SESSION_COOKIE_SECURE="0",
        CSRF_COOKIE_SECURE="0",
        SECURE_HSTS_SECONDS="0",
        BEHIND_TLS_PROXY="0",
        BRIEF_RATE_LIMIT="1000000/h",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    if redis_url:
        env["REDIS_URL"] = redis_url
    return env


def write_paths(label, name, items):
    path = RESULTS / f"paths-{label}-{name}.txt"
    path.write_text("\n".join(urllib.parse.quote(p, safe="/?=&%+") for p in items) + "\n")
    return path


def prepare_database(env, args, label, trainings, seed=True):
    log(f"[{label}] migrate …")
    manage(env, "migrate", "--noinput", "-v0")
    seeded = None
    if seed:
        log(f"[{label}] seed_demo --trainings {trainings} --experts {args.experts} --seed {args.seed} …")
        started = time.monotonic()
        manage(env, "seed_demo", "--trainings", str(trainings), "--experts", str(args.experts),
               "--seed", str(args.seed), capture=True)  # fmt: skip
        seeded = round(time.monotonic() - started, 1)
        log(f"[{label}] seeded in {seeded:.1f} s")
    else:
        log(f"[{label}] reusing the database seeded by an earlier run (--reuse)")
    # The same URLs on every run for one seed and size (bench/paths.py), all distinct.
    paths = json.loads(run([PY, str(BENCH / "paths.py")], env=env, capture_output=True, text=True).stdout)
    files = {name: write_paths(label, name, items) for name, items in paths.items()}
    files["mixed"] = write_paths(label, "mixed", [p for name in PAGES for p in paths[name][: args.cached_urls]])
    cached = {name: paths[name][: args.cached_urls] for name in PAGES}
    cached_files = {name: write_paths(label, f"cached-{name}", items) for name, items in cached.items()}
    cached_files["healthz"], cached_files["warmup"] = files["healthz"], files["warmup"]
    return {
        "seed_seconds": seeded,
        "trainings": trainings,
        "paths": paths,
        "files": files,
        "cached": {"paths": {**paths, **cached}, "files": cached_files},
    }


@contextmanager
def gunicorn(env, args, label):
    port = free_port()
    logfile = RESULTS / f"gunicorn-{label}.log"
    cmd = [PY, "-m", "gunicorn", "config.wsgi:application", "--bind", f"127.0.0.1:{port}",
           "--workers", str(args.workers), "--threads", str(args.threads), "--timeout", "60",
           "--graceful-timeout", "5", "--backlog", "2048", "--log-level", "warning"]  # fmt: skip
    with open(logfile, "w") as out:
        process = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while fetch(base + "/healthz")[0] != 200:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"gunicorn did not start; see {logfile}")
            time.sleep(0.3)
        log(f"[{label}] gunicorn: {args.workers} workers × {args.threads} thread(s) on {base}")
        yield base
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


def fetch(url, timeout=10):
    """(status, body) of a GET; (0, error) when nothing answered."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")
    except (OSError, urllib.error.URLError) as error:
        return 0, str(error)


# --- Load generation ---------------------------------------------------------


def wrk_start(base, paths_file, seconds, connections, threads=1, timeout=60):
    threads = max(1, min(threads, connections))
    cmd = ["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{seconds}s",
           "--timeout", f"{timeout}s", "-s", str(LUA), base, "--", str(paths_file), str(threads)]  # fmt: skip
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def wrk_result(process, urls):
    output, _ = process.communicate()
    line = next((ln for ln in output.splitlines() if ln.startswith("BENCH_JSON ")), None)
    if line is None:
        raise RuntimeError(f"wrk failed:\n{output}")
    data = json.loads(line.removeprefix("BENCH_JSON "))
    seconds = data["duration_us"] / 1e6
    errors = sum(data[k] for k in ("connect_errors", "read_errors", "write_errors", "timeouts")) + data["non_200"]
    return {
        "urls": urls,
        "requests": data["requests"],
        "rps": round(data["requests"] / seconds, 1) if seconds else 0.0,
        "p50_ms": round(data["p50_us"] / 1000, 1),
        "p95_ms": round(data["p95_us"] / 1000, 1),
        "p99_ms": round(data["p99_us"] / 1000, 1),
        "errors": errors,
        "server_errors": data["server_errors"],
        "non_200": data["non_200"],
        "repeats": data.get("repeats", 0),  # requests for a URL this run had already asked
    }


def wrk(base, paths_file, seconds, connections, urls, threads=2, settle=2.0):
    result = wrk_result(wrk_start(base, paths_file, seconds, connections, threads), urls)
    # Requests wrk abandoned at the end may still be in the workers' hands: let them finish.
    time.sleep(settle)
    return result


def print_table(title, rows, aims=None):
    """`aims`: {page: minimum ratio}; a row below its aim, or with p99 over P99_AIM_MS, is flagged."""
    log(f"\n{title}")
    with_ratio = any("ratio" in row for row in rows.values())
    header = f"{'page':<11}{'URLs':>6}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'errors':>8}{'repeats':>9}"
    log(header + ("   healthz req/s   ratio" if with_ratio else ""))
    for name, row in rows.items():
        line = (
            f"{name:<11}{row['urls']:>6}{row['rps']:>9.1f}{row['p50_ms']:>9.1f}{row['p95_ms']:>9.1f}"
            f"{row.get('p99_ms', 0):>9.1f}{row['errors']:>8}{row.get('repeats', 0):>9}"
        )
        if with_ratio:
            floor = row.get("healthz_rps", row["rps"])
            line += f"{floor:>16.1f}{row['ratio']:>8.2f}"
            aim = (aims or {}).get(name)
            if aim and row["ratio"] is not None and row["ratio"] < aim:
                line += f"  (below the {aim} aim)"
            if aims and name in aims and row.get("p99_ms", 0) >= P99_AIM_MS:
                line += f"  (p99 over {P99_AIM_MS} ms)"
        log(line)
        if row.get("hit_rates"):
            rates = ", ".join(
                f"{cache} {rate['rate']:.0%} of {rate['lookups']}" for cache, rate in row["hit_rates"].items()
            )
            log(f"{'':<11}cache hits: {rates}")


def prime(base, data, label, threads=4):
    """Request every page URL once, so that each is in the page cache."""
    urls = [base + urllib.parse.quote(p, safe="/?=&%+") for name in PAGES for p in data["paths"][name]]
    log(f"[{label}] priming the page cache: {len(urls)} URLs, {threads} at a time …")
    started = time.monotonic()
    with ThreadPoolExecutor(threads) as pool:
        statuses = list(pool.map(lambda url: fetch(url, timeout=60)[0], urls))
    failed = sum(status != 200 for status in statuses)
    log(f"[{label}] primed in {time.monotonic() - started:.1f} s ({failed} not 200)")


class CacheStats:
    """Cache hits and misses the server processes counted (catalogue.cache_stats), run by run."""

    def __init__(self, folder):
        self.folder = Path(folder)
        self.seen = {}

    def _totals(self):
        totals = {}
        for path in self.folder.glob("*.json"):
            with suppress(OSError, ValueError):
                for key, value in json.loads(path.read_text()).items():
                    totals[key] = totals.get(key, 0) + value
        return totals

    def since_last(self, base):
        """Hit rates since the last call. Counts are written at the end of a request at most
        every 0.2 s, so /healthz requests after a pause flush what is left."""
        time.sleep(0.3)
        with ThreadPoolExecutor(8) as pool:  # concurrent, so that every worker gets some
            list(pool.map(lambda _: fetch(base + "/healthz"), range(40)))
        totals = self._totals()
        delta = {key: value - self.seen.get(key, 0) for key, value in totals.items()}
        self.seen = totals
        rates = {}
        for key in sorted(delta):
            if key.endswith(".hits"):
                cache = key.removesuffix(".hits")
                hits, misses = delta[key], delta.get(f"{cache}.misses", 0)
                if hits + misses:
                    rates[cache] = {"hits": hits, "lookups": hits + misses, "rate": round(hits / (hits + misses), 3)}
        return rates


def scenario_pages(base, data, args, label, stats=None, aims=None):
    """Each page kind right after its own /healthz run, so a busy machine moves both alike."""
    files, paths = data["files"], data["paths"]
    if args.warmup:
        # Pages no measured run asks for: a rendered run's URLs stay unasked.
        log(f"[{label}] warm-up {args.warmup} s …")
        wrk(base, files["warmup"], args.warmup, args.connections, 0)
    if stats:
        stats.since_last(base)
    rows, floors = {}, []
    for name in PAGES:
        log(f"[{label}] healthz then {name}: {args.duration} s each at {args.connections} connections …")
        floor = wrk(base, files["healthz"], args.duration, args.connections, 1)
        floors.append(floor)
        row = wrk(base, files[name], args.duration, args.connections, len(paths[name]))
        row["healthz_rps"] = floor["rps"]
        row["ratio"] = round(row["rps"] / floor["rps"], 3) if floor["rps"] else None
        if stats:
            row["hit_rates"] = stats.since_last(base)
        rows[name] = row
    healthz = dict(floors[0])
    healthz["rps"] = round(sum(f["rps"] for f in floors) / len(floors), 1)
    healthz["p50_ms"] = round(sum(f["p50_ms"] for f in floors) / len(floors), 1)
    healthz["p95_ms"] = round(sum(f["p95_ms"] for f in floors) / len(floors), 1)
    healthz["p99_ms"] = round(sum(f["p99_ms"] for f in floors) / len(floors), 1)
    healthz["repeats"] = 0  # one URL: not a rendered page
    healthz["errors"] = sum(f["errors"] for f in floors)
    healthz["ratio"] = 1.0
    result = {"healthz": healthz, **rows}
    title = f"[{label}] pages, {args.duration} s each at {args.connections} connections, {args.workers} workers"
    print_table(title, result, aims)
    return result


def pages_both_ways(env, data, args, label):
    """The pages scenario with every page rendered, then with every page from the page cache.

    Rendered: the page cache off, the fragment caches (cards, sidebar, facets) on in a Redis
    server of the run's own that starts empty, and URLs no request of the run asked
    before ("repeats" counts any that had to be asked again). Cached: a few hundred
    URLs per kind, each requested once beforehand, then rotated over.
    """
    result = {}
    stats_dir = Path(tempfile.mkdtemp(prefix="cible-bench-stats-"))
    try:
        with (
            RedisServer() as redis,
            gunicorn(
                {
                    **env,
                    "REDIS_URL": redis.url,
                    "PAGE_CACHE_SECONDS": "0",
                    # Off by default in settings; measured on unless the caller says otherwise.
                    "FRAGMENT_CACHE_SECONDS": env.get("FRAGMENT_CACHE_SECONDS", "600"),
                    "CACHE_STATS_DIR": str(stats_dir),
                },
                args,
                f"{label}-rendered",
            ) as base,
        ):
            result["rendered"] = scenario_pages(
                base, data, args, f"{label}, every page rendered", CacheStats(stats_dir), RENDERED_AIM
            )
        shutil.rmtree(stats_dir)
        stats_dir.mkdir()
        cached = data["cached"]
        with (
            RedisServer() as redis,
            gunicorn(
                {**env, "REDIS_URL": redis.url, "PAGE_CACHE_SECONDS": "3600", "CACHE_STATS_DIR": str(stats_dir)},
                args,
                f"{label}-cached",
            ) as base,
        ):
            prime(base, cached, label)
            stats = CacheStats(stats_dir)
            stats.since_last(base)
            aims = dict.fromkeys(PAGES, CACHED_AIM)
            result["cached"] = scenario_pages(
                base, cached, args, f"{label}, every page from the page cache", stats, aims
            )
    finally:
        shutil.rmtree(stats_dir, ignore_errors=True)
    return result


# --- Briefs posted during the load -------------------------------------------


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class BriefPoster:
    """Threads that GET the brief form (CSRF cookie and token), then POST it with confirm=1."""

    TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')

    def __init__(self, base, experts, threads):
        self.base, self.experts, self.threads = base, experts, threads
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.accepted, self.refused, self.failed = [], [], []
        self.skipped = None
        self.counter = 0

    def check_available(self):
        if not self.experts:
            self.skipped = "no expert to send a brief to"
            return False
        status, _ = fetch(f"{self.base}/fr/experts/{self.experts[0]}/brief/")
        if status == 404:
            self.skipped = (
                "the brief form answers 404 (experts:brief not built on this branch yet): brief check skipped"
            )
            return False
        return True

    def _next(self):
        with self.lock:
            self.counter += 1
            return self.counter

    def _one(self, opener):
        n = self._next()
        slug = self.experts[n % len(self.experts)]
        url = f"{self.base}/fr/experts/{slug}/brief/"
        with opener.open(url, timeout=90) as response:
            html = response.read().decode()
        match = self.TOKEN.search(html)
        if not match:
            raise RuntimeError("no CSRF token in the brief form")
        email = f"bench-{n}@bench.example"
        form = {
            "csrfmiddlewaretoken": match.group(1),
            "objective_text": "Développer notre réseau d'affaires à Montréal",
            "audience": "Équipe de 12 personnes",
            "group_size": "12",
            "preferred_format": "workshop",
            "dates": "Printemps",
            "budget": "1500 $",
            "language": "fr",
            "message": f"Demande de banc d'essai numéro {n}.",
            "name": f"Banc d'essai {n}",
            "email": email,
            "consent": "on",
            "website": "",
            "confirm": "1",
        }
        request = urllib.request.Request(url, data=urllib.parse.urlencode(form).encode(), method="POST")
        request.add_header("Referer", url)
        try:
            with opener.open(request, timeout=90) as response:
                status, body = response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            status, body = error.code, error.read().decode("utf-8", "replace")
        with self.lock:
            if 300 <= status < 400:
                self.accepted.append(email)
            elif status >= 500:
                self.failed.append((email, status))
            else:
                self.refused.append((email, status, re.sub(r"\s+", " ", body)[:200]))

    def _worker(self):
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), _NoRedirect)
        while not self.stop.is_set():
            try:
                self._one(opener)
            except (OSError, RuntimeError) as error:
                with self.lock:
                    self.failed.append(("?", str(error)))
            time.sleep(0.2)

    def start(self):
        self._threads = [threading.Thread(target=self._worker, daemon=True) for _ in range(self.threads)]
        for thread in self._threads:
            thread.start()

    def finish(self):
        self.stop.set()
        for thread in self._threads:
            thread.join(timeout=40)


BRIEF_COUNT = """
import json
from collections import Counter
from experts.models import Brief
rows = Brief.objects.filter(email__endswith="@bench.example").values_list("email", "message")
print(json.dumps(dict(Counter(email for email, _ in rows)), sort_keys=True))
"""


def check_briefs(env, poster):
    counts = json.loads(manage(env, "shell", "-c", BRIEF_COUNT, capture=True).strip().splitlines()[-1])
    accepted = set(poster.accepted)
    missing = sorted(accepted - set(counts))
    duplicated = sorted(email for email, count in counts.items() if count > 1)
    unexpected = sorted(set(counts) - accepted)
    return {
        "posted": len(poster.accepted) + len(poster.refused) + len(poster.failed),
        "accepted": len(accepted),
        "refused": len(poster.refused),
        "failed": len(poster.failed),
        "in_database": sum(counts.values()),
        "missing": missing[:10],
        "duplicated": duplicated[:10],
        "not_acknowledged_but_stored": unexpected[:10],
        "ok": not missing and not duplicated and not poster.failed,
        "examples_refused": poster.refused[:3],
        "examples_failed": poster.failed[:3],
    }


def scenario_load(base, data, args, env, label):
    files, paths = data["files"], data["paths"]
    total = sum(LOAD_SHARE.values())
    shares = {name: max(1, round(args.load_connections * LOAD_SHARE[name] / total)) for name in PAGES}
    log(f"[{label}] load: {args.load_seconds} s, {sum(shares.values())} connections {shares}")
    poster = BriefPoster(base, paths["experts"], args.brief_threads)
    briefs_on = poster.check_available()
    if not briefs_on:
        log(f"[{label}] NOTE: {poster.skipped}")
    processes = {name: wrk_start(base, files[name], args.load_seconds, shares[name]) for name in PAGES}
    if briefs_on:
        poster.start()
    time.sleep(max(1, args.load_seconds - 2))
    if briefs_on:
        poster.finish()
    rows = {name: wrk_result(process, len(paths[name])) for name, process in processes.items()}
    total_row = {
        "urls": sum(r["urls"] for r in rows.values()),
        "rps": round(sum(r["rps"] for r in rows.values()), 1),
        "p50_ms": max(r["p50_ms"] for r in rows.values()),
        "p95_ms": max(r["p95_ms"] for r in rows.values()),
        "errors": sum(r["errors"] for r in rows.values()),
    }
    print_table(f"[{label}] mixed load, {args.load_seconds} s at {sum(shares.values())} connections", rows)
    log(f"{'all':<11}{total_row['urls']:>6}{total_row['rps']:>9.1f}{'':>20}{total_row['errors']:>8}")
    result = {"pages": rows, "total": total_row, "connections": shares}
    if briefs_on:
        result["briefs"] = check_briefs(env, poster)
        b = result["briefs"]
        log(
            f"[{label}] briefs: {b['posted']} posted, {b['accepted']} accepted, {b['in_database']} in the database, "
            f"missing {len(b['missing'])}, duplicated {len(b['duplicated'])}, refused {b['refused']}, "
            f"failed {b['failed']} → {'OK' if b['ok'] else 'PROBLEM'}"
        )
        if b["examples_refused"] or b["examples_failed"]:
            log(f"    examples: {b['examples_refused'] or b['examples_failed']}")
    else:
        result["briefs"] = {"skipped": poster.skipped}
    log(f"[{label}] load errors: {total_row['errors']} → {'OK' if total_row['errors'] == 0 else 'PROBLEM'}")
    return result


def scenario_faults(base, data, args, cluster, label):
    files = data["files"]
    seconds = args.fault_seconds
    log(f"[{label}] faults: {seconds} s of load at 10 connections; the database stops after 8 s for ~8 s")
    background = wrk_start(base, files["mixed"], seconds, 10)
    time.sleep(8)
    cluster.stop("fast")
    stopped = time.monotonic()
    log(f"[{label}] database stopped")
    health, pages = [], []
    while time.monotonic() - stopped < 8:
        status, body = fetch(base + "/healthz")
        health.append(status)
        status, body = fetch(base + "/fr/trainings/?q=reseau")
        pages.append(
            {
                "status": status,
                "friendly": FRIENDLY_500 in body,
                "traceback": "Traceback" in body or "OperationalError" in body,
            }
        )
        time.sleep(0.5)
    cluster.start()
    restarted = time.monotonic()
    log(f"[{label}] database started again")
    recovered_after = None
    while time.monotonic() - restarted < 30:
        if fetch(base + "/healthz")[0] == 200 and fetch(base + "/fr/trainings/")[0] == 200:
            recovered_after = round(time.monotonic() - restarted, 2)
            break
        time.sleep(0.2)
    during = wrk_result(background, 0)
    after = wrk(base, files["mixed"], 5, 10, 0)
    result = {
        "healthz_statuses_while_down": sorted(set(health)),
        "healthz_503_share": round(health.count(503) / len(health), 2),
        "page_statuses_while_down": sorted({p["status"] for p in pages}),
        "friendly_page_share": round(sum(p["friendly"] for p in pages) / len(pages), 2),
        # A page the cache still holds is served stale while the database is away (PAGE_STALE_SECONDS).
        "stale_copy_share": round(sum(p["status"] == 200 for p in pages) / len(pages), 2),
        "tracebacks_shown": sum(p["traceback"] for p in pages),
        "recovered_after_s": recovered_after,
        "load_during_outage": {k: during[k] for k in ("requests", "non_200", "server_errors", "errors")},
        "after_recovery_5s": {k: after[k] for k in ("requests", "rps", "p95_ms", "errors")},
    }
    result["ok"] = (
        set(health) == {503}
        and all(p["status"] == 200 or (p["status"] == 500 and p["friendly"]) for p in pages)
        and result["tracebacks_shown"] == 0
        and recovered_after is not None
        and after["errors"] == 0
    )
    log(
        f"[{label}] database down: /healthz answered {result['healthz_statuses_while_down']}, pages "
        f"{result['page_statuses_while_down']}: the cache's stale copy {result['stale_copy_share']:.0%} of the time, "
        f"the friendly error page {result['friendly_page_share']:.0%}, "
        f"{result['tracebacks_shown']} tracebacks shown; back to 200 {recovered_after} s after the database restarted; "
        f"5 s after recovery: {after['requests']} requests, {after['errors']} errors → {'OK' if result['ok'] else 'PROBLEM'}"
    )
    return result


# --- Orchestration -------------------------------------------------------------


def sizes(args):
    """The catalogue sizes of the pages scenario: --trainings, then --large (0: none)."""
    return [args.trainings] + ([args.large] if args.large and args.large != args.trainings else [])


def bench_sqlite(args, report):
    report["sqlite"] = {}
    for trainings in sizes(args):
        label = f"sqlite-{trainings}"
        database = RESULTS / f"bench-{trainings}.sqlite3"
        reuse = args.reuse and database.exists()
        if not reuse:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{database}{suffix}").unlink(missing_ok=True)
        env = site_env(f"sqlite:///{database}", args.redis_url)
        data = prepare_database(env, args, label, trainings, seed=not reuse)
        report["sqlite"][str(trainings)] = {
            "seed_seconds": data["seed_seconds"],
            "pages": pages_both_ways(env, data, args, label),
        }
        if not (args.keep or args.reuse):
            database.unlink(missing_ok=True)
    print_growth(report["sqlite"], "sqlite")


def print_growth(section, label):
    """Rendered figures at each catalogue size side by side: how cost grows."""
    runs = {
        size: run_["pages"]["rendered"]
        for size, run_ in sorted(section.items(), key=lambda kv: int(kv[0]))
        if "pages" in run_
    }
    if len(runs) < 2:
        return
    log(f"\n[{label}] rendered pages by catalogue size: ratio to /healthz (p99 ms)")
    log(f"{'page':<11}" + "".join(f"{size + ' trainings':>24}" for size in runs))
    for name in PAGES:
        cells = "".join(f"{rows[name]['ratio']:>14.3f} ({rows[name]['p99_ms']:>6.1f})" for rows in runs.values())
        log(f"{name:<11}{cells}")


def bench_postgres(args, report, scenarios):
    section = report["postgres"] = {}
    if "pages" in scenarios:
        for trainings in sizes(args)[1:]:
            cluster = PostgresCluster()
            try:
                cluster.init()
                env = site_env(cluster.url, args.redis_url)
                data = prepare_database(env, args, f"postgres-{trainings}", trainings)
                section[str(trainings)] = {
                    "seed_seconds": data["seed_seconds"],
                    "pages": pages_both_ways(env, data, args, f"postgres-{trainings}"),
                }
            finally:
                cluster.destroy()
    cluster = PostgresCluster()
    try:
        log(f"[postgres] own cluster in {cluster.dir} on 127.0.0.1:{cluster.port}")
        cluster.init()
        env = site_env(cluster.url, args.redis_url)
        data = prepare_database(env, args, "postgres", args.trainings)
        section[str(args.trainings)] = {"seed_seconds": data["seed_seconds"]}
        if "pages" in scenarios:
            section[str(args.trainings)]["pages"] = pages_both_ways(env, data, args, "postgres")
            print_growth(section, "postgres")
        if not {"load", "faults"} & scenarios:
            return
        section = section[str(args.trainings)]
        # As deployed: several processes sharing one Redis (README), page cache on.
        with (
            RedisServer() as redis,
            gunicorn({**env, "REDIS_URL": args.redis_url or redis.url}, args, "postgres") as base,
        ):
            if "load" in scenarios:
                section["load"] = scenario_load(base, data, args, env, "postgres")
            if "faults" in scenarios:
                section["faults"] = scenario_faults(base, data, args, cluster, "postgres")
    finally:
        cluster.destroy()


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scenario", choices=["all", "pages", "load", "faults"], default="all")
    parser.add_argument("--postgres", action="store_true", help="pages scenario on PostgreSQL instead of SQLite")
    parser.add_argument("--trainings", type=int, default=10000)
    parser.add_argument(
        "--large", type=int, default=100000, help="second catalogue size for the pages scenario (0: none)"
    )
    parser.add_argument("--experts", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cached-urls", type=int, default=400, help="URLs per page kind of the cached runs")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="SQLite: use bench/results/bench-<size>.sqlite3 if there (not seeded again)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the SQLite databases (for make profile)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (issue #18's set-up: 2; 4 also run)")
    parser.add_argument("--threads", type=int, default=1, help="threads per gunicorn worker")
    parser.add_argument("--duration", type=int, default=10, help="seconds per page kind (pages scenario)")
    parser.add_argument("--connections", type=int, default=8, help="connections (pages scenario)")
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--load-seconds", type=int, default=60)
    parser.add_argument("--load-connections", type=int, default=50)
    parser.add_argument("--brief-threads", type=int, default=8)
    parser.add_argument("--fault-seconds", type=int, default=40)
    parser.add_argument(
        "--redis-url", default="", help="shared cache for the served site (e.g. redis://127.0.0.1:6379/2)"
    )
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    ensure_wrk()
    RESULTS.mkdir(exist_ok=True)
    started = time.monotonic()
    report = {"args": vars(args), "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    env = site_env("sqlite:///unused")
    compiled = subprocess.run([PY, "manage.py", "compilemessages", "--ignore=.venv", "--ignore=staticfiles", "-v0"],
                              env=env, cwd=ROOT, capture_output=True, text=True)  # fmt: skip
    if compiled.returncode:
        log(f"WARNING: compilemessages failed, pages may show untranslated strings:\n{compiled.stderr[-500:]}")
    manage(env, "collectstatic", "--noinput", "-v0")
    if args.scenario == "all":
        bench_sqlite(args, report)
        bench_postgres(args, report, {"pages", "load", "faults"})
    elif args.scenario == "pages" and not args.postgres:
        bench_sqlite(args, report)
    else:
        bench_postgres(args, report, {args.scenario})
    report["seconds"] = round(time.monotonic() - started)
    out = RESULTS / f"bench-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False, default=str))
    out.with_suffix(".md").write_text(markdown(report))
    log(f"\nDone in {report['seconds']} s; figures saved to {out.relative_to(ROOT)} (tables: .md)")


def markdown(report):
    """The pages figures as Markdown tables (for bench/README.md): one per database and size."""
    lines = []
    for database in ("sqlite", "postgres"):
        for size, section in sorted(report.get(database, {}).items(), key=lambda item: int(item[0])):
            if "pages" not in section:
                continue
            lines += [
                f"### {database}, {int(size):,} trainings ("
                + (f"seeded in {section['seed_seconds']} s)" if section["seed_seconds"] else "database reused)"),
                "",
                "| page | rendered req/s | ratio | p99 ms | repeats | cache hits | cached req/s | ratio | p99 ms |",
                "| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |",
            ]
            rendered, cached = section["pages"]["rendered"], section["pages"]["cached"]
            for name in ["healthz", *PAGES]:
                r, c = rendered[name], cached[name]
                hits = ", ".join(f"{k} {v['rate']:.0%}" for k, v in r.get("hit_rates", {}).items()) or "–"
                lines.append(
                    f"| {name} | {r['rps']} | {r['ratio']:.3f} | {r['p99_ms']} | {r.get('repeats', 0)} | {hits} "
                    f"| {c['rps']} | {c['ratio']:.3f} | {c['p99_ms']} |"
                )
            lines.append("")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()

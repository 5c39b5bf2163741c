"""When Redis (the shared cache) is down, the site carries on without it (config/cache.py)."""

import logging
import socketserver
import threading

import pytest
from django.core.cache import cache

from catalogue.enums import Status
from config import cache as resilient
from tests.factories import make_training

pytestmark = pytest.mark.django_db

# Nothing listens on port 1: every call fails as when Redis is down.
DOWN_URL = "redis://127.0.0.1:1/0"
DOWN = {"BACKEND": "config.cache.ResilientRedisCache", "LOCATION": DOWN_URL}


@pytest.fixture
def redis_down(settings):
    settings.CACHES = {"default": DOWN}


class _EmptyRedis(socketserver.StreamRequestHandler):
    """Speaks just enough of the Redis protocol (RESP3): every GET misses, anything else is OK."""

    def handle(self):
        while line := self.rfile.readline():
            if not line.startswith(b"*"):
                continue
            args = []
            for _ in range(int(line[1:])):
                size = int(self.rfile.readline()[1:])
                args.append(self.rfile.read(size + 2)[:-2])
            command = args[0].upper()
            if command == b"HELLO":  # the client asks for RESP3
                self.wfile.write(b"%1\r\n+proto\r\n:3\r\n")
            else:
                self.wfile.write(b"_\r\n" if command == b"GET" else b"+OK\r\n")


@pytest.fixture
def reachable():
    """A cache whose Redis answers (a stand-in server on a free local port)."""
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _EmptyRedis)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    yield resilient.ResilientRedisCache(f"redis://127.0.0.1:{server.server_address[1]}/0", {})
    server.shutdown()
    server.server_close()


@pytest.fixture
def log(reachable, caplog):
    """The cache's log lines, from a process where Redis has just answered (no outage under way)."""
    assert reachable.get("k", "miss") == "miss"
    caplog.set_level(logging.INFO, logger="config.cache")
    caplog.clear()
    return lambda: [r for r in caplog.records if r.name == "config.cache"]


def test_cache_behaves_as_empty_when_redis_is_down(redis_down):
    assert cache.add("k", 1) is False
    cache.set("k", 1)
    assert cache.get("k", "missing") == "missing"
    assert cache.get_or_set("k", "computed") == "computed"
    assert cache.incr("k") is None


def test_an_outage_warns_once_per_interval_not_on_every_call(log, monkeypatch):
    down = resilient.ResilientRedisCache(DOWN_URL, {})
    for _ in range(500):
        assert down.get("k", "missing") == "missing"
    assert [r.levelno for r in log()] == [logging.WARNING]

    monkeypatch.setattr(resilient, "WARNING_INTERVAL", 0)  # the interval has passed
    down.get("k")
    assert [r.levelno for r in log()] == [logging.WARNING, logging.WARNING]
    assert 500 in log()[-1].args  # calls that went without the cache since the first warning


def test_recovery_is_logged_once_then_a_new_outage_warns_again(log, reachable):
    down = resilient.ResilientRedisCache(DOWN_URL, {})
    for _ in range(3):
        down.get("k")
    assert reachable.get("k", "hit") == "hit"
    reachable.get("k")
    assert [r.levelno for r in log()] == [logging.WARNING, logging.INFO]
    assert 3 in log()[-1].args  # calls that went without the cache during the outage

    down.get("k")
    assert [r.levelno for r in log()] == [logging.WARNING, logging.INFO, logging.WARNING]


def test_catalogue_page_and_api_answer_when_redis_is_down(client, redis_down):
    make_training(title="Diffuser vos messages", slug="diffuser")
    make_training(title="Brouillon caché", slug="cache", status=Status.DRAFT)
    html = client.get("/fr/trainings/").content.decode()
    assert "Diffuser vos messages" in html
    assert "Brouillon caché" not in html
    api = client.get("/api/v1/trainings/")
    assert [t["slug"] for t in api.json()["results"]] == ["diffuser"]

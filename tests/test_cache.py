"""When Redis (the shared cache) is down, the site carries on without it (config/cache.py)."""

import logging

import pytest
from django.core.cache import cache
from redis.exceptions import ConnectionError as RedisConnectionError

from catalogue.enums import Status
from config import cache as resilient
from tests.factories import make_training

pytestmark = pytest.mark.django_db

# Nothing listens on port 1: every call fails as when Redis is down.
DOWN = {"BACKEND": "config.cache.ResilientRedisCache", "LOCATION": "redis://127.0.0.1:1/0"}


@pytest.fixture(autouse=True)
def fresh_process(monkeypatch):
    """Each test starts as a process that has not seen Redis fail yet."""
    monkeypatch.setattr(resilient, "_outage", resilient._Outage())


@pytest.fixture
def redis_down(settings):
    settings.CACHES = {"default": DOWN}


def _warnings(caplog):
    return [r.getMessage() for r in caplog.records if r.name == "config.cache" and r.levelno == logging.WARNING]


def test_cache_behaves_as_empty_when_redis_is_down(redis_down, caplog):
    assert cache.add("k", 1) is False
    cache.set("k", 1)
    assert cache.get("k", "missing") == "missing"
    assert cache.get_or_set("k", "computed") == "computed"
    assert cache.incr("k") is None
    assert "Cache unreachable during add(); carrying on without it" in caplog.text


class FlakyRedis:
    """Stands for the Redis client: refuses every call until `up` is set."""

    up = False

    def get(self, key, default):
        if not self.up:
            raise RedisConnectionError("Connection refused")
        return default


@pytest.fixture
def clock(monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(resilient, "_now", lambda: now[0])
    return now


@pytest.fixture
def flaky():
    backend = resilient.ResilientRedisCache("redis://127.0.0.1:1/0", {})
    backend._cache = FlakyRedis()
    return backend


def test_an_outage_warns_once_a_minute_not_on_every_call(flaky, clock, caplog):
    caplog.set_level(logging.INFO, logger="config.cache")
    for _ in range(500):
        assert flaky.get("k", "missing") == "missing"
    assert len(_warnings(caplog)) == 1
    assert _warnings(caplog)[0].startswith("Cache unreachable during get(); carrying on without it")

    clock[0] += 59
    flaky.get("k")
    assert len(_warnings(caplog)) == 1
    clock[0] += 1
    for _ in range(10):
        flaky.get("k")
    assert _warnings(caplog)[1:] == [
        "Cache still unreachable after 60 s; 501 calls carried on without it since the last warning."
    ]


def test_recovery_is_logged_once_then_a_new_outage_warns_again(flaky, clock, caplog):
    caplog.set_level(logging.INFO, logger="config.cache")
    for _ in range(3):
        flaky.get("k")
    clock[0] += 125
    flaky._cache.up = True
    assert flaky.get("k", "hit") == "hit"
    flaky.get("k")
    messages = [r.getMessage() for r in caplog.records if r.name == "config.cache"]
    assert messages[1:] == ["Cache reachable again after 125 s; 3 calls carried on without it."]
    assert caplog.records[-1].levelno == logging.INFO

    flaky._cache.up = False
    flaky.get("k")
    assert len(_warnings(caplog)) == 2
    assert _warnings(caplog)[1].startswith("Cache unreachable during get()")


def test_catalogue_page_and_api_answer_when_redis_is_down(client, redis_down):
    make_training(title="Diffuser vos messages", slug="diffuser")
    make_training(title="Brouillon caché", slug="cache", status=Status.DRAFT)
    html = client.get("/fr/trainings/").content.decode()
    assert "Diffuser vos messages" in html
    assert "Brouillon caché" not in html
    api = client.get("/api/v1/trainings/")
    assert [t["slug"] for t in api.json()["results"]] == ["diffuser"]

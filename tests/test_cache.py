"""When Redis (the shared cache) is down, the site carries on without it (config/cache.py)."""

import pytest
from django.core.cache import cache

from catalogue.enums import Status
from tests.factories import make_training

pytestmark = pytest.mark.django_db

# Nothing listens on port 1: every call fails as when Redis is down.
DOWN = {"BACKEND": "config.cache.ResilientRedisCache", "LOCATION": "redis://127.0.0.1:1/0"}


@pytest.fixture
def redis_down(settings):
    settings.CACHES = {"default": DOWN}


def test_cache_behaves_as_empty_when_redis_is_down(redis_down, caplog):
    assert cache.add("k", 1) is False
    cache.set("k", 1)
    assert cache.get("k", "missing") == "missing"
    assert cache.get_or_set("k", "computed") == "computed"
    assert cache.incr("k") is None
    assert "Cache unreachable during get(); carrying on without it." in caplog.text


def test_catalogue_page_and_api_answer_when_redis_is_down(client, redis_down):
    make_training(title="Diffuser vos messages", slug="diffuser")
    make_training(title="Brouillon caché", slug="cache", status=Status.DRAFT)
    html = client.get("/fr/trainings/").content.decode()
    assert "Diffuser vos messages" in html
    assert "Brouillon caché" not in html
    api = client.get("/api/v1/trainings/")
    assert [t["slug"] for t in api.json()["results"]] == ["diffuser"]

"""Rate-limit counters live in a store the page cache cannot evict (settings.CACHES["limits"])."""

import pytest
from django.core.cache import cache, caches
from django.core.management import call_command
from django.db import connection

from catalogue.api.throttling import AnonymousRateThrottle
from experts.models import Brief
from tests.factories import make_objective, make_public_expert

pytestmark = pytest.mark.django_db(transaction=False)


def _brief(client, expert, name, **extra):
    objective = make_objective(slug=f"objectif-{name}") if not Brief.objects.exists() else None
    data = {
        "objective": objective.slug if objective else "",
        "objective_text": "Diffuser nos messages",
        "message": "Bonjour",
        "name": name,
        "email": "v@example.com",
        "language": "fr",
        "consent": "on",
        "confirm": "1",
    }
    return client.post(f"/fr/experts/{expert.slug}/brief/", data, **extra)


def test_brief_counter_holds_after_the_page_cache_is_flooded(client, settings, django_capture_on_commit_callbacks):
    settings.BRIEF_RATE_LIMIT = "2/h"
    expert = make_public_expert(slug="anne")
    with django_capture_on_commit_callbacks(execute=True):
        assert _brief(client, expert, "Un").status_code == 302
        assert _brief(client, expert, "Deux").status_code == 302
    # Text searches fill the page cache; the default in-process cache holds 2,000 entries.
    for n in range(2500):
        cache.set(f"page:flood:{n}", b"x" * 100)
    with django_capture_on_commit_callbacks(execute=True):
        assert _brief(client, expert, "Trois").status_code == 429
    assert Brief.objects.count() == 2


def test_limits_store_never_culls_a_live_counter(settings):
    limits = caches["limits"]
    if settings.CACHES["limits"]["BACKEND"] != "config.cache.LimitsDatabaseCache":
        pytest.skip("LIMITS_REDIS_URL: a Redis with maxmemory-policy noeviction")
    limits.set("counter", 1, 3600)
    limits._max_entries = 5
    for n in range(50):
        limits.set(f"other:{n}", n, 3600)
    assert limits.get("counter") == 1
    assert limits.get("other:0") == 0


def test_api_throttle_counts_in_the_limits_store():
    assert AnonymousRateThrottle().cache is caches["limits"]


def test_migrate_creates_the_limits_table(settings):
    if settings.CACHES["limits"]["BACKEND"] != "config.cache.LimitsDatabaseCache":
        pytest.skip("LIMITS_REDIS_URL: no table")
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE cible_limits")
    call_command("migrate", verbosity=0)
    assert "cible_limits" in connection.introspection.table_names()

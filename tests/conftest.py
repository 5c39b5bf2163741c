import os
import shutil

import pytest

# Playwright's sync API runs an event loop in the test thread; the ORM calls
# the tests make next to it are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    from django.core.cache import cache
    from django.utils import translation

    cache.clear()
    # Each test starts in the site's language: a request in English (the test client runs it in this
    # thread) leaves English active, and a later test's get_absolute_url() would give /en/ URLs.
    translation.activate(settings.LANGUAGE_CODE)
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _fresh_rate_limits(request, django_db_blocker):
    """Rate-limit counters (CACHES["limits"]) start at zero in every test.

    In the database by default: rolled back with each test's transaction, but not flushed after a
    transactional test (live server), so cleared then. In LIMITS_REDIS_URL's Redis: cleared always.
    """
    from django.core.cache import caches
    from django.core.cache.backends.db import DatabaseCache

    limits = caches["limits"]
    in_database = isinstance(limits, DatabaseCache)
    if not in_database:
        limits.clear()
    yield
    if in_database and {"transactional_db", "live_server"} & set(request.fixturenames):
        with django_db_blocker.unblock():
            limits.clear()


def pytest_collection_modifyitems(config, items):
    if os.path.exists(CHROMIUM) or shutil.which("chromium"):
        return
    if os.environ.get("CI"):
        raise pytest.UsageError(f"CI must run the browser tests, but {CHROMIUM} is missing.")
    skip = pytest.mark.skip(reason=f"no Chromium at {CHROMIUM}: install Debian's chromium to run browser tests")
    browser_tests = [item for item in items if "browser" in item.keywords]
    for item in browser_tests:
        item.add_marker(skip)
    if browser_tests:
        print(f"\nNOTE: {len(browser_tests)} browser tests skipped: no Chromium at {CHROMIUM}.")


@pytest.fixture
def objectives(db):
    """The demo's curated objectives, saved as seed_demo writes them: {slug: Objective}."""
    from tests.catalogue.objectives import create_demo_objectives

    return create_demo_objectives()

"""Whole public pages served from the cache to anonymous visitors.

A page comes from the cache only for a request that cannot belong to anyone:
a GET with no session cookie and no pending messages, whose query string holds
only the page's own parameters (so junk parameters cannot fill the cache). A
logged-in trainer or curator always gets a freshly rendered page, and a page
is stored only when rendering it set no cookie and touched no session.

Every key holds the catalogue revision (catalogue.models.Revision), which
`bump()` raises in the same transaction as any change to what public pages
show: signals for saves and deletes (connected in the apps' `ready()`), and an
explicit call after bulk writes. A change is therefore visible on the very
next request, in every server process, whatever the cache backend; and a page
rendered before a change commits is stored under the old revision, never the
new one. PAGE_CACHE_SECONDS bounds what time alone changes (a session that has
started no longer counts as upcoming).

Stale-if-error: a page stays in the cache for PAGE_STALE_SECONDS, served only
while fresh (PAGE_CACHE_SECONDS), except when the database does not answer:
then an anonymous visitor gets the last page stored for the URL under the last
revision this process (or any, through the cache) read, however old, rather
than the error page. A logged-in user is never served from the cache, and
/healthz still answers 503.
"""

import hashlib
import logging
import time
from functools import wraps

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import DatabaseError
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers

from . import cache_stats
from .models import Revision

KEY_PREFIX = "page"
LAST_REVISION_KEY = f"{KEY_PREFIX}:last-revision"

logger = logging.getLogger(__name__)
_last_revision = None  # the last revision this process read from the database


def bump(**signal_kwargs):
    """Raise the revision: every cached page is stale from the moment this commits."""
    Revision.bump()


def connect(*models, m2m=()):
    """Bump the revision whenever one of `models` (or an m2m `through`) changes."""
    from django.db.models.signals import m2m_changed, post_delete, post_save

    for model in models:
        post_save.connect(bump, sender=model, dispatch_uid=f"page_cache.save.{model._meta.label}")
        post_delete.connect(bump, sender=model, dispatch_uid=f"page_cache.delete.{model._meta.label}")
    for through in m2m:
        m2m_changed.connect(bump, sender=through, dispatch_uid=f"page_cache.m2m.{through._meta.label}")


def public_page(params=()):
    """Decorate a public page's view; `params`: the query parameters it reads."""
    allowed = frozenset(params)

    def decorator(view):
        @wraps(view)
        def cached_view(request, *args, **kwargs):
            url = _url(request, allowed)
            if url is None:
                return view(request, *args, **kwargs)
            try:
                revision = _read_revision()
            except DatabaseError:
                stale = _stale(url)
                if stale is None:
                    raise
                logger.warning("Database unreachable: served %s from the page cache.", request.path)
                return _response(*stale[:2])
            request._catalogue_revision = revision  # shared with the page's fragments
            key = f"{KEY_PREFIX}:{revision}:{url}"
            stored = cache.get(key)
            hit = stored is not None and _fresh(stored)
            cache_stats.record("page", hits=hit, misses=not hit)
            if hit:
                return _response(*stored[:2])
            response = view(request, *args, **kwargs)
            if getattr(response, "is_rendered", True):
                _store(request, key, response)
            else:
                response.add_post_render_callback(lambda rendered: _store(request, key, rendered))
            return response

        # What the page reads, for tests that walk the URLs (tests/catalogue/test_input_fuzz.py).
        cached_view.public_params = allowed
        return cached_view

    return decorator


def anonymous(request):
    """A GET that cannot belong to anyone: no session cookie, no message waiting."""
    return request.method == "GET" and not (
        settings.SESSION_COOKIE_NAME in request.COOKIES or CookieStorage.cookie_name in request.COOKIES
    )


def revision(request):
    """The catalogue revision, read once per request (the page and its fragments share it)."""
    if not hasattr(request, "_catalogue_revision"):
        request._catalogue_revision = Revision.current()
    return request._catalogue_revision


def _url(request, allowed):
    """The hashed URL of a request the cache may answer, else None."""
    if settings.PAGE_CACHE_SECONDS <= 0 or request.method != "GET":
        return None
    if not anonymous(request):
        return None  # possibly someone's: a logged-in user, or a message waiting to be shown
    if not allowed.issuperset(request.GET.keys()):
        return None
    return hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()


def _read_revision():
    global _last_revision
    revision = Revision.current()
    if revision != _last_revision:  # rare: once per change, per process
        _last_revision = revision
        cache.set(LAST_REVISION_KEY, revision, settings.PAGE_STALE_SECONDS)
    return revision


def _stale(url):
    """(content, headers, stored_at) last stored for `url`, or None; for when the database is away."""
    revision = _last_revision if _last_revision is not None else cache.get(LAST_REVISION_KEY)
    if revision is None:
        return None
    return cache.get(f"{KEY_PREFIX}:{revision}:{url}")


def _fresh(stored):
    stored_at = stored[2] if len(stored) > 2 else 0
    return time.time() - stored_at <= settings.PAGE_CACHE_SECONDS


def _store(request, key, response):
    session = getattr(request, "session", None)
    if (
        response.status_code != 200
        or response.streaming
        or response.cookies
        or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # the page holds a CSRF token
        or (session is not None and session.modified)
    ):
        return
    headers = [(name, value) for name, value in response.items() if name.lower() != "vary"]
    # Kept past its freshness, to be served while the database is away (stale-if-error).
    lifetime = max(settings.PAGE_STALE_SECONDS, settings.PAGE_CACHE_SECONDS)
    cache.set(key, (response.content, headers, time.time()), lifetime)


def _response(content, headers):
    response = HttpResponse(content, headers=dict(headers))
    # As a rendered page would: whatever caches it downstream keeps it apart
    # from logged-in visitors' pages.
    patch_vary_headers(response, ("Cookie",))
    return response

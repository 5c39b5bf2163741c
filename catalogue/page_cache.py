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
"""

import hashlib
from functools import wraps

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers

from .models import Revision

KEY_PREFIX = "page"


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
            key = _key(request, allowed)
            if key is None:
                return view(request, *args, **kwargs)
            stored = cache.get(key)
            if stored is not None:
                return _response(*stored)
            response = view(request, *args, **kwargs)
            if getattr(response, "is_rendered", True):
                _store(request, key, response)
            else:
                response.add_post_render_callback(lambda rendered: _store(request, key, rendered))
            return response

        return cached_view

    return decorator


def _key(request, allowed):
    if settings.PAGE_CACHE_SECONDS <= 0 or request.method != "GET":
        return None
    if settings.SESSION_COOKIE_NAME in request.COOKIES or CookieStorage.cookie_name in request.COOKIES:
        return None  # possibly someone's: a logged-in user, or a message waiting to be shown
    if not allowed.issuperset(request.GET.keys()):
        return None
    url = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
    return f"{KEY_PREFIX}:{Revision.current()}:{url}"


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
    cache.set(key, (response.content, headers), settings.PAGE_CACHE_SECONDS)


def _response(content, headers):
    response = HttpResponse(content, headers=dict(headers))
    # As a rendered page would: whatever caches it downstream keeps it apart
    # from logged-in visitors' pages.
    patch_vary_headers(response, ("Cookie",))
    return response

"""Training cards cached as markup, fetched for a whole page with one `get_many`.

A card shows the training, its trainer and its next session (catalogue.cards).
Its key holds the catalogue revision (bumped by any change to those,
catalogue.page_cache), the language and the next session's start, the one thing
time alone changes (a session that has started gives way to the next one). What
a request adds, the filters and shortlist its link carries and its shortlist
link, is spliced in per request, so one entry serves every search that shows
the training. Only anonymous requests read or fill these caches: a logged-in
visitor's page is rendered whole.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from . import cache_stats, cards, page_cache, shortlist


def enabled(request):
    return request is not None and settings.FRAGMENT_CACHE_SECONDS > 0 and page_cache.anonymous(request)


def training_cards(context, trainings):
    """[(training, markup)] for a page of cards, as the card include renders them."""
    request = context.get("request")
    current = shortlist.for_request(request) if request is not None else shortlist.Shortlist()
    card_query = context.get("card_query") or ""

    def card(training, parts=None):
        return mark_safe(f"\n{cards.card(training, card_query, current, parts)}\n")  # noqa: S308  # nosec B308 B703 (catalogue.cards escapes)

    if not enabled(request):
        return [(training, card(training)) for training in trainings]
    prefix = f"card:{page_cache.revision(request)}:{get_language()}"
    keys = {
        training.pk: f"{prefix}:{training.pk}:{_stamp(getattr(training, 'next_session_at', None))}"
        for training in trainings
    }
    stored = cache.get_many(keys.values())
    result, missing = [], {}
    for training in trainings:
        parts = stored.get(keys[training.pk])
        if parts is None:
            parts = missing[keys[training.pk]] = cards.card_parts(training)
        result.append((training, card(training, parts)))
    if missing:
        # Markup built from the training alone (catalogue.cards): never a CSRF token, never a visitor's.
        cache.set_many(missing, settings.FRAGMENT_CACHE_SECONDS)
    cache_stats.record("card", hits=len(trainings) - len(missing), misses=len(missing))
    return result


def _holds_a_token(request):
    """Whether a CSRF token was rendered (maybe in the fragment): never shared, as for whole pages."""
    return bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE"))


def _stamp(moment):
    return int(moment.timestamp()) if moment else "-"


def value(request, name, vary, compute):
    """`compute()`, cached on `vary` (all it depends on besides the catalogue), the
    revision and the language, for anonymous requests (e.g. the facet counts of a search)."""
    if not enabled(request):
        return compute()
    return _cached(request, f"value:{name}", name, vary, compute, shareable=lambda: True)


def block(context, name, vary, render):
    """The markup `render()` makes, cached on `vary` (all it depends on besides the
    catalogue and the language): the `{% fragment %}` tag of templatetags/cible.py."""
    request = context.get("request")
    if not enabled(request):
        return render()
    markup = _cached(
        request, f"fragment:{name}", name, vary, lambda: str(render()), shareable=lambda: not _holds_a_token(request)
    )
    return mark_safe(markup)  # noqa: S308  # nosec B308 B703 (a template's own autoescaped output)


def _cached(request, prefix, stat, vary, compute, shareable):
    """The one lookup of value() and block(): keyed on `vary`, the revision and the language;
    stored only if `shareable()` once computed (a CSRF token may have been rendered meanwhile)."""
    digest = hashlib.sha256(repr(vary).encode()).hexdigest()
    key = f"{prefix}:{page_cache.revision(request)}:{get_language()}:{digest}"
    result = cache.get(key)
    cache_stats.record(stat, hits=result is not None, misses=result is None)
    if result is None:
        result = compute()
        if shareable():
            cache.set(key, result, settings.FRAGMENT_CACHE_SECONDS)
    return result

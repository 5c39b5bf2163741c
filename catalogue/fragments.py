"""Training cards cached as markup, fetched for a whole page with one `get_many`.

A card shows the training, its trainer and its next session. The key holds the
catalogue revision (bumped by any change to those, catalogue.page_cache) and
the language, plus the next session's start, the one thing time alone changes
(a session that has started gives way to the next one), and every parameter of
the URL but the page: a card carries the filters in its link and shows whether
it is on the shortlist `t`. Only anonymous
requests read or fill these caches: a logged-in visitor's page is rendered whole.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from . import cache_stats, page_cache

CARD_TEMPLATE = "catalogue/includes/training_card.html"


def enabled(request):
    return request is not None and settings.FRAGMENT_CACHE_SECONDS > 0 and page_cache.anonymous(request)


def training_cards(context, trainings):
    """[(training, markup)] for a page of cards, rendered as the card include would."""
    template = context.template.engine.get_template(CARD_TEMPLATE)

    def render(training):
        with context.push(training=training):
            return mark_safe(template.render(context))  # noqa: S308  # nosec B308 B703 (the template's own autoescaped output)

    request = context.get("request")
    if not enabled(request):
        return [(training, render(training)) for training in trainings]
    prefix = f"card:{page_cache.revision(request)}:{get_language()}"
    carried = _carried(request)
    if carried:
        prefix += ":" + hashlib.sha256(repr(carried).encode()).hexdigest()
    keys = {
        training.pk: f"{prefix}:{training.pk}:{_stamp(getattr(training, 'next_session_at', None))}"
        for training in trainings
    }
    stored = cache.get_many(keys.values())
    cards, missing = [], {}
    for training in trainings:
        markup = stored.get(keys[training.pk])
        if markup is None:
            markup = missing[keys[training.pk]] = render(training)
        cards.append((training, mark_safe(markup)))  # noqa: S308  # nosec B308 B703 (stored from render() above)
    if missing and not _holds_a_token(request):
        cache.set_many({key: str(markup) for key, markup in missing.items()}, settings.FRAGMENT_CACHE_SECONDS)
    cache_stats.record("card", hits=len(trainings) - len(missing), misses=len(missing))
    return cards


def _carried(request):
    """What of the URL a card may show besides its training: every parameter but the
    page (the filters travel in its link, the shortlist `t` decides its button)."""
    return sorted((name, values) for name, values in request.GET.lists() if name != "page")


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
    digest = hashlib.sha256(repr(vary).encode()).hexdigest()
    key = f"value:{name}:{page_cache.revision(request)}:{get_language()}:{digest}"
    result = cache.get(key)
    cache_stats.record(name, hits=result is not None, misses=result is None)
    if result is None:
        result = compute()
        cache.set(key, result, settings.FRAGMENT_CACHE_SECONDS)
    return result


def block(context, name, vary, render):
    """The markup `render()` makes, cached on `vary` (all it depends on besides the
    catalogue and the language): the `{% fragment %}` tag of templatetags/cible.py."""
    request = context.get("request")
    if not enabled(request):
        return render()
    digest = hashlib.sha256(repr(vary).encode()).hexdigest()
    key = f"fragment:{name}:{page_cache.revision(request)}:{get_language()}:{digest}"
    markup = cache.get(key)
    cache_stats.record(name, hits=markup is not None, misses=markup is None)
    if markup is None:
        markup = render()
        if not _holds_a_token(request):
            cache.set(key, str(markup), settings.FRAGMENT_CACHE_SECONDS)
    return mark_safe(markup)  # noqa: S308  # nosec B308 B703 (a template's own autoescaped output)

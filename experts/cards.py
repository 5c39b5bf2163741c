"""The expert directory's card, built in Python and cached per expert (as catalogue.cards
and catalogue.fragments do for training cards).

`card(expert)` gives the markup the template include `experts/includes/expert_card.html`
gave (it rendered anew every variable and tag of twelve cards a page). Everything a card shows comes from the
expert, their platforms and their published trainings' count: an Expert save, a
platform change or a training change bumps the catalogue revision, which keys the
cache; so does the language. Only anonymous requests read or fill the cache
(catalogue.fragments.enabled): a logged-in visitor's page is rendered whole.
"""

from django.conf import settings
from django.core.cache import cache
from django.utils.html import conditional_escape as escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext, ngettext

from catalogue import cache_stats, cards, fragments, page_cache

PHOTO_SIZE = 48


def cards_for(request, experts):
    """[(expert, markup)] for a page of experts: cached markup, one `get_many`, the missing ones built."""
    if not fragments.enabled(request):
        return [(expert, card(expert)) for expert in experts]
    prefix = f"expert-card:{page_cache.revision(request)}:{get_language()}"
    keys = {expert.pk: f"{prefix}:{expert.pk}" for expert in experts}
    stored = cache.get_many(keys.values())
    result, missing = [], {}
    for expert in experts:
        markup = stored.get(keys[expert.pk])
        if markup is None:
            markup = missing[keys[expert.pk]] = str(card(expert))
        result.append((expert, mark_safe(markup)))  # noqa: S308  # nosec B308 B703 (built by card(): escaped)
    if missing:
        # Markup built from the expert alone: never a CSRF token, never a visitor's.
        cache.set_many(missing, settings.FRAGMENT_CACHE_SECONDS)
    cache_stats.record("expert-card", hits=len(experts) - len(missing), misses=len(missing))
    return result


def card(expert):
    """The card of `expert` (with `published_count` annotated and platforms prefetched)."""
    media, network = gettext("Social media"), gettext("Social networking")
    labels = {"media": media, "network": network}
    badges = "".join(
        f'<span class="badge badge-{escape(code)}">{labels.get(code, "")}</span>' for code in expert.focuses or ()
    )
    pk = expert.pk
    if expert.photo:
        photo = (
            f'<img class="expert-photo rounded-circle" src="{escape(expert.photo.url)}" alt="" '
            f'width="{PHOTO_SIZE}" height="{PHOTO_SIZE}" loading="lazy" decoding="async">'
        )
    else:
        photo = (
            f'<img class="expert-photo expert-photo-placeholder rounded-circle" src="{cards.labels()["placeholder"]}" '
            f'alt="" width="{PHOTO_SIZE}" height="{PHOTO_SIZE}" data-placeholder>'
        )
    headline = f'<p class="card-text mb-2">{escape(expert.headline)}</p>' if expert.headline else ""
    city = f"<li>{escape(expert.city)}</li>" if expert.city else ""
    platforms = list(expert.platforms.all())
    platforms = f"<li>{', '.join(escape(platform.name) for platform in platforms)}</li>" if platforms else ""
    languages = ""
    if expert.languages:
        codes = ", ".join(escape(str(code).upper()) for code in expert.languages)
        languages = f"<li>{gettext('Teaches in:')} {codes}</li>"
    footer = ""
    count = getattr(expert, "published_count", None)
    if count is not None:
        text = ngettext("%(counter)s published training", "%(counter)s published trainings", count) % {"counter": count}
        footer = f'\n  <div class="card-footer bg-body small">\n    {text}\n  </div>\n  '
    return mark_safe(  # noqa: S308  # nosec B308 B703 (every value escaped above, translated words)
        f'\n<article class="card h-100 shadow-sm expert-card" aria-labelledby="expert-{pk}-name">\n'
        '  <div class="card-body d-flex flex-column">\n'
        '    <div class="d-flex flex-wrap gap-1 mb-2">\n'
        f"      {badges}\n"
        "    </div>\n"
        '    <div class="d-flex align-items-center gap-2 mb-1">\n'
        f"      \n{photo}\n\n"
        f'      <h3 class="h5 card-title mb-0" id="expert-{pk}-name"><a class="stretched-link text-decoration-none" '
        f'href="{escape(expert.get_absolute_url())}">{escape(expert.name)}</a></h3>\n'
        "    </div>\n"
        f"    {headline}\n"
        '    <ul class="list-unstyled small text-body-secondary mt-auto mb-0">\n'
        f"      {city}\n"
        f"      {platforms}\n"
        f"      {languages}\n"
        "    </ul>\n"
        "  </div>\n"
        f"  {footer}\n"
        "</article>\n"
    )

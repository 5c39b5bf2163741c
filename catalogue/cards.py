"""The markup of a training card and of the "add to my comparison" link, built in Python.

A list page shows twelve cards and most of its rendering time went into them:
the template engine resolves every variable, tag and include of every card. The
same markup is built here from strings, with the labels every card shares
(choice displays, translated words) looked up once per language and process.
templates/catalogue/includes/training_card.html wraps `{% training_card %}`, so
a page that includes the card gets the same markup as the list's cached cards.

A card is made of what depends on the training only (cacheable per training,
catalogue revision, language and next session: catalogue.fragments) and of two
request-specific parts spliced in per request: the query its link carries (the
filters and the shortlist `t`) and the shortlist link (`shortlist_link`).

Everything from the database or the URL goes through `escape`, as `{{ … }}`
would; translated words and labels are inserted as `{% translate %}` inserts them.
"""

import unicodedata
from zoneinfo import ZoneInfo

from django.core.signals import setting_changed
from django.template.defaultfilters import floatformat
from django.templatetags.static import static
from django.urls import get_script_prefix, reverse
from django.utils import formats
from django.utils.html import conditional_escape as escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language, gettext, ngettext

from . import grammar
from .models import Training
from .shortlist import MAX_TRAININGS, SLUG
from .shortlist import PARAM as _PARAM

PHOTO_SIZE = 28
SUMMARY_LENGTH = 160
_labels = {}  # per language (and script prefix): what every card shows the same way
_SENTINEL = "cible-card-slug"


def _clear(**kwargs):
    _labels.clear()


# A test that changes the static files' storage or the languages gets fresh labels.
setting_changed.connect(_clear, dispatch_uid="catalogue.cards.labels")


def labels():
    """The words, choice displays and link paths of a card in the active language (built once per process)."""
    key = (get_language(), get_script_prefix())
    found = _labels.get(key)
    if found is None:
        fields = ("focus", "format", "level", "mode", "language")
        found = _labels[key] = {
            **{
                name: {code: escape(str(label)) for code, label in Training._meta.get_field(name).flatchoices}
                for name in fields
            },
            "free": gettext("Free"),
            "next_session": gettext("Next session:"),
            "online": gettext("online"),
            "no_session": gettext("No upcoming session: ask the trainer"),
            "hours": gettext("%(hours)s h"),
            "trainer": gettext("Trainer:"),
            "listed": gettext("In my comparison"),
            "compare": gettext("Compare"),
            "add": gettext("Add to my comparison"),
            "full": ngettext("Comparison full (%(max)s training)", "Comparison full (%(max)s trainings)", MAX_TRAININGS)
            % {"max": MAX_TRAININGS},
            "placeholder": escape(static("img/expert-placeholder.svg")),
            # What reverse() gives around a slug, as (before, after): one reverse per language, not three per card.
            "training_url": _around_slug("catalogue:training_detail"),
            "expert_url": _around_slug("experts:expert_detail"),
            "compare_url": reverse("catalogue:compare"),
        }
    return found


def _around_slug(name):
    before, _, after = reverse(name, kwargs={"slug": _SENTINEL}).partition(_SENTINEL)
    return before, after


def _url(around, instance):
    """`instance.get_absolute_url()` for a well-formed slug (reverse() would put it as is), from `around`."""
    if SLUG.fullmatch(instance.slug):
        return f"{around[0]}{instance.slug}{around[1]}"
    return instance.get_absolute_url()


def _summary(text):
    """`text|truncatechars:160` (Truncator counts characters once NFC-normalised; none can add length)."""
    if len(text) <= SUMMARY_LENGTH:
        return unicodedata.normalize("NFC", text)
    return Truncator(text).chars(SUMMARY_LENGTH)


def title_id(training):
    return f"training-{training.slug}-title"


def card_parts(training):
    """The card of `training` as (before its link's query, after it up to the shortlist slot's content)."""
    words = labels()
    slug = escape(training.slug)
    heading = f"training-{slug}-title"
    display = {name: words[name].get(getattr(training, name), escape(getattr(training, name))) for name in _DISPLAYED}
    free = training.is_free
    trainer = training.trainer
    hours = floatformat(training.duration_hours, "-1")
    if trainer.photo:
        photo = (
            f'<img class="expert-photo rounded-circle" src="{escape(trainer.photo.url)}" alt="" '
            f'width="{PHOTO_SIZE}" height="{PHOTO_SIZE}" loading="lazy" decoding="async">'
        )
    else:
        photo = (
            f'<img class="expert-photo expert-photo-placeholder rounded-circle" src="{words["placeholder"]}" alt="" '
            f'width="{PHOTO_SIZE}" height="{PHOTO_SIZE}" data-placeholder>'
        )
    price = words["free"] if free else f"{floatformat(training.price, '-2')}&nbsp;{escape(training.currency)}"
    before = (
        f'<article class="card h-100 shadow-sm training-card" aria-labelledby="{heading}">\n'
        '  <div class="card-body d-flex flex-column">\n'
        '    <div class="d-flex flex-wrap gap-1 mb-2">\n'
        f'      <span class="badge badge-{escape(training.focus)}">{display["focus"]}</span>\n'
        f'      <span class="badge text-bg-light border">{display["format"]}</span>\n'
        f"      {_FREE_BADGE.format(words['free']) if free else ''}\n"
        "    </div>\n"
        f'    <h3 class="h5 card-title" id="{heading}"><a class="stretched-link text-decoration-none '
        f'training-card-link" href="{escape(_url(words["training_url"], training))}'
    )
    after = (
        f'">{escape(training.title)}</a></h3>\n'
        f'    <p class="card-text small text-body-secondary">{escape(_summary(training.summary))}</p>\n'
        '    <ul class="list-unstyled small mb-0 mt-auto training-facts">\n'
        '      <li class="next-session">\n'
        f"        {_next_session(training, words)}\n"
        "      </li>\n"
        f'      <li class="text-body-secondary">{display["level"]} · {display["mode"]} · {display["language"]} · '
        f"{words['hours'] % {'hours': hours}}</li>\n"
        "    </ul>\n"
        "  </div>\n"
        '  <div class="card-footer bg-body d-flex justify-content-between align-items-center gap-2 small">\n'
        '    <a class="position-relative z-2 d-flex align-items-center gap-2 text-truncate trainer-link" '
        f'href="{escape(_url(words["expert_url"], trainer))}">\n{photo}\n<span class="text-truncate">'
        f'<span class="visually-hidden">{words["trainer"]} </span>{escape(trainer.name)}</span></a>\n'
        f'    <strong class="price text-nowrap">{price}\n</strong>\n'
        "  </div>\n"
        '  <div class="card-footer bg-body small text-end shortlist-slot">'
    )
    return before, after


_DISPLAYED = ("focus", "format", "level", "mode", "language")
_FREE_BADGE = '<span class="badge text-bg-success">{}</span>'
CARD_END = "</div>\n</article>"


def _next_session(training, words):
    start = getattr(training, "next_session_at", None)
    if not start:
        return f'\n          <span class="text-body-secondary">{words["no_session"]}</span>\n        '
    from .templatetags.cible import valid_timezone  # not at the top: cible loads this module

    # As `{% timezone training.next_session_timezone|valid_timezone %}` shows it.
    local = start.astimezone(ZoneInfo(valid_timezone(training.next_session_timezone)))
    day = escape(grammar.ordinal_dates(formats.date_format(local, "DATE_FORMAT")))
    place = words["online"] if training.next_session_online else escape(training.next_session_city or training.city)
    return (
        "\n          \n"
        f'          <span class="visually-hidden">{words["next_session"]}</span>\n'
        f'          <time datetime="{local.replace(microsecond=0).isoformat()}">{day}</time>\n'
        "          \n"
        f"          · {place}\n        "
    )


def link_query(card_query, shortlist):
    """What a card's link carries: the filters (`card_query`, "?…") and the shortlist, escaped."""
    kept = shortlist.query()
    if card_query:
        return escape(f"{card_query}&{kept}" if kept else card_query)
    return escape(f"?{kept}") if kept else ""


def card(training, card_query, shortlist, parts=None):
    """The whole card: `parts` (from card_parts, maybe cached) with this request's link and shortlist link."""
    before, after = parts or card_parts(training)
    return mark_safe(  # noqa: S308  # nosec B308 B703 (built above from escaped values)
        before
        + link_query(card_query, shortlist)
        + after
        + shortlist_link(training, shortlist, described_by=title_id(training))
        + CARD_END
    )


def shortlist_link(training, shortlist, style="link", described_by=""):
    """ "Add to my comparison" for `training`, where it already is, or that the comparison is full."""
    words = labels()
    slug = escape(training.slug)
    listed = training.slug in shortlist
    url = _added_url(training.slug, shortlist, words)
    described = f' aria-describedby="{escape(described_by)}"' if described_by else ""
    button = style == "button"
    if listed:
        markup = (
            f'<a class="shortlist-add shortlist-listed position-relative z-2{" btn btn-outline-success" if button else ""}" '
            f'href="{url}" data-shortlist-add="{slug}"{described}>'
            f'<span aria-hidden="true">✓ </span>{words["listed"]}</a>'
        )
    elif shortlist.is_full:
        markup = f'<span class="shortlist-full small text-body-secondary">{words["full"]}</span>'
    else:
        markup = (
            f'<a class="shortlist-add position-relative z-2{" btn btn-outline-secondary" if button else ""}" '
            f'href="{url}" rel="nofollow" data-shortlist-add="{slug}"'
            f'{described}><span aria-hidden="true">+ </span>{words["add"] if button else words["compare"]}</a>'
        )
    return mark_safe(f"\n\n  {markup}\n\n")  # noqa: S308  # nosec B308 B703 (escaped values, translated words)


def _added_url(slug, shortlist, words):
    """`shortlist.with_added(slug)`, escaped: a well-formed slug is its own URL encoding."""
    if not SLUG.fullmatch(slug):
        return escape(shortlist.with_added(slug))
    query = shortlist.query()
    if slug not in shortlist:
        query = f"{query}&{_PARAM}={slug}" if query else f"{_PARAM}={slug}"
    return escape(f"{words['compare_url']}?{query}")

"""The visitor's shortlist: the trainings to compare, carried in the URL.

The list is the repeatable `t` parameter (`/fr/compare/?t=a&t=b`), never the
session nor a cookie, so every page that shows it stays in the anonymous page
cache and the compare URL can be shared or bookmarked.

`from_query` reads it without touching the database (cards and links on any
page); `resolve` keeps only published trainings (the compare page and its
calendar). Whatever the input, a bad entry is dropped with a note, never a 500,
and an unpublished training is reported exactly like an unknown one.
"""

import re
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import Training

PARAM = "t"
MAX_TRAININGS = 6
MAX_SLUG_LENGTH = Training._meta.get_field("slug").max_length
SLUG = re.compile(r"[-a-zA-Z0-9_]+")


@dataclass(frozen=True)
class Note:
    """Why something in the URL was left out; `code` is stable, `text` translated."""

    code: str  # invalid, repeated, too_many, unavailable
    text: str


@dataclass
class Shortlist:
    slugs: list = field(default_factory=list)
    notes: list = field(default_factory=list)

    def __bool__(self):
        return bool(self.slugs)

    def __len__(self):
        return len(self.slugs)

    def __contains__(self, slug):
        return slug in self.slugs

    @property
    def is_full(self):
        return len(self.slugs) >= MAX_TRAININGS

    def query(self, slugs=None):
        """ "t=a&t=b" for these slugs (the shortlist's own by default), "" when empty."""
        return urlencode([(PARAM, slug) for slug in (self.slugs if slugs is None else slugs)])

    def compare_url(self, slugs=None):
        query = self.query(slugs)
        return reverse("catalogue:compare") + (f"?{query}" if query else "")

    def with_added(self, slug):
        """The compare URL with `slug` appended (unchanged when already listed)."""
        return self.compare_url(self.slugs if slug in self.slugs else [*self.slugs, slug])

    def without(self, slug):
        return self.compare_url([s for s in self.slugs if s != slug])


def from_query(params):
    """The shortlist a query string names: well-formed, distinct, at most MAX_TRAININGS."""
    shortlist = Shortlist()
    invalid = dropped = 0
    for raw in params.getlist(PARAM):
        slug = raw.strip()
        if not slug:
            continue
        if len(slug) > MAX_SLUG_LENGTH or not SLUG.fullmatch(slug):
            invalid += 1  # not echoed back: it may be anything (NUL bytes, markup, megabytes)
        elif slug in shortlist.slugs:
            shortlist.notes.append(
                Note("repeated", _("“%(slug)s” was listed more than once; it is shown once.") % {"slug": slug})
            )
        elif shortlist.is_full:
            dropped += 1
        else:
            shortlist.slugs.append(slug)
    if invalid:
        text = ngettext(
            "%(count)d entry is not a training’s address and was left out.",
            "%(count)d entries are not trainings’ addresses and were left out.",
            invalid,
        )
        shortlist.notes.append(Note("invalid", text % {"count": invalid}))
    if dropped:
        text = ngettext(
            "At most %(max)d trainings can be compared: %(count)d more was left out.",
            "At most %(max)d trainings can be compared: %(count)d more were left out.",
            dropped,
        )
        shortlist.notes.append(Note("too_many", text % {"max": MAX_TRAININGS, "count": dropped}))
    return shortlist


def resolve(shortlist, queryset):
    """The published trainings of `shortlist`, in its order; others dropped with a note.

    `queryset` must start from Training.objects.published(); the shortlist's
    slugs are narrowed to those found, so its URLs no longer carry the others.
    """
    by_slug = {training.slug: training for training in queryset.filter(slug__in=shortlist.slugs)}
    for slug in shortlist.slugs:
        if slug not in by_slug:
            text = _("No published training has the address “%(slug)s”; it was left out.") % {"slug": slug}
            shortlist.notes.append(Note("unavailable", text))
    shortlist.slugs = [slug for slug in shortlist.slugs if slug in by_slug]
    return [by_slug[slug] for slug in shortlist.slugs]


def for_request(request):
    """The request's shortlist, read once per request (cards ask for it many times)."""
    shortlist = getattr(request, "_shortlist", None)
    if shortlist is None:
        shortlist = request._shortlist = from_query(request.GET)
    return shortlist

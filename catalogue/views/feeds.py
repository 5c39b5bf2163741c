"""Calendar (.ics) and news (Atom) feeds. Both take the catalogue's filter
parameters, so a search is one subscribable URL."""

from django.contrib.syndication.views import Feed
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from ..filters import TrainingFilter
from ..ical import build_calendar
from ..models import Session, Training

MAX_EVENTS = 500
MAX_ENTRIES = 50


def _filtered(request):
    """(FilterSet, None) or (None, a 400 response that explains what is wrong)."""
    filterset = TrainingFilter(request.GET, queryset=Training.objects.published())
    if filterset.is_valid():
        return filterset, None
    lines = [_("Invalid filter parameters:")]
    for field, errors in filterset.errors.items():
        lines += [f"- {field}: {error}" for error in errors]
    return None, HttpResponseBadRequest("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def _calendar_response(request, sessions, name, filename):
    def training_url(training):
        return request.build_absolute_uri(training.get_absolute_url())

    calendar = build_calendar(sessions, training_url, name)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _upcoming_sessions():
    return Session.objects.upcoming().select_related("training__trainer")


@require_safe
def training_feed_ics(request):
    """Upcoming sessions of the published trainings matching the filters."""
    filterset, error = _filtered(request)
    if error:
        return error
    trainings = filterset.qs.order_by().values("pk")
    sessions = _upcoming_sessions().filter(training__in=trainings).order_by("starts_at", "pk")[:MAX_EVENTS]
    return _calendar_response(request, sessions, _("Cible trainings"), "cible-trainings.ics")


@require_safe
def training_ics(request, slug):
    """One published training's upcoming sessions, to download."""
    training = get_object_or_404(Training.objects.published(), slug=slug)
    sessions = _upcoming_sessions().filter(training=training).order_by("starts_at", "pk")
    response = _calendar_response(request, sessions, training.title, f"{training.slug}.ics")
    response["Content-Disposition"] = f'attachment; filename="{training.slug}.ics"'
    return response


class NewTrainingsFeed(Feed):
    """Atom feed of newly published trainings, newest first."""

    feed_type = Atom1Feed
    title = gettext_lazy("Cible: new trainings")
    subtitle = gettext_lazy("Newly published social media and social networking trainings.")

    def get_object(self, request):
        self.request = request
        return request

    def link(self, request):
        path = reverse("catalogue:training_list")
        query = request.GET.urlencode()
        return request.build_absolute_uri(f"{path}?{query}" if query else path)

    def feed_url(self, request):
        return request.build_absolute_uri(request.get_full_path())

    def items(self, request):
        filterset = TrainingFilter(request.GET, queryset=Training.objects.published().select_related("trainer"))
        trainings = filterset.qs.order_by().values("pk")
        return (
            Training.objects.published()
            .filter(pk__in=trainings)
            .select_related("trainer")
            .order_by("-published_at", "-pk")[:MAX_ENTRIES]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # Atom marks the summary as HTML: the trainer's plain text is escaped.
        return escape(item.summary)

    def item_link(self, item):
        return item.get_absolute_url()

    def item_guid(self, item):
        return self.request.build_absolute_uri(item.get_absolute_url())

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.trainer.name

    def item_author_link(self, item):
        return self.request.build_absolute_uri(item.trainer.get_absolute_url())

    def item_categories(self, item):
        return [item.get_focus_display(), item.get_format_display()]


@require_safe
def training_feed_atom(request):
    _filterset, error = _filtered(request)
    if error:
        return error
    # One instance per request: the feed keeps the request on itself.
    return NewTrainingsFeed()(request)

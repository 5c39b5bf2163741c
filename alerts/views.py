"""Alert pages. None is page-cached and none is linked with a form from a cached page:
the catalogue and the match only link here, so their pages never carry a CSRF cookie."""

import logging

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe
from django_ratelimit.core import get_usage

from experts import recipient_limits

from . import criteria, subscriptions, tokens
from .emails import links
from .forms import AlertForm, FrequencyForm
from .models import Alert

RATE_LIMIT_GROUP = "alerts.subscribe"
MAX_FEED_ENTRIES = 50

logger = logging.getLogger(__name__)


def _criteria(request):
    """(criteria, None) or (None, the reason it cannot be watched)."""
    try:
        if request.GET.get("from") == "match":  # the match page's own query, "from=match" added
            params = request.GET
            return criteria.from_match(
                params.get("objective", ""), params.getlist("platform"), params.get("language", "")
            ), None
        return criteria.from_filters(request.GET), None
    except criteria.Invalid as exc:
        return None, exc.args[0]


def _ip_usage(request):
    try:
        return get_usage(
            request, group=RATE_LIMIT_GROUP, key="ip", rate=settings.ALERT_RATE_LIMIT, method="POST", increment=True
        )
    except Exception:
        logger.warning("Alert rate limit not checked: the cache is unreachable.", exc_info=True)
        return None


@require_http_methods(["GET", "HEAD", "POST"])
def new_alert(request):
    """The subscribe form; the search or objective it watches is in the query string."""
    watched, problem = _criteria(request)
    form = AlertForm(request.POST if request.method == "POST" else None)
    context = {"form": form, "watched": watched, "problem": problem, "back_url": _back_url(request)}
    if request.method != "POST" or watched is None or not form.is_valid():
        return render(request, "alerts/new.html", context)
    usage = _ip_usage(request)
    email = form.cleaned_data["email"]
    if (usage is not None and usage["should_limit"]) or recipient_limits.exceeded(request, email):
        response = render(request, "alerts/limited.html", context, status=429)
        response["Retry-After"] = "3600"
        return response
    try:
        subscriptions.request_alert(
            email=email,
            frequency=form.cleaned_data["frequency"],
            language=(translation.get_language() or "fr")[:2],
            criteria=watched,
        )
    except subscriptions.TooMany:
        form.add_error(
            "email",
            _("This address already has %(count)d alerts: delete one from the link in any alert email first.")
            % {"count": subscriptions.MAX_PER_ADDRESS},
        )
        return render(request, "alerts/new.html", context)
    return redirect("alerts:requested")


def _back_url(request):
    if request.GET.get("from") == "match":
        params = request.GET.copy()
        params.pop("from")
        return reverse("catalogue:match") + "?" + params.urlencode()
    return reverse("catalogue:training_list") + ("?" + request.GET.urlencode() if request.GET else "")


@require_safe
def requested(request):
    return render(request, "alerts/requested.html", {"days": tokens.CONFIRM_MAX_AGE // 86400})


def _bad_link(request, expired=False, status=400):
    return render(request, "alerts/bad_link.html", {"expired": expired}, status=410 if expired else status)


def _alert_from(request, token, load):
    """(alert or None, error response or None)."""
    try:
        pk = load(token)
    except tokens.BadLink as exc:
        return None, _bad_link(request, expired=exc.expired)
    return Alert.objects.filter(pk=pk).first(), None


@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    """GET shows a button (link checkers in mailboxes only GET); POST confirms."""
    alert, error = _alert_from(request, token, tokens.confirmed_pk)
    if error:
        return error
    if alert is None:
        return _bad_link(request, expired=True)  # purged after 7 days, or deleted
    state = "confirmed" if alert.confirmed_at else "pending"
    if request.method == "POST" and state == "pending":
        subscriptions.confirm(alert)
        alert.refresh_from_db()
        state = "done"
    return render(request, "alerts/confirm.html", {"alert": alert, "state": state, **links(alert, absolute_urls=False)})


@csrf_exempt  # RFC 8058: mail providers POST "List-Unsubscribe=One-Click" with no token; the signed URL is the proof.
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    try:
        pk = tokens.unsubscribed_pk(token)
    except tokens.BadLink:
        return _bad_link(request)
    alert = Alert.objects.filter(pk=pk).first()
    if request.method == "POST":
        if alert is not None:
            alert.delete()
        return render(request, "alerts/unsubscribed.html", {"manage_url": _manage_path(alert)})
    if alert is None:
        return render(request, "alerts/unsubscribed.html", {"already": True})
    return render(request, "alerts/unsubscribe.html", {"alert": alert, "manage_url": _manage_path(alert)})


def _manage_path(alert):
    if alert is None:
        return ""
    return reverse("alerts:manage", kwargs={"token": tokens.manage_token(alert.email)})


@require_http_methods(["GET", "HEAD", "POST"])
def manage(request, token):
    """Every alert of the address in the signed link: change how often, or delete."""
    try:
        email = tokens.managed_email(token)
    except tokens.BadLink as exc:
        return _bad_link(request, expired=exc.expired)
    alerts = Alert.objects.filter(email=email)
    if request.method == "POST":
        alert = alerts.filter(pk=_int(request.POST.get("alert"))).first()
        if alert is None:
            return redirect(request.path)  # already deleted (a second tab): the list says what is left
        if request.POST.get("action") == "delete":
            alert.delete()
        else:
            form = FrequencyForm(request.POST)
            if form.is_valid():
                subscriptions.set_frequency(alert, form.cleaned_data["frequency"])
        return redirect(request.path)
    rows = [{"alert": alert, "feed_url": links(alert, absolute_urls=False)["feed_url"]} for alert in alerts]
    return render(request, "alerts/manage.html", {"rows": rows, "email": email})


def _int(value):
    value = (value or "")[:12]
    return int(value) if value.isdigit() else None


class AlertFeed(Feed):
    """A confirmed alert's matching trainings, newest first, for a feed reader."""

    feed_type = Atom1Feed

    def get_object(self, request, token):
        try:
            pk = tokens.feed_pk(token)
        except tokens.BadLink as exc:
            raise Http404 from exc
        alert = Alert.objects.filter(pk=pk, confirmed_at__isnull=False).first()
        if alert is None:
            raise Http404
        self.request = request
        return alert

    def title(self, alert):
        return _("Cible alert: %(label)s") % {"label": alert.label}

    def link(self, alert):
        return reverse("catalogue:training_list")

    def feed_url(self, alert):
        return self.request.build_absolute_uri(self.request.path)

    def items(self, alert):
        return criteria.matching(alert).select_related("trainer")[:MAX_FEED_ENTRIES]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return escape(item.summary)

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at


def feed(request, token):
    response = AlertFeed()(request, token=token)
    # Private: the URL is the alert's key, so no shared cache keeps it and no search engine lists it.
    response["Cache-Control"] = "private, max-age=300"
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"
    return response

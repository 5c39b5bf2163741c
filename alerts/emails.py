"""The alert e-mails, registered with the outbox as deferred kinds: their links
(confirm, unsubscribe, manage) are rendered at send time and never stored."""

from django.conf import settings
from django.urls import reverse

from catalogue import outbox
from catalogue.models import Training

from . import tokens
from .models import Alert

CONFIRM_KIND = "alert.confirm"
DIGEST_KIND = "alert.digest"
DIGEST_VALID_FOR = 3 * 24 * 60 * 60  # a digest not sent within 3 days is stale: the next one lists the rest


def absolute(path):
    return settings.SITE_URL + path


def links(alert, absolute_urls=True):
    """The links every alert e-mail and page carries, in the active language (paths only on pages)."""
    build = absolute if absolute_urls else str
    return {
        "unsubscribe_url": build(reverse("alerts:unsubscribe", kwargs={"token": tokens.unsubscribe_token(alert)})),
        "manage_url": build(reverse("alerts:manage", kwargs={"token": tokens.manage_token(alert.email)})),
        "feed_url": build(reverse("alerts:feed", kwargs={"token": tokens.feed_token(alert)})),
    }


def _alert(row):
    alert = Alert.objects.filter(pk=row.context.get("alert_id")).first()
    if alert is None:
        raise outbox.Undeliverable("the alert was deleted")
    return alert


def _confirm_context(row):
    alert = _alert(row)
    if alert.confirmed_at is not None:
        raise outbox.Undeliverable("the alert is already confirmed")
    path = reverse("alerts:confirm", kwargs={"token": tokens.confirm_token(alert)})
    return {"alert": alert, "link": absolute(path), "days": tokens.CONFIRM_MAX_AGE // 86400}


def _digest_context(row):
    alert = _alert(row)
    by_pk = Training.objects.published().select_related("trainer").in_bulk(row.context.get("training_ids", []))
    trainings = [by_pk[pk] for pk in row.context.get("training_ids", []) if pk in by_pk]
    items = [{"training": t, "url": absolute(t.get_absolute_url())} for t in trainings]
    return {"alert": alert, "items": items, **links(alert)}


outbox.register_deferred(CONFIRM_KIND, _confirm_context, tokens.CONFIRM_MAX_AGE)
outbox.register_deferred(DIGEST_KIND, _digest_context, DIGEST_VALID_FOR)

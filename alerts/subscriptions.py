"""Subscribing with double opt-in, confirming, and forgetting unconfirmed requests."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from catalogue import outbox

from . import tokens
from .emails import CONFIRM_KIND
from .models import Alert

MAX_PER_ADDRESS = 10


class TooMany(Exception):
    """The address already has MAX_PER_ADDRESS alerts."""


@transaction.atomic
def request_alert(*, email, frequency, language, criteria):
    """Store an unconfirmed alert and queue its confirmation; the same request again reuses it.

    Returns the alert. A confirmed identical alert gets nothing sent (its frequency is kept):
    the page says the same either way, so it does not reveal who subscribed.
    """
    same = Alert.objects.filter(email=email, kind=criteria["kind"], query=criteria["query"]).first()
    if same is not None:
        if same.confirmed_at is None:
            Alert.objects.filter(pk=same.pk).update(frequency=frequency, language=language)
            _queue_confirmation(same, language)
        return same
    if Alert.objects.filter(email=email).count() >= MAX_PER_ADDRESS:
        raise TooMany
    alert = Alert.objects.create(email=email, frequency=frequency, language=language, **criteria)
    _queue_confirmation(alert, language)
    return alert


def _queue_confirmation(alert, language):
    outbox.queue_email(
        kind=CONFIRM_KIND,
        to=alert.email,
        template="emails/alert_confirm",
        context={"alert_id": alert.pk, "label": alert.label},
        language=language,
        related=alert,
    )


def confirm(alert, now=None):
    """Start the alert: digests list trainings published from now on. False if it already was."""
    now = now or timezone.now()
    return bool(
        Alert.objects.filter(pk=alert.pk, confirmed_at__isnull=True).update(
            confirmed_at=now, since=now, next_digest_at=now + alert.period
        )
    )


def set_frequency(alert, frequency):
    alert.frequency = frequency
    start = alert.since or timezone.now()
    alert.next_digest_at = start + alert.period if alert.confirmed_at else None
    alert.save(update_fields=["frequency", "next_digest_at"])


def purge_unconfirmed(now=None):
    """Delete requests never confirmed within 7 days (a periodic job); returns how many."""
    cutoff = (now or timezone.now()) - timedelta(seconds=tokens.CONFIRM_MAX_AGE)
    deleted, _ = Alert.objects.filter(confirmed_at__isnull=True, created_at__lt=cutoff).delete()
    return deleted

"""Digests: for each due alert, the trainings published since its last digest, once each.

`send_due_digests` is a periodic job (PERIODIC_JOBS, run by `manage.py worker`) and
`manage.py send_alerts`. Each alert is claimed by a conditional UPDATE of its
`next_digest_at`, and the trainings it lists are recorded (SentTraining, unique per
alert and training) in the same transaction as the e-mail is queued: two workers,
or a retried run, never list a training twice for the same alert.
"""

import logging

from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from catalogue import outbox
from catalogue.suppressions import ALERTS, is_suppressed

from . import criteria, tokens
from .emails import DIGEST_KIND, absolute
from .models import Alert, SentTraining

MAX_PER_DIGEST = 20
BATCH = 500

logger = logging.getLogger(__name__)


def due(now=None):
    now = now or timezone.now()
    return Alert.objects.filter(confirmed_at__isnull=False, next_digest_at__lte=now).order_by("next_digest_at", "pk")


def send_due_digests(now=None):
    """Queue every due digest; returns how many e-mails were queued."""
    now = now or timezone.now()
    queued = 0
    for pk in list(due(now).values_list("pk", flat=True)[:BATCH]):
        try:
            queued += send_digest(pk, now)
        except Exception:
            logger.exception("Digest for alert %s failed; it is tried again at its next run.", pk)
    return queued


def new_trainings(alert, now):
    """Matching trainings published after the last digest (or the confirmation), never listed before."""
    return (
        criteria.matching(alert)
        .filter(published_at__gt=alert.since, published_at__lte=now)
        .exclude(pk__in=SentTraining.objects.filter(alert=alert).values("training"))
    )


@transaction.atomic
def send_digest(pk, now):
    """Queue one alert's digest if it is due and something is new; returns 1 if queued, else 0."""
    alert = due(now).filter(pk=pk).first()
    if alert is None:
        return 0
    claimed = Alert.objects.filter(pk=pk, next_digest_at=alert.next_digest_at).update(next_digest_at=now + alert.period)
    if not claimed:
        return 0  # another worker has it
    if is_suppressed(alert.email, ALERTS):
        return 0  # the address opted out of alerts, or of everything (the one suppression list)
    found = list(new_trainings(alert, now).values_list("pk", flat=True)[: MAX_PER_DIGEST + 1])
    if not found:
        return 0  # nothing new: nothing sent
    listed = found[:MAX_PER_DIGEST]
    SentTraining.objects.bulk_create([SentTraining(alert=alert, training_id=pk) for pk in listed])
    if len(found) <= MAX_PER_DIGEST:
        # The high-water mark moves only when everything new was listed; the rest go in the next digest.
        Alert.objects.filter(pk=pk).update(since=now)
    with translation.override(alert.language):
        unsubscribe = absolute(reverse("alerts:unsubscribe", kwargs={"token": tokens.unsubscribe_token(alert)}))
    outbox.queue_email(
        kind=DIGEST_KIND,
        to=alert.email,
        template="emails/alert_digest",
        context={"alert_id": alert.pk, "training_ids": listed, "count": len(listed), "label": alert.label},
        language=alert.language,
        # RFC 8058 one-click unsubscribe: mail providers POST to this URL, without a CSRF token.
        headers={"List-Unsubscribe": f"<{unsubscribe}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
        related=alert,
    )
    return 1

"""The one suppression list: addresses that opted out of follow-ups, alerts, or everything.

Every sender of optional e-mails (follow-ups today, alerts later) asks `is_suppressed(email, kind)`;
an opt-out link calls `suppress(email, kind)`. Addresses are stored lower-cased.
"""

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.db.models.functions import Lower

from .models import Suppression

ALL = "all"
FOLLOWUP = "followup"
ALERTS = "alerts"
KINDS = (ALL, FOLLOWUP, ALERTS)


def normalise(email):
    return (email or "").strip().lower()[:254]


def suppress(email, kind=ALL):
    """Add `email` to the list for `kind` (idempotent)."""
    if kind not in KINDS:
        raise ValueError(kind)
    try:
        with transaction.atomic():
            Suppression.objects.get_or_create(email=normalise(email), kind=kind)
    except IntegrityError:  # the same opt-out clicked twice at once
        pass


def is_suppressed(email, kind):
    return Suppression.objects.filter(email=normalise(email), kind__in=[kind, ALL]).exists()


def suppressed_q(email_ref, kind):
    """An `Exists` for querysets: the row's address (an OuterRef path) is suppressed for `kind`."""
    return Exists(Suppression.objects.filter(email=Lower(OuterRef(email_ref)), kind__in=[kind, ALL]))

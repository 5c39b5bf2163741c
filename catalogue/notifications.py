"""Emails that tell a trainer what a curator (or the system) decided about their offer.

`catalogue.workflow` calls `transition_recorded(record)` once a transition has
committed. Decision emails leave the request through Django's tasks framework
(immediate locally, a real queue in production). A failed send never undoes
the decision: it is logged, counted in `OfferTransition.email_attempts`, and
`manage.py retry_decision_emails` sends it again later. `email_sent_at` is set
only once the message went out, so sending is idempotent.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from .enums import Status
from .models import OfferTransition

logger = logging.getLogger(__name__)

# Outcome of each decision: the email subject says it first.
SUBJECTS = {
    Status.PUBLISHED: _("Published: %(title)s"),
    Status.CHANGES_REQUESTED: _("Changes requested: %(title)s"),
    Status.REJECTED: _("Not accepted: %(title)s"),
    Status.ARCHIVED: _("Archived: %(title)s"),
}
CURATOR_DECISIONS = {Status.PUBLISHED, Status.CHANGES_REQUESTED, Status.REJECTED}


def is_decision(record):
    """Whether the trainer must hear about `record`: a curator's decision, or an
    archiving they did not do themselves (by a curator or the system)."""
    if record.to_status in CURATOR_DECISIONS:
        return True
    if record.to_status == Status.ARCHIVED:
        return record.by_id is None or record.by_id != record.training.trainer.user_id
    return False


def pending_decisions():
    """Decision transitions whose email has not gone out yet (oldest first)."""
    candidates = (
        OfferTransition.objects.filter(email_sent_at__isnull=True, to_status__in=[*CURATOR_DECISIONS, Status.ARCHIVED])
        .select_related("training__trainer")
        .order_by("at", "pk")
    )
    return [record for record in candidates if is_decision(record)]


def transition_recorded(record):
    """Called by the workflow after commit: queue the trainer's email if it is a decision."""
    if not is_decision(record):
        return
    try:
        send_decision_email.enqueue(record.pk)
    except Exception:
        # The queue itself is down: the retry command will pick it up.
        logger.exception("Could not queue the decision email for transition %s", record.pk)
        OfferTransition.objects.filter(pk=record.pk).update(email_attempts=F("email_attempts") + 1)


@task
def send_decision_email(transition_id):
    return deliver(transition_id)


def deliver(transition_id):
    """Send the email for one decision unless it already went out. Returns True if sent now."""
    with transaction.atomic():
        # Lock the record so the queue and the retry command never both send it.
        record = (
            OfferTransition.objects.select_for_update(of=("self",))
            .select_related("training__trainer__user", "by")
            .filter(pk=transition_id, email_sent_at__isnull=True)
            .first()
        )
        if record is None or not is_decision(record):
            return False
        try:
            build_message(record).send()
        except Exception:
            logger.exception("Decision email for transition %s failed; it will be retried", record.pk)
            OfferTransition.objects.filter(pk=record.pk).update(email_attempts=F("email_attempts") + 1)
            return False
        OfferTransition.objects.filter(pk=record.pk).update(
            email_sent_at=timezone.now(), email_attempts=F("email_attempts") + 1
        )
        return True


def build_message(record):
    training = record.training
    expert = training.trainer
    address = expert.user.email if expert.user_id else ""
    if not address:
        raise ValueError(f"Trainer {expert.pk} has no email address")
    with translation.override(expert.preferred_language or settings.LANGUAGE_CODE):
        subject = str(SUBJECTS[record.to_status] % {"title": training.title})
        context = {
            "record": record,
            "training": training,
            "expert": expert,
            "status": record.get_to_status_display(),
            "by_system": record.by_id is None,
            "dashboard_url": settings.SITE_URL + reverse("experts:dashboard"),
            "public_url": settings.SITE_URL + training.get_absolute_url()
            if record.to_status == Status.PUBLISHED
            else "",
        }
        body = render_to_string("catalogue/emails/decision.txt", context)
    return EmailMessage(subject=subject, body=body, to=[address])

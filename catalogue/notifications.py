"""E-mails that tell a trainer what a curator (or the system) decided about their offer.

`catalogue.workflow` calls `transition_recorded(record)` once a transition has
committed; a decision is queued in the outbox (`catalogue.outbox`), which sends
and retries it. A failed send never undoes the decision.
"""

import logging

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from . import outbox, workflow
from .enums import Status

logger = logging.getLogger(__name__)

KIND = "offer.decision"
CURATOR_DECISIONS = frozenset(workflow.MOVES[action].target for action in workflow.DECISIONS)


def is_decision(record):
    """Whether the trainer must hear about `record`: a curator's decision, or an
    archiving they did not do themselves (by a curator or the system)."""
    if record.to_status in CURATOR_DECISIONS:
        return True
    if record.to_status == Status.ARCHIVED:
        return record.by_id is None or record.by_id != record.training.trainer.user_id
    return False


def transition_recorded(record):
    """Called by the workflow after commit: queue the trainer's e-mail if it is a decision."""
    if not is_decision(record):
        return None
    training = record.training
    expert = training.trainer
    address = expert.user.email if expert.user_id else ""
    if not address:
        logger.warning("Trainer %s has no e-mail address: decision %s not e-mailed.", expert.pk, record.pk)
        return None
    language = expert.preferred_language or settings.LANGUAGE_CODE
    with translation.override(language):  # the links carry the trainer's language prefix
        dashboard_url = settings.SITE_URL + reverse("experts:dashboard")
        public_url = settings.SITE_URL + training.get_absolute_url() if record.to_status == Status.PUBLISHED else ""
    context = {
        "record": record,
        "to_status": record.to_status,
        "training": training,
        "expert": expert,
        "by_system": record.by_id is None,
        "dashboard_url": dashboard_url,
        "public_url": public_url,
    }
    return outbox.queue_email(
        kind=KIND,
        to=address,
        template="emails/decision",
        context=context,
        language=language,
        related=record,
    )

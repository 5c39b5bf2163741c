"""Archiving offers whose sessions are all past (a periodic job of the worker, and a command)."""

import logging

from django.db.models import Exists, OuterRef
from django.utils import timezone

from . import workflow
from .models import Session, Training

logger = logging.getLogger(__name__)


def past_trainings(now=None):
    """Published trainings whose sessions are all past. Trainings with no session are left
    alone: an offer may be published before its dates are set."""
    sessions = Session.objects.filter(training=OuterRef("pk"))
    return (
        Training.objects.published()
        .filter(Exists(sessions))
        .exclude(Exists(sessions.filter(ends_at__gte=now or timezone.now())))
        .order_by("pk")
    )


def archive_past_trainings():
    """Archive them through the workflow, as the system (each trainer is e-mailed). Idempotent.

    Returns (archived slugs, skipped slugs)."""
    archived, skipped = [], []
    for training in past_trainings():
        try:
            workflow.transition(training, workflow.Action.ARCHIVE, by=None)
        except workflow.TransitionError as error:
            # Someone changed it meanwhile (e.g. the trainer edited it): leave it.
            logger.info("Not archived %s: %s", training.slug, error)
            skipped.append(training.slug)
        else:
            archived.append(training.slug)
    return archived, skipped

"""The one background process: sends due e-mails of the outbox and runs the periodic jobs.

`manage.py worker` calls `run_once()` in a loop, closing stale database
connections between passes (as Django does between requests). Periodic jobs are the setting
`PERIODIC_JOBS` (`{"dotted.path": seconds}`): each job runs at most once per
interval across every worker process (claimed in the database), and a job that
raises is logged and tried again at its next interval.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from . import outbox
from .models import PeriodicJobRun

logger = logging.getLogger(__name__)


def run_once(now=None):
    """One pass: due e-mails, then due periodic jobs. Returns what it did, for the log."""
    return {"emails": outbox.send_due(now), "jobs": run_due_jobs(now)}


def run_due_jobs(now=None):
    ran = []
    for path, seconds in settings.PERIODIC_JOBS.items():
        if not _claim(path, timedelta(seconds=seconds), now or timezone.now()):
            continue
        try:
            import_string(path)()
        except Exception:
            logger.exception("Periodic job %s failed; it runs again in %s s.", path, seconds)
        ran.append(path)
    return ran


def _claim(name, interval, now):
    """Whether this process may start `name` now (it did not start within `interval`)."""
    if PeriodicJobRun.objects.filter(name=name, last_started_at__lte=now - interval).update(last_started_at=now):
        return True
    try:
        with transaction.atomic():
            PeriodicJobRun.objects.create(name=name, last_started_at=now)
    except IntegrityError:
        return False  # it exists and ran within the interval, or another worker just created it
    return True

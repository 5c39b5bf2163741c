"""The one e-mail outbox: every e-mail Cible sends is stored, sent, and retried here.

Public API (all a feature needs):

    from catalogue import outbox

    outbox.queue_email(
        kind="brief.to_trainer",            # a short code, shown and filtered in the admin
        to="trainer@example.com",
        template="emails/brief_to_trainer", # renders <template>_subject.txt and <template>.txt
        context={...},                      # template context
        language="fr",                      # rendered in the recipient's language
        reply_to="visitor@example.com",     # optional
        headers={"List-Unsubscribe": "…"},  # optional
        related=brief,                      # optional: the object the e-mail is about
    )

`queue_email` stores an `OutgoingEmail` row in the caller's transaction and, once it
commits, sends it through Django's tasks framework (`TASKS_BACKEND`: immediate
locally). A failed send is retried by `manage.py worker` with exponential backoff
(1 min, 2 min, 4 min, … capped at 6 h) until `OUTBOX_MAX_ATTEMPTS` attempts, then
the row is marked `gave_up`; curators see failed sends in the admin.

E-mails that carry a secret (a confirmation or password-reset link) are never stored
rendered: register their kind once with `register_deferred(kind, build_context,
valid_for)`, then queue them with a JSON-safe reference as `context` (e.g.
`{"user_id": 3}`); each attempt renders the body with `build_context(row)` merged in,
and no attempt is made once the link would have expired (`valid_for` seconds after
queueing, a number or a callable returning one).

`outbox.outcome(obj, kind)` says whether the e-mail about `obj` went out
(`"sent"`), is still being tried (`"delayed"`), or was abandoned (`"gave_up"`).

Periodic jobs (later features register theirs here too) are the setting
`PERIODIC_JOBS`: `{"dotted.path.to.function": seconds_between_runs}`, run by the
same worker (`catalogue.worker`); `purge_old` is one of them: sent and abandoned
e-mails, which hold visitors' messages, are deleted after KEEP_FOR (30 days).
"""

import logging
import re
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F, Q
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import timezone, translation

from . import grammar
from .models import OutgoingEmail

logger = logging.getLogger(__name__)

Status = OutgoingEmail.Status

RETRY_BASE = timedelta(minutes=1)
RETRY_CAP = timedelta(hours=6)
# A row handed to the task backend is left to it this long before the worker sends it itself.
QUEUE_GRACE = timedelta(minutes=2)
# How long a claimed row stays claimed: a sender that died mid-send is retried after this.
CLAIM_LEASE = timedelta(minutes=10)
# Sent and abandoned e-mails (they hold visitors' messages) are deleted this long after they were queued.
KEEP_FOR = timedelta(days=30)


class Undeliverable(Exception):
    """Raised by a deferred kind's `build_context` when the e-mail can never go out (account gone)."""


@dataclass(frozen=True)
class _Deferred:
    build_context: object
    valid_for: object

    def seconds(self):
        return self.valid_for() if callable(self.valid_for) else self.valid_for


_DEFERRED = {}


def register_deferred(kind, build_context, valid_for):
    """Declare that e-mails of `kind` hold a secret: rendered at send time, never after `valid_for` seconds."""
    _DEFERRED[kind] = _Deferred(build_context, valid_for)


def queue_email(*, kind, to, template, context=None, language=None, reply_to="", headers=None, related=None):
    """Store one e-mail and send it once the current transaction commits. Returns the row."""
    context = dict(context or {})
    language = (language or settings.LANGUAGE_CODE)[:2]
    deferred = kind in _DEFERRED
    with translation.override(language):
        subject = _render_subject(template, context)
        body = "" if deferred else _render_body(template, context)
    now = timezone.now()
    row = OutgoingEmail.objects.create(
        kind=kind,
        to=to,
        reply_to=reply_to or "",
        language=language,
        template=template,
        subject=subject,
        body=body,
        context=context if deferred else {},
        headers=headers or {},
        next_attempt_at=now + QUEUE_GRACE,
        created_at=now,
        related_type=ContentType.objects.get_for_model(related) if related is not None else None,
        related_id=related.pk if related is not None else None,
    )
    transaction.on_commit(lambda: _enqueue(row.pk))
    return row


def for_object(obj):
    return OutgoingEmail.objects.filter(related_type=ContentType.objects.get_for_model(obj), related_id=obj.pk)


def outcome(obj, kind):
    """`sent`, `delayed` (queued or retrying) or `gave_up` for the e-mail of `kind` about `obj`; None if none."""
    status = for_object(obj).filter(kind=kind).values_list("status", flat=True).first()
    if status is None:
        return None
    return {Status.SENT: "sent", Status.GAVE_UP: "gave_up"}.get(status, "delayed")


def _enqueue(pk):
    try:
        send_email.enqueue(pk)
    except Exception:
        # The queue itself is down: the worker sends it once QUEUE_GRACE has passed.
        logger.exception("Could not hand e-mail %s to the task backend; the worker will send it.", pk)


@task()
def send_email(pk):
    return deliver(pk)


def deliver(pk, now=None):
    """Try to send one e-mail if it is queued or due (at `now`). Returns its status afterwards (None if not ours).

    The row is claimed by a conditional UPDATE, so the task and the worker (or two
    workers) never send the same e-mail twice, on SQLite as on PostgreSQL.
    """
    now = now or timezone.now()
    claimable = Q(status=Status.QUEUED) | Q(
        status__in=[Status.QUEUED, Status.FAILED, Status.SENDING], next_attempt_at__lte=now
    )
    claimed = OutgoingEmail.objects.filter(claimable, pk=pk).update(
        status=Status.SENDING, next_attempt_at=now + CLAIM_LEASE, attempts=F("attempts") + 1
    )
    if not claimed:
        return None
    row = OutgoingEmail.objects.get(pk=pk)
    deferred = _DEFERRED.get(row.kind)
    if deferred is not None and now >= row.created_at + timedelta(seconds=deferred.seconds()):
        return _finish(row, Status.GAVE_UP, error="expired: the link it carries is no longer valid")
    try:
        _message(row, deferred).send()
    except Undeliverable as exc:
        return _finish(row, Status.GAVE_UP, error=f"undeliverable: {exc}")
    except Exception as exc:
        logger.warning("E-mail %s (%s) failed on attempt %s: %s", row.pk, row.kind, row.attempts, exc)
        return _failed(row, deferred, f"{type(exc).__name__}: {exc}"[:2000], now)
    return _finish(row, Status.SENT, sent_at=now)


def backoff(attempts):
    """Delay before the next try after `attempts` failed ones."""
    return min(RETRY_BASE * 2 ** max(attempts - 1, 0), RETRY_CAP)


def due(now=None):
    now = now or timezone.now()
    return OutgoingEmail.objects.filter(
        status__in=[Status.QUEUED, Status.FAILED, Status.SENDING], next_attempt_at__lte=now
    ).order_by("next_attempt_at", "pk")


def send_due(now=None, limit=200):
    """Send every e-mail whose (re)try is due; returns {status: count}."""
    counts = {}
    now = now or timezone.now()
    for pk in list(due(now).values_list("pk", flat=True)[:limit]):
        status = deliver(pk, now)
        if status is not None:
            counts[str(status)] = counts.get(str(status), 0) + 1
    return counts


def retry_now(queryset):
    """Make the failed or abandoned e-mails of `queryset` due at once (the admin's "retry now"); returns their ids."""
    pks = list(queryset.filter(status__in=[Status.FAILED, Status.GAVE_UP]).values_list("pk", flat=True))
    OutgoingEmail.objects.filter(pk__in=pks).update(status=Status.FAILED, next_attempt_at=timezone.now())
    return pks


def purge_old(now=None):
    """Delete sent and abandoned e-mails older than KEEP_FOR (a periodic job); returns how many."""
    cutoff = (now or timezone.now()) - KEEP_FOR
    deleted, _ = OutgoingEmail.objects.filter(status__in=[Status.SENT, Status.GAVE_UP], created_at__lt=cutoff).delete()
    return deleted


def _failed(row, deferred, error, now):
    retry_at = now + backoff(row.attempts)
    out_of_time = deferred is not None and retry_at >= row.created_at + timedelta(seconds=deferred.seconds())
    if row.attempts >= settings.OUTBOX_MAX_ATTEMPTS or out_of_time:
        logger.error("Gave up on e-mail %s (%s) to %s after %s attempts.", row.pk, row.kind, row.to, row.attempts)
        return _finish(row, Status.GAVE_UP, error=error)
    return _finish(row, Status.FAILED, error=error, next_attempt_at=retry_at)


def _finish(row, status, error="", **fields):
    OutgoingEmail.objects.filter(pk=row.pk).update(status=status, last_error=error, **fields)
    return status


def _render_subject(template, context):
    # One line: ASCII white space folds, French no-break spaces (before « : », inside « ») stay.
    text = render_to_string(f"{template}_subject.txt", context)
    return grammar.elide(" ".join(re.split(r"[ \t\r\n\f\v]+", text.strip())))[:250]


def _render_body(template, context):
    # Names and titles put into French sentences need their elisions (« d’Émilie », « aux PME »).
    return grammar.elide(render_to_string(f"{template}.txt", context))


def _message(row, deferred):
    body = row.body
    if deferred is not None:
        with translation.override(row.language):
            body = _render_body(row.template, {**row.context, **deferred.build_context(row)})
    return EmailMessage(
        subject=row.subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[row.to],
        reply_to=[row.reply_to] if row.reply_to else None,
        headers=row.headers or None,
    )

"""Follow-ups: asking a visitor, after the training, whether it reached the objective of their brief.

`send_due()` (a periodic job of `manage.py worker`, also `manage.py send_followups`) queues one
e-mail per due brief: 7 days after the session the trainer marked as booked ends, or 60 days after
the brief when nothing was marked. The answer link is signed and built when the e-mail is sent
(`outbox.register_deferred`), never stored; it names one brief, expires after 90 days and works once
(one `Outcome` per brief). The opt-out link puts the address on the one suppression list.
"""

import re
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from catalogue import outbox, suppressions
from catalogue.enums import Competence

from .models import Brief, Outcome

KIND = "followup.to_visitor"
TEMPLATE = "emails/followup"
ANSWER_SALT = "experts.followup-answer"
OPTOUT_SALT = "experts.followup-optout"
AFTER_SESSION = timedelta(days=7)
AFTER_BRIEF = timedelta(days=60)
LINK_VALID = timedelta(days=90)
# Briefs older than this are never followed up (e.g. the first run on an old database).
OLDEST = timedelta(days=365)
COMMENT_MAX = 1000
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class LinkError(Exception):
    """The answer link is tampered with (`reason="invalid"`), expired, or already used."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def due(now=None):
    """Briefs whose follow-up is due at `now` and not yet handled."""
    now = now or timezone.now()
    booked_due = Q(booked_session__isnull=False, booked_session__ends_at__lte=now - AFTER_SESSION)
    unmarked_due = Q(booked_session__isnull=True, created_at__lte=now - AFTER_BRIEF)
    return (
        Brief.objects.filter(booked_due | unmarked_due, followup_at__isnull=True, created_at__gte=now - OLDEST)
        .filter(outcome__isnull=True)
        .order_by("created_at", "pk")
    )


def send_due(now=None, limit=500):
    """Queue the follow-ups that are due; suppressed addresses are marked handled and get nothing."""
    now = now or timezone.now()
    sent = 0
    for brief in due(now).select_related("expert")[:limit]:
        with transaction.atomic():
            # Claimed by a conditional update: two workers never queue the same follow-up.
            if not Brief.objects.filter(pk=brief.pk, followup_at__isnull=True).update(followup_at=now):
                continue
            if suppressions.is_suppressed(brief.email, suppressions.FOLLOWUP):
                continue
            outbox.queue_email(
                kind=KIND,
                to=brief.email,
                template=TEMPLATE,
                context={"brief_id": brief.pk, "expert_name": brief.expert.name},
                language=brief.visitor_language,
                headers=_unsubscribe_headers(brief.email),
                related=brief,
            )
            sent += 1
    return sent


def answer_token(brief):
    return signing.dumps(brief.pk, salt=ANSWER_SALT, compress=True)


def optout_token(email):
    # Not a secret worth keeping: it only lets its holder stop follow-ups to that address.
    return signing.dumps(suppressions.normalise(email), salt=OPTOUT_SALT, compress=True)


def brief_from_token(token):
    """The brief a link names; raises LinkError("invalid" | "expired" | "used")."""
    token = (token or "")[:300]
    try:
        pk = signing.loads(token, salt=ANSWER_SALT, max_age=LINK_VALID)
    except signing.SignatureExpired:
        raise LinkError("expired") from None
    except signing.BadSignature:
        raise LinkError("invalid") from None
    if not isinstance(pk, int):
        raise LinkError("invalid")
    brief = Brief.objects.select_related("expert", "objective", "training").filter(pk=pk).first()
    if brief is None:
        raise LinkError("invalid")
    if Outcome.objects.filter(brief=brief).exists():
        raise LinkError("used")
    return brief


def email_from_optout(token):
    try:
        return signing.loads((token or "")[:300], salt=OPTOUT_SALT)
    except signing.BadSignature:
        return None


def clean_comment(text):
    """Sanitised like other texts: no control characters or NUL, bounded; HTML is escaped when shown."""
    return _CONTROL.sub("", (text or "").replace("\r\n", "\n")).strip()[:COMMENT_MAX]


def record(brief, *, hired, reached="", competences=(), comment=""):
    """Store the one answer for `brief`; raises LinkError("used") if it was answered meanwhile."""
    comment = clean_comment(comment) if hired else ""
    try:
        with transaction.atomic():
            return Outcome.objects.create(
                brief=brief,
                hired=hired,
                reached=reached if hired else "",
                competences=[c for c in competences if c in Competence.values] if hired else [],
                comment=comment,
                comment_status=Outcome.CommentStatus.PENDING if comment else Outcome.CommentStatus.NONE,
            )
    except IntegrityError:
        raise LinkError("used") from None


def _absolute(path):
    return settings.SITE_URL.rstrip("/") + path


def _unsubscribe_headers(email):
    url = _absolute(reverse("experts:followup_optout", kwargs={"token": optout_token(email)}))
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def _build_context(row):
    brief = Brief.objects.select_related("expert", "objective").filter(pk=row.context.get("brief_id")).first()
    if brief is None:
        raise outbox.Undeliverable("the brief was deleted")
    return {
        "brief": brief,
        "answer_url": _absolute(reverse("experts:followup_answer", kwargs={"token": answer_token(brief)})),
        "optout_url": _absolute(reverse("experts:followup_optout", kwargs={"token": optout_token(brief.email)})),
    }


# The answer link is built at each attempt and never stored; no attempt after 7 days.
outbox.register_deferred(KIND, _build_context, valid_for=7 * 24 * 60 * 60)

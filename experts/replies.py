"""A trainer's reply to a brief from the inbox (e-mailed through the outbox and kept), or the mark
"answered by e-mail or phone": either sets the brief's first reply time (experts.response_times)."""

import re

from django.db import transaction
from django.utils import timezone

from catalogue import outbox

from .models import Brief, BriefReply

KIND = "brief.reply"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
REPLY_MAX = 5000


def reply(brief, text):
    """Keep the reply, e-mail it to the visitor (reply-to: the trainer), and record the first reply time."""
    text = _clean(text)
    if not text:
        return None
    expert = brief.expert
    with transaction.atomic():
        row = BriefReply.objects.create(brief=brief, text=text)
        _first_reply(brief)
        outbox.queue_email(
            kind=KIND,
            to=brief.email,
            template="emails/brief_reply",
            context={"expert_name": expert.name, "visitor_name": brief.name, "text": text},
            language=brief.visitor_language,
            reply_to=expert.user.email if expert.user_id else "",
            related=brief,
        )
    return row


def mark_answered(brief):
    """The trainer answered by e-mail or phone: Cible cannot see it, so they say so."""
    _first_reply(brief)


def _first_reply(brief):
    Brief.objects.filter(pk=brief.pk, first_reply_at__isnull=True).update(first_reply_at=timezone.now())


def _clean(text):
    # Sanitised like other texts: no control characters; HTML is escaped wherever it is shown.
    return _CONTROL.sub("", (text or "").replace("\r\n", "\n")).strip()[:REPLY_MAX]

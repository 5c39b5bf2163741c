"""Limits per recipient address: e-mails a visitor can make Cible send to an address they type.

Brief confirmations, sign-up and password-reset e-mails carry what a stranger
typed to any unverified address; besides the per-IP limits, each address gets
at most RECIPIENT_RATE_LIMIT of them, whoever asks. Counted like the other
limits (django-ratelimit, same cache), and failing open when the cache is away.
"""

from django.conf import settings

from .accounts import normalise_email
from .rate_limits import usage_or_none

GROUP = "experts.recipient"


def usage(request, email, increment):
    """django-ratelimit's usage dict for `email` (None if the cache cannot count)."""
    address = normalise_email(email)
    return usage_or_none(
        request,
        group=GROUP,
        key=lambda _group, _request: address,
        rate=settings.RECIPIENT_RATE_LIMIT,
        increment=increment,
        what="Recipient limit",
    )


def exceeded(request, email, increment=True):
    """Count one more e-mail to `email` (unless increment=False) and say whether it is over the limit."""
    counted = usage(request, email, increment)
    if counted is None:
        return False
    return counted["should_limit"] if increment else counted["count"] >= counted["limit"]

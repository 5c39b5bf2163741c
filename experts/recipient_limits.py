"""Limits per recipient address: e-mails a visitor can make Cible send to an address they type.

Brief confirmations, sign-up and password-reset e-mails carry what a stranger
typed to any unverified address; besides the per-IP limits, each address gets
at most RECIPIENT_RATE_LIMIT of them, whoever asks. Counted like the other
limits (django-ratelimit, same cache), and failing open when the cache is away.
"""

import logging

from django.conf import settings
from django_ratelimit.core import get_usage

from .accounts import normalise_email

GROUP = "experts.recipient"

logger = logging.getLogger(__name__)


def usage(request, email, increment):
    """django-ratelimit's usage dict for `email` (None if the cache cannot count)."""
    address = normalise_email(email)
    try:
        return get_usage(
            request,
            group=GROUP,
            key=lambda _group, _request: address,
            rate=settings.RECIPIENT_RATE_LIMIT,
            method="POST",
            increment=increment,
        )
    except Exception:
        logger.warning("Recipient limit not checked: the cache is unreachable.", exc_info=True)
        return None


def exceeded(request, email, increment=True):
    """Count one more e-mail to `email` (unless increment=False) and say whether it is over the limit."""
    counted = usage(request, email, increment)
    if counted is None:
        return False
    return counted["should_limit"] if increment else counted["count"] >= counted["limit"]

"""Reading a django-ratelimit counter without letting an unreachable cache break the request."""

import logging

from django_ratelimit.core import get_usage

logger = logging.getLogger(__name__)


def usage_or_none(request, *, group, key, rate, increment, what):
    """django-ratelimit's usage dict for POSTs, or None if the cache cannot count.

    Fails open: the request goes on unlimited and a warning names `what` was not checked,
    rather than the visitor losing their message to a 500.
    """
    try:
        return get_usage(request, group=group, key=key, rate=rate, method="POST", increment=increment)
    except Exception:
        logger.warning("%s not checked: the cache is unreachable.", what, exc_info=True)
        return None

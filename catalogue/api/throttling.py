import logging

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle

logger = logging.getLogger(__name__)


class AnonymousRateThrottle(AnonRateThrottle):
    """Per-IP limit for anonymous clients, counted in Django's (shared) cache.

    The rate is read from `settings.API_THROTTLE_RATE` at each request, so that
    an environment variable or a test's settings override takes effect.
    """

    def get_rate(self):
        return settings.API_THROTTLE_RATE

    def allow_request(self, request, view):
        # Fail open: the API keeps answering when the shared cache (Redis) is down.
        try:
            return super().allow_request(request, view)
        except Exception:
            logger.warning("API throttle not checked: the cache is unreachable.", exc_info=True)
            return True

import logging

from django.conf import settings
from django.core.cache import caches
from rest_framework.throttling import AnonRateThrottle

from config.client_ip import client_ip

logger = logging.getLogger(__name__)


class AnonymousRateThrottle(AnonRateThrottle):
    """Per-IP limit for anonymous clients, counted in the "limits" cache (shared, never evicted).

    The rate is read from `settings.API_THROTTLE_RATE` at each request, so that
    an environment variable or a test's settings override takes effect.
    """

    @property
    def cache(self):
        return caches["limits"]

    def get_ident(self, request):
        # The same client IP as the log-in lock-out and the brief rate limit (TRUSTED_PROXIES).
        return client_ip(request)

    def get_rate(self):
        return settings.API_THROTTLE_RATE

    def allow_request(self, request, view):
        # Fail open: the API keeps answering when the shared cache (Redis) is down.
        try:
            return super().allow_request(request, view)
        except Exception:
            logger.warning("API throttle not checked: the cache is unreachable.", exc_info=True)
            return True

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle


class AnonymousRateThrottle(AnonRateThrottle):
    """Per-IP limit for anonymous clients, counted in Django's (shared) cache.

    The rate is read from `settings.API_THROTTLE_RATE` at each request, so that
    an environment variable or a test's settings override takes effect.
    """

    def get_rate(self):
        return settings.API_THROTTLE_RATE

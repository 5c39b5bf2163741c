"""Deployment checks of Cible's own settings (`manage.py check --deploy`)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def trusted_proxies_stated(app_configs, **kwargs):
    """With DEBUG off, TRUSTED_PROXIES must be set on purpose: its default (1 behind the TLS proxy)
    lets anyone pick their own address for every per-IP limit on a server exposed directly."""
    if settings.DEBUG or settings.TRUSTED_PROXIES_STATED:
        return []
    return [
        Warning(
            "TRUSTED_PROXIES is not set.",
            hint=(
                "Set it to the number of proxies in front of the app that append to X-Forwarded-For "
                "(1 behind one load balancer, 0 when clients reach the app directly)."
            ),
            id="cible.W001",
        )
    ]

"""The visitor's IP address, the same way for every per-IP limit.

Used by the log-in lock-out (django-axes), the brief and sign-up rate limits
(django-ratelimit) and the API throttle (Django REST framework), so that a
visitor is one address for all of them.

`settings.TRUSTED_PROXIES` is the number of proxies (load balancer, TLS
terminator) in front of the app, each of which appends the address it received
the request from to `X-Forwarded-For`. With 0 the header is ignored: anyone can
send it. With N, the client is the N-th address from the end; whatever the
client put in front of it is not trusted.
"""

from django.conf import settings


def client_ip(request):
    remote_addr = request.META.get("REMOTE_ADDR") or ""
    proxies = getattr(settings, "TRUSTED_PROXIES", 0)
    if proxies <= 0:
        return remote_addr
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    hops = [hop for hop in hops if hop]
    if not hops:
        return remote_addr
    # Fewer hops than proxies: the earliest one any proxy recorded.
    return hops[-min(proxies, len(hops))]

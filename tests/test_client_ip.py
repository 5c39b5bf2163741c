"""config.client_ip: the address every per-IP limit counts (lock-out, brief limit, API throttle)."""

import pytest
from django.test import RequestFactory

from config.client_ip import client_ip


@pytest.mark.parametrize(
    ("proxies", "forwarded_for", "expected"),
    [
        (0, "", "10.0.0.254"),
        (0, "198.51.100.1", "10.0.0.254"),  # nobody vouches for the header
        (1, "", "10.0.0.254"),  # reached the app without the proxy
        (1, "198.51.100.1", "198.51.100.1"),
        (1, "203.0.113.50, 198.51.100.1", "198.51.100.1"),  # the client's own prefix is ignored
        (2, "203.0.113.50, 198.51.100.1, 192.0.2.10", "198.51.100.1"),  # CDN, then load balancer
        (2, "198.51.100.1", "198.51.100.1"),  # fewer hops than proxies: the earliest recorded
        (1, " 198.51.100.1 , ", "198.51.100.1"),
    ],
)
def test_client_ip_trusts_only_the_hops_added_by_the_configured_proxies(settings, proxies, forwarded_for, expected):
    settings.TRUSTED_PROXIES = proxies
    meta = {"REMOTE_ADDR": "10.0.0.254"}
    if forwarded_for:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded_for
    assert client_ip(RequestFactory().get("/", **meta)) == expected

"""Production settings (DEBUG off, from the environment) send the security headers and cookie flags.

The settings module is loaded in a subprocess with a production environment;
the security settings it produces are then applied to the test server, and
the headers of real responses are compared with exact values.
"""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client, override_settings

from tests.factories import make_user

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
SECURITY_SETTINGS = [
    "SECURE_SSL_REDIRECT",
    "SECURE_REDIRECT_EXEMPT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "SECURE_CSP",
    "X_FRAME_OPTIONS",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_HTTPONLY",
    "DEBUG",
]
EXPECTED_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)


def production_env(**extra):
    """A production environment: only what a deployment sets (no test-only variables)."""
    env = {k: os.environ[k] for k in ("PATH", "HOME", "LANG", "DATABASE_URL", "REDIS_URL") if k in os.environ}
    env.update(
        DEBUG="0", SECRET_KEY=secrets.token_urlsafe(50), ALLOWED_HOSTS="cible.example", TRUSTED_PROXIES="1", **extra
    )
    return env


@pytest.fixture(scope="module")
def production_security_settings():
    script = (
        "import json, django; from django.conf import settings; django.setup(); "
        f"print(json.dumps({{name: getattr(settings, name, None) for name in {SECURITY_SETTINGS!r}}}))"
    )
    done = subprocess.run(  # noqa: S603
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=production_env(DJANGO_SETTINGS_MODULE="config.settings"),
        capture_output=True,
        text=True,
        check=True,
    )
    values = json.loads(done.stdout.strip().splitlines()[-1])
    assert values["DEBUG"] is False
    if values["SECURE_PROXY_SSL_HEADER"]:
        values["SECURE_PROXY_SSL_HEADER"] = tuple(values["SECURE_PROXY_SSL_HEADER"])
    return values


@pytest.fixture
def production(production_security_settings):
    with override_settings(**production_security_settings):
        yield production_security_settings


def test_deploy_check_has_no_warning_with_production_environment():
    done = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=production_env(),
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert "System check identified no issues" in done.stdout
    assert "AXES" not in done.stdout + done.stderr  # no django-axes banner on manage.py commands


def test_production_pages_send_the_security_headers(production):
    response = Client().get("/fr/", secure=True)
    assert response.status_code == 200
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response.headers["Content-Security-Policy"] == EXPECTED_CSP
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"


def test_csp_never_allows_inline_or_evaluated_scripts(production):
    csp = Client().get("/fr/trainings/", secure=True).headers["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["script-src"] == "'self'"
    assert "unsafe" not in csp
    assert directives["frame-ancestors"] == "'none'"


def test_error_pages_send_the_security_headers_too(production):
    response = Client().get("/en/no-such-page/", secure=True)
    assert response.status_code == 404
    assert response.headers["Content-Security-Policy"] == EXPECTED_CSP
    assert response.headers["X-Frame-Options"] == "DENY"


def test_plain_http_is_redirected_to_https_except_health(production):
    client = Client()
    response = client.get("/fr/trainings/?page=2")
    assert response.status_code == 301
    assert response.headers["Location"] == "https://testserver/fr/trainings/?page=2"
    assert client.get("/healthz").status_code == 200


def test_session_and_csrf_cookies_are_secure_and_http_only(production):
    user = make_user(email="secure@example.com")
    client = Client()
    login_page = client.get("/fr/accounts/login/", secure=True)
    csrf = login_page.cookies["csrftoken"]
    assert (csrf["secure"], csrf["httponly"], csrf["samesite"]) == (True, True, "Lax")

    response = client.post(
        "/fr/accounts/login/", {"username": user.email, "password": "a-long-test-password"}, secure=True
    )
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert (session["secure"], session["httponly"], session["samesite"]) == (True, True, "Lax")

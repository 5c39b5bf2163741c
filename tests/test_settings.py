"""Settings read from the environment (config/settings.py)."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SHOW_MAILER = """
import json, warnings
warnings.simplefilter("error")  # Django's pending deprecations included
import django
django.setup()
from django.core.mail import mailers
backend = mailers.default
print(json.dumps({name: getattr(backend, name, None) for name in
      ("host", "port", "username", "password", "use_tls", "timeout")} | {"class": type(backend).__module__}))
"""


def _mailer(**environ):
    env = {k: v for k, v in os.environ.items() if not k.startswith("EMAIL_")}
    env.update({"DJANGO_SETTINGS_MODULE": "config.settings", "DEBUG": "1", **environ})
    result = subprocess.run(  # noqa: S603 (our own interpreter and code)
        [sys.executable, "-c", SHOW_MAILER], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_email_environment_variables_configure_the_smtp_mailer_without_deprecated_settings():
    mailer = _mailer(
        EMAIL_HOST="smtp.example.org",
        EMAIL_PORT="2525",
        EMAIL_HOST_USER="cible",
        EMAIL_HOST_PASSWORD="secret",
        EMAIL_USE_TLS="0",
        EMAIL_TIMEOUT="7",
    )
    assert mailer == {
        "class": "django.core.mail.backends.smtp",
        "host": "smtp.example.org",
        "port": 2525,
        "username": "cible",
        "password": "secret",
        "use_tls": False,
        "timeout": 7,
    }


def test_without_email_host_mail_goes_to_the_console():
    assert _mailer()["class"] == "django.core.mail.backends.console"


def test_email_backend_variable_picks_another_backend():
    assert _mailer(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend")["class"] == (
        "django.core.mail.backends.locmem"
    )


PRODUCTION = {"DEBUG": "0", "SECRET_KEY": secrets.token_urlsafe(50), "ALLOWED_HOSTS": "cible.example"}


def test_in_production_without_email_host_mail_goes_to_smtp_not_to_a_log():
    mailer = _mailer(**PRODUCTION)
    assert (mailer["class"], mailer["host"], mailer["port"]) == ("django.core.mail.backends.smtp", "localhost", 587)


def test_production_settings_pass_the_deploy_check_without_warnings():
    # As CI runs it: no email variable, and not the test run's async escape hatch.
    env = {k: v for k, v in os.environ.items() if not k.startswith("EMAIL_") and k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(PRODUCTION)
    result = subprocess.run(  # noqa: S603 (our own interpreter and code)
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def _settings_run(code, **environ):
    env = {k: v for k, v in os.environ.items() if k not in {"TRUSTED_PROXIES", "NUM_PROXIES", "RATELIMIT_IP_META_KEY"}}
    env.update({"DJANGO_SETTINGS_MODULE": "config.settings", "DEBUG": "1", **environ})
    return subprocess.run(  # noqa: S603 (our own interpreter and code)
        [sys.executable, "-c", f"import django; django.setup(); from django.conf import settings; {code}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def _trusted_proxies(**environ):
    result = _settings_run("print(settings.TRUSTED_PROXIES)", **environ)
    assert result.returncode == 0, result.stderr
    return int(result.stdout)


def test_trusted_proxies_is_zero_locally_one_behind_the_tls_proxy_and_overridable():
    assert _trusted_proxies() == 0
    assert _trusted_proxies(**PRODUCTION) == 1
    assert _trusted_proxies(**PRODUCTION, BEHIND_TLS_PROXY="0") == 0
    assert _trusted_proxies(**PRODUCTION, TRUSTED_PROXIES="2") == 2
    assert _trusted_proxies(TRUSTED_PROXIES="1") == 1


def test_the_retired_proxy_variables_are_refused_with_the_new_name():
    for retired in ("NUM_PROXIES", "RATELIMIT_IP_META_KEY"):
        result = _settings_run("pass", **{retired: "1"})
        assert result.returncode != 0
        assert f"{retired} is no longer read: set TRUSTED_PROXIES" in result.stderr

"""Settings read from the environment (config/settings.py).

The settings module is read at start-up, so each environment needs a fresh
read of it: one subprocess reads it once per case (SETTINGS_CASES) and reports
what each environment produced. The deploy check in production settings runs
in tests/security/test_headers.py.
"""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION = {"DEBUG": "0", "SECRET_KEY": secrets.token_urlsafe(50), "ALLOWED_HOSTS": "cible.example"}
SMTP = {
    "EMAIL_HOST": "smtp.example.org",
    "EMAIL_PORT": "2525",
    "EMAIL_HOST_USER": "cible",
    "EMAIL_HOST_PASSWORD": "secret",
    "EMAIL_USE_TLS": "0",
    "EMAIL_TIMEOUT": "7",
}
SETTINGS_CASES = {
    "local": {},
    "smtp": SMTP,
    "other backend": {"EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend"},
    "production": PRODUCTION,
    "production without tls proxy": {**PRODUCTION, "BEHIND_TLS_PROXY": "0"},
    "production with two proxies": {**PRODUCTION, "TRUSTED_PROXIES": "2"},
    "local with one proxy": {"TRUSTED_PROXIES": "1"},
    "retired NUM_PROXIES": {"NUM_PROXIES": "1"},
    "retired RATELIMIT_IP_META_KEY": {"RATELIMIT_IP_META_KEY": "1"},
}
# Variables a case sets, and those the developer's own environment must not add.
CLEARED = ("EMAIL_", "TRUSTED_PROXIES", "NUM_PROXIES", "RATELIMIT_IP_META_KEY", "BEHIND_TLS_PROXY")

READ_EACH_CASE = """
import json, os, sys, warnings
warnings.simplefilter("error")  # Django's pending deprecations included
import django
django.setup()
from django.conf import Settings
from django.core.mail import mailers
from django.test.utils import override_settings

base = dict(os.environ)
results = {}
for name, environ in json.loads(sys.argv[1]).items():
    os.environ.clear()
    os.environ.update(base | environ)
    sys.modules.pop("config.settings", None)
    try:
        read = Settings("config.settings")
    except Exception as error:
        results[name] = {"error": f"{type(error).__name__}: {error}"}
        continue
    with override_settings(MAILERS=read.MAILERS):
        backend = mailers.default
    mailer = {key: getattr(backend, key, None) for key in ("host", "port", "username", "password", "use_tls", "timeout")}
    results[name] = {"mailer": mailer | {"class": type(backend).__module__}, "trusted_proxies": read.TRUSTED_PROXIES}
print(json.dumps(results))
"""


@pytest.fixture(scope="module")
def read():
    """What config/settings.py produces in each environment of SETTINGS_CASES."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(CLEARED)}
    env.update({"DJANGO_SETTINGS_MODULE": "config.settings", "DEBUG": "1"})
    result = subprocess.run(  # noqa: S603 (our own interpreter and code)
        [sys.executable, "-c", READ_EACH_CASE, json.dumps(SETTINGS_CASES)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_email_environment_variables_configure_the_smtp_mailer_without_deprecated_settings(read):
    assert read["smtp"]["mailer"] == {
        "class": "django.core.mail.backends.smtp",
        "host": "smtp.example.org",
        "port": 2525,
        "username": "cible",
        "password": "secret",
        "use_tls": False,
        "timeout": 7,
    }


def test_without_email_host_mail_goes_to_the_console(read):
    assert read["local"]["mailer"]["class"] == "django.core.mail.backends.console"


def test_email_backend_variable_picks_another_backend(read):
    assert read["other backend"]["mailer"]["class"] == "django.core.mail.backends.locmem"


def test_in_production_without_email_host_mail_goes_to_smtp_not_to_a_log(read):
    mailer = read["production"]["mailer"]
    assert (mailer["class"], mailer["host"], mailer["port"]) == ("django.core.mail.backends.smtp", "localhost", 587)


def test_trusted_proxies_is_zero_locally_one_behind_the_tls_proxy_and_overridable(read):
    assert read["local"]["trusted_proxies"] == 0
    assert read["production"]["trusted_proxies"] == 1
    assert read["production without tls proxy"]["trusted_proxies"] == 0
    assert read["production with two proxies"]["trusted_proxies"] == 2
    assert read["local with one proxy"]["trusted_proxies"] == 1


def test_the_retired_proxy_variables_are_refused_with_the_new_name(read):
    for retired in ("NUM_PROXIES", "RATELIMIT_IP_META_KEY"):
        error = read[f"retired {retired}"]["error"]
        assert error.startswith("ImproperlyConfigured")
        assert f"{retired} is no longer read: set TRUSTED_PROXIES" in error

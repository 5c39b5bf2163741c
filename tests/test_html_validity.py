"""The Nu HTML Checker (vnu-jar from npm, run with Java) finds no error in the rendered pages.

Every page of tests/pages.py is rendered with Django's test client, in French
and in English, into a temporary folder; the checker runs once on the batch.
The jar (~30 MB) is not in the repository: `make vnu` installs the pinned npm
package into the ignored .cache/vnu, and this test runs it itself (a no-op once
installed). Without npm or Java the test is skipped locally, never in CI.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.test import Client
from django.utils import translation

from tests.pages import ALL_PAGES, build_world

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[1]
# The version is pinned in the Makefile's `vnu` target.
VNU_JAR = ROOT / ".cache" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def _unavailable(reason):
    if os.environ.get("CI"):
        pytest.fail(f"CI must run the HTML checker: {reason}")
    pytest.skip(f"{reason} (the HTML check needs Java 17 and npm: run `make vnu`)")


@pytest.fixture(scope="session")
def vnu_jar():
    java = shutil.which("java")
    if java is None:
        _unavailable("no java on PATH")
    make = shutil.which("make")
    if make is None:
        _unavailable("no make on PATH to install the checker")
    done = subprocess.run(  # noqa: S603
        [make, "--no-print-directory", "-s", "vnu"], cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    if done.returncode != 0 or not VNU_JAR.exists():
        _unavailable(f"`make vnu` could not install the checker (offline?): {(done.stdout + done.stderr)[-500:]}")
    return [java, "-jar", str(VNU_JAR)]


def check_html(vnu, files):
    """The checker's errors, as `file:line: message` strings."""
    done = subprocess.run(  # noqa: S603
        [*vnu, "--errors-only", "--format", "json", *map(str, files)], capture_output=True, text=True, timeout=600
    )
    messages = json.loads(done.stderr or done.stdout)["messages"]
    return [
        f"{Path(m['url']).name}:{m.get('lastLine', '?')}: {m['message']} [{m.get('extract', '')}]" for m in messages
    ]


def render_pages(tmp_path):
    world = build_world()
    files = []
    for lang in ("fr", "en"):
        for entry in ALL_PAGES:
            client = Client()
            user = world.user(entry.role)
            if user is not None:
                client.force_login(user)
            with translation.override(lang):
                url = entry.url(world)
            response = client.post(url, entry.form_data(world)) if entry.form else client.get(url)
            assert response.status_code == (200 if entry.form else entry.status), url
            if entry.form:  # the page checked is the form showing its errors
                assert b"is-invalid" in response.content or b"alert-danger" in response.content, url
            files.append(tmp_path / f"{entry.id}-{lang}.html")
            files[-1].write_bytes(response.content)
    # The error pages rendered without a request.
    files.append(tmp_path / "expired-form.html")
    files[-1].write_bytes(Client(enforce_csrf_checks=True).post("/fr/accounts/login/", {}).content)
    files.append(tmp_path / "bad-request.html")
    files[-1].write_bytes(Client().get("/fr/", headers={"host": "bad host"}).content)
    return files


def test_rendered_pages_are_valid_html(vnu_jar, tmp_path):
    files = render_pages(tmp_path)
    errors = check_html(vnu_jar, files)
    assert errors == [], "The Nu HTML Checker found errors:\n" + "\n".join(errors)


def test_checker_reports_invalid_html(vnu_jar, tmp_path):
    """The check can fail: an unclosed element is reported."""
    broken = tmp_path / "broken.html"
    broken.write_text('<!doctype html><html lang="fr"><head><title>x</title></head><body><p><div></body></html>')
    assert any("Unclosed element" in error for error in check_html(vnu_jar, [broken]))

"""Chromium renders every page that shows the injection corpus; no script may run.

A payload that runs opens a dialog or sets window.__xss. Pages are rendered
with the site's CSP bypassed: whatever would run under the CSP runs without it
too, so this proves that escaping and sanitising alone stop every payload and
the CSP is only a second wall. Console messages are logged, not failed on.
"""

from urllib.parse import urlencode

import pytest
from django.test import override_settings
from django.utils import translation

from tests.browser.visits import log_in, submit_form
from tests.security.injection import FORMS, build_payload_world, payload_pages
from tests.security.payloads import PAYLOADS

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def xss_page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="fr-CA", bypass_csp=True)
    page = context.new_page()
    ran = []
    page.on("dialog", lambda dialog: (ran.append(f"dialog {dialog.message!r} on {page.url}"), dialog.dismiss()))
    page.on("pageerror", lambda exc: print(f"page error on {page.url}: {exc}"))
    page.on("console", lambda msg: print(f"console {msg.type} on {page.url}: {msg.text}"))
    page.set_default_timeout(10_000)
    page.ran = ran
    yield page
    context.close()


def assert_nothing_ran(page):
    page.wait_for_load_state("load")
    page.wait_for_timeout(50)  # let error and toggle handlers fire
    flagged = page.evaluate("() => [window.__xss, ...Array.from(window.frames, (f) => f.__xss)].filter(Boolean)")
    assert page.ran == [] and flagged == [], f"a payload ran on {page.url}: {page.ran or flagged}"


def test_stored_payloads_never_run(xss_page, live_server):
    world = build_payload_world()
    with translation.override("fr"):
        pages = payload_pages(world, full=False)
    for role, path in pages:
        if role:
            log_in(xss_page, live_server.url, world.user(role))
        response = xss_page.goto(path)
        assert response.status == 200, path
        # Focus everything focusable, as a keyboard user would, to trigger focus handlers.
        xss_page.evaluate(
            "() => document.querySelectorAll('a, button, input, select, textarea').forEach((e) => e.focus())"
        )
        assert_nothing_ran(xss_page)


@pytest.mark.parametrize("form", [f for f in FORMS if f.browser], ids=str)
def test_submitted_payloads_never_run(xss_page, live_server, form):
    world = build_payload_world() if form.role or form.shown_on else None
    with override_settings(**form.settings):
        _submit_everywhere(xss_page, live_server, form, world)


def _submit_everywhere(xss_page, live_server, form, world):
    for payload in PAYLOADS:
        if form.role:
            log_in(xss_page, live_server.url, world.user(form.role))
        with translation.override("fr"):
            path = form.path(world)
        if form.method == "get":
            answer = xss_page.goto(f"{path}?{urlencode(dict.fromkeys(form.fields, payload))}")
            assert answer.status < 500, f"{form.id} answered {answer.status} to {payload!r}"
        else:
            xss_page.goto(path)
            answer = submit_form(xss_page, {**form.data, **dict.fromkeys(form.fields, payload)})
            assert answer.status < 500, f"{form.id} answered {answer.status} to {payload!r}"
        assert_nothing_ran(xss_page)
        for name, value in form.confirm.items():
            with xss_page.expect_navigation() as navigation:
                xss_page.locator(f"main [type=submit][name='{name}'][value='{value}']").click()
            assert navigation.value.status < 500, f"{form.id} confirmation answered {navigation.value.status}"
            assert_nothing_ran(xss_page)
        for shown_on in form.shown_on:
            role, shown_path = shown_on(world)
            if role:
                log_in(xss_page, live_server.url, world.user(role))
            xss_page.goto(shown_path)
            assert_nothing_ran(xss_page)


def test_a_payload_that_runs_is_caught(xss_page):
    """The check can fail: markup inserted unescaped runs and is reported."""
    xss_page.goto("/fr/")
    xss_page.evaluate("() => document.body.insertAdjacentHTML('beforeend', '<img src=x onerror=window.__xss=1>')")
    # The image error fires asynchronously: wait until the handler has run.
    xss_page.wait_for_function("() => window.__xss === 1")
    with pytest.raises(AssertionError, match="a payload ran"):
        assert_nothing_ran(xss_page)

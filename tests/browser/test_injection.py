"""Chromium renders every page that shows the injection corpus; no script may run.

A payload that runs opens a dialog or sets window.__xss. Pages are rendered
with the site's CSP bypassed: whatever would run under the CSP runs without it
too, so this proves that escaping and sanitising alone stop every payload and
the CSP is only a second wall. Console messages are logged, not failed on.

Every form of tests/security/injection.py FORMS is submitted here, as a
person would: the visitor's search, match, login and brief, the trainer's
sign-up, profile and offer (with its note to the curator). The forms that
store what they get spread the corpus over their fields (see `spread()`);
then every page that shows what they stored is rendered once: the trainer's
dashboard, inbox, briefs and offers, the curator's admin lists, review and
change screens, the public expert and training pages. The emails are plain
text and shown on no page.
"""

from urllib.parse import urlencode

import pytest
from django.test import override_settings
from django.utils import translation

from tests.browser.visits import log_in, submit_form
from tests.security.injection import FORMS, build_payload_world, payload_pages, spread
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
    page.sessions = {}  # role -> its session cookies
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


@pytest.mark.parametrize("form", [form for form in FORMS if form.browser], ids=str)
def test_submitted_payloads_never_run(xss_page, live_server, form):
    """Each form is submitted once per payload in every field, or with the payloads spread over its fields."""
    world = build_payload_world()
    if form.spread:
        submissions = spread(form.fields, form.width)
    else:
        submissions = [dict.fromkeys(form.fields, payload) for payload in PAYLOADS]
    with override_settings(**form.settings):
        for j, values in enumerate(submissions):
            _submit_once(xss_page, live_server, form, world, j, values)
        for stored_on in form.stored_on:
            for role, path in stored_on(world):
                _show(xss_page, live_server, world, role, path)


def _submit_once(xss_page, live_server, form, world, j, values):
    _log_in_as(xss_page, live_server, world, form.role)
    with translation.override("fr"):
        path = form.path(world)
    if form.method == "get":
        answer = xss_page.goto(f"{path}?{urlencode(values)}")
    else:
        xss_page.goto(path)
        answer = submit_form(xss_page, {**form.data, **(form.vary(j) if form.vary else {}), **values})
    assert answer.status < 500, f"{form.id} answered {answer.status} to {values}"
    assert_nothing_ran(xss_page)
    for name, value in form.confirm.items():
        with xss_page.expect_navigation() as navigation:
            xss_page.locator(f"main [type=submit][name='{name}'][value='{value}']").click()
        assert navigation.value.status < 500, f"{form.id} confirmation answered {navigation.value.status}"
        assert_nothing_ran(xss_page)
    if form.follow:
        # The follow-up form carries all of this submission's payloads, one a line.
        answer = submit_form(xss_page, dict.fromkeys(form.follow_fields, "\n".join(values.values())))
        assert answer.status == 200, f"{form.id} follow-up answered {answer.status}"
        assert_nothing_ran(xss_page)
    if not form.stored_on:
        for shown_on in form.shown_on:
            _show(xss_page, live_server, world, *shown_on(world))


def _log_in_as(xss_page, live_server, world, role):
    """The browser becomes `role` (None: a visitor); each role's session is opened once and kept."""
    xss_page.context.clear_cookies()
    if role:
        if role not in xss_page.sessions:
            log_in(xss_page, live_server.url, world.user(role))
            xss_page.sessions[role] = xss_page.context.cookies()
        xss_page.context.add_cookies(xss_page.sessions[role])


def _show(xss_page, live_server, world, role, path):
    """Open a page that shows what was stored, as `role`, and check that nothing ran."""
    _log_in_as(xss_page, live_server, world, role)
    answer = xss_page.goto(path)
    assert answer.status == 200, f"{path} answered {answer.status} to {role or 'a visitor'}"
    assert_nothing_ran(xss_page)


def test_a_payload_that_runs_is_caught(xss_page):
    """The check can fail: markup inserted unescaped runs and is reported."""
    xss_page.goto("/fr/")
    xss_page.evaluate("() => document.body.insertAdjacentHTML('beforeend', '<img src=x onerror=window.__xss=1>')")
    # The image error fires asynchronously: wait until the handler has run.
    xss_page.wait_for_function("() => window.__xss === 1")
    with pytest.raises(AssertionError, match="a payload ran"):
        assert_nothing_ran(xss_page)

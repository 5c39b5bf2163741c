"""The API docs and the pages' JSON-LD pass the strict CSP in a real browser."""

from datetime import timedelta

import pytest

from tests.factories import make_expert, make_session, make_training

pytestmark = pytest.mark.django_db(transaction=True)


def _watch_console(page):
    """Console errors (CSP violations are reported there) and CSP events."""
    problems = []

    def on_console(message):
        # The browser's own /favicon.ico probe is not the page's doing.
        if message.type == "error" and not message.location.get("url", "").endswith("/favicon.ico"):
            problems.append(f"{message.text} {message.location}")

    page.on("console", on_console)
    page.on("requestfailed", lambda request: problems.append(f"request failed: {request.url}"))
    page.on(
        "response", lambda response: response.status >= 400 and problems.append(f"{response.status} {response.url}")
    )
    return problems


def _csp_violations(page):
    return page.evaluate("window.__cspViolations || []")


def _listen_for_csp(page):
    page.add_init_script(
        "window.__cspViolations = [];"
        "document.addEventListener('securitypolicyviolation',"
        " e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));"
    )


def test_api_docs_render_from_our_own_files_without_csp_violation(page, live_server):
    make_training(slug="viral")
    problems = _watch_console(page)
    _listen_for_csp(page)
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    response = page.goto("/api/v1/docs/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.locator(".swagger-ui .info .title").filter(has_text="Cible API").wait_for()
    page.locator(".opblock-summary-path", has_text="/api/v1/trainings/").first.wait_for()
    assert page.locator(".opblock-summary-path").count() >= 6
    assert _csp_violations(page) == []
    assert problems == []
    assert all(url.startswith(live_server.url) for url in requested), requested


def test_training_and_expert_pages_with_jsonld_raise_no_csp_error(page):
    expert = make_expert(slug="anne", name="Anne Archambault")
    training = make_training(slug="viral", title="Le marketing viral", trainer=expert)
    make_session(training, starts_in=timedelta(days=4))
    problems = _watch_console(page)
    _listen_for_csp(page)
    page.goto("/fr/trainings/viral/")
    assert page.locator('script[type="application/ld+json"]').count() == 1
    assert "Course" in page.locator('script[type="application/ld+json"]').text_content()
    page.goto("/fr/experts/anne/")
    assert "Person" in page.locator('script[type="application/ld+json"]').text_content()
    assert _csp_violations(page) == []
    assert problems == []

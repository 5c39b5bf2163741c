"""axe-core (vendored from npm, see tests/assets/axe/README.md) finds no WCAG 2.1 A/AA violation.

Every page of tests/pages.py is checked in French and in English, logged in
as the page's role, and forms after a submission that shows errors. To check
a new page, add it to the lists in tests/pages.py.
"""

import json
from pathlib import Path

import pytest

from tests.browser.visits import visit
from tests.pages import ALL_PAGES, build_world

pytestmark = pytest.mark.django_db(transaction=True)

AXE_SOURCE = (Path(__file__).resolve().parents[1] / "assets" / "axe" / "axe.min.js").read_text()
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page):
    # Evaluated through the DevTools protocol, so the site's CSP (no inline
    # scripts) stays on for the page itself while axe runs.
    page.evaluate(AXE_SOURCE)
    results = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [" ".join(node["target"]) + ": " + node["failureSummary"] for node in v["nodes"][:5]],
        }
        for v in results["violations"]
    ]


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("entry", ALL_PAGES, ids=str)
def test_page_has_no_accessibility_violations(page, live_server, entry, lang):
    world = build_world()
    url = visit(page, live_server.url, world, entry, lang)
    violations = axe_violations(page)
    assert violations == [], f"axe found violations on {url}:\n{json.dumps(violations, indent=2)}"


def test_axe_reports_a_known_violation(page, live_server):
    """The check can fail: an image without alternative text is reported."""
    page.goto("/fr/")
    page.evaluate("() => document.querySelector('main').append(Object.assign(new Image(), {src: '/static/x.png'}))")
    assert [v["id"] for v in axe_violations(page)] == ["image-alt"]

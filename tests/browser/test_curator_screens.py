"""A curator works through the moderation queue at 1366 px and 1024 px (issue 19).

No sideways scroll, the review action in view, readable titles, a labelled
e-mail log-in, distinct decision buttons with the destructive one last and
confirmed, and refused decisions summarised at the top.
"""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from catalogue.enums import Status
from tests.factories import make_curator, make_expert, make_session, make_training

PASSWORD = "a-long-test-password"
LONG = (
    "Formation : Vitrine et boutique sur Instagram pour les commerces d’ici, du premier abonné "
    "à la première vente, avec un budget publicitaire modeste"
)


@pytest.fixture
def curator_page(browser, live_server):
    """A page of our own: this test accepts or refuses confirmation dialogs itself."""
    context = browser.new_context(base_url=live_server.url, locale="fr-CA")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.set_default_timeout(10_000)
    yield page
    context.close()
    assert not errors, f"script errors in the page: {errors}"


@pytest.fixture
def queue():
    trainer = make_expert(name="Marie-Ève Bélanger-Lévesque", preferred_language="fr")
    offers = []
    for index in range(8):
        training = make_training(
            status=Status.SUBMITTED,
            trainer=trainer,
            title=f"{LONG} ({index + 1})",
            slug=f"vitrine-{index}",
            submitted_at=timezone.now() - timedelta(days=10 - index),
        )
        make_session(training, starts_in=timedelta(days=20), timezone="Europe/Paris")
        offers.append(training)
    make_curator(email="curatrice@example.com", password=PASSWORD)
    return offers


def _log_in(page):
    page.goto("/fr/admin/")
    page.get_by_label("Courriel").fill("curatrice@example.com")
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url("**/fr/admin/")


# How many lines an element's text takes (one client rect per line box).
LINES = """e => {
  const range = document.createRange();
  range.selectNodeContents(e);
  const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
  return tops.size;
}"""


def _no_sideways_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


@pytest.mark.parametrize("width", [1366, 1024])
def test_curator_walks_the_queue_without_sideways_scroll(curator_page, queue, width):
    page = curator_page
    page.set_viewport_size({"width": width, "height": 800})
    _log_in(page)
    expect(page.locator("#site-name")).to_contain_text("Cible")
    assert _no_sideways_scroll(page)
    # The « Offres » column title of the status counts stays on one line.
    assert page.locator("#offer-status-counts thead th").last.evaluate(LINES) == 1

    page.goto("/fr/admin/catalogue/training/")
    assert _no_sideways_scroll(page)
    # Nor inside the list: the table fits its scrolling box.
    assert page.locator("#changelist .results").evaluate("e => e.scrollWidth <= e.clientWidth")
    first_row = page.locator("#result_list tbody tr").first
    review = first_row.get_by_role("link", name="Évaluer")
    box = review.bounding_box()
    assert box["x"] + box["width"] <= width
    # The review action comes first in the row.
    assert review.evaluate("a => a.closest('td,th').cellIndex") <= 1
    # A 150-character title wraps onto at most five lines (it took 7 and more).
    assert first_row.locator(".field-title").evaluate(LINES) <= 5

    review.click()
    page.wait_for_url("**/review/")
    assert _no_sideways_scroll(page)
    crumb = page.locator(".breadcrumbs a").first.bounding_box()
    assert crumb["x"] >= 16

    buttons = page.locator(".review-decisions button")
    expect(buttons).to_have_text(["Publier", "Demander des modifications", "Refuser"])
    boxes = [buttons.nth(i).bounding_box() for i in range(3)]
    assert all(b["height"] >= 44 for b in boxes)
    gaps = [boxes[i + 1]["x"] - (boxes[i]["x"] + boxes[i]["width"]) for i in range(2)]
    assert all(gap >= 24 for gap in gaps if boxes[0]["y"] == boxes[1]["y"])
    colours = {buttons.nth(i).evaluate("b => getComputedStyle(b).backgroundColor") for i in range(3)}
    assert len(colours) == 3

    # Publish without answering the rubric: the errors are summarised at the top, in view.
    buttons.nth(0).click()
    summary = page.locator("#review-errors")
    expect(summary).to_be_visible()
    assert summary.bounding_box()["y"] < 800
    expect(summary.get_by_role("link")).to_have_count(5)

    # Refuser asks for confirmation; dismissing it decides nothing.
    page.get_by_label("Message à la formatrice ou au formateur").fill("Hors sujet pour le catalogue.")
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    page.get_by_role("button", name="Refuser").click()
    assert asked and "refuser" in asked[0].lower()
    assert page.url.endswith("/review/")
    queue[0].refresh_from_db()
    assert queue[0].status == Status.SUBMITTED

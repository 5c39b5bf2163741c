"""A visitor shortlists three trainings from the catalogue, compares them, and
reads the comparison on a phone."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from tests.factories import make_expert, make_session, make_training

pytestmark = pytest.mark.django_db(transaction=True)

TITLES = ["Vendre sur Instagram", "Réseauter sur LinkedIn", "Lancer un produit sur TikTok"]


def _catalogue():
    trainer = make_expert(name="Annie Tremblay", slug="annie-tremblay", focuses=["media", "network"])
    for n, title in enumerate(TITLES):
        training = make_training(
            title=title,
            trainer=trainer,
            focus=("media", "network", "media")[n],
            price=Decimal(100 + 50 * n),
            summary="Un atelier pratique. " * 5,
        )
        make_session(training, starts_in=timedelta(days=5 + n))
    make_training(title="Une autre formation", trainer=trainer)


def _add(page, title):
    card = page.locator(".training-card", has_text=title)
    card.locator("a.shortlist-add").click()
    page.wait_for_url(re.compile(r"/fr/compare/\?t="))


def _no_page_scroll_sideways(page):
    return page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def test_visitor_compares_three_trainings_from_the_catalogue(page):
    _catalogue()
    page.goto("/fr/trainings/")
    for n, title in enumerate(TITLES):
        _add(page, title)
        expect(page.locator("th.compare-training")).to_have_count(n + 1)
        if n < len(TITLES) - 1:
            page.get_by_role("link", name="Ajouter des formations").click()
            expect(page.locator(".shortlist-count")).to_have_text(str(n + 1))

    assert page.url.count("t=") == 3
    headers = page.locator("th.compare-training")
    for title in TITLES:
        expect(headers.filter(has_text=title)).to_have_count(1)
    expect(page.locator('tr[data-fact="focus"] .differs-label')).to_have_text("Diffère")
    expect(page.locator('tr[data-fact="level"] .differs-label')).to_have_count(0)

    # Removing one keeps the two others.
    headers.filter(has_text=TITLES[1]).get_by_role("link", name=re.compile("Retirer")).click()
    expect(page.locator("th.compare-training")).to_have_count(2)
    assert page.url.count("t=") == 2


def test_comparison_is_readable_on_a_phone(page):
    _catalogue()
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/fr/trainings/")
    for title in TITLES:
        _add(page, title)
        if title != TITLES[-1]:
            page.get_by_role("link", name="Ajouter des formations").click()
    expect(page.locator("th.compare-training")).to_have_count(3)
    assert _no_page_scroll_sideways(page)
    # The trainings scroll sideways inside their own box; the fact names stay in view.
    box = page.locator(".compare-scroll")
    assert box.evaluate("(el) => el.scrollWidth > el.clientWidth")
    fact = page.locator('tr[data-fact="price"] th')
    before = fact.bounding_box()["x"]
    box.evaluate("(el) => { el.scrollLeft = el.scrollWidth; }")
    assert fact.bounding_box()["x"] == before
    assert _no_page_scroll_sideways(page)


def test_the_list_comes_back_from_local_storage(page):
    _catalogue()
    page.goto("/fr/trainings/")
    _add(page, TITLES[0])
    # A page whose URL has no list: the script restores the remembered one into its links.
    page.goto("/fr/trainings/")
    expect(page.locator(".shortlist-bar")).to_be_visible()
    expect(page.locator(".shortlist-count")).to_have_text("1")
    _add(page, TITLES[1])
    expect(page.locator("th.compare-training")).to_have_count(2)


def test_a_remembered_training_keeps_the_whole_list_in_its_link(page):
    _catalogue()
    page.goto("/fr/trainings/")
    _add(page, TITLES[0])
    page.get_by_role("link", name="Ajouter des formations").click()
    _add(page, TITLES[1])
    page.goto("/fr/trainings/")  # no list in the URL: the remembered one comes back
    _add(page, TITLES[0])
    expect(page.locator("th.compare-training")).to_have_count(2)

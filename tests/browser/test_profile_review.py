"""A trainer edits their profile on a phone and on a desktop: the dashboard says it is in review,
visitors keep the approved version (#15)."""

import pytest

from tests.browser.visits import log_in
from tests.factories import make_public_expert

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("size", [(390, 844), (1280, 900)], ids=["phone", "desktop"])
def test_edited_profile_waits_for_review_while_visitors_see_the_approved_one(page, live_server, size):
    page.set_viewport_size({"width": size[0], "height": size[1]})
    expert = make_public_expert(name="Léa Tremblay", slug="lea", headline="Ancienne accroche")
    log_in(page, live_server.url, expert.user)
    page.goto("/fr/dashboard/profile/")
    page.get_by_label("Accroche").fill("Nouvelle accroche")
    page.get_by_role("button", name="Enregistrer mon profil").click()
    status = page.locator(".profile-status")
    assert status.get_attribute("data-profile-status") == "submitted"
    assert page.locator(".profile-status .badge").inner_text() == "En évaluation"
    # No sideways scrolling on a phone.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    page.goto("/fr/dashboard/profile/preview/")
    assert "Nouvelle accroche" in page.locator("h1 + p").inner_text()

    page.context.clear_cookies()
    page.goto("/fr/experts/lea/")
    assert page.locator("h1 + p").inner_text() == "Ancienne accroche"

"""A visitor asks to hear about new trainings: from a match, and after comparing three trainings."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from alerts.models import Alert
from tests.factories import make_objective, make_training

from .test_compare import TITLES, _add, _catalogue

pytestmark = pytest.mark.django_db(transaction=True)


def _confirm_link():
    [email] = [m for m in mail.outbox if "/alerts/confirm/" in m.body]
    # The path only: links in e-mails carry SITE_URL, not the live server's address.
    return re.search(r"/en/alerts/confirm/\S+", email.body).group(0)


def test_visitor_subscribes_from_a_match_page_and_confirms(page):
    objective = make_objective(focus="network", slug="keep-in-touch", name_en="Keep in touch with clients")
    make_training(title="LinkedIn: keep the link", focus="network", objectives=[objective])
    page.goto("/en/match/?objective=keep-in-touch")
    page.get_by_role("link", name="Alert me about new trainings for this objective").click()
    expect(page.locator(".alert-watched")).to_contain_text("Keep in touch with clients")
    page.get_by_label("Your email address").fill("Ana@Example.com")
    page.get_by_label("Daily").check()
    page.get_by_role("button", name="Create the alert").click()
    expect(page.get_by_role("heading", name="Check your inbox")).to_be_visible()
    alert = Alert.objects.get()
    assert (alert.email, alert.frequency, alert.language, alert.confirmed_at) == (
        "ana@example.com",
        "daily",
        "en",
        None,
    )

    page.goto(_confirm_link())
    page.get_by_role("button", name="Confirm the alert").click()
    expect(page.get_by_role("heading", name="Your alert is on")).to_be_visible()
    assert Alert.objects.get().confirmed_at is not None
    page.get_by_role("link", name="Manage your alerts").click()
    expect(page.locator(f'[data-alert="{alert.pk}"]')).to_contain_text("Keep in touch with clients")


def test_visitor_compares_three_trainings_then_subscribes_on_a_phone(page):
    _catalogue()
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/fr/trainings/")
    for title in TITLES:
        _add(page, title)
        if title != TITLES[-1]:
            page.get_by_role("link", name="Ajouter des formations").click()
    expect(page.locator("th.compare-training")).to_have_count(3)

    # Back to the catalogue with the shortlist kept, narrowed to social media, then the alert.
    page.get_by_role("link", name="Ajouter des formations").click()
    page.locator('[data-facet="focus-media"]').click()
    page.get_by_role("link", name="Me prévenir des nouvelles formations pour cet objectif").click()
    assert "t=" not in page.url  # the shortlist is not part of what the alert watches
    page.get_by_label("Votre adresse courriel").fill("leo@example.com")
    page.get_by_role("button", name="Créer l’alerte").click()
    expect(page.get_by_role("heading", name="Consultez votre boîte de réception")).to_be_visible()
    alert = Alert.objects.get()
    assert (alert.query, alert.frequency, alert.language) == ("focus=media", "weekly", "fr")
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")

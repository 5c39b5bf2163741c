"""A visitor filters the catalogue, pages through it and opens a training."""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from tests.factories import make_expert, make_session, make_training

pytestmark = pytest.mark.django_db(transaction=True)


def _catalogue():
    trainer = make_expert(name="Annie Tremblay", slug="annie-tremblay", focuses=["media", "network"])
    for n in range(14):
        training = make_training(title=f"Atelier médias {n:02}", trainer=trainer, focus="media", format="workshop")
        make_session(training, starts_in=timedelta(days=5 + n))
    for n in range(6):
        make_training(title=f"Conférence réseau {n}", trainer=trainer, focus="network", format="conference")
    for n in range(3):
        make_training(title=f"Formation médias {n}", trainer=trainer, focus="media", format="course")


def test_visitor_filters_pages_and_opens_a_training(page):
    _catalogue()
    page.goto("/fr/trainings/")
    results = page.locator(".training-results .training-card")
    expect(page.locator("#results-title")).to_have_text("23 formations")
    expect(results).to_have_count(12)

    page.get_by_role("combobox", name="Orientation").select_option("media")
    page.get_by_role("combobox", name="Format").select_option("workshop")
    page.get_by_role("button", name="Afficher les formations").click()
    page.wait_for_url(re.compile(r"focus=media"))
    # Only the fields that have a value are in the shareable URL.
    assert page.url.endswith("/fr/trainings/?focus=media&format=workshop")
    expect(page.locator("#results-title")).to_have_text("14 formations")
    expect(results).to_have_count(12)
    expect(page.locator(".filter-chip")).to_have_count(2)

    page.get_by_role("link", name="Suivante").click()
    page.wait_for_url(re.compile(r"page=2"))
    assert "focus=media" in page.url and "format=workshop" in page.url
    expect(results).to_have_count(2)
    expect(page.get_by_text("Page 2 sur 2")).to_be_visible()

    first_title = results.first.locator(".card-title").inner_text()
    results.first.locator(".card-title a").click()
    expect(page.locator("h1")).to_have_text(first_title)
    expect(page.get_by_role("heading", name="Prochaines séances")).to_be_visible()
    expect(page.get_by_role("link", name="Envoyer une demande à cette personne")).to_have_attribute(
        "href", re.compile(r"/fr/experts/annie-tremblay/brief/\?training=")
    )


def test_facet_and_empty_state_lead_back_to_everything(page):
    _catalogue()
    page.goto("/fr/trainings/")
    page.locator('[data-facet="format-conference"]').click()
    page.wait_for_url(re.compile(r"format=conference"))
    expect(page.locator(".training-results .training-card")).to_have_count(6)

    page.get_by_label("Gratuites seulement").check()
    page.get_by_role("button", name="Afficher les formations").click()
    expect(page.get_by_text("Aucune formation ne correspond à votre recherche.")).to_be_visible()
    page.get_by_role("link", name="Voir toutes les formations").click()
    expect(page.locator("#results-title")).to_have_text("23 formations")


def test_filters_collapse_into_a_panel_on_a_phone(page):
    _catalogue()
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/fr/trainings/")
    form_button = page.get_by_role("button", name="Afficher les formations")
    expect(form_button).to_be_hidden()
    page.get_by_role("button", name="Filtres").click()
    expect(form_button).to_be_visible()
    page.get_by_role("combobox", name="Orientation").select_option("network")
    form_button.click()
    page.wait_for_url(re.compile(r"focus=network"))
    expect(page.locator("#results-title")).to_have_text("6 formations")

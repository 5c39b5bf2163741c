"""A visitor types an objective on the home page, reads the match and opens a training."""

import pytest

from tests.catalogue.objectives import create_demo_objectives
from tests.factories import make_match_world

pytestmark = pytest.mark.django_db(transaction=True)


def test_visitor_types_an_objective_reads_the_match_and_opens_a_training(page):
    objectives = create_demo_objectives()
    make_match_world(objectives)

    page.goto("/fr/")
    page.get_by_label("Votre objectif, dans vos mots").fill(
        "utiliser les médias sociaux pour garder contact avec mes clients"
    )
    page.get_by_role("button", name="Trouver ma formatrice ou mon formateur").click()

    page.wait_for_url("**/fr/match/?objective=*")
    analysis = page.locator(".match-analysis")
    assert analysis.get_attribute("data-focus") == "network"
    assert "Réseaux sociaux" in analysis.locator("h2").inner_text()
    assert (
        analysis.locator(".match-explanation")
        .inner_text()
        .startswith(
            "Nous avons reconnu cet objectif\u00a0: Maintenir vos contacts en vie (d’après «\u00a0garder contact\u00a0»)."
        )
    )
    assert page.get_by_text("Promouvoir sur TikTok").count() == 0
    assert (
        page.get_by_role("link", name="Envoyer une demande à Nadia Roy")
        .get_attribute("href")
        .startswith("/fr/experts/nadia-roy/brief/?objective=")
    )

    page.get_by_role("link", name="Atelier LinkedIn : garder le lien").click()
    page.wait_for_url("**/fr/trainings/atelier-linkedin-garder-le-lien/?objective=*")
    assert page.locator("h1").inner_text() == "Atelier LinkedIn : garder le lien"


def test_visitor_picks_an_objective_and_gets_an_unknown_prompt_in_english(page):
    create_demo_objectives()

    page.goto("/en/match/?objective=social+media")
    assert page.locator(".match-analysis").get_attribute("data-focus") == "unknown"
    page.get_by_role("link", name="Spread your messages").click()

    page.wait_for_url("**/en/match/?objective=diffuser-vos-messages")
    assert page.locator(".match-analysis").get_attribute("data-focus") == "media"
    assert page.get_by_label("Your objective, in your own words").input_value() == "diffuser-vos-messages"

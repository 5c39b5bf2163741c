"""A visitor on a training page sends a brief to its trainer."""

import re

import pytest
from django.core import mail

from experts.models import Brief
from tests.factories import make_expert, make_objective, make_training, make_user
from tests.french import fr

pytestmark = pytest.mark.django_db(transaction=True)


def test_visitor_sends_a_brief_from_a_training_page(page):
    make_objective("media", slug="spread-messages", name_fr="Diffuser vos messages", name_en="Spread your messages")
    make_objective("network", slug="grow-network", name_fr="Développer votre réseau", name_en="Grow your network")
    trainer = make_expert(user=make_user(email="coach@example.com"), name="Marie Média", slug="marie-media")
    make_training(trainer=trainer, slug="viral-marketing", title="Marketing viral")
    networker = make_expert(name="Nadia Réseau", slug="nadia-reseau", focuses=["network"])
    make_training(trainer=networker, focus="network")

    page.goto("/fr/trainings/viral-marketing/")
    button = page.get_by_role("link", name="Envoyer une demande")
    if button.count():
        button.first.click()
    else:  # the catalogue pages add the button; until then, follow its URL
        page.goto("/fr/experts/marie-media/brief/?training=viral-marketing")
    page.wait_for_url(re.compile(r"/fr/experts/marie-media/brief/\?training=viral-marketing$"))
    assert "Marketing viral" in page.locator("main").inner_text()

    # The honeypot is out of sight and out of the tab order.
    honeypot = page.locator("input[name=website]")
    assert honeypot.get_attribute("tabindex") == "-1"
    assert honeypot.bounding_box()["x"] < 0

    # A first try without the required fields keeps what was typed.
    page.get_by_label("Choisissez un objectif").select_option("grow-network")
    page.get_by_label("Votre nom").fill("Alice Visiteur")
    page.get_by_label("Message à la formatrice ou au formateur").fill(
        "Nous voulons garder le contact avec nos clients."
    )
    page.get_by_label("Votre courriel").fill("alice@example.org")
    page.get_by_label("Public").fill("Équipe des ventes")
    page.get_by_label("Taille du groupe").fill("12")
    page.locator("form.brief-form").evaluate("form => form.noValidate = true")
    page.get_by_role("button", name="Relire ma demande").click()
    assert page.get_by_text(
        "Nous ne pouvons envoyer votre demande que si la formatrice ou le formateur peut vous contacter."
    ).is_visible()
    assert page.get_by_label("Votre nom").input_value() == "Alice Visiteur"

    page.get_by_label("J’accepte d’être contacté ou contactée par courriel au sujet de cette demande.").check()
    page.get_by_role("button", name="Relire ma demande").click()

    # Confirmation: the network focus does not match this media trainer.
    page.get_by_role("heading", name=fr("Check your brief before sending")).wait_for()
    assert "Réseaux sociaux" in page.locator("#detected-focus").inner_text()
    warning = page.locator("#focus-warning")
    assert "Marie Média" in warning.inner_text()  # the trainer who lacks the objective's focus
    assert warning.get_by_role("link", name="Nadia Réseau").get_attribute("href") == "/fr/experts/nadia-reseau/"
    assert Brief.objects.count() == 0

    page.get_by_role("button", name="Envoyer ma demande").click()
    page.wait_for_url("**/fr/experts/marie-media/brief/sent/?training=viral-marketing&brief=*")
    assert page.locator("[data-outcome]").get_attribute("data-outcome") == "delivered"
    assert page.get_by_role("heading", name=fr("Your brief was sent"), exact=True).is_visible()
    assert "La suite" in page.locator("main").inner_text()

    brief = Brief.objects.get()
    assert (brief.name, brief.detected_focus, brief.training.slug) == ("Alice Visiteur", "network", "viral-marketing")
    assert sorted(m.to[0] for m in mail.outbox) == ["alice@example.org", "coach@example.com"]

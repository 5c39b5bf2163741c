import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from catalogue.enums import Status
from catalogue.models import Training
from tests.factories import make_objective

pytestmark = pytest.mark.django_db(transaction=True)


def _when(days, hour):
    moment = timezone.localtime(timezone.now() + timedelta(days=days)).replace(hour=hour, minute=0)
    return moment.strftime("%Y-%m-%dT%H:%M")


def test_new_trainer_signs_up_confirms_creates_offer_with_two_sessions_and_submits(page, settings, live_server):
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    settings.SITE_URL = live_server.url  # e-mailed links are absolute on SITE_URL
    mail.outbox = []
    media = make_objective(focus="media", slug="diffuser", name_fr="Diffuser vos messages")
    network = make_objective(focus="network", slug="reseau", name_fr="Développer votre réseau d’affaires")

    page.goto("/fr/accounts/signup/")
    page.get_by_label("Courriel").fill("nouvelle@example.com")
    page.get_by_label("Nom public").fill("Nadia Formatrice")
    page.get_by_label(re.compile(r"^\s*Mot de passe")).fill("Un-mot-de-passe-solide-42")
    page.get_by_label("Confirmez le mot de passe").fill("Un-mot-de-passe-solide-42")
    page.get_by_role("button", name="S’inscrire").click()
    page.wait_for_url("**/fr/accounts/signup/done/")

    link = re.search(r"https?://\S+", mail.outbox[-1].body).group(0)
    page.goto(link)
    page.wait_for_url("**/fr/accounts/login/")
    assert "votre adresse courriel est confirmée" in page.content()

    page.get_by_label("Courriel").fill("nouvelle@example.com")
    page.get_by_label("Mot de passe").fill("Un-mot-de-passe-solide-42")
    page.locator("main").get_by_role("button", name="Se connecter").click()
    page.wait_for_url("**/fr/dashboard/")

    page.locator("main").get_by_role("link", name="Nouvelle offre").first.click()
    page.wait_for_url("**/fr/dashboard/offers/new/")
    page.get_by_label("Titre").fill("Faire rayonner votre marque")
    page.get_by_label("Résumé").fill("Un atelier pour diffuser vos messages.")
    page.locator("input[name=focus][value=media]").check()
    # The objectives of the other focus are hidden once the focus is chosen.
    assert page.locator(f"input[name=objectives][value='{network.pk}']").is_hidden()
    page.locator(f"input[name=objectives][value='{media.pk}']").check()
    page.locator("select[name=format]").select_option("workshop")
    page.locator("input[name=competences][value=know_how]").check()
    page.locator("input[name=duration_hours]").fill("3")
    page.locator("input[name=price]").fill("0")
    page.locator("input[name='sessions-0-starts_at']").fill(_when(20, 9))
    page.locator("input[name='sessions-0-ends_at']").fill(_when(20, 12))
    page.locator("input[name='sessions-0-city']").fill("Montréal")
    page.locator("input[name='sessions-1-starts_at']").fill(_when(27, 9))
    page.locator("input[name='sessions-1-ends_at']").fill(_when(27, 12))
    page.locator("input[name='sessions-1-city']").fill("Québec")
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    page.wait_for_url(re.compile(r".*/fr/dashboard/offers/\d+/$"))
    assert "L’offre est enregistrée." in page.content()

    page.get_by_role("button", name="Soumettre pour évaluation").click()
    page.wait_for_url(re.compile(r".*/fr/dashboard/offers/\d+/$"))
    assert page.locator(".offer-status").inner_text() == "Soumise pour évaluation"

    training = Training.objects.get()
    assert (training.title, training.status, training.trainer.name) == (
        "Faire rayonner votre marque",
        Status.SUBMITTED,
        "Nadia Formatrice",
    )
    assert [s.city for s in training.sessions.all()] == ["Montréal", "Québec"]
    assert list(training.objectives.all()) == [media]

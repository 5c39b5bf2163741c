"""A visitor answers the follow-up of their brief, and the figure appears on the trainer's page."""

import re
from datetime import timedelta

import pytest
from django.core import mail

from experts import followups
from tests.factories import make_brief, make_objective, make_outcomes, make_public_expert

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


def test_visitor_answers_the_followup_and_the_figure_appears(page, django_capture_on_commit_callbacks):
    objective = make_objective("network", name_fr="Développer votre réseau d’affaires")
    expert = make_public_expert(name="Nadia Roy", slug="nadia-roy", focuses=["network"])
    make_outcomes(expert, objective, reached=1, partly=1)
    brief = make_brief(expert, objective, created_ago=timedelta(days=61))

    page.goto("/fr/experts/nadia-roy/")
    assert "pas encore assez de réponses" in page.locator(".outcome-figure").inner_text()

    with django_capture_on_commit_callbacks(execute=True):
        followups.send_due()
    body = next(m for m in mail.outbox if m.to == [brief.email]).body
    path = re.search(r"https?://[^/\s]+(/\S*/followup/(?!stop/)\S+/)", body).group(1)

    page.goto(path)
    assert "Développer votre réseau" in page.locator("main q").inner_text()
    page.locator("input[name=hired][value=yes]").check()
    page.locator("input[name=reached][value=yes]").check()
    page.locator("input[name=competences][value=know_how]").check()
    page.get_by_label("Commentaire (facultatif)").fill("Des contacts utiles dès la première semaine.")
    page.get_by_role("button", name="Envoyer ma réponse").click()
    page.locator("[data-followup=recorded]").wait_for()

    page.goto("/fr/experts/nadia-roy/")
    figure = page.locator(".outcome-figure").inner_text()
    assert "2 sur 3 personnes" in figure and "en partie" in figure

    page.goto(path)  # the link works once
    assert page.locator("[data-reason=used]").is_visible()

"""The curators' admin reads as Cible, in French, with labels and local times (issue 19)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from catalogue import outbox, workflow
from catalogue.enums import Status
from catalogue.models import OfferTransition
from experts import briefing
from experts.models import Brief
from tests.factories import make_curator, make_expert, make_objective, make_session, make_training, make_user

pytestmark = pytest.mark.django_db


def test_admin_header_names_cible_not_django(client):
    client.force_login(make_curator())
    html = client.get("/fr/admin/").text
    assert "Cible" in html
    assert "Django" not in html


def test_admin_log_in_asks_for_the_email_it_wants(client):
    html = client.get("/fr/admin/login/").text
    assert ">Courriel\u00a0:</label>" in html
    assert 'type="email"' in html
    assert "utilisateur" not in html


def test_admin_log_in_with_the_email_in_capitals_works(client):
    make_curator(email="claire@example.com", password="a-long-test-password")
    response = client.post("/fr/admin/login/", {"username": "Claire@Example.com ", "password": "a-long-test-password"})
    assert response.status_code == 302


def test_queue_puts_the_review_action_first(client):
    make_training(status=Status.SUBMITTED, title="Atelier", submitted_at=timezone.now())
    client.force_login(make_curator())
    response = client.get("/fr/admin/catalogue/training/")
    headers = [h["class_attrib"] for h in response.context["result_headers"]]
    assert "column-review_link" in headers[1]  # after the selection box
    assert "column-title" in headers[2]


def test_review_screen_has_breadcrumbs_decisions_apart_and_reject_confirmed(client):
    training = make_training(status=Status.SUBMITTED, submitted_at=timezone.now())
    client.force_login(make_curator())
    html = client.get(f"/fr/admin/catalogue/training/{training.pk}/review/").text
    assert '<ol class="breadcrumbs">' in html
    order = [html.index(f'value="{v}"') for v in ("publish", "request_changes", "reject")]
    assert order == sorted(order)
    assert 'class="button decision-reject"' in html
    assert 'data-confirm="Refuser cette offre' in html
    assert "js/review-confirm.js" in html


def test_refused_decision_is_summarised_at_the_top(client):
    training = make_training(status=Status.SUBMITTED, submitted_at=timezone.now())
    client.force_login(make_curator())
    html = client.post(f"/fr/admin/catalogue/training/{training.pk}/review/", {"decision": "reject"}).text
    summary = html.index('id="review-errors"')
    assert summary < html.index('id="review-preview"')
    assert "Votre décision n’a pas été enregistrée" in html


def test_history_and_sessions_show_labels_and_the_session_zone(client):
    trainer = make_expert(user=make_user())
    training = make_training(status=Status.DRAFT, trainer=trainer)
    start = timezone.now().replace(microsecond=0) + timedelta(days=30)
    make_session(training, starts_in=start - timezone.now(), timezone="Europe/Paris")
    workflow.transition(training, workflow.Action.SUBMIT, by=trainer.user)
    client.force_login(make_curator())
    html = client.get(f"/fr/admin/catalogue/training/{training.pk}/change/").text
    # E-mail tracking lives in the outbox now; the history and sessions read in French.
    for english in ("Email", "email", "Online link", "Publicly visible", "Review rubric"):
        assert english not in html
    assert "Grille d’évaluation" in html
    assert "Lien visible publiquement" in html
    # The session's own zone is named next to its time (Paris in January: CET).
    assert "(CET)" in html or "(CEST)" in html


def test_transition_reads_with_status_labels_not_codes():
    trainer = make_expert(user=make_user())
    training = make_training(status=Status.DRAFT, trainer=trainer, title="Atelier")
    make_session(training)
    workflow.transition(training, workflow.Action.SUBMIT, by=trainer.user)
    record = OfferTransition.objects.get()
    assert "draft" not in str(record)
    assert "→" in str(record)


def test_brief_admin_shows_labels_not_codes(client):
    expert = make_expert(name="Émilie Gagnon")
    brief = Brief.objects.create(
        expert=expert, objective_text="x", detected_focus="network", name="A", email="a@example.com", message="m"
    )
    outbox.queue_email(
        kind=briefing.TO_TRAINER, to="t@example.com", template="emails/no_account", language="fr", related=brief
    )
    client.force_login(make_curator())
    listing = client.get("/fr/admin/experts/brief/").text
    detail = client.get(f"/fr/admin/experts/brief/{brief.pk}/change/").text
    for html in (listing, detail):
        assert "Email status" not in html
        assert "email status" not in html
        assert ">network<" not in html
        assert "Réseaux sociaux" in html
    # Where its e-mails stand comes from the outbox, under a French label.
    assert "Courriels\u00a0:" in detail
    assert "à la formatrice ou au formateur — " in detail
    assert briefing.TO_TRAINER not in detail


def test_expert_admin_shows_focus_labels_not_json(client):
    expert = make_expert(focuses=["media", "network"])
    client.force_login(make_curator())
    html = client.get(f"/fr/admin/experts/expert/{expert.pk}/change/").text
    assert "&quot;media&quot;" not in html
    assert "Médias sociaux, Réseaux sociaux" in html
    assert "Created at" not in html


def test_brief_review_does_not_show_the_objective_slug(client):
    objective = make_objective(slug="developper-votre-reseau-d-affaires", focus="network")
    expert = make_expert(focuses=["media"])
    training = make_training(status=Status.PUBLISHED, trainer=expert)
    from experts.briefing import check_focus

    check = check_focus(expert, objective=objective, lang="fr")
    assert "developper-votre-reseau-d-affaires" not in check.explanation
    assert training

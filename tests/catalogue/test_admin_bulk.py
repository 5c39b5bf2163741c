import pytest
from django.contrib.auth.models import Permission
from django.core import mail

from catalogue.enums import Status
from catalogue.models import OfferTransition
from tests.factories import make_curator, make_expert, make_training, make_user

pytestmark = pytest.mark.django_db

QUEUE = "/fr/admin/catalogue/training/?status=all"


def _post_action(client, action, trainings, **extra):
    data = {"action": action, "_selected_action": [t.pk for t in trainings], **extra}
    return client.post(QUEUE, data, follow="apply" in extra)


def _messages(response):
    return [str(m) for m in response.context["messages"]]


def test_bulk_action_first_asks_for_the_shared_message(client):
    trainings = [make_training(status=Status.SUBMITTED, title=f"Offre {i}") for i in range(2)]
    client.force_login(make_curator())
    page = _post_action(client, "reject_selected", trainings)
    assert page.status_code == 200
    assert page.templates[0].name == "admin/catalogue/training/bulk_decision.html"
    assert "Offre 0" in page.text and "Offre 1" in page.text
    assert {t.status for t in trainings} == {Status.SUBMITTED}


def test_bulk_reject_requires_the_message(client):
    trainings = [make_training(status=Status.SUBMITTED)]
    client.force_login(make_curator())
    page = _post_action(client, "reject_selected", trainings, apply="1", message=" ")
    assert page.context["form"].errors["message"]
    trainings[0].refresh_from_db()
    assert trainings[0].status == Status.SUBMITTED


def test_bulk_publish_with_mixed_states_reports_succeeded_and_skipped(client, django_capture_on_commit_callbacks):
    submitted = [make_training(status=Status.SUBMITTED, title=f"Soumise {i}") for i in range(3)]
    draft = make_training(status=Status.DRAFT, title="Brouillon")
    published = make_training(status=Status.PUBLISHED, title="Déjà publiée")
    client.force_login(make_curator())
    with django_capture_on_commit_callbacks(execute=True):
        response = _post_action(client, "publish_selected", [*submitted, draft, published], apply="1", message="")
    for training in submitted:
        training.refresh_from_db()
        assert training.status == Status.PUBLISHED
    draft.refresh_from_db()
    published.refresh_from_db()
    assert (draft.status, published.status) == (Status.DRAFT, Status.PUBLISHED)
    assert OfferTransition.objects.count() == 3
    messages = _messages(response)
    assert "Offres publiées : 3." in messages
    (skipped,) = [m for m in messages if m.startswith("Offres ignorées")]
    assert skipped.startswith("Offres ignorées : 2 — ")
    assert "« Brouillon » (Cette offre est déjà « Brouillon »" in skipped
    assert "« Déjà publiée » (Cette offre est déjà « Publiée »" in skipped
    assert sorted(m.subject for m in mail.outbox) == [f"Publiée : Soumise {i}" for i in range(3)]


def test_bulk_request_changes_sends_the_shared_message_to_each_trainer(client, django_capture_on_commit_callbacks):
    trainings = [make_training(status=Status.SUBMITTED, title=f"Offre {i}") for i in range(2)]
    rejected = make_training(status=Status.REJECTED, title="Refusée")
    client.force_login(make_curator())
    with django_capture_on_commit_callbacks(execute=True):
        response = _post_action(
            client, "request_changes_selected", [*trainings, rejected], apply="1", message="Ajoutez les prix."
        )
    assert "Offres renvoyées pour modifications : 2." in _messages(response)
    assert {r.message for r in OfferTransition.objects.all()} == {"Ajoutez les prix."}
    assert len(mail.outbox) == 2
    assert all("Ajoutez les prix." in m.body for m in mail.outbox)
    rejected.refresh_from_db()
    assert rejected.status == Status.REJECTED


def test_bulk_actions_are_hidden_from_staff_who_cannot_moderate(client):
    staff = make_user(is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="view_training"))
    training = make_training(status=Status.SUBMITTED)
    client.force_login(staff)
    page = client.get(QUEUE)
    assert "publish_selected" not in page.text
    _post_action(client, "publish_selected", [training], apply="1")
    training.refresh_from_db()
    assert training.status == Status.SUBMITTED


def test_bulk_publish_skips_the_curators_own_offer_and_says_why(client, django_capture_on_commit_callbacks):
    curator = make_curator()
    own = make_training(status=Status.SUBMITTED, title="Mon offre", trainer=make_expert(user=curator))
    other = make_training(status=Status.SUBMITTED, title="Offre d’une formatrice")
    client.force_login(curator)
    with django_capture_on_commit_callbacks(execute=True):
        response = _post_action(client, "publish_selected", [own, other], apply="1", message="")
    own.refresh_from_db()
    other.refresh_from_db()
    assert (own.status, other.status) == (Status.SUBMITTED, Status.PUBLISHED)
    messages = _messages(response)
    assert "Offres publiées : 1." in messages
    assert (
        "Offres ignorées : 1 — « Mon offre » (C’est votre propre offre : un autre curateur doit la réviser.)"
        in messages
    )

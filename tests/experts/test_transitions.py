from datetime import timedelta

import pytest
from django.urls import reverse

from catalogue import workflow
from catalogue.enums import Status
from catalogue.models import OfferTransition
from catalogue.workflow import Action
from tests.factories import make_curator, make_expert, make_session, make_training

pytestmark = pytest.mark.django_db

TRAINER_MOVES = {
    (Status.DRAFT, Action.SUBMIT): Status.SUBMITTED,
    (Status.SUBMITTED, Action.WITHDRAW): Status.DRAFT,
    (Status.CHANGES_REQUESTED, Action.RESUBMIT): Status.SUBMITTED,
    (Status.PUBLISHED, Action.ARCHIVE): Status.ARCHIVED,
    (Status.REJECTED, Action.REOPEN): Status.DRAFT,
    (Status.ARCHIVED, Action.REOPEN): Status.DRAFT,
    (Status.CHANGES_REQUESTED, Action.REOPEN): Status.DRAFT,
}


@pytest.fixture
def expert(client):
    expert = make_expert()
    client.force_login(expert.user)
    return expert


def _post(client, training, action, message=""):
    url = reverse("experts:offer_transition", args=[training.pk])
    return client.post(url, {"action": action, "message": message}, follow=True)


@pytest.mark.parametrize("action", list(Action))
@pytest.mark.parametrize("status", list(Status))
def test_trainer_transition_matrix(client, expert, status, action):
    training = make_training(status=status, trainer=expert)
    make_session(training)
    _post(client, training, action.value)
    training.refresh_from_db()
    expected = TRAINER_MOVES.get((status, action))
    if expected:
        assert training.status == expected
        record = OfferTransition.objects.get(training=training)
        assert (record.from_status, record.to_status, record.by) == (status, expected, expert.user)
    else:
        # Publishing, curator decisions and moves from the wrong state are refused.
        assert training.status == status
        assert not OfferTransition.objects.exists()


def test_buttons_match_the_allowed_actions(client, expert):
    training = make_training(status=Status.CHANGES_REQUESTED, trainer=expert)
    page = client.get(reverse("experts:offer_detail", args=[training.pk])).content.decode()
    assert 'value="resubmit"' in page
    assert 'value="reopen"' in page
    assert 'value="publish"' not in page
    assert 'value="submit"' not in page


def test_submit_needs_an_upcoming_session(client, expert):
    training = make_training(status=Status.DRAFT, trainer=expert)
    make_session(training, starts_in=-timedelta(days=2))
    response = _post(client, training, "submit")
    assert "Ajoutez au moins une séance à venir" in response.content.decode()
    training.refresh_from_db()
    assert training.status == Status.DRAFT


def test_get_on_transition_url_changes_nothing(client, expert):
    training = make_training(status=Status.DRAFT, trainer=expert)
    make_session(training)
    response = client.get(reverse("experts:offer_transition", args=[training.pk]) + "?action=submit")
    assert response["Location"] == reverse("experts:offer_detail", args=[training.pk])
    training.refresh_from_db()
    assert training.status == Status.DRAFT


def test_history_shows_who_when_from_to_and_message(client, expert):
    training = make_training(status=Status.DRAFT, trainer=expert)
    make_session(training)
    _post(client, training, "submit", message="Première version.")
    workflow.transition(training, Action.REQUEST_CHANGES, by=make_curator(), message="Précisez le public visé.")
    page = client.get(reverse("experts:offer_detail", args=[training.pk])).content.decode()
    history = page.split('class="list-unstyled small transition-history"')[1]
    assert "Précisez le public visé." in history
    assert "par un responsable" in history
    assert "Première version." in history
    assert "par vous" in history
    assert "Soumise pour évaluation → <strong>Modifications demandées</strong>" in history
    dashboard = client.get(reverse("experts:dashboard")).content.decode()
    assert "Précisez le public visé." in dashboard
    assert "Faire les modifications demandées" in dashboard


def test_curator_message_is_escaped(client, expert):
    training = make_training(status=Status.SUBMITTED, trainer=expert)
    workflow.transition(training, Action.REJECT, by=make_curator(), message="<script>alert(1)</script>")
    page = client.get(reverse("experts:offer_detail", args=[training.pk])).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page

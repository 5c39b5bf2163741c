import pytest
from django.urls import reverse

from catalogue.enums import Status
from catalogue.models import Session, Training
from experts.models import Brief, Expert
from tests.experts.helpers import offer_data, session_fields
from tests.factories import make_curator, make_expert, make_session, make_training, make_user

pytestmark = pytest.mark.django_db

OBJECT_URLS = ["experts:offer_detail", "experts:offer_edit", "experts:offer_transition", "experts:brief_detail"]
OWN_URLS = [
    "experts:dashboard",
    "experts:profile_edit",
    "experts:offer_create",
    "experts:brief_list",
    "experts:resend_confirmation",
    "experts:password_change",
]


def _brief(expert, **fields):
    defaults = dict(
        objective_text="Diffuser nos messages", message="Bonjour", name="Client", email="client@example.com"
    )
    defaults.update(fields)
    return Brief.objects.create(expert=expert, **defaults)


@pytest.fixture
def other():
    """Another trainer's offer (every status) and brief."""
    expert = make_expert(name="Autre")
    training = make_training(status=Status.DRAFT, trainer=expert, title="Pas à vous")
    make_session(training)
    return {"training": training, "brief": _brief(expert)}


def _url(name, other):
    target = other["brief"] if name == "experts:brief_detail" else other["training"]
    return reverse(name, args=[target.pk])


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("name", OBJECT_URLS)
@pytest.mark.parametrize("status", [Status.DRAFT, Status.PUBLISHED, Status.CHANGES_REQUESTED])
def test_another_trainers_objects_answer_404(client, other, name, method, status):
    Training.objects.filter(pk=other["training"].pk).update(status=status)
    me = make_expert()
    client.force_login(me.user)
    data = (
        offer_data(sessions=[session_fields()], title="Volé") if name == "experts:offer_edit" else {"action": "archive"}
    )
    response = getattr(client, method)(_url(name, other), data if method == "post" else None)
    assert response.status_code == 404
    training = Training.objects.get(pk=other["training"].pk)
    assert (training.title, training.status, training.trainer) == ("Pas à vous", status, other["training"].trainer)
    assert Session.objects.filter(training=training).count() == 1
    assert Brief.objects.get(pk=other["brief"].pk).read_at is None


def test_profile_edit_changes_only_your_own_profile(client, other):
    me = make_expert(name="Moi")
    client.force_login(me.user)
    client.post(
        reverse("experts:profile_edit"),
        {
            "name": "Nouveau",
            "focuses": ["media"],
            "languages": ["fr"],
            "preferred_language": "fr",
            "id": other["training"].trainer.pk,
        },
    )
    assert Expert.objects.get(pk=me.pk).proposed["name"] == "Nouveau"
    assert Expert.objects.get(pk=other["training"].trainer.pk).name == "Autre"
    assert Expert.objects.get(pk=other["training"].trainer.pk).proposed is None


def test_offer_form_cannot_move_sessions_of_another_offer(client, other):
    me = make_expert()
    mine = make_training(status=Status.DRAFT, trainer=me)
    client.force_login(me.user)
    foreign_session = other["training"].sessions.get()
    data = offer_data(sessions=[{"id": foreign_session.pk, **session_fields(40, venue="Volée")}], initial_sessions=1)
    client.post(reverse("experts:offer_edit", args=[mine.pk]), data)
    foreign_session.refresh_from_db()
    assert (foreign_session.training_id, foreign_session.venue) == (other["training"].pk, "Salle A")


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("name", OBJECT_URLS + OWN_URLS)
def test_anonymous_visitors_are_sent_to_log_in(client, other, name, method):
    url = _url(name, other) if name in OBJECT_URLS else reverse(name)
    response = getattr(client, method)(url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('experts:login')}?next={url}"


@pytest.mark.parametrize(
    "name", ["experts:dashboard", "experts:profile_edit", "experts:offer_create", "experts:brief_list"]
)
def test_account_without_trainer_profile_is_told_so(client, name):
    client.force_login(make_curator())
    response = client.get(reverse(name))
    assert response.status_code == 403
    assert "Votre compte n’a pas de profil de formatrice ou formateur" in response.content.decode()


def test_forms_carry_csrf_tokens(client):
    me = make_expert()
    training = make_training(status=Status.DRAFT, trainer=me)
    client.force_login(me.user)
    for url in (
        reverse("experts:profile_edit"),
        reverse("experts:offer_edit", args=[training.pk]),
        reverse("experts:offer_detail", args=[training.pk]),
    ):
        page = client.get(url).content.decode()
        assert page.count("<form") == page.count('name="csrfmiddlewaretoken"')


def test_post_without_csrf_token_is_refused():
    from django.test import Client

    me = make_expert()
    training = make_training(status=Status.DRAFT, trainer=me)
    make_session(training)
    client = Client(enforce_csrf_checks=True)
    client.force_login(me.user)
    response = client.post(reverse("experts:offer_transition", args=[training.pk]), {"action": "submit"})
    assert response.status_code == 403
    training.refresh_from_db()
    assert training.status == Status.DRAFT


def test_user_without_email_gets_no_dashboard_500(client):
    client.force_login(make_user())
    assert client.get(reverse("experts:dashboard")).status_code == 403

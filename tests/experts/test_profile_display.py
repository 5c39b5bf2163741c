"""What a visitor expects on a trainer's profile (issue 15): the photo (or a
neutral placeholder) wherever the trainer appears, languages and city, the
published trainings' next sessions, and "member since"."""

from datetime import timedelta

import pytest
from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile

from catalogue.enums import Status
from tests.catalogue.objectives import create_demo_objectives
from tests.factories import make_expert, make_match_world, make_session, make_training
from tests.french import fr

pytestmark = pytest.mark.django_db

PLACEHOLDER = "/static/img/expert-placeholder.svg"


def _html(response):
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def annie():
    expert = make_expert(name="Annie Tremblay", slug="annie", city="Québec", languages=["fr", "en"])
    expert.photo.save("annie.jpg", ContentFile(b"not really a jpeg"), save=True)
    training = make_training(title="Vendre sur Instagram", slug="vendre", trainer=expert)
    return expert, training


def test_photo_shows_on_profile_training_page_and_cards(client, annie):
    expert, _training = annie
    url = expert.photo.url
    for page in ("/fr/experts/annie/", "/fr/trainings/vendre/", "/fr/trainings/", "/fr/experts/"):
        html = _html(client.get(page))
        assert f'src="{url}"' in html, page
        assert PLACEHOLDER not in html, page


def test_a_trainer_without_photo_gets_the_neutral_placeholder(client):
    expert = make_expert(name="Marc Roy", slug="marc")
    make_training(slug="reseauter", trainer=expert)
    for page in ("/fr/experts/marc/", "/fr/trainings/reseauter/", "/fr/trainings/", "/en/experts/"):
        assert PLACEHOLDER in _html(client.get(page)), page
    assert finders.find("img/expert-placeholder.svg")


def test_photo_shows_on_match_cards(client):
    objectives = create_demo_objectives()
    training = make_match_world(objectives)
    training.trainer.photo.save("nadia.jpg", ContentFile(b"x"), save=True)
    html = _html(client.get("/fr/match/?objective=garder+le+contact+avec+mes+clients"))
    assert html.count(f'src="{training.trainer.photo.url}"') >= 2  # the expert card and the training card


def test_profile_and_training_page_show_languages_and_city(client, annie):
    profile = _html(client.get("/fr/experts/annie/"))
    assert "Québec" in profile and f"{fr('French')}, {fr('English')}" in profile
    trainer_card = _html(client.get("/en/trainings/vendre/"))
    assert "Québec" in trainer_card and "French, English" in trainer_card


def test_profile_lists_next_sessions_of_published_trainings_only(client, annie):
    expert, training = annie
    make_session(training, starts_in=timedelta(days=12), venue="Salle Gaspé")
    make_session(training, starts_in=timedelta(days=-3), venue="Salle passée")
    draft = make_training(title="Brouillon secret", trainer=expert, status=Status.DRAFT)
    make_session(draft, venue="Salle secrète")
    html = _html(client.get("/fr/experts/annie/"))
    assert "Salle Gaspé" in html
    assert "Salle passée" not in html and "Salle secrète" not in html and "Brouillon secret" not in html


def test_profile_without_upcoming_session_says_so(client, annie):
    assert 'class="no-sessions"' in _html(client.get("/fr/experts/annie/"))


def test_profile_shows_member_since(client, annie):
    expert, _training = annie
    html = _html(client.get("/en/experts/annie/"))
    assert "Member since" in html
    assert f'datetime="{expert.created_at:%Y-%m}"' in html

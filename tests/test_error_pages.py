"""Friendly error pages: a visitor who hits a wrong link is helped back, in their language."""

import pytest
from django.core.exceptions import PermissionDenied
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.utils import translation
from django.views.defaults import permission_denied

from catalogue.enums import Status
from tests.factories import make_training

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("lang", "title", "link"),
    [("fr", "Page introuvable", "Parcourir toutes les formations"), ("en", "Page not found", "Browse all trainings")],
)
def test_missing_page_shows_the_friendly_404_in_its_language(client, lang, title, link):
    response = client.get(f"/{lang}/no-such-page/")
    html = response.text
    assert response.status_code == 404
    assert f'<html lang="{lang}">' in html
    assert f"<h1>{title}</h1>" in html
    assert f'href="/{lang}/trainings/">{link}</a>' in html
    other = "en" if lang == "fr" else "fr"
    assert f'href="/{other}/no-such-page/" hreflang="{other}"' in html


def test_unpublished_training_answers_the_friendly_404(client):
    draft = make_training(status=Status.DRAFT)
    response = client.get(f"/en/trainings/{draft.slug}/")
    assert response.status_code == 404
    assert "<h1>Page not found</h1>" in response.text
    assert draft.title not in response.text


@pytest.mark.parametrize(("lang", "title"), [("fr", "Accès refusé"), ("en", "Access denied")])
def test_permission_denied_shows_the_friendly_403(lang, title):
    with translation.override(lang):
        request = RequestFactory().get(f"/{lang}/dashboard/")
        response = permission_denied(request, PermissionDenied())
    html = response.content.decode()
    assert response.status_code == 403
    assert f"<h1>{title}</h1>" in html
    assert f'href="/{lang}/accounts/login/?next=/{lang}/dashboard/"' in html


def test_expired_form_explains_what_to_do():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/fr/accounts/login/", {"username": "a@example.com", "password": "x"})
    assert response.status_code == 403
    assert "<h1>Ce formulaire a expiré</h1>" in response.text


def test_bad_request_shows_the_friendly_400(client):
    response = client.get("/en/", headers={"host": "evil.example"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert "<h1>Bad request</h1>" in response.text


@pytest.mark.parametrize(
    ("template", "title"),
    [("400.html", "Requête invalide"), ("403_csrf.html", "Ce formulaire a expiré")],
)
def test_pages_rendered_without_a_request_keep_the_site_look_and_a_way_home(template, title):
    # Django renders these with no request and no context processors: no base.html, no queries.
    with translation.override("fr"):
        html = render_to_string(template)
    assert html.startswith("<!doctype html>")
    assert '<html lang="fr">' in html
    assert f"<title>{title} · Cible</title>" in html
    assert f"<h1>{title}</h1>" in html
    assert 'href="/static/vendor/bootstrap/bootstrap.min.css"' in html
    assert 'href="/static/css/cible.css"' in html
    assert '<a href="/">Retour à l’accueil</a>' in html

"""Unsubscribe (one-click and by link), managing an address's alerts, and the private feed."""

import time

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from alerts import tokens
from alerts.models import Alert
from tests.factories import make_training

from .helpers import make_alert

pytestmark = pytest.mark.django_db


def _url(name, token, lang="fr"):
    with translation.override(lang):
        return reverse(f"alerts:{name}", kwargs={"token": token})


def test_one_click_unsubscribe_works_without_csrf_token():
    alert = make_alert()
    client = Client(enforce_csrf_checks=True)  # as a mail provider posts it: no cookie, no token
    response = client.post(_url("unsubscribe", tokens.unsubscribe_token(alert)), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Alert.objects.exists()


def test_one_click_unsubscribe_twice_still_answers_200():
    alert = make_alert()
    url = _url("unsubscribe", tokens.unsubscribe_token(alert))
    client = Client(enforce_csrf_checks=True)
    client.post(url)
    response = client.post(url)
    assert response.status_code == 200


def test_unsubscribe_link_asks_before_deleting(client):
    alert = make_alert()
    url = _url("unsubscribe", tokens.unsubscribe_token(alert), "en")
    response = client.get(url)
    assert response.status_code == 200 and Alert.objects.exists()
    client.post(url)
    assert not Alert.objects.exists()
    assert 'data-state="already"' in client.get(url).content.decode()


def test_unsubscribe_only_deletes_that_alert():
    alert = make_alert()
    other = make_alert(query="q=other")
    Client(enforce_csrf_checks=True).post(_url("unsubscribe", tokens.unsubscribe_token(alert)))
    assert list(Alert.objects.values_list("pk", flat=True)) == [other.pk]


@pytest.mark.parametrize("name", ["unsubscribe", "manage", "confirm"])
def test_tampered_links_are_a_clear_400(client, name):
    alert = make_alert()
    good = {"unsubscribe": tokens.unsubscribe_token(alert), "manage": tokens.manage_token(alert.email)}.get(
        name, tokens.confirm_token(alert)
    )
    for bad in (good[:-3] + "abc", "x", tokens.feed_token(alert), "%00", "é" * 300):
        response = client.get(_url(name, bad))
        assert response.status_code == 400, bad
        assert 'data-link="invalid"' in response.content.decode()
        if name == "unsubscribe":  # the one-click POST, without a CSRF token
            assert Client(enforce_csrf_checks=True).post(_url(name, bad)).status_code == 400
    assert Alert.objects.filter(pk=alert.pk).exists()


def test_manage_lists_every_alert_of_the_address_only(client):
    mine = [make_alert(query="q=one", label="Une"), make_alert(query="q=two", label="Deux", confirmed=False)]
    make_alert(email="other@example.com", label="Autre")
    response = client.get(_url("manage", tokens.manage_token("ANA@example.com")))
    page = response.content.decode()
    assert response.status_code == 200
    assert all(f'data-alert="{a.pk}"' in page for a in mine)
    assert "Autre" not in page


def test_manage_changes_frequency_and_deletes(client):
    alert = make_alert(frequency="daily")
    url = _url("manage", tokens.manage_token(alert.email))
    client.post(url, {"alert": alert.pk, "action": "frequency", "frequency": "weekly"})
    alert.refresh_from_db()
    assert alert.frequency == "weekly"
    assert alert.next_digest_at == alert.since + alert.period
    client.post(url, {"alert": alert.pk, "action": "delete"})
    assert not Alert.objects.exists()
    assert "no-alerts" in client.get(url).content.decode()


def test_manage_cannot_touch_another_address(client):
    other = make_alert(email="other@example.com")
    url = _url("manage", tokens.manage_token("ana@example.com"))
    for data in ({"alert": other.pk, "action": "delete"}, {"alert": "abc"}, {"alert": "9" * 40}, {}):
        assert client.post(url, data).status_code == 302
    assert Alert.objects.filter(pk=other.pk).exists()


def test_manage_bad_frequency_changes_nothing(client):
    alert = make_alert(frequency="daily")
    client.post(_url("manage", tokens.manage_token(alert.email)), {"alert": alert.pk, "frequency": "x" * 500})
    alert.refresh_from_db()
    assert alert.frequency == "daily"


def test_feed_lists_the_alerts_matching_trainings(client):
    alert = make_alert()
    make_training(title="Atelier médias")
    make_training(title="Atelier réseau", focus="network")
    response = client.get(_url("feed", tokens.feed_token(alert)))
    body = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    assert response["Cache-Control"].startswith("private")
    assert "Atelier médias" in body and "Atelier réseau" not in body


def test_feed_of_tampered_unconfirmed_or_deleted_alert_is_404(client):
    pending = make_alert(confirmed=False)
    gone = make_alert(query="q=gone")
    token = tokens.feed_token(gone)
    gone.delete()
    for bad in (tokens.feed_token(pending), token, token[:-2] + "zz", tokens.unsubscribe_token(pending)):
        assert client.get(_url("feed", bad)).status_code == 404


def test_manage_link_expires_after_90_days(client, monkeypatch):
    alert = make_alert()
    url = _url("manage", tokens.manage_token(alert.email))
    later = time.time() + 91 * 86400
    monkeypatch.setattr("django.core.signing.time.time", lambda: later)
    response = client.get(url)
    assert response.status_code == 410
    assert 'data-link="expired"' in response.content.decode()

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from alerts import subscriptions, tokens
from alerts.models import Alert
from catalogue.models import OutgoingEmail
from tests.factories import make_objective, make_platform, make_training
from tests.french import fr

from .helpers import make_alert

pytestmark = pytest.mark.django_db


def _new_url(query, lang="fr"):
    with translation.override(lang):
        return reverse("alerts:new") + query


def _subscribe(client, query="?focus=media", email="Ana@Example.com", frequency="weekly", lang="fr"):
    return client.post(_new_url(query, lang), {"email": email, "frequency": frequency})


def _link(body):
    return re.search(r"https?://\S+", body).group(0)


def test_filtered_catalogue_links_to_alert_page_without_csrf_cookie(client):
    response = client.get("/fr/trainings/?focus=media")
    assert _new_url("?focus=media") in response.content.decode()
    assert "csrftoken" not in response.cookies  # the catalogue page stays cacheable


def test_unfiltered_catalogue_has_no_alert_link(client):
    assert reverse("alerts:new") not in client.get("/fr/trainings/").content.decode()


def test_match_page_links_to_alert_page_without_csrf_cookie(client):
    objective = make_objective(focus="network", slug="garder-le-lien")
    make_training(objectives=[objective], focus="network")
    response = client.get("/en/match/?objective=garder-le-lien")
    assert "/en/alerts/new/?from=match&amp;objective=garder-le-lien" in response.content.decode()
    assert "csrftoken" not in response.cookies


def test_subscribe_from_filters_sends_only_the_confirmation(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = _subscribe(client, "?focus=media&sort=newest&page=2")
    assert response.status_code == 302
    alert = Alert.objects.get()
    assert (alert.email, alert.kind, alert.query, alert.language) == ("ana@example.com", "filters", "focus=media", "fr")
    assert alert.confirmed_at is None
    assert len(mail.outbox) == 1
    assert "/fr/alerts/confirm/" in mail.outbox[0].body
    assert OutgoingEmail.objects.get().body == ""  # the confirmation link is never stored


def test_subscribe_in_english_sends_english_confirmation(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _subscribe(client, lang="en")
    assert Alert.objects.get().language == "en"
    assert "Confirm" in mail.outbox[0].subject
    assert "/en/alerts/confirm/" in mail.outbox[0].body


def test_subscribe_invalid_filter_is_a_form_error(client):
    response = client.get(_new_url("?price_max=cheap"))
    assert response.status_code == 200
    assert 'id="alert-problem"' in response.content.decode()
    response = _subscribe(client, "?price_max=cheap")
    assert 'id="alert-problem"' in response.content.decode()
    assert not Alert.objects.exists()


def test_subscribe_without_any_filter_is_refused(client):
    assert 'id="alert-problem"' in _subscribe(client, "?sort=newest").content.decode()
    assert not Alert.objects.exists()


def test_subscribe_from_match_stores_the_analysis(client):
    objective = make_objective(focus="network", slug="garder-le-lien", name_fr="Garder le lien")
    response = _subscribe(client, "?from=match&objective=garder-le-lien")
    assert response.status_code == 302
    alert = Alert.objects.get()
    assert (alert.kind, alert.objectives, alert.focus) == ("match", [objective.slug], "network")
    assert alert.label == "Garder le lien"


def test_subscribe_from_unreadable_objective_is_refused(client):
    for query in ("?from=match&objective=" + "x" * 2000, "?from=match&objective=", "?from=match"):
        assert 'id="alert-problem"' in _subscribe(client, query).content.decode()
    assert not Alert.objects.exists()


def test_subscribe_bad_email_or_frequency_is_a_form_error(client):
    for fields in ({"email": "not-an-email"}, {"frequency": "hourly"}, {"email": "a" * 300 + "@example.com"}):
        response = _subscribe(client, **fields)
        assert response.status_code == 200 and 'id="alert-errors"' in response.content.decode()
    assert not Alert.objects.exists()


def test_eleventh_alert_for_an_address_is_refused(client, settings):
    settings.RECIPIENT_RATE_LIMIT = "100/h"
    for n in range(subscriptions.MAX_PER_ADDRESS):
        make_alert(query=f"q=topic{n}")
    response = _subscribe(client)
    assert 'id="alert-errors"' in response.content.decode()
    assert Alert.objects.count() == subscriptions.MAX_PER_ADDRESS


def test_same_request_twice_reuses_the_alert(client, settings):
    settings.RECIPIENT_RATE_LIMIT = "100/h"
    _subscribe(client)
    _subscribe(client, frequency="daily")
    assert Alert.objects.get().frequency == "daily"


def test_requests_are_limited_per_ip(client, settings):
    settings.ALERT_RATE_LIMIT = "2/h"
    settings.RECIPIENT_RATE_LIMIT = "100/h"
    for n in range(2):
        assert _subscribe(client, email=f"p{n}@example.com").status_code == 302
    response = _subscribe(client, email="p3@example.com")
    assert response.status_code == 429
    assert Alert.objects.count() == 2


def test_requests_are_limited_per_address(settings):
    settings.ALERT_RATE_LIMIT = "100/h"
    settings.RECIPIENT_RATE_LIMIT = "2/h"
    statuses = [
        _subscribe(Client(REMOTE_ADDR=f"10.0.0.{n}"), f"?q=topic{n}", email="ana@example.com").status_code
        for n in range(3)
    ]
    assert statuses == [302, 302, 429]


def test_confirm_link_get_does_not_confirm_post_does(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _subscribe(client)
    link = _link(mail.outbox[0].body)
    assert 'data-state="pending"' in client.get(link).content.decode()
    assert Alert.objects.get().confirmed_at is None
    response = client.post(link)
    assert 'data-state="done"' in response.content.decode()
    alert = Alert.objects.get()
    assert alert.confirmed_at is not None and alert.since == alert.confirmed_at
    assert alert.next_digest_at == alert.confirmed_at + timedelta(days=7)


def test_confirm_link_reused_says_already_confirmed(client):
    alert = make_alert()
    url = reverse("alerts:confirm", kwargs={"token": tokens.confirm_token(alert)})
    response = client.post(url)
    assert response.status_code == 200
    assert 'data-state="confirmed"' in response.content.decode()


def test_confirm_link_tampered_is_a_clear_400(client):
    alert = make_alert(confirmed=False)
    token = tokens.confirm_token(alert)
    for bad in (token[:-2] + "xx", "nonsense", tokens.unsubscribe_token(alert), "a" * 5000):
        response = client.get(reverse("alerts:confirm", kwargs={"token": bad}))
        assert response.status_code == 400
        assert 'data-link="invalid"' in response.content.decode()


def test_confirm_link_after_7_days_is_expired(client, monkeypatch):
    alert = make_alert(confirmed=False)
    token = tokens.confirm_token(alert)
    later = timezone.now().timestamp() + 8 * 86400
    monkeypatch.setattr("django.core.signing.time.time", lambda: later)
    response = client.post(reverse("alerts:confirm", kwargs={"token": token}))
    assert response.status_code == 410
    assert Alert.objects.get().confirmed_at is None


def test_confirm_link_of_a_purged_request_is_expired(client):
    alert = make_alert(confirmed=False)
    token = tokens.confirm_token(alert)
    alert.delete()
    assert client.get(reverse("alerts:confirm", kwargs={"token": token})).status_code == 410


def test_unconfirmed_requests_are_deleted_after_7_days():
    old = make_alert(confirmed=False, query="q=old")
    Alert.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=8))
    recent = make_alert(confirmed=False, query="q=recent")
    confirmed = make_alert(query="q=confirmed")
    Alert.objects.filter(pk=confirmed.pk).update(created_at=timezone.now() - timedelta(days=30))
    assert subscriptions.purge_unconfirmed() == 1
    assert set(Alert.objects.values_list("pk", flat=True)) == {recent.pk, confirmed.pk}


def test_alert_jobs_are_periodic(settings):
    assert "alerts.digests.send_due_digests" in settings.PERIODIC_JOBS
    assert "alerts.subscriptions.purge_unconfirmed" in settings.PERIODIC_JOBS


def test_filtered_catalogue_with_alert_link_is_still_served_from_the_page_cache(client, django_assert_num_queries):
    make_training(title="Vendre sur Instagram")
    first = client.get("/fr/trainings/?focus=media")
    assert _new_url("?focus=media") in first.content.decode()
    with django_assert_num_queries(1):  # the catalogue revision only: the page came from the cache
        again = client.get("/fr/trainings/?focus=media")
    assert again.content == first.content


def test_match_alert_keeps_platforms_the_matcher_reads(monkeypatch):
    from types import SimpleNamespace

    from alerts import criteria

    objective = make_objective(focus="media", slug="vendre")
    make_platform(slug="instagram", name_fr="Instagram")
    make_platform(slug="tiktok", name_fr="TikTok")
    analysis = SimpleNamespace(
        focus="media",
        objectives=[SimpleNamespace(objective=objective)],
        platforms=[SimpleNamespace(item=SimpleNamespace(slug="instagram"), term="insta"), "tiktok", object()],
    )
    monkeypatch.setattr(criteria, "analyse", lambda *args: analysis)
    watched = criteria.from_match("vendre sur instagram")
    assert (watched["platforms"], watched["training_language"]) == (["instagram", "tiktok"], "")


def test_subscribe_from_match_keeps_chosen_platform_and_language(client):
    make_objective(focus="media", slug="vendre", name_en="Sell")
    make_platform(slug="linkedin", name_en="LinkedIn")
    query = "?from=match&objective=vendre&platform=linkedin&platform=no-such&platform=" + "x" * 300 + "&language=en"
    assert _subscribe(client, query, lang="en").status_code == 302
    alert = Alert.objects.get()
    assert (alert.platforms, alert.training_language) == (["linkedin"], "en")
    assert "LinkedIn" in alert.label and "English" in alert.label
    assert _subscribe(client, "?from=match&objective=vendre&language=xx").status_code == 302
    assert Alert.objects.latest("pk").training_language == ""


def test_alert_label_follows_french_typography(client):
    _subscribe(client, "?focus=media")
    label = Alert.objects.get().label
    assert label == fr("%(label)s: %(value)s", label=fr("Focus"), value=fr("Social media"))
    assert "\u00a0:" in label  # the catalogue's own French typography reaches the label


def test_alert_label_names_every_filter_in_the_visitors_language(client):
    make_objective(slug="vendre", name_fr="Vendre en ligne", name_en="Sell online")
    _subscribe(client, "?q=linkedin&objective=vendre&format=workshop&free=true", lang="en")
    label = Alert.objects.get().label
    assert "Sell online" in label and "linkedin" in label and "Workshop" in label
    assert label.count(":") == 4

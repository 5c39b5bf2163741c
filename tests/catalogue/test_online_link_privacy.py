"""An online session's link is public only when its trainer says so (Session.online_url_public)."""

import pytest
from django.urls import reverse

from catalogue.models import Session
from tests.experts.helpers import offer_data, session_fields
from tests.factories import make_expert, make_session, make_training

pytestmark = pytest.mark.django_db

LINK = "https://meet.example/secret-room"
PUBLIC_URLS = [
    "/fr/trainings/viral/",
    "/en/trainings/viral/",
    "/fr/trainings/viral/calendar.ics",
    "/fr/trainings/feed.ics",
    "/api/v1/trainings/viral/",
    "/api/v1/trainings/",
]


def _online_training(public):
    training = make_training(slug="viral", mode="online", city="")
    make_session(training, is_online=True, online_url=LINK, online_url_public=public, city="", venue="")
    return training


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_private_online_link_appears_nowhere_public(client, url):
    _online_training(public=False)
    response = client.get(url)
    assert response.status_code == 200
    assert "secret-room" not in response.content.decode()


@pytest.mark.parametrize("url", ["/fr/trainings/viral/calendar.ics", "/api/v1/trainings/viral/"])
def test_public_online_link_is_shown(client, url):
    _online_training(public=True)
    assert "secret-room" in client.get(url).content.decode()


def test_a_new_session_link_is_private_unless_the_trainer_ticks_the_box(client):
    expert = make_expert()
    client.force_login(expert.user)
    page = client.get(reverse("experts:offer_create")).content.decode()
    assert 'name="sessions-0-online_url_public"' in page
    online = session_fields(is_online="on", online_url=LINK, venue="", city="")
    client.post(reverse("experts:offer_create"), offer_data(sessions=[online, {**online, "online_url_public": "on"}]))
    assert sorted(Session.objects.values_list("online_url_public", flat=True)) == [False, True]

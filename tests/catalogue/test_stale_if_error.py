"""With the database away, anonymous visitors still get the pages the cache holds (stale-if-error)."""

import pytest
from django.db import OperationalError, connection

from catalogue import page_cache
from catalogue.models import Revision
from tests.factories import make_expert, make_session, make_training

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    training = make_training(title="Vendre sur Instagram", slug="vendre", trainer=make_expert(slug="chloe"))
    make_session(training)
    return training


@pytest.fixture
def database_down(monkeypatch):
    def down(*args, **kwargs):
        raise OperationalError("connection refused")

    def stop():
        # Every query fails from now on (the connection object is shared), the revision read first.
        monkeypatch.setattr(Revision, "current", classmethod(down))
        monkeypatch.setattr(connection, "cursor", down)

    return stop


@pytest.mark.parametrize("url", ["/fr/trainings/", "/fr/trainings/vendre/", "/en/experts/", "/fr/"])
def test_catalogue_is_served_from_the_cache_while_the_database_is_down(client, world, database_down, url):
    first = client.get(url)
    assert first.status_code == 200
    database_down()
    second = client.get(url)
    assert second.status_code == 200
    assert second.content == first.content


def test_a_page_older_than_its_freshness_is_still_served_while_the_database_is_down(
    client, world, database_down, settings, monkeypatch
):
    first = client.get("/fr/trainings/")
    clock = page_cache.time.time()
    monkeypatch.setattr(page_cache.time, "time", lambda: clock + settings.PAGE_CACHE_SECONDS + 3600)
    database_down()
    assert client.get("/fr/trainings/").content == first.content


def test_a_page_older_than_its_freshness_is_rendered_again_when_the_database_answers(
    client, world, settings, monkeypatch
):
    settings.FRAGMENT_CACHE_SECONDS = 0  # the card would keep the unbumped title: only the page's age is tested
    client.get("/fr/trainings/")
    world.title = "Renamed without a revision bump"
    type(world).objects.filter(pk=world.pk).update(title=world.title)  # no signal: only time shows it
    clock = page_cache.time.time()
    monkeypatch.setattr(page_cache.time, "time", lambda: clock + settings.PAGE_CACHE_SECONDS + 1)
    assert "Renamed without a revision bump" in client.get("/fr/trainings/").content.decode()


def test_healthz_still_says_the_database_is_down(client, world, database_down):
    client.get("/fr/trainings/")
    database_down()
    assert client.get("/healthz").status_code == 503


def test_a_logged_in_user_is_never_served_from_the_cache_while_the_database_is_down(client, world, database_down):
    cached = client.get("/fr/trainings/")
    client.force_login(world.trainer.user)
    database_down()
    client.raise_request_exception = False
    response = client.get("/fr/trainings/")
    assert response.status_code == 500  # the error page, never the anonymous copy
    assert response.content != cached.content

"""Dates out of range: a clear error in forms and filters, and calendars that survive any stored date."""

from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from icalendar import Calendar

from catalogue.models import Session
from tests.experts.helpers import offer_data, session_fields
from tests.factories import make_expert, make_session, make_training

pytestmark = pytest.mark.django_db

FILTERED_URLS = ["/fr/trainings/", "/api/v1/trainings/", "/fr/trainings/feed.xml", "/fr/trainings/feed.ics"]


@pytest.mark.parametrize("url", FILTERED_URLS)
@pytest.mark.parametrize("param", ["starts_before", "starts_after"])
@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
def test_date_filter_far_away_is_a_clear_error(client, url, param, day):
    make_session(make_training())
    response = client.get(url, {param: day})
    assert response.status_code in (200, 400)
    if url == "/fr/trainings/":
        assert response.context["filter"].errors[param][0]
    else:
        assert response.status_code == 400


def test_date_filter_within_bounds_still_filters(client):
    make_session(make_training(slug="soon"), starts_in=timedelta(days=30))
    today = datetime.now(UTC).date()
    response = client.get("/api/v1/trainings/", {"starts_before": str(today.replace(year=today.year + 3))})
    assert [t["slug"] for t in response.json()["results"]] == ["soon"]


def _session_in_year_9999(training):
    return Session.objects.create(
        training=training,
        starts_at=datetime(9999, 12, 31, 20, tzinfo=UTC),
        ends_at=datetime(9999, 12, 31, 23, tzinfo=UTC),
        timezone="Europe/Paris",
        city="Lyon",
        venue="Salle A",
    )


@pytest.mark.parametrize("url", ["/fr/trainings/feed.ics", "/fr/trainings/far/calendar.ics"])
def test_calendar_survives_a_stored_session_in_year_9999(client, url):
    training = make_training(slug="far")
    make_session(training)
    _session_in_year_9999(training)
    response = client.get(url)
    assert response.status_code == 200
    assert len(Calendar.from_ical(response.content).walk("VEVENT")) == 2


@pytest.mark.parametrize("ends_at", ["9999-12-31T23:00", "0001-01-01T00:00"])
def test_offer_form_refuses_a_session_years_away(client, ends_at):
    expert = make_expert()
    client.force_login(expert.user)
    data = offer_data(sessions=[session_fields(ends_at=ends_at)])
    response = client.post(reverse("experts:offer_create"), data)
    assert response.status_code == 200
    assert "out_of_range" in {
        error.code for form in response.context["formset"] for error in form.errors.as_data().get("ends_at", [])
    }


@pytest.mark.parametrize("url", ["/fr/trainings/far/", "/api/v1/trainings/far/", "/fr/trainings/?sort=soonest"])
def test_pages_survive_a_stored_session_in_year_9999(client, url):
    training = make_training(slug="far")
    _session_in_year_9999(training)
    assert client.get(url).status_code == 200


def test_trainer_offer_page_survives_a_stored_session_in_year_9999(client):
    training = make_training(slug="far")
    _session_in_year_9999(training)
    client.force_login(training.trainer.user)
    assert client.get(reverse("experts:offer_detail", args=[training.pk])).status_code == 200

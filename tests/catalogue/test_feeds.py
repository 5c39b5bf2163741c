import xml.etree.ElementTree as ET
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from icalendar import Calendar

from catalogue.enums import Status
from catalogue.models import Session
from tests.factories import make_expert, make_objective, make_platform, make_session, make_training
from tests.french import fr

pytestmark = pytest.mark.django_db

MONTREAL = ZoneInfo("America/Montreal")
ATOM = "{http://www.w3.org/2005/Atom}"


def _calendar(response):
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def _events(response):
    return _calendar(response).walk("VEVENT")


def _session_at(training, local_start, hours=2, zone="America/Montreal", **fields):
    # Add real (UTC) hours: aware-datetime arithmetic in a zone is wall-clock time.
    start = local_start.replace(tzinfo=ZoneInfo(zone)).astimezone(ZoneInfo("UTC"))
    return Session.objects.create(
        training=training,
        starts_at=start,
        ends_at=start + timedelta(hours=hours),
        timezone=zone,
        city=training.city,
        venue="Salle A",
        **fields,
    )


@pytest.fixture
def frozen_before_dst(monkeypatch):
    """'Now' is October 2026, before the sessions around the DST change."""
    moment = datetime(2026, 10, 1, 12, tzinfo=MONTREAL)
    monkeypatch.setattr(timezone, "now", lambda: moment)
    return moment


def test_ics_feed_times_are_correct_around_the_daylight_saving_change(client, frozen_before_dst):
    training = make_training(slug="dst", title="Atelier à l'heure d'hiver")
    # On 2026-11-01 Montréal falls back from EDT (UTC-4) to EST (UTC-5) at 2:00.
    before = _session_at(training, datetime(2026, 11, 1, 0, 30))
    after = _session_at(training, datetime(2026, 11, 1, 9, 0))
    next_day = _session_at(training, datetime(2026, 11, 2, 9, 0))
    events = _events(client.get("/fr/trainings/feed.ics"))
    by_uid = {str(event["UID"]): event for event in events}
    assert set(by_uid) == {f"session-{s.pk}@127.0.0.1" for s in (before, after, next_day)}

    first = by_uid[f"session-{before.pk}@127.0.0.1"]
    assert first["DTSTART"].params["TZID"] == "America/Montreal"
    start = first.decoded("DTSTART")
    assert start.utcoffset() == timedelta(hours=-4)
    assert start.astimezone(ZoneInfo("UTC")) == datetime(2026, 11, 1, 4, 30, tzinfo=ZoneInfo("UTC"))
    # 00:30 EDT + 2 h of real time = 01:30 EST, the second 01:30 of the night:
    # a TZID value would mean the first one, so this one is written in UTC.
    end = first.decoded("DTEND")
    assert end == datetime(2026, 11, 1, 6, 30, tzinfo=ZoneInfo("UTC"))
    assert first["DTEND"].to_ical() == b"20261101T063000Z"

    second = by_uid[f"session-{after.pk}@127.0.0.1"].decoded("DTSTART")
    assert second.utcoffset() == timedelta(hours=-5)
    assert second.astimezone(ZoneInfo("UTC")) == datetime(2026, 11, 1, 14, 0, tzinfo=ZoneInfo("UTC"))
    assert (second.hour, second.minute) == (9, 0)

    calendar = _calendar(client.get("/fr/trainings/feed.ics"))
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["America/Montreal"]


def test_ics_feed_keeps_each_sessions_own_time_zone(client, frozen_before_dst):
    training = make_training(slug="paris", city="Paris")
    session = _session_at(training, datetime(2026, 11, 3, 14, 0), zone="Europe/Paris")
    event = _events(client.get("/en/trainings/feed.ics"))[0]
    assert event["DTSTART"].params["TZID"] == "Europe/Paris"
    assert event.decoded("DTSTART") == session.starts_at
    assert event.decoded("DTSTART").astimezone(ZoneInfo("Europe/Paris")).hour == 14


def test_ics_event_has_title_place_description_url_and_stamp(client):
    training = make_training(slug="viral", title="Le marketing viral", summary="Faites passer le message.")
    session = make_session(training, venue="Salle Gaston", address="123 rue Ontario", city="Montréal")
    event = _events(client.get("/fr/trainings/feed.ics"))[0]
    assert str(event["SUMMARY"]) == "Le marketing viral"
    assert str(event["LOCATION"]) == "Salle Gaston, 123 rue Ontario, Montréal"
    assert str(event["URL"]) == "http://testserver/fr/trainings/viral/"
    assert "Faites passer le message." in str(event["DESCRIPTION"])
    assert training.trainer.name in str(event["DESCRIPTION"])
    assert "http://testserver/fr/trainings/viral/" in str(event["DESCRIPTION"])
    assert event.decoded("DTSTART") == session.starts_at.replace(microsecond=0)
    assert event.decoded("DTEND") == session.ends_at.replace(microsecond=0)
    assert event.decoded("DTSTAMP") is not None


def test_ics_online_session_location_is_its_link(client):
    training = make_training(slug="online", mode="online", city="")
    make_session(
        training, is_online=True, online_url="https://meet.example/abc", online_url_public=True, venue="", city=""
    )
    event = _events(client.get("/en/trainings/feed.ics"))[0]
    assert str(event["LOCATION"]) == "https://meet.example/abc"
    assert "https://meet.example/abc" in str(event["DESCRIPTION"])


def test_ics_uids_are_stable_across_requests_and_languages(client):
    training = make_training()
    session = make_session(training)
    uids = [
        [str(event["UID"]) for event in _events(client.get(url))]
        for url in ("/fr/trainings/feed.ics", "/fr/trainings/feed.ics", "/en/trainings/feed.ics")
    ]
    assert uids == [[f"session-{session.pk}@127.0.0.1"]] * 3


def test_ics_feed_filters_like_the_catalogue_and_skips_past_and_unpublished(client):
    network = make_training(slug="network-mtl", focus="network", city="Montréal")
    quebec = make_training(slug="network-qc", focus="network", city="Québec")
    media = make_training(slug="media-mtl", focus="media", city="Montréal")
    draft = make_training(slug="draft", focus="network", city="Montréal", status=Status.SUBMITTED)
    upcoming = make_session(network, starts_in=timedelta(days=2))
    make_session(network, starts_in=-timedelta(days=2))
    make_session(quebec)
    make_session(media)
    make_session(draft)
    events = _events(client.get("/fr/trainings/feed.ics?focus=network&city=montreal"))
    assert [str(event["UID"]) for event in events] == [f"session-{upcoming.pk}@127.0.0.1"]
    everything = _events(client.get("/fr/trainings/feed.ics"))
    assert len(everything) == 3


@pytest.mark.parametrize(
    "query,field", [("focus=xyz", "focus"), ("starts_after=tomorrow", "starts_after"), ("objective=nope", "objective")]
)
def test_ics_feed_invalid_parameter_is_a_400_that_explains(client, query, field):
    response = client.get(f"/en/trainings/feed.ics?{query}")
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    assert text.startswith("Invalid filter parameters:")
    assert f"- {field}: " in text


def test_training_ics_download_has_its_upcoming_sessions(client):
    training = make_training(slug="viral", title="Viral")
    other = make_training(slug="other")
    first = make_session(training, starts_in=timedelta(days=3))
    second = make_session(training, starts_in=timedelta(days=10))
    make_session(training, starts_in=-timedelta(days=1))
    make_session(other)
    response = client.get("/fr/trainings/viral/calendar.ics")
    assert response["Content-Disposition"] == 'attachment; filename="viral.ics"'
    assert [str(event["UID"]) for event in _events(response)] == [
        f"session-{first.pk}@127.0.0.1",
        f"session-{second.pk}@127.0.0.1",
    ]


def test_training_ics_of_unpublished_training_is_404(client):
    make_training(slug="hidden", status=Status.DRAFT)
    assert client.get("/fr/trainings/hidden/calendar.ics").status_code == 404


# --- Atom ---------------------------------------------------------------------


def _atom(response):
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)  # noqa: S314 (our own response)


def test_atom_feed_lists_new_published_trainings_newest_first(client):
    now = timezone.now()
    expert = make_expert(name="Anne Archambault")
    old = make_training(slug="old", title="Ancienne", trainer=expert, published_at=now - timedelta(days=5))
    new = make_training(
        slug="new", title="Nouvelle", summary="Tout neuf.", trainer=expert, published_at=now - timedelta(days=1)
    )
    make_training(slug="draft", title="Brouillon", status=Status.DRAFT)
    make_training(slug="rejected", title="Refusée", status=Status.REJECTED)
    feed = _atom(client.get("/fr/trainings/feed.xml"))
    assert feed.tag == f"{ATOM}feed"
    assert feed.find(f"{ATOM}title").text == fr("Cible: new trainings")
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.find(f"{ATOM}title").text for entry in entries] == ["Nouvelle", "Ancienne"]
    first = entries[0]
    assert first.find(f"{ATOM}link").get("href") == "http://testserver/fr/trainings/new/"
    assert first.find(f"{ATOM}id").text == "http://testserver/fr/trainings/new/"
    assert first.find(f"{ATOM}summary").text == "Tout neuf."
    assert first.find(f"{ATOM}author/{ATOM}name").text == "Anne Archambault"
    assert datetime.fromisoformat(first.find(f"{ATOM}published").text) == new.published_at
    assert {category.get("term") for category in first.findall(f"{ATOM}category")} == {"Médias sociaux", "Atelier"}
    assert old.slug in entries[1].find(f"{ATOM}link").get("href")


def test_atom_feed_takes_the_catalogue_filters(client):
    viral = make_objective(slug="marketing-viral")
    linkedin = make_platform(slug="linkedin")
    make_training(slug="a", title="A", objectives=[viral], platforms=[linkedin])
    make_training(slug="b", title="B", objectives=[viral])
    make_training(slug="c", title="C", focus="network")
    feed = _atom(client.get("/en/trainings/feed.xml?objective=marketing-viral&platform=linkedin"))
    assert [entry.find(f"{ATOM}title").text for entry in feed.findall(f"{ATOM}entry")] == ["A"]
    assert feed.find(f"{ATOM}link[@rel='alternate']").get("href") == (
        "http://testserver/en/trainings/?objective=marketing-viral&platform=linkedin"
    )


def test_atom_feed_invalid_parameter_is_400(client):
    response = client.get("/fr/trainings/feed.xml?sort=random")
    assert response.status_code == 400
    assert "- sort: " in response.content.decode()


def test_feeds_answer_head_requests_from_calendar_apps(client):
    make_training(slug="viral")
    for url, content_type in [
        ("/fr/trainings/feed.ics", "text/calendar"),
        ("/fr/trainings/feed.xml", "application/atom+xml"),
        ("/fr/trainings/viral/calendar.ics", "text/calendar"),
    ]:
        response = client.head(url)
        assert response.status_code == 200
        assert response["Content-Type"].startswith(content_type)
    assert client.post("/fr/trainings/feed.ics").status_code == 405


def test_ics_feed_query_count_does_not_grow_with_sessions(client, django_assert_max_num_queries):
    for n in range(2):
        make_session(make_training(slug=f"a-{n}"))
    with django_assert_max_num_queries(4):
        assert len(_events(client.get("/fr/trainings/feed.ics"))) == 2
    for n in range(10):
        make_session(make_training(slug=f"b-{n}"))
    with django_assert_max_num_queries(4):
        assert len(_events(client.get("/fr/trainings/feed.ics"))) == 12


def test_atom_summary_is_text_not_markup(client):
    make_training(slug="x", summary="<b>Gras</b> & co")
    entry = _atom(client.get("/fr/trainings/feed.xml")).find(f"{ATOM}entry")
    # type="html": once the XML is parsed, the HTML shows the literal text.
    assert entry.find(f"{ATOM}summary").get("type") == "html"
    assert entry.find(f"{ATOM}summary").text == "&lt;b&gt;Gras&lt;/b&gt; &amp; co"


def test_ics_time_zone_definition_covers_the_events(client, frozen_before_dst):
    training = make_training(slug="dst")
    _session_at(training, datetime(2026, 11, 1, 9, 0))
    [vtimezone] = _calendar(client.get("/fr/trainings/feed.ics")).walk("VTIMEZONE")
    text = vtimezone.to_ical().decode()
    assert "20261101T020000" in text  # the fall-back transition the event needs
    assert "1971" not in text  # and not half a century of history

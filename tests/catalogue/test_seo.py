import json
import re
from datetime import datetime, timedelta
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from django.utils import timezone

from catalogue.enums import Status
from tests.factories import make_expert, make_objective, make_platform, make_session, make_training

pytestmark = pytest.mark.django_db


class _Head(HTMLParser):
    """Collects <link>, <meta> and JSON-LD blocks of a page."""

    def __init__(self):
        super().__init__()
        self.links, self.metas, self.jsonld, self._in_jsonld = [], {}, [], False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link":
            self.links.append(attrs)
        elif tag == "meta" and ("property" in attrs or "name" in attrs):
            self.metas.setdefault(attrs.get("property") or attrs.get("name"), []).append(attrs.get("content"))
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_jsonld = True

    def handle_endtag(self, tag):
        self._in_jsonld = False if tag == "script" else self._in_jsonld

    def handle_data(self, data):
        if self._in_jsonld:
            self.jsonld.append(json.loads(data))


def _head(client, url):
    response = client.get(url)
    assert response.status_code == 200
    parser = _Head()
    parser.feed(response.content.decode())
    return parser


def _alternates(head):
    return {
        link["hreflang"]: link["href"] for link in head.links if link.get("rel") == "alternate" and "hreflang" in link
    }


def _canonical(head):
    return [link["href"] for link in head.links if link.get("rel") == "canonical"]


@pytest.fixture
def workshop():
    expert = make_expert(slug="anne", name="Anne Archambault")
    training = make_training(
        slug="viral",
        title="Le marketing viral",
        summary="Faites passer votre message.",
        trainer=expert,
        objectives=[make_objective(name_fr="Marketing viral", name_en="Viral marketing")],
        price=Decimal("250"),
        currency="CAD",
        duration_hours=Decimal("1.5"),
        level="intermediate",
        mode="hybrid",
    )
    in_person = make_session(training, starts_in=timedelta(days=5), venue="Salle Gaston", address="1 rue X")
    online = make_session(
        training,
        starts_in=timedelta(days=9),
        is_online=True,
        online_url="https://meet.example/v",
        online_url_public=True,
        venue="",
    )
    make_session(training, starts_in=-timedelta(days=9))
    return training, in_person, online


def test_training_page_has_canonical_hreflang_and_sharing_tags(client, workshop):
    head = _head(client, "/en/trainings/viral/")
    assert _canonical(head) == ["http://testserver/en/trainings/viral/"]
    assert _alternates(head) == {
        "fr": "http://testserver/fr/trainings/viral/",
        "en": "http://testserver/en/trainings/viral/",
        "x-default": "http://testserver/trainings/viral/",
    }
    assert head.metas["og:title"] == ["Le marketing viral"]
    assert head.metas["og:description"] == ["Faites passer votre message."]
    assert head.metas["og:url"] == ["http://testserver/en/trainings/viral/"]
    assert head.metas["og:type"] == ["website"]
    assert head.metas["og:locale"] == ["en_CA"]
    assert head.metas["og:locale:alternate"] == ["fr_CA"]
    assert head.metas["twitter:card"] == ["summary"]
    assert head.metas["twitter:title"] == ["Le marketing viral"]


def test_training_jsonld_is_a_course_with_instances_offers_and_provider(client, workshop):
    training, in_person, online = workshop
    head = _head(client, "/fr/trainings/viral/")
    assert len(head.jsonld) == 1
    course = head.jsonld[0]
    assert course["@context"] == "https://schema.org"
    assert course["@type"] == "Course"
    assert course["name"] == "Le marketing viral"
    assert course["description"] == "Faites passer votre message."
    assert course["url"] == "http://testserver/fr/trainings/viral/"
    assert course["provider"] == {
        "@type": "Person",
        "name": "Anne Archambault",
        "url": "http://testserver/fr/experts/anne/",
    }
    assert course["offers"]["@type"] == "Offer"
    assert course["offers"]["price"] == "250.00"
    assert course["offers"]["priceCurrency"] == "CAD"
    assert course["timeRequired"] == "PT1H30M"
    assert course["teaches"] == ["Marketing viral"]
    assert course["isAccessibleForFree"] is False
    instances = course["hasCourseInstance"]
    assert [instance["@type"] for instance in instances] == ["CourseInstance", "CourseInstance"]
    first, second = instances
    assert datetime.fromisoformat(first["startDate"]) == in_person.starts_at
    assert datetime.fromisoformat(first["startDate"]).utcoffset() in (timedelta(hours=-4), timedelta(hours=-5))
    assert datetime.fromisoformat(first["endDate"]) == in_person.ends_at
    assert first["courseMode"] == "Blended"
    assert first["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert first["location"] == {
        "@type": "Place",
        "name": "Salle Gaston",
        "address": {"@type": "PostalAddress", "addressLocality": "Montréal", "streetAddress": "1 rue X"},
    }
    assert first["instructor"]["name"] == "Anne Archambault"
    assert second["courseMode"] == "Online"
    assert second["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert second["location"] == {"@type": "VirtualLocation", "url": "https://meet.example/v"}


def test_conference_jsonld_is_events_with_performer_and_offers(client):
    expert = make_expert(name="Bob Bouchard")
    conference = make_training(slug="conf", title="Conférence", format="conference", trainer=expert, price=0)
    session = make_session(conference, starts_in=timedelta(days=3))
    data = _head(client, "/fr/trainings/conf/").jsonld[0]
    assert data["@context"] == "https://schema.org"
    [event] = data["@graph"]
    assert event["@type"] == "Event"
    assert event["name"] == "Conférence"
    assert datetime.fromisoformat(event["startDate"]) == session.starts_at
    assert event["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert event["eventStatus"] == "https://schema.org/EventScheduled"
    assert event["performer"]["@type"] == "Person" and event["performer"]["name"] == "Bob Bouchard"
    assert event["organizer"]["name"] == "Bob Bouchard"
    assert event["offers"]["price"] == "0.00" and event["offers"]["priceCurrency"] == "CAD"
    assert event["location"]["@type"] == "Place"


def test_session_dates_are_written_in_the_sessions_time_zone(client):
    training = make_training(slug="tz")
    start = timezone.now() + timedelta(days=4)
    make_session(training, starts_in=timedelta(days=4), timezone="Europe/Paris")
    instance = _head(client, "/fr/trainings/tz/").jsonld[0]["hasCourseInstance"][0]
    parsed = datetime.fromisoformat(instance["startDate"])
    assert parsed.utcoffset() in (timedelta(hours=1), timedelta(hours=2))
    assert abs(parsed - start) < timedelta(seconds=5)


def test_jsonld_cannot_be_broken_out_of(client):
    make_training(slug="evil", title="</script><script>alert(1)</script> & co", summary="<b>x</b>")
    response = client.get("/fr/trainings/evil/")
    html = response.content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "<" not in block and ">" not in block and "&" not in block
    assert "\\u003C/script\\u003E" in block
    assert json.loads(block)["name"] == "</script><script>alert(1)</script> & co"


def test_unpublished_training_page_has_no_metadata(client):
    make_training(slug="draft", status=Status.DRAFT)
    assert client.get("/fr/trainings/draft/").status_code == 404


def test_expert_page_has_person_jsonld_canonical_and_hreflang(client):
    expert = make_expert(
        slug="anne",
        name="Anne Archambault",
        headline="Stratège en médias sociaux",
        focuses=["media", "network"],
        languages=["fr", "en"],
        city="Québec",
        website="https://anne.example",
        social_links=["https://www.linkedin.com/in/anne", "javascript:alert(1)"],
    )
    expert.platforms.set([make_platform(name_fr="LinkedIn", name_en="LinkedIn")])
    make_training(trainer=expert)
    head = _head(client, "/fr/experts/anne/")
    assert _canonical(head) == ["http://testserver/fr/experts/anne/"]
    assert _alternates(head) == {
        "fr": "http://testserver/fr/experts/anne/",
        "en": "http://testserver/en/experts/anne/",
        "x-default": "http://testserver/experts/anne/",
    }
    assert head.metas["og:type"] == ["profile"]
    assert head.metas["og:title"] == ["Anne Archambault"]
    [person] = head.jsonld
    assert person == {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": "Anne Archambault",
        "url": "http://testserver/fr/experts/anne/",
        "jobTitle": "Stratège en médias sociaux",
        "description": "Stratège en médias sociaux",
        # Focuses, platforms, then the competences its published trainings teach (make_training: knowledge).
        "knowsAbout": ["Médias sociaux", "Réseaux sociaux", "LinkedIn", "Savoir"],
        "knowsLanguage": ["fr", "en"],
        "address": {"@type": "PostalAddress", "addressLocality": "Québec"},
        "sameAs": ["https://anne.example", "https://www.linkedin.com/in/anne"],
    }


def test_expert_sameas_lists_only_the_web_links_the_page_shows(client):
    # Saved without the profile form (admin, import): the page and its JSON-LD still keep only http(s) links.
    expert = make_expert(
        slug="anne",
        website="javascript:alert(1)",
        social_links=["HTTPS://www.linkedin.com/in/anne", {"url": "data:text/html,x"}, "ftp://example.org"],
    )
    make_training(trainer=expert)
    response = client.get("/fr/experts/anne/")
    [person] = _head(client, "/fr/experts/anne/").jsonld
    assert person["sameAs"] == ["HTTPS://www.linkedin.com/in/anne"]
    assert 'href="HTTPS://www.linkedin.com/in/anne"' in response.content.decode()
    assert "javascript:" not in response.content.decode()


def test_training_teaches_only_its_active_objectives(client):
    viral = make_objective(name_fr="Marketing viral", name_en="Viral marketing")
    retired = make_objective(name_fr="Objectif retiré", name_en="Retired objective", is_active=False)
    make_training(slug="viral", objectives=[viral, retired])
    response = client.get("/fr/trainings/viral/")
    [course] = _head(client, "/fr/trainings/viral/").jsonld
    assert course["teaches"] == ["Marketing viral"]
    # The page a visitor reads says the same as what search engines read.
    assert "Marketing viral" in response.content.decode()
    assert "Objectif retiré" not in response.content.decode()

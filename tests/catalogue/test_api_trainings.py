from datetime import timedelta

import pytest
from django.utils import timezone

from catalogue.enums import Status
from catalogue.filters import TrainingFilter
from catalogue.models import Training
from experts.forms.offers import OfferForm
from tests.factories import make_expert, make_objective, make_platform, make_session, make_training

pytestmark = pytest.mark.django_db


def _api_slugs(client, query=""):
    response = client.get(f"/api/v1/trainings/?page_size=100&{query}")
    assert response.status_code == 200, response.content
    return [item["slug"] for item in response.json()["results"]]


def _filter_slugs(params):
    filterset = TrainingFilter(params, queryset=Training.objects.published())
    assert filterset.is_valid(), filterset.errors
    return [training.slug for training in filterset.qs]


@pytest.fixture
def catalogue():
    viral = make_objective(slug="marketing-viral", name_fr="Marketing viral", name_en="Viral marketing")
    contacts = make_objective(focus="network", slug="maintenir-vos-contacts-en-vie")
    linkedin = make_platform(slug="linkedin", name_fr="LinkedIn", name_en="LinkedIn")
    tiktok = make_platform(slug="tiktok", name_fr="TikTok", name_en="TikTok")
    now = timezone.now()
    trainings = [
        make_training(
            slug="viral-montreal",
            title="Le marketing viral à Montréal",
            objectives=[viral],
            platforms=[tiktok],
            price=0,
            published_at=now - timedelta(days=3),
        ),
        make_training(
            slug="reseau-quebec",
            title="Réseau d'affaires sur LinkedIn",
            focus="network",
            format="course",
            city="Québec",
            objectives=[contacts],
            platforms=[linkedin],
            competences=["interpersonal", "know_how"],
            level="advanced",
            mode="online",
            language="en",
            price=450,
            published_at=now - timedelta(days=1),
        ),
        make_training(
            slug="conference-medias",
            title="Conférence médias sociaux",
            format="conference",
            platforms=[linkedin, tiktok],
            price=120,
            published_at=now - timedelta(days=2),
        ),
    ]
    make_session(trainings[0], starts_in=timedelta(days=30))
    make_session(trainings[1], starts_in=timedelta(days=5))
    make_session(trainings[2], starts_in=timedelta(days=60))
    make_training(slug="draft-one", title="Brouillon viral", status=Status.DRAFT, objectives=[viral])
    make_training(slug="submitted-one", title="Soumis viral", status=Status.SUBMITTED)
    return trainings


QUERIES = [
    "",
    "q=MONTREAL",
    "q=reseau%20linkedin",
    "focus=network",
    "format=conference",
    "objective=marketing-viral",
    "objective=marketing-viral&objective=maintenir-vos-contacts-en-vie",
    "platform=linkedin",
    "platform=linkedin&platform=tiktok",
    "competence=interpersonal",
    "competence=knowledge&competence=know_how",
    "level=advanced",
    "mode=online",
    "language=en",
    "city=quebec",
    "city=MONTRÉAL",
    "price_max=150",
    "free=true",
    "free=false",
    "sort=price",
    "sort=-price",
    "sort=newest",
    "sort=soonest",
    "sort=relevance&q=viral",
    "focus=media&platform=tiktok&sort=price",
]


@pytest.mark.parametrize("query", QUERIES)
def test_api_filters_match_the_catalogue_filterset(client, catalogue, query):
    from django.http import QueryDict

    assert _api_slugs(client, query) == _filter_slugs(QueryDict(query))


def test_api_date_filters_match_the_catalogue_filterset(client, catalogue):
    in_20_days = (timezone.localdate() + timedelta(days=20)).isoformat()
    query = f"starts_after={in_20_days}"
    from django.http import QueryDict

    assert _api_slugs(client, query) == _filter_slugs(QueryDict(query)) == ["conference-medias", "viral-montreal"]
    query = f"starts_before={in_20_days}"
    assert _api_slugs(client, query) == _filter_slugs(QueryDict(query)) == ["reseau-quebec"]


def test_api_lists_only_published_trainings(client, catalogue):
    assert sorted(_api_slugs(client)) == ["conference-medias", "reseau-quebec", "viral-montreal"]
    assert "draft-one" not in _api_slugs(client, "q=viral")


def test_api_training_list_item_shape(client, catalogue):
    body = client.get("/api/v1/trainings/?focus=network").json()
    assert body["count"] == 1
    assert body["next"] is None and body["previous"] is None
    item = body["results"][0]
    assert item["slug"] == "reseau-quebec"
    assert item["title"] == "Réseau d'affaires sur LinkedIn"
    assert item["url"] == "http://testserver/fr/trainings/reseau-quebec/"
    assert item["focus"] == "network"
    assert item["format"] == "course"
    assert item["competences"] == ["know_how", "interpersonal"]
    assert item["price"] == "450.00"
    assert item["currency"] == "CAD"
    assert item["is_free"] is False
    assert item["objectives"] == ["maintenir-vos-contacts-en-vie"]
    assert item["platforms"] == ["linkedin"]
    assert item["trainer"]["name"] == catalogue[1].trainer.name
    assert item["next_session_at"] is not None
    assert "status" not in item


def test_api_pagination_has_count_and_links(client):
    expert = make_expert()
    for n in range(5):
        make_training(trainer=expert, slug=f"t-{n}")
    body = client.get("/api/v1/trainings/?page_size=2").json()
    assert body["count"] == 5
    assert len(body["results"]) == 2
    assert body["previous"] is None
    assert body["next"] == "http://testserver/api/v1/trainings/?page=2&page_size=2"
    last = client.get("/api/v1/trainings/?page_size=2&page=3").json()
    assert len(last["results"]) == 1
    assert last["next"] is None
    assert last["previous"] == "http://testserver/api/v1/trainings/?page=2&page_size=2"


def test_api_page_size_is_bounded(client):
    expert = make_expert()
    for n in range(3):
        make_training(trainer=expert, slug=f"t-{n}")
    from catalogue.api.pagination import CataloguePagination

    assert CataloguePagination.max_page_size == 100
    body = client.get("/api/v1/trainings/?page_size=100000").json()
    assert body["count"] == 3 and len(body["results"]) == 3


@pytest.mark.parametrize(
    "query,field",
    [
        ("focus=xyz", "focus"),
        ("format=party", "format"),
        ("objective=no-such-objective", "objective"),
        ("platform=myspace", "platform"),
        ("competence=magic", "competence"),
        ("starts_after=notadate", "starts_after"),
        ("starts_before=2026-13-45", "starts_before"),
        ("price_max=-5", "price_max"),
        ("price_max=cheap", "price_max"),
        ("sort=random", "sort"),
        ("q=" + "x" * 201, "q"),
        ("page=0", "page"),
        ("page=abc", "page"),
        ("page=99", "page"),
    ],
)
def test_api_invalid_parameter_is_a_400_naming_the_field(client, query, field):
    make_training()
    response = client.get(f"/api/v1/trainings/?{query}", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    body = response.json()
    assert list(body) == [field]
    assert isinstance(body[field], list) and body[field] and all(isinstance(reason, str) for reason in body[field])


def test_api_shows_every_fact_a_trainer_writes_on_the_offer_form(client, catalogue):
    written = set(OfferForm.base_fields)
    item = client.get("/api/v1/trainings/?focus=network").json()["results"][0]
    detail = client.get("/api/v1/trainings/reseau-quebec/").json()
    assert written - {"description"} <= set(item)  # a list stays short: no long text
    assert written <= set(detail)
    assert detail["description"] == catalogue[1].description
    assert detail["duration_hours"] == "3.0"


def test_api_invalid_parameter_reason_is_translated(client):
    response = client.get("/api/v1/trainings/?focus=xyz", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 400
    assert "xyz" in response.json()["focus"][0]
    assert "choix valide" in response.json()["focus"][0]


def test_api_training_detail_has_sessions_objectives_platforms_and_trainer(client, catalogue):
    training = catalogue[1]
    past = make_session(training, starts_in=-timedelta(days=3))
    response = client.get("/api/v1/trainings/reseau-quebec/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    body = response.json()
    assert body["title"] == "Réseau d'affaires sur LinkedIn"
    assert body["objectives"] == [
        {
            "slug": "maintenir-vos-contacts-en-vie",
            "focus": "network",
            "name": training.objectives.get().name_en,
            "name_fr": training.objectives.get().name_fr,
            "name_en": training.objectives.get().name_en,
            "description": "",
        }
    ]
    assert body["platforms"] == [
        {"slug": "linkedin", "name": "LinkedIn", "name_fr": "LinkedIn", "name_en": "LinkedIn", "note": ""}
    ]
    assert len(body["sessions"]) == 1
    session = training.sessions.exclude(pk=past.pk).get()
    assert body["sessions"][0]["starts_at"] == timezone.localtime(session.starts_at).isoformat()
    assert body["sessions"][0]["timezone"] == "America/Montreal"
    assert body["trainer"] == {
        "slug": training.trainer.slug,
        "name": training.trainer.name,
        "headline": "",
        "city": "Montréal",
        "focuses": ["media"],
        "url": f"http://testserver/en/experts/{training.trainer.slug}/",
    }
    assert body["url"] == "http://testserver/en/trainings/reseau-quebec/"


@pytest.mark.parametrize("status", [Status.DRAFT, Status.SUBMITTED, Status.REJECTED, Status.ARCHIVED])
def test_api_unpublished_training_detail_is_404(client, status):
    make_training(slug="hidden", status=status)
    response = client.get("/api/v1/trainings/hidden/")
    assert response.status_code == 404
    assert "detail" in response.json()


def test_api_training_list_query_count_does_not_grow(client, django_assert_max_num_queries):
    expert = make_expert()
    platform = make_platform()
    objective = make_objective()
    for n in range(3):
        make_training(trainer=expert, slug=f"a-{n}", platforms=[platform], objectives=[objective])
    # 7 for the list (with its uses, outcomes and reviews), 6 for the throttle's counter in the limits store
    # (the database by default).
    with django_assert_max_num_queries(7 + 6):
        assert client.get("/api/v1/trainings/").json()["count"] == 3
    for n in range(12):
        make_training(slug=f"b-{n}", platforms=[platform], objectives=[objective])
    with django_assert_max_num_queries(7 + 6):
        assert client.get("/api/v1/trainings/").json()["count"] == 15


def test_api_shows_only_the_objectives_curators_keep_active(client):
    kept = make_objective(slug="marketing-viral")
    retired = make_objective(slug="ancien-objectif", is_active=False)
    make_training(slug="atelier", objectives=[kept, retired])
    item = client.get("/api/v1/trainings/").json()["results"][0]
    assert item["objectives"] == ["marketing-viral"]
    detail = client.get("/api/v1/trainings/atelier/").json()
    assert [objective["slug"] for objective in detail["objectives"]] == ["marketing-viral"]

import pytest

from catalogue.enums import Status
from tests.factories import make_expert, make_objective, make_platform, make_training

pytestmark = pytest.mark.django_db


def _slugs(client, query=""):
    response = client.get(f"/api/v1/experts/?{query}")
    assert response.status_code == 200, response.content
    return [item["slug"] for item in response.json()["results"]]


@pytest.fixture
def experts():
    linkedin = make_platform(slug="linkedin")
    tiktok = make_platform(slug="tiktok")
    anne = make_expert(slug="anne", name="Anne Archambault", focuses=["media"], city="Montréal", languages=["fr"])
    anne.platforms.set([tiktok])
    bob = make_expert(slug="bob", name="Bob Bouchard", focuses=["network"], city="Québec", languages=["fr", "en"])
    bob.platforms.set([linkedin])
    cleo = make_expert(slug="cleo", name="Cléo Cyr", focuses=["media", "network"], city="Gatineau", languages=["en"])
    cleo.platforms.set([linkedin, tiktok])
    hidden = make_expert(slug="hidden", name="Draft Only", focuses=["media"])
    make_training(trainer=anne)
    make_training(trainer=bob, focus="network")
    make_training(trainer=bob, focus="network")
    make_training(trainer=cleo)
    make_training(trainer=hidden, status=Status.DRAFT)
    make_expert(slug="nothing", name="No Training")
    return anne, bob, cleo


def test_api_lists_only_experts_with_a_published_training(client, experts):
    assert _slugs(client) == ["anne", "bob", "cleo"]


@pytest.mark.parametrize(
    "query,expected",
    [
        ("focus=media", ["anne", "cleo"]),
        ("focus=network", ["bob", "cleo"]),
        ("platform=linkedin", ["bob", "cleo"]),
        ("platform=tiktok&platform=linkedin", ["anne", "bob", "cleo"]),
        ("city=quebec", ["bob"]),
        ("city=MONTREAL", ["anne"]),
        ("language=en", ["bob", "cleo"]),
        ("language=fr&focus=media", ["anne"]),
    ],
)
def test_api_expert_filters(client, experts, query, expected):
    assert _slugs(client, query) == expected


@pytest.mark.parametrize(
    "query,field", [("focus=xyz", "focus"), ("platform=myspace", "platform"), ("language=de", "language")]
)
def test_api_expert_invalid_filter_is_400(client, experts, query, field):
    response = client.get(f"/api/v1/experts/?{query}")
    assert response.status_code == 400
    assert list(response.json()) == [field]


def test_api_expert_detail_lists_published_trainings_only(client, experts):
    anne = experts[0]
    make_training(trainer=anne, slug="anne-draft", status=Status.SUBMITTED)
    body = client.get("/api/v1/experts/anne/", HTTP_ACCEPT_LANGUAGE="en").json()
    assert body["name"] == "Anne Archambault"
    assert body["url"] == "http://testserver/en/experts/anne/"
    assert body["focuses"] == ["media"]
    assert body["languages"] == ["fr"]
    assert body["platforms"] == ["tiktok"]
    assert body["photo"] is None
    assert [t["slug"] for t in body["trainings"]] == [anne.trainings.get(status=Status.PUBLISHED).slug]
    assert "user" not in body and "email" not in str(body)


@pytest.mark.parametrize("slug", ["hidden", "nothing", "missing"])
def test_api_expert_without_published_training_is_404(client, experts, slug):
    assert client.get(f"/api/v1/experts/{slug}/").status_code == 404


def test_api_objectives_and_platforms(client):
    make_objective(slug="marketing-viral", name_fr="Marketing viral", name_en="Viral marketing", order=1)
    make_objective(slug="old", is_active=False)
    make_platform(slug="linkedin", name_fr="LinkedIn", name_en="LinkedIn")
    objectives = client.get("/api/v1/objectives/", HTTP_ACCEPT_LANGUAGE="fr").json()
    assert objectives["count"] == 1
    assert objectives["results"][0]["slug"] == "marketing-viral"
    assert objectives["results"][0]["name"] == "Marketing viral"
    assert objectives["results"][0]["name_en"] == "Viral marketing"
    english = client.get("/api/v1/objectives/", HTTP_ACCEPT_LANGUAGE="en").json()
    assert english["results"][0]["name"] == "Viral marketing"
    platforms = client.get("/api/v1/platforms/").json()
    assert platforms["results"] == [
        {"slug": "linkedin", "name": "LinkedIn", "name_fr": "LinkedIn", "name_en": "LinkedIn", "note": ""}
    ]


def test_api_expert_list_query_count_does_not_grow(client, django_assert_max_num_queries):
    platform = make_platform()
    for n in range(2):
        make_training(trainer=make_expert(slug=f"a-{n}")).trainer.platforms.set([platform])
    with django_assert_max_num_queries(6 + 6):  # + outcomes (2), response times; + the throttle counter
        assert client.get("/api/v1/experts/").json()["count"] == 2
    for n in range(10):
        make_training(trainer=make_expert(slug=f"b-{n}")).trainer.platforms.set([platform])
    with django_assert_max_num_queries(6 + 6):
        assert client.get("/api/v1/experts/").json()["count"] == 12

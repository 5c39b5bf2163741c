"""A NUL byte anywhere in a request is a 400, not a 500 (PostgreSQL refuses U+0000 in strings)."""

import pytest

from tests.factories import make_curator, make_public_expert

pytestmark = pytest.mark.django_db

PUBLIC_URLS = [
    "/fr/experts/anne/brief/?objective=%00",
    "/fr/experts/anne/brief/?training=%00",
    "/fr/experts/anne/brief/sent/?training=%00",
    "/api/v1/trainings/%00/",
    "/api/v1/experts/%00/",
    "/fr/trainings/?q=%00",
    "/fr/trainings/?city=a%00b",
    "/fr/experts/?city=%00",
    "/fr/match/?objective=%00",
    "/api/v1/match/?objective=%00",
    "/fr/trainings/x%00y/",
    "/fr/trainings/?%00=1",
]


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_nul_byte_in_a_public_url_is_a_bad_request(client, url):
    make_public_expert(slug="anne")
    assert client.get(url).status_code == 400


@pytest.mark.parametrize(
    "url",
    [
        "/fr/admin/catalogue/training/?focus__exact=%00",
        "/fr/admin/experts/expert/?q=%00",
        "/fr/admin/catalogue/training/%00/change/",
    ],
)
def test_nul_byte_in_an_admin_url_is_a_bad_request(client, url):
    client.force_login(make_curator(is_superuser=True))
    assert client.get(url).status_code == 400


def test_nul_byte_in_a_posted_form_is_a_bad_request(client):
    expert = make_public_expert(slug="anne")
    response = client.post(
        f"/fr/experts/{expert.slug}/brief/", {"name": "A\x00", "email": "a@example.com", "message": "Bonjour"}
    )
    assert response.status_code == 400


def test_nul_byte_in_a_cookie_is_a_bad_request(client):
    client.cookies["sessionid"] = "abcdefgh\x00ijkl"
    assert client.get("/fr/").status_code == 400


def test_request_without_nul_byte_still_works(client):
    make_public_expert(slug="anne")
    assert client.get("/fr/trainings/?q=linkedin").status_code == 200


def test_nul_byte_in_an_api_url_is_a_json_bad_request(client):
    response = client.get("/api/v1/trainings/?q=%00")
    assert (response.status_code, response["Content-Type"]) == (400, "application/json")
    assert response.json()["request"]

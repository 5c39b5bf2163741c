"""What a visitor reads on a profile beyond its text (#15): derived competences, photo, review date,
in the page, the API, JSON-LD and the directory filter."""

import json
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from catalogue.enums import Competence, Status
from tests.factories import approve_profile, make_public_expert, make_training
from tests.french import fr

pytestmark = pytest.mark.django_db


@pytest.fixture
def expert():
    expert = make_public_expert(slug="lea", name="Léa", training={"competences": ("knowledge",)})
    make_training(trainer=expert, competences=("interpersonal",))
    # A draft does not count: competences come from published offers only.
    make_training(trainer=expert, status=Status.DRAFT, competences=("know_how",))
    return expert


def test_competences_come_from_published_trainings_on_the_page_and_in_the_api(client, expert):
    page = client.get(expert.get_absolute_url()).content.decode()
    assert 'class="expert-competences" data-codes="knowledge interpersonal"' in page
    data = client.get("/api/v1/experts/lea/").json()
    assert data["competences"] == ["knowledge", "interpersonal"]
    assert data["reviewed_at"] is not None
    assert data["languages"] == ["fr"]
    assert data["photo"] is None


def test_jsonld_person_knows_the_competences_taught(client, expert):
    page = client.get(expert.get_absolute_url()).content.decode()
    blob = page.split('<script type="application/ld+json">')[1].split("</script>")[0]
    person = json.loads(blob)
    interpersonal, know_how = fr(Competence.INTERPERSONAL.label).lower(), fr(Competence.KNOW_HOW.label).lower()
    assert any(interpersonal in item.lower() for item in person["knowsAbout"])
    assert not any(know_how in item.lower() for item in person["knowsAbout"])


def test_directory_filters_by_competence_taught(client, expert):
    other = make_public_expert(name="Marc", training={"competences": ("know_how",)})
    html = client.get(reverse("experts:expert_list"), {"competence": "interpersonal"}).content.decode()
    assert expert.get_absolute_url() in html
    assert other.get_absolute_url() not in html
    api = client.get("/api/v1/experts/", {"competence": "know_how"}).json()
    assert [row["slug"] for row in api["results"]] == [other.slug]


def test_unknown_competence_is_a_validation_error_not_a_crash(client):
    assert client.get("/api/v1/experts/", {"competence": "x" * 500}).status_code == 400


def test_photo_is_an_absolute_url_once_approved(client, expert):
    client.force_login(expert.user)
    out = BytesIO()
    Image.new("RGB", (400, 400), "teal").save(out, format="PNG")
    upload = SimpleUploadedFile("p.png", out.getvalue(), content_type="image/png")
    client.post(
        reverse("experts:profile_edit"),
        {"name": "Léa", "focuses": ["media"], "languages": ["fr"], "preferred_language": "fr", "photo": upload},
    )
    client.logout()
    assert client.get("/api/v1/experts/lea/").json()["photo"] is None  # not before approval
    approve_profile(expert)
    photo = client.get("/api/v1/experts/lea/").json()["photo"]
    assert photo.startswith("http://testserver/") and photo.endswith(".jpg")
    assert photo.removeprefix("http://testserver") in client.get(expert.get_absolute_url()).content.decode()


def test_openapi_schema_documents_the_profile_fields(client):
    import yaml

    schema = yaml.safe_load(client.get("/api/v1/schema/", HTTP_ACCEPT_LANGUAGE="en").content)
    detail = schema["components"]["schemas"]["ExpertDetail"]["properties"]
    assert {"photo", "languages", "competences", "reviewed_at"} <= set(detail)
    assert detail["photo"]["nullable"] is True
    assert "competence" in [p["name"] for p in schema["paths"]["/api/v1/experts/"]["get"]["parameters"]]

"""What trainers and visitors type is bounded: a clear form error, never a 500."""

from io import BytesIO

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image, ImageFile

from catalogue.models import Training
from experts import photos
from tests.experts.helpers import offer_data, session_fields
from tests.factories import make_expert, make_public_expert

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password-2026"


def _signup(client, **overrides):
    data = {"email": "lea@example.com", "name": "Léa", "password": PASSWORD, "password_confirm": PASSWORD}
    return client.post(reverse("experts:signup"), {**data, **overrides})


def test_signup_with_a_160_character_email_is_a_form_error(client):
    email = "a" * (160 - len("@example.com")) + "@example.com"
    response = _signup(client, email=email)
    assert response.status_code == 200
    assert response.context["form"].errors.as_data()["email"][0].code == "max_length"
    assert not get_user_model().objects.exists()


def test_signup_name_with_a_line_break_is_a_form_error(client):
    response = _signup(client, name="Léa\nBcc: x@example.com")
    assert response.context["form"].errors.as_data()["name"][0].code == "line_break"


@pytest.mark.parametrize("field", ["title", "city"])
@pytest.mark.parametrize("text", ["Atelier\nLinkedIn", "Atelier\rLinkedIn", "Atelier\u2028LinkedIn"])
def test_offer_single_line_field_with_a_line_break_is_a_form_error(client, field, text):
    expert = make_expert()
    client.force_login(expert.user)
    response = client.post(reverse("experts:offer_create"), offer_data(sessions=[session_fields()], **{field: text}))
    assert response.context["form"].errors.as_data()[field][0].code == "line_break"
    assert not Training.objects.exists()


def test_session_venue_with_a_line_break_is_a_form_error(client):
    expert = make_expert()
    client.force_login(expert.user)
    data = offer_data(sessions=[session_fields(venue="Salle\nA")])
    response = client.post(reverse("experts:offer_create"), data)
    assert response.context["formset"].forms[0].errors.as_data()["venue"][0].code == "line_break"


def test_brief_name_with_a_line_break_is_a_form_error(client):
    expert = make_public_expert(slug="anne")
    response = client.post(
        reverse("experts:brief", args=[expert.slug]),
        {"name": "Anne\nBcc: x@example.com", "email": "v@example.com", "message": "Bonjour", "language": "fr"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors.as_data()["name"][0].code == "line_break"


def test_session_formset_with_a_huge_total_is_capped(client):
    expert = make_expert()
    client.force_login(expert.user)
    data = offer_data(sessions=[session_fields()])
    data["sessions-TOTAL_FORMS"] = "100000000"
    response = client.post(reverse("experts:offer_create"), data)
    formset = response.context["formset"]
    assert len(formset.forms) <= 50
    assert formset.non_form_errors().as_data()[0].code == "too_many_forms"
    assert not Training.objects.exists()


def test_photo_over_the_pixel_limit_is_refused_before_decoding(client, monkeypatch):
    expert = make_expert()
    client.force_login(expert.user)
    # 39.7 MP, allowed until now; one bit per pixel keeps the test light.
    out = BytesIO()
    Image.new("1", (6300, 6300)).save(out, format="PNG")
    upload = SimpleUploadedFile("big.png", out.getvalue(), content_type="image/png")

    def never_decode(*args, **kwargs):
        raise AssertionError("decoded an image over the limit")

    monkeypatch.setattr(ImageFile.ImageFile, "load", never_decode)
    monkeypatch.setattr(photos, "resized_photo", never_decode)
    data = {"name": "Léa", "focuses": ["media"], "languages": ["fr"], "preferred_language": "fr", "photo": upload}
    response = client.post(reverse("experts:profile_edit"), data)
    assert response.context["form"].errors.as_data()["photo"][0].code == "pixels"
    expert.refresh_from_db()
    assert not expert.photo
    assert photos.MAX_PIXELS <= 12_000_000

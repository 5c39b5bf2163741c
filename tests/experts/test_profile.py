from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import Context, Template
from django.urls import reverse
from django.utils.html import escape
from PIL import Image

from experts.forms.profile import WebURLField
from tests.factories import approve_profile, make_expert, make_platform
from tests.french import fr

pytestmark = pytest.mark.django_db

URL = reverse("experts:profile_edit")


def _data(**overrides):
    data = {
        "name": "Léa Tremblay",
        "headline": "Stratège en médias sociaux",
        "bio": "Je forme depuis **dix ans**.",
        "focuses": ["media", "network"],
        "city": "Québec",
        "languages": ["fr", "en"],
        "website": "https://lea.example.org",
        "social_links": "https://www.linkedin.com/in/lea\nhttps://mastodon.social/@lea",
        "preferred_language": "en",
    }
    data.update(overrides)
    return data


def _image(size=(1600, 1200), fmt="PNG", name="portrait.png"):
    out = BytesIO()
    Image.new("RGB", size, "orange").save(out, format=fmt)
    return SimpleUploadedFile(name, out.getvalue(), content_type=f"image/{fmt.lower()}")


@pytest.fixture
def expert(client):
    expert = make_expert(name="Léa", slug="lea")
    client.force_login(expert.user)
    return expert


def test_profile_edit_saves_every_field(client, expert):
    platform = make_platform(name_fr="LinkedIn")
    response = client.post(URL, {**_data(), f"grid_{platform.slug}": ["broadcast", "networking"]})
    assert response["Location"] == URL
    approve_profile(expert)
    expert.refresh_from_db()
    assert expert.name == "Léa Tremblay"
    assert expert.slug == "lea"  # the public address does not move
    assert expert.focuses == ["media", "network"]
    assert expert.languages == ["fr", "en"]
    assert expert.city_folded == "quebec"
    assert expert.social_links == ["https://www.linkedin.com/in/lea", "https://mastodon.social/@lea"]
    assert expert.preferred_language == "en"
    assert list(expert.platforms.all()) == [platform]  # the grid's platforms
    assert expert.approaches == [{"platform": platform.slug, "uses": ["broadcast", "networking"]}]


def test_profile_needs_at_least_one_focus(client, expert):
    response = client.post(URL, _data(focuses=[]))
    assert response.status_code == 200
    assert fr("This field is required.") in response.content.decode()
    expert.refresh_from_db()
    assert expert.focuses == ["media"]


def test_script_in_bio_comes_out_inert(client, expert):
    payload = '<script>alert(1)</script><img src=x onerror="alert(2)"> [clic](javascript:alert(3)) **ok**'
    client.post(URL, _data(bio=payload))
    page = client.get(URL).content.decode()
    preview = page.split('class="expert-bio"')[1].split("</div>")[0]
    assert "<script" not in preview
    assert "onerror" not in preview
    assert "javascript:" not in preview
    assert "<strong>ok</strong>" in preview


NOT_WEB_LINKS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "ftp://example.org/x",
    "vbscript:msgbox",
]


@pytest.mark.parametrize("link", NOT_WEB_LINKS)
def test_links_must_be_http_or_https(client, expert, link):
    response = client.post(URL, _data(website=link, social_links=link))
    assert response.status_code == 200
    page = response.content.decode()
    # The website's error and the social link's, which names the link.
    assert escape(fr("Enter a web address starting with http:// or https://.")) in page
    assert escape(fr("“%(link)s” is not a web address starting with http:// or https://.", link=link)) in page
    expert.refresh_from_db()
    assert expert.website == ""
    assert expert.social_links == []


def _shown_as_link(value):
    return Template("{% load cible %}{{ value|web_url }}").render(Context({"value": value}, autoescape=False))


@pytest.mark.parametrize("link", ["https://example.org/a?b=1", "http://example.org", "HTTPS://Example.org/x"])
def test_a_link_the_form_accepts_is_one_the_page_shows(link):
    cleaned = WebURLField(assume_scheme="https").clean(link)
    assert _shown_as_link(cleaned) == cleaned


@pytest.mark.parametrize("link", NOT_WEB_LINKS)
def test_a_link_the_form_refuses_is_never_shown_as_a_link(link):
    with pytest.raises(ValidationError):
        WebURLField(assume_scheme="https").clean(link)
    assert _shown_as_link(link) == ""


def test_photo_is_resized_and_stored_under_a_generated_name(client, expert, django_capture_on_commit_callbacks):
    client.post(URL, _data(photo=_image(name="../../etc/passwd.png")))
    approve_profile(expert)
    expert.refresh_from_db()
    assert expert.photo.name.startswith("experts/photos/")
    assert "passwd" not in expert.photo.name
    with default_storage.open(expert.photo.name) as stored, Image.open(stored) as image:
        assert (image.format, image.size) == ("JPEG", (800, 600))

    first = expert.photo.name
    client.post(URL, _data(photo=_image(size=(300, 300))))
    assert default_storage.exists(first)  # visitors still see it until the new one is approved
    with django_capture_on_commit_callbacks(execute=True):
        approve_profile(expert)
    expert.refresh_from_db()
    assert expert.photo.name != first
    assert not default_storage.exists(first)


def test_non_image_is_refused(client, expert):
    fake = SimpleUploadedFile("photo.png", b"<?php echo 'hi'; ?>", content_type="image/png")
    response = client.post(URL, _data(photo=fake))
    assert response.status_code == 200
    html = response.content.decode()
    assert (
        escape(fr("Upload a valid image. The file you uploaded was either not an image or a corrupted image.")) in html
    )
    assert fr("Please correct the errors below.") in html
    expert.refresh_from_db()
    assert not expert.photo


def test_oversize_photo_is_refused(client, expert):
    big = SimpleUploadedFile("big.png", _image().read() + b"\0" * (2 * 1024 * 1024), content_type="image/png")
    response = client.post(URL, _data(photo=big))
    assert fr("The photo is too large: 2 MB at most.") in response.content.decode()
    expert.refresh_from_db()
    assert not expert.photo

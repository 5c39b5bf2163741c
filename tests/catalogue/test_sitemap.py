import xml.etree.ElementTree as ET

import pytest

from catalogue.enums import Status
from tests.factories import make_expert, make_training

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def _sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    root = ET.fromstring(response.content)  # noqa: S314 (our own response)
    return {
        url.find("sm:loc", NS).text: {link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)}
        for url in root.findall("sm:url", NS)
    }


def test_sitemap_lists_every_public_page_in_both_languages_with_alternates(client):
    anne = make_expert(slug="anne")
    make_training(slug="viral", trainer=anne)
    urls = _sitemap(client)
    base = "http://testserver"
    expected_paths = ["/", "/trainings/", "/experts/", "/trainings/viral/", "/experts/anne/"]
    assert set(urls) == {f"{base}/{lang}{path}" for lang in ("fr", "en") for path in expected_paths}
    assert urls[f"{base}/en/trainings/viral/"] == {
        "fr": f"{base}/fr/trainings/viral/",
        "en": f"{base}/en/trainings/viral/",
        "x-default": f"{base}/trainings/viral/",
    }


def test_sitemap_leaves_out_unpublished_trainings_and_their_experts(client):
    public = make_expert(slug="public")
    hidden = make_expert(slug="hidden")
    make_training(slug="shown", trainer=public)
    for n, status in enumerate([Status.DRAFT, Status.SUBMITTED, Status.CHANGES_REQUESTED, Status.REJECTED]):
        make_training(slug=f"hidden-{n}", trainer=hidden, status=status)
    make_training(slug="archived", trainer=public, status=Status.ARCHIVED)
    locations = "\n".join(_sitemap(client))
    assert "/trainings/shown/" in locations
    assert "/experts/public/" in locations
    assert "hidden" not in locations
    assert "archived" not in locations


def test_robots_txt_points_to_the_sitemap_and_keeps_private_areas_out(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert {line for line in lines if line.startswith("Disallow:")} == {
        "Disallow: /api/",
        "Disallow: /fr/dashboard/",
        "Disallow: /en/dashboard/",
        "Disallow: /fr/admin/",
        "Disallow: /en/admin/",
    }
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_x_default_url_redirects_to_the_visitors_language(client):
    make_training(slug="viral")
    response = client.get("/trainings/viral/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    assert response["Location"] == "/en/trainings/viral/"

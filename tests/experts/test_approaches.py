"""The platform × use grid of a profile (#15): declared on the form, reviewed, shown, filtered, in the API."""

import pytest
from django.urls import reverse

from experts.models import Expert
from tests.factories import approve_profile, make_platform, make_public_expert

pytestmark = pytest.mark.django_db


@pytest.fixture
def platforms():
    return make_platform(slug="linkedin", name_fr="LinkedIn"), make_platform(slug="tiktok", name_fr="TikTok")


def _post_grid(client, expert, grid):
    client.force_login(expert.user)
    data = {"name": expert.name, "focuses": ["media"], "languages": ["fr"], "preferred_language": "fr"}
    data.update({f"grid_{slug}": uses for slug, uses in grid.items()})
    return client.post(reverse("experts:profile_edit"), data)


def test_grid_is_a_compact_table_on_the_profile_form(client, platforms):
    expert = make_public_expert(approaches=[{"platform": "linkedin", "uses": ["networking"]}])
    client.force_login(expert.user)
    html = client.get(reverse("experts:profile_edit")).content.decode()
    grid = html.split('class="mb-4 approach-grid"')[1].split("</fieldset>")[0]
    assert grid.count('type="checkbox"') == 2 * 5  # two platforms × five uses
    assert 'name="grid_linkedin" value="networking" id="id_grid_linkedin_networking" checked' in grid
    assert 'name="platforms"' not in html  # the grid replaces the flat list


def test_grid_waits_for_approval_then_shows_on_the_page_in_the_api_and_the_filters(client, platforms):
    expert = make_public_expert(slug="lea", approaches=[])
    refused = _post_grid(client, expert, {"tiktok": ["not-a-use"]})
    assert refused.status_code == 200 and Expert.objects.get(pk=expert.pk).proposed is None
    _post_grid(client, expert, {"linkedin": ["broadcast", "educate"], "tiktok": ["play"]})
    client.logout()
    assert client.get("/api/v1/experts/lea/").json()["approaches"] == []
    approve_profile(expert)

    api = client.get("/api/v1/experts/lea/").json()
    assert api["approaches"] == [
        {"platform": "linkedin", "uses": ["broadcast", "educate"]},
        {"platform": "tiktok", "uses": ["play"]},
    ]
    assert sorted(api["platforms"]) == ["linkedin", "tiktok"]  # an expert's platforms are the grid's
    page = client.get(expert.get_absolute_url()).content.decode()
    assert 'data-platform="linkedin" data-uses="broadcast educate"' in page
    assert 'data-use-count="3"' in page

    listed = client.get(reverse("experts:expert_list"), {"use": "play"}).content.decode()
    assert expert.get_absolute_url() in listed
    assert expert.get_absolute_url() not in client.get(reverse("experts:expert_list"), {"use": "networking"}).text
    assert [r["slug"] for r in client.get("/api/v1/experts/", {"platform": "tiktok"}).json()["results"]] == ["lea"]


def test_one_use_everywhere_is_said_at_a_glance(client, platforms):
    expert = make_public_expert(
        approaches=[{"platform": "linkedin", "uses": ["educate"]}, {"platform": "tiktok", "uses": ["educate"]}]
    )
    page = client.get(expert.get_absolute_url()).content.decode()
    assert 'data-use-count="1"' in page
    assert "Éduquer" in page.split('class="small mb-1 approach-summary"')[1].split("</p>")[0]


def test_unknown_use_filter_is_refused_not_a_crash(client):
    assert client.get("/api/v1/experts/", {"use": "x" * 300}).status_code == 400
    assert client.get(reverse("experts:expert_list"), {"use": "\u00e9" * 300}).status_code == 200


def test_grid_change_shows_in_the_curators_diff(client, platforms):
    from tests.factories import make_curator

    expert = make_public_expert(approaches=[{"platform": "linkedin", "uses": ["broadcast"]}])
    _post_grid(client, expert, {"linkedin": ["broadcast", "networking"]})
    client.force_login(make_curator())
    html = client.get(f"/fr/admin/experts/expert/{expert.pk}/review/").content.decode()
    assert 'class="review-change-approaches"' in html
    assert Expert.objects.get(pk=expert.pk).approaches == [{"platform": "linkedin", "uses": ["broadcast"]}]


def test_jsonld_person_knows_the_uses_taught(client, platforms):
    import json

    expert = make_public_expert(approaches=[{"platform": "linkedin", "uses": ["networking"]}])
    page = client.get(expert.get_absolute_url()).content.decode()
    person = json.loads(page.split('<script type="application/ld+json">')[1].split("</script>")[0])
    assert "Réseauter" in person["knowsAbout"]

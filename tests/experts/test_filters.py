import pytest

from experts.filters import ExpertFilter
from experts.models import Expert
from tests.factories import make_expert, make_platform, make_public_expert

pytestmark = pytest.mark.django_db


def _names(params):
    f = ExpertFilter(params, queryset=Expert.objects.public())
    assert f.is_valid(), f.errors
    return sorted(e.name for e in f.qs)


def test_focus_filter():
    make_public_expert(name="Media", focuses=["media"])
    make_public_expert(name="Network", focuses=["network"])
    make_public_expert(name="Both", focuses=["media", "network"])
    assert _names({"focus": "network"}) == ["Both", "Network"]
    assert _names({"focus": "media"}) == ["Both", "Media"]


def test_platform_filter_by_slug():
    linkedin = make_platform(slug="linkedin")
    tiktok = make_platform(slug="tiktok")
    make_public_expert(name="In", platforms=[linkedin, tiktok])
    make_public_expert(name="Tok", platforms=[tiktok])
    assert _names({"platform": ["linkedin"]}) == ["In"]
    assert _names({"platform": ["tiktok"]}) == ["In", "Tok"]


def test_city_filter_ignores_accents_and_case():
    make_public_expert(name="Mtl", city="Montréal")
    make_public_expert(name="Qc", city="Québec")
    assert _names({"city": "MONTREAL"}) == ["Mtl"]


def test_language_filter():
    make_public_expert(name="Fr", languages=["fr"])
    make_public_expert(name="Bilingual", languages=["en", "fr"])
    assert _names({"language": "en"}) == ["Bilingual"]
    assert _names({"language": "fr"}) == ["Bilingual", "Fr"]


def test_filters_combine():
    linkedin = make_platform(slug="linkedin")
    make_public_expert(name="Yes", focuses=["network"], city="Laval", languages=["fr"], platforms=[linkedin])
    make_public_expert(name="Wrong city", focuses=["network"], city="Gatineau", languages=["fr"], platforms=[linkedin])
    params = {"focus": "network", "platform": ["linkedin"], "city": "laval", "language": "fr"}
    assert _names(params) == ["Yes"]


def test_only_public_experts_are_filtered():
    make_expert(name="No training", focuses=["media"])
    make_public_expert(name="Public", focuses=["media"])
    assert _names({"focus": "media"}) == ["Public"]


@pytest.mark.parametrize(
    "params,field",
    [
        ({"focus": "xyz"}, "focus"),
        ({"platform": ["myspace"]}, "platform"),
        ({"language": "de"}, "language"),
        ({"city": "x" * 81}, "city"),
    ],
)
def test_invalid_values_are_form_errors(params, field):
    f = ExpertFilter(params, queryset=Expert.objects.public())
    assert not f.is_valid()
    assert field in f.errors

"""Prices in CAD and EUR sort and filter on one scale, not by their raw number (issue 19)."""

from decimal import Decimal

import pytest
from django.test import override_settings

from catalogue.enums import Status
from tests.factories import make_training

pytestmark = pytest.mark.django_db


@pytest.fixture
def priced():
    make_training(status=Status.PUBLISHED, title="Cent dollars", slug="cad-100", price=Decimal(100), currency="CAD")
    make_training(
        status=Status.PUBLISHED, title="Quatre-vingts euros", slug="eur-80", price=Decimal(80), currency="EUR"
    )
    make_training(
        status=Status.PUBLISHED, title="Cent trente dollars", slug="cad-130", price=Decimal(130), currency="CAD"
    )


def _slugs(client, query):
    return [t["slug"] for t in client.get(f"/api/v1/trainings/?{query}").json()["results"]]


@override_settings(PRICE_REFERENCE_RATES={"EUR": 1.5, "USD": 1.4})
def test_price_sort_compares_currencies_at_the_reference_rate(client, priced):
    # 80 EUR = 120 CAD: between 100 and 130 CAD, not first.
    assert _slugs(client, "sort=price") == ["cad-100", "eur-80", "cad-130"]
    assert _slugs(client, "sort=-price") == ["cad-130", "eur-80", "cad-100"]


@override_settings(PRICE_REFERENCE_RATES={"EUR": 1.5, "USD": 1.4})
def test_price_max_uses_the_same_scale(client, priced):
    assert sorted(_slugs(client, "price_max=110")) == ["cad-100"]
    assert sorted(_slugs(client, "price_max=125")) == ["cad-100", "eur-80"]


def test_catalogue_page_explains_how_prices_compare(client, priced):
    html = client.get("/fr/trainings/?sort=price").content.decode()
    assert 'class="small text-body-secondary price-note"' in html
    assert "price-note" not in client.get("/fr/trainings/").content.decode()

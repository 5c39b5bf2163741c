"""Prices in CAD and EUR sort and filter on one scale, not by their raw number (issue 19)."""

from decimal import Decimal

import pytest
from django.test import Client, override_settings

from catalogue import currency
from catalogue.enums import Status
from catalogue.models import ExchangeRate, Revision
from tests.factories import make_curator, make_training

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


# --- Rates kept by the curators (catalogue.ExchangeRate) ---------------------------------------------


def _page_order(client, url):
    html = client.get(url).content.decode()
    return sorted(("cad-100", "eur-80", "cad-130"), key=lambda slug: html.index(f"/{slug}/"))


@override_settings(PRICE_REFERENCE_RATES={"EUR": 1.5, "USD": 1.4})
def test_curator_rate_replaces_the_setting_for_price_sort_and_price_max(client, priced):
    ExchangeRate.objects.create(currency="EUR", cad_value=Decimal("1.10"))  # 80 EUR = 88 CAD

    assert _slugs(client, "sort=price") == ["eur-80", "cad-100", "cad-130"]
    assert _slugs(client, "price_max=90") == ["eur-80"]


@override_settings(PRICE_REFERENCE_RATES={"EUR": 1.5, "USD": 1.4})
def test_currency_without_a_curator_rate_keeps_the_setting_rate(priced):
    ExchangeRate.objects.create(currency="USD", cad_value=Decimal("1.25"))

    assert currency.rates() == {"CAD": Decimal(1), "EUR": Decimal("1.5"), "USD": Decimal("1.25")}


@override_settings(PRICE_REFERENCE_RATES={"EUR": 1.5, "USD": 1.4})
def test_curator_changes_a_rate_in_the_admin_and_the_cached_page_reorders_at_once(client, priced):
    url = "/fr/trainings/?sort=price"
    assert _page_order(client, url) == ["cad-100", "eur-80", "cad-130"]  # and now cached
    curator = Client()
    curator.force_login(make_curator())
    before = Revision.current()

    response = curator.post(
        "/fr/admin/catalogue/exchangerate/add/", {"currency": "EUR", "cad_value": "1.10", "_save": "1"}
    )

    assert response.status_code == 302
    assert Revision.current() > before
    assert _page_order(client, url) == ["eur-80", "cad-100", "cad-130"]


@pytest.mark.parametrize("value", ["0", "-1", "1e20", "99999999", "abc"])
def test_admin_refuses_an_unusable_rate_without_error(client, value):
    client.force_login(make_curator())

    response = client.post("/fr/admin/catalogue/exchangerate/add/", {"currency": "EUR", "cad_value": value})

    assert response.status_code == 200
    assert not ExchangeRate.objects.exists()


def test_admin_offers_no_rate_for_the_reference_currency(client):
    client.force_login(make_curator())

    response = client.post("/fr/admin/catalogue/exchangerate/add/", {"currency": "CAD", "cad_value": "1"})

    assert response.status_code == 200
    assert not ExchangeRate.objects.exists()


def test_curators_group_manages_exchange_rates():
    curator = make_curator()

    assert {
        f"catalogue.{verb}_exchangerate" for verb in ("view", "add", "change", "delete")
    } <= curator.get_all_permissions()


@override_settings(PRICE_REFERENCE_RATES={"EUR": 1.5, "USD": 1.4})
@pytest.mark.parametrize(
    ("lang", "stated"), [("fr", "1 EUR = 1,10 CAD, 1 USD = 1,40 CAD"), ("en", "1 EUR = 1.10 CAD, 1 USD = 1.40 CAD")]
)
def test_catalogue_page_states_the_curator_kept_rates(client, priced, lang, stated):
    ExchangeRate.objects.create(currency="EUR", cad_value=Decimal("1.1"))

    html = client.get(f"/{lang}/trainings/?sort=price").content.decode()

    assert stated in html

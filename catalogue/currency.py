"""Prices in several currencies compared on one scale (issue 19: CAD and EUR were sorted by raw number).

Sorting by price and `price_max` both use the price in Canadian dollars at the
rate the curators keep in the admin (catalogue.ExchangeRate); a currency they
have not set uses settings.PRICE_REFERENCE_RATES (env
PRICE_REFERENCE_RATES="EUR=1.50,USD=1.38"). Every training still shows its own
price and currency. A rate change bumps the catalogue revision, so cached
pages sort by the new rate at once.
"""

from decimal import Decimal

from django.conf import settings
from django.db.models import Case, DecimalField, ExpressionWrapper, F, Value, When
from django.utils.formats import number_format

from .enums import Currency
from .models import ExchangeRate

REFERENCE = Currency.CAD


def rates():
    """{currency code: value of one unit in the reference currency}: the curators' rates, else the setting's."""
    configured = getattr(settings, "PRICE_REFERENCE_RATES", {}) or {}
    fallback = {code: Decimal(str(configured.get(code, 1))) for code in Currency.values}
    kept = dict(ExchangeRate.objects.values_list("currency", "cad_value"))
    return fallback | kept | {REFERENCE: Decimal(1)}


def stated_rates(known=None):
    """The rates (`known`, or read now) as the catalogue page states them, in the active language: "1 EUR = 1,50 CAD, …"."""
    return ", ".join(
        f"1 {code} = {number_format(rate, decimal_pos=2)} {REFERENCE}"
        for code, rate in (known or rates()).items()
        if code != REFERENCE
    )


def reference_price(known=None):
    """A query expression: the training's price in the reference currency (at `known` rates, or read now)."""
    return Case(
        *[
            When(currency=code, then=ExpressionWrapper(F("price") * Value(rate), output_field=DecimalField()))
            for code, rate in (known or rates()).items()
        ],
        default=F("price"),
        output_field=DecimalField(max_digits=14, decimal_places=4),
    )

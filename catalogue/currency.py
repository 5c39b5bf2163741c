"""Prices in several currencies compared on one scale (issue 19: CAD and EUR were sorted by raw number).

Sorting by price and `price_max` both use the price in Canadian dollars at a reference
rate (settings.PRICE_REFERENCE_RATES, env PRICE_REFERENCE_RATES="EUR=1.50,USD=1.38");
every training still shows its own price and currency.
"""

from decimal import Decimal

from django.conf import settings
from django.db.models import Case, DecimalField, ExpressionWrapper, F, Value, When

from .enums import Currency

REFERENCE = Currency.CAD


def rates():
    """{currency code: value of one unit in the reference currency}."""
    configured = getattr(settings, "PRICE_REFERENCE_RATES", {}) or {}
    return {code: Decimal(str(configured.get(code, 1))) for code in Currency.values} | {REFERENCE: Decimal(1)}


def reference_price():
    """A query expression: the training's price in the reference currency."""
    return Case(
        *[
            When(currency=code, then=ExpressionWrapper(F("price") * Value(rate), output_field=DecimalField()))
            for code, rate in rates().items()
        ],
        default=F("price"),
        output_field=DecimalField(max_digits=14, decimal_places=4),
    )

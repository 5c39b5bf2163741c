"""Bounds on what people type, one rule each: every form and filter uses these.

Dates: a filter or a session date lies between 1 January 2000 and the end of
the year YEARS_AHEAD from now. Anything else is a typo or a probe, and year 9999
overflows date arithmetic (a day more, a time zone ahead).
"""

import re
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

EARLIEST_YEAR = 2000
YEARS_AHEAD = 5


def date_bounds():
    """(first, last) dates a form or filter accepts."""
    return date(EARLIEST_YEAR, 1, 1), date(timezone.localdate().year + YEARS_AHEAD, 12, 31)


def validate_date_in_bounds(value):
    day = value.date() if isinstance(value, datetime) else value
    first, last = date_bounds()
    if not first <= day <= last:
        raise ValidationError(
            _("Choose a date between %(first)s and %(last)s."),
            code="out_of_range",
            params={"first": first.isoformat(), "last": last.isoformat()},
        )


# Line breaks, including the ones str.splitlines() knows beyond \r and \n.
_LINE_BREAK = re.compile(r"[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")


def validate_single_line(value):
    """A title, a name, a city: one line (a line break in a title broke the decision e-mail's subject)."""
    if _LINE_BREAK.search(str(value)):
        raise ValidationError(_("Write this on a single line."), code="line_break")


# A slug as the URLs and the API take it (Django's slug converter), for schemas and checks.
SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"

# Free text typed by a visitor (an objective): no control characters, at least one visible
# character. Written with explicit ranges so that Python and JSON Schema (ECMA) read it alike.
_CONTROL = r"\x00-\x1f\x7f-\x9f"
_SPACE = r" \xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
VISIBLE_TEXT_PATTERN = rf"^[^{_CONTROL}]*[^{_CONTROL}{_SPACE}][^{_CONTROL}]*$"
validate_visible_text = RegexValidator(
    VISIBLE_TEXT_PATTERN,
    _("Write visible text, without control characters."),
    code="control_characters",
)

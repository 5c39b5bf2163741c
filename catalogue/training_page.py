"""Parts of the training page built in Python, with the markup the template wrote.

The upcoming sessions repeat one block per session, each in its own time zone:
the template engine spent more on its tags and filters than on anything they
show. Values are escaped as the template escaped them.
"""

from django.utils import formats, timezone
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext

from . import grammar
from .ical import in_zone, session_zone


def session_items(sessions):
    """The `<li>` of each upcoming session, as `{% for %}` over them wrote them."""
    items = [_session_item(session) for session in sessions]
    return mark_safe("".join(items))  # noqa: S308  # nosec B308 B703 (every value escaped in _session_item)


def _clock(session):
    """The zone the session is shown in (templatetags.cible.session_clock)."""
    zone = session_zone(session)
    return in_zone(session.ends_at, zone).tzinfo if session.ends_at else zone


def _session_item(session):
    esc = conditional_escape
    with timezone.override(_clock(session)):
        starts, ends = timezone.localtime(session.starts_at), timezone.localtime(session.ends_at)
    start_attr = esc(starts.replace(microsecond=0).isoformat())
    day = esc(grammar.ordinal_dates(formats.date_format(starts, "l j F Y")))
    hours = gettext("%(start)s to %(end)s (%(tz)s)") % {
        "start": esc(formats.time_format(starts, "TIME_FORMAT")),
        "end": esc(formats.time_format(ends, "TIME_FORMAT")),
        "tz": esc(formats.date_format(starts, "T")),
    }
    visitor = ""
    if session.is_online:
        # Filled by js/local-time.js with the visitor's own time when their zone differs.
        visitor = (
            f'<span class="d-block small visitor-time" data-start="{start_attr}"'
            f' data-end="{esc(ends.replace(microsecond=0).isoformat())}" data-zone="{esc(session.timezone)}"'
            f' data-label="{esc(gettext("Your time:"))}" hidden></span>'
        )
    if session.is_online:
        where = f'<span class="badge text-bg-info">{esc(gettext("Online"))}</span>'
    else:
        where = esc(session.place)
        if session.address:
            where += f'<br><span class="small text-body-secondary">{esc(session.address)}</span>'
    seats = ""
    if session.seats:
        text = ngettext("%(seats)s seat", "%(seats)s seats", session.seats) % {
            "seats": esc(formats.localize(session.seats))
        }
        seats = f'<br><span class="small text-body-secondary">{text}</span>'
    return (
        "\n            \n"
        '            <li class="list-group-item d-flex flex-wrap justify-content-between gap-2 session">\n'
        "              <div>\n"
        f'                <time class="fw-semibold" datetime="{start_attr}">{day}</time><br>\n'
        f'                <span class="text-body-secondary">{hours}</span>\n'
        f"                {visitor}\n"
        "              </div>\n"
        '              <div class="text-md-end">\n'
        f"                {where}\n"
        f"                {seats}\n"
        "              </div>\n"
        "            </li>\n"
        "            \n"
        "          "
    )

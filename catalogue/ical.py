"""iCalendar (RFC 5545) for the catalogue's sessions, with the icalendar library.

Times keep the session's own time zone (TZID + VTIMEZONE), so calendar apps
show them right on both sides of a daylight-saving change. UIDs depend only on
the session's primary key and the site's host, so re-subscribing updates
events instead of duplicating them.
"""

from datetime import UTC, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from .bounds import date_bounds

PRODUCT_ID = "-//Cible//Trainings calendar//EN"


def session_uid(session):
    host = urlsplit(settings.SITE_URL).hostname or "cible.local"
    return f"session-{session.pk}@{host}"


def session_zone(session):
    try:
        return ZoneInfo(session.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(settings.TIME_ZONE)


def in_zone(moment, zone):
    """`moment` on `zone`'s clock, or in UTC where that clock would pass year 9999."""
    try:
        return moment.astimezone(zone)
    except OverflowError:
        return moment.astimezone(UTC)


def local_time(moment, zone):
    """`moment` in `zone` (written with TZID), or in UTC when the local clock
    time is ambiguous: the hour repeated when clocks fall back. A TZID value
    there means its first occurrence (RFC 5545), which may be the wrong one."""
    local = in_zone(moment, zone)
    if local.replace(fold=1 - local.fold).utcoffset() != local.utcoffset():
        return moment.astimezone(UTC)
    return local


def session_location(session):
    """Where to go: the online link, or venue, address and city."""
    if session.is_online:
        return session.public_online_url or str(_("Online"))
    return ", ".join(part for part in (session.venue, session.address, session.city) if part)


def session_event(session, training_url, stamp):
    training = session.training
    zone = session_zone(session)
    event = Event()
    event.add("uid", session_uid(session))
    event.add("dtstamp", stamp)
    event.add("summary", training.title)
    event.add("dtstart", local_time(session.starts_at, zone))
    event.add("dtend", local_time(session.ends_at, zone))
    location = session_location(session)
    if location:
        event.add("location", location)
    lines = [training.summary, "", _("Trainer: %(name)s") % {"name": training.trainer.name}]
    if session.is_online and session.public_online_url:
        lines.append(_("Online link: %(url)s") % {"url": session.public_online_url})
    lines.append(training_url)
    event.add("description", "\n".join(lines))
    event.add("url", training_url)
    event.add("last-modified", training.updated_at)
    return event


def build_calendar(sessions, training_url, name):
    """A VCALENDAR of `sessions`; `training_url(training)` gives each absolute URL."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    stamp = timezone.now()
    sessions = list(sessions)
    for session in sessions:
        calendar.add_component(session_event(session, training_url(session.training), stamp))
    if sessions:
        # VTIMEZONE rules only for the span the events cover, not since 1970, and
        # within the dates forms accept (an odd stored date must not overflow it).
        earliest, latest = date_bounds()
        first = max(min(session.starts_at for session in sessions).date(), earliest) - timedelta(days=366)
        last = min(max(session.ends_at for session in sessions).date(), latest) + timedelta(days=366)
        calendar.add_missing_timezones(first_date=first, last_date=max(first, last))
    return calendar

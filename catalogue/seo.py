"""Search-engine and sharing metadata: schema.org JSON-LD, canonical and
alternate-language URLs. Pure functions of an object and the request."""

import json
from decimal import Decimal
from urllib.parse import unquote

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import override

from .enums import Format, Mode

SCHEMA = "https://schema.org"
# Like Django's json_script: nothing in the data can close the <script> element.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}
OG_LOCALES = {"fr": "fr_CA", "en": "en_CA"}


def render_jsonld(data):
    """A `<script type="application/ld+json">` data block (not executed, so
    the CSP allows it), escaped so that no value can break out of it."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308  # nosec B308 B703 (JSON with <, > and & escaped just above)


def path_in_language(request, code):
    """`translate_url(request.path, code)`, once per request and language (the language
    switch, hreflang links and x-default all ask), from the match the handler made."""
    paths = request.__dict__.setdefault("_paths_in_language", {})
    if code not in paths:
        paths[code] = _path_in_language(request, code)
    return paths[code]


def _path_in_language(request, code):
    match = getattr(request, "resolver_match", None)
    if match is None or unquote(request.path) != request.path_info or "?" in request.path or "#" in request.path:
        return translate_url(request.path, code)  # a 404, or a path that resolves differently: resolve it
    name = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
    with override(code):
        try:
            return reverse(name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            return request.path


def language_urls(request):
    """{lang: absolute URL of this page in lang} for every site language."""
    return {code: request.build_absolute_uri(path_in_language(request, code)) for code, _name in settings.LANGUAGES}


def default_language_url(request):
    """The page without a language prefix: it redirects each visitor to their
    language (the sitemap's x-default is the same URL)."""
    path = path_in_language(request, settings.LANGUAGE_CODE)
    prefix = f"/{settings.LANGUAGE_CODE}/"
    if path.startswith(prefix):
        path = path[len(prefix) - 1 :]
    return request.build_absolute_uri(path)


def _duration(hours):
    """ISO 8601 duration: Decimal('1.5') → 'PT1H30M'."""
    minutes = int(Decimal(hours) * 60)
    text = "PT"
    if minutes // 60:
        text += f"{minutes // 60}H"
    if minutes % 60:
        text += f"{minutes % 60}M"
    return text if text != "PT" else "PT0M"


def _person(expert, request):
    return {"@type": "Person", "name": expert.name, "url": request.build_absolute_uri(expert.get_absolute_url())}


def _offer(training, url):
    return {
        "@type": "Offer",
        "price": f"{training.price:.2f}",
        "priceCurrency": training.currency,
        "category": "Free" if training.is_free else "Paid",
        "url": url,
        "availability": f"{SCHEMA}/InStock",
    }


def _attendance_mode(session, training):
    if session.is_online:
        return f"{SCHEMA}/OnlineEventAttendanceMode"
    if training.mode == Mode.HYBRID:
        return f"{SCHEMA}/MixedEventAttendanceMode"
    return f"{SCHEMA}/OfflineEventAttendanceMode"


def _course_mode(session, training):
    if session.is_online:
        return "Online"
    return "Blended" if training.mode == Mode.HYBRID else "Onsite"


def _location(session, url):
    if session.is_online:
        return {"@type": "VirtualLocation", "url": session.public_online_url or url}
    address = {"@type": "PostalAddress", "addressLocality": session.city}
    if session.address:
        address["streetAddress"] = session.address
    return {"@type": "Place", "name": session.venue or session.city, "address": address}


def _local_iso(moment, session):
    from .ical import in_zone, session_zone

    return in_zone(moment, session_zone(session)).isoformat()


def _session_common(session, training, url, performer):
    return {
        "name": training.title,
        "startDate": _local_iso(session.starts_at, session),
        "endDate": _local_iso(session.ends_at, session),
        "eventAttendanceMode": _attendance_mode(session, training),
        "eventStatus": f"{SCHEMA}/EventScheduled",
        "location": _location(session, url),
        "inLanguage": training.language,
        "offers": _offer(training, url),
        "performer": performer,
        "organizer": performer,
        "url": url,
    }


def training_jsonld(training, request):
    """schema.org data for a training: a Course with one CourseInstance per
    upcoming session, or Events for a conference."""
    url = request.build_absolute_uri(training.get_absolute_url())
    trainer = _person(training.trainer, request)
    # The detail view prefetches the upcoming sessions; reuse them rather than query again.
    prefetched = getattr(training, "upcoming_sessions", None)
    source = prefetched if prefetched is not None else training.sessions.all()
    sessions = [session for session in source if session.is_upcoming]
    sessions.sort(key=lambda session: session.starts_at)

    if training.format == Format.CONFERENCE and sessions:
        events = [
            {"@type": "Event", "description": training.summary, **_session_common(session, training, url, trainer)}
            for session in sessions
        ]
        return {"@context": SCHEMA, "@graph": events}

    course = {
        "@context": SCHEMA,
        "@type": "Course",
        "name": training.title,
        "description": training.summary,
        "url": url,
        "inLanguage": training.language,
        "provider": trainer,
        "educationalLevel": str(training.get_level_display()),
        "about": str(training.get_focus_display()),
        "teaches": [objective.name for objective in training.active_objectives],
        "timeRequired": _duration(training.duration_hours),
        "isAccessibleForFree": training.is_free,
        "offers": _offer(training, url),
    }
    if sessions:
        course["hasCourseInstance"] = [
            {
                "@type": "CourseInstance",
                "courseMode": _course_mode(session, training),
                "instructor": trainer,
                **_session_common(session, training, url, trainer),
            }
            for session in sessions
        ]
    return course

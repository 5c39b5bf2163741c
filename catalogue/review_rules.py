"""What a curator reviews: the rubric, an offer version's content (its snapshot), and what changed
between two versions.

The decisions themselves, and the rules on them (the rubric answered all "yes" on the
current version to publish, …), are the workflow's (catalogue.workflow); the screens
are catalogue/admin/review_screen.py.
"""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from .enums import Competence, Currency, Focus, Format, Language, Level, Mode, Status
from .models import OFFER_FACTS, OFFER_TEXTS, SESSION_FACTS, Session, Training

# Drawn from the two source texts: a media offer spreads a message, a network
# offer builds relationships over time; good trainers teach savoir,
# savoir-faire and savoir-être; beware of "the only way to use these platforms".
RUBRIC = [
    (
        "focus_is_right",
        _("The focus tag is right: social media (spreading a message) or social networking (building relationships)."),
    ),
    ("objective_is_clear", _("The objective of the conference, course or workshop is stated clearly.")),
    (
        "competences_supported",
        _("The competences claimed (savoir, savoir-faire, savoir-être) are supported by the description."),
    ),
    ("no_single_right_way", _("It does not claim there is only one right way to use the platforms.")),
    ("sessions_and_prices_complete", _("Sessions and prices are complete.")),
]
RUBRIC_KEYS = [key for key, _label in RUBRIC]


def rubric_met(answers):
    """Whether `answers` ({key: bool}) say "yes" to every rubric item."""
    return bool(answers) and all(answers.get(key) is True for key in RUBRIC_KEYS)


# -- one version's content -----------------------------------------------------------

# The session fields a curator reviews: the form's (SESSION_FACTS, which include whether the online link is public).
SNAPSHOT_SESSION_FIELDS = SESSION_FACTS
# Every key of a snapshot: what a trainer writes (the form's, the API's and the export's list), then the sessions.
SNAPSHOT_KEYS = (*OFFER_TEXTS, *OFFER_FACTS, "sessions")


def _plain(value):
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def snapshot(training):
    """The content of `training` as a curator reviews it, as plain data (JSON)."""
    data = {}
    for key in SNAPSHOT_KEYS:
        if key in ("objectives", "platforms"):
            data[key] = sorted(getattr(training, key).values_list("slug", flat=True))
        elif key == "uses":
            data[key] = sorted(training.uses.values_list("code", flat=True))
        elif key == "sessions":
            data[key] = [
                {name: _plain(getattr(session, name)) for name in SNAPSHOT_SESSION_FIELDS}
                for session in training.sessions.order_by("starts_at", "pk")
            ]
        else:
            data[key] = _plain(getattr(training, key))
    return data


def label(key):
    """The name of a snapshot key, as the model names the field."""
    if key == "competences":
        return _("competences")
    if key == "sessions":
        return Session._meta.verbose_name_plural
    return Training._meta.get_field(key).verbose_name


# -- what changed between two versions ------------------------------------------------

_CHOICES = {"focus": Focus, "format": Format, "level": Level, "mode": Mode, "currency": Currency, "language": Language}


@dataclass
class Change:
    key: str
    label: str
    before: str
    after: str


def _local(iso, zone):
    try:
        moment = datetime.fromisoformat(iso)
        return moment.astimezone(ZoneInfo(zone)) if zone else moment
    except (TypeError, ValueError, KeyError):
        return None


def _session_line(s):
    zone = s.get("timezone") or ""
    starts, ends = _local(s.get("starts_at"), zone), _local(s.get("ends_at"), zone)
    when = f"{starts:%Y-%m-%d %H:%M} → {ends:%Y-%m-%d %H:%M}" if starts and ends else ""
    if zone:
        when += f" ({zone})"
    if s.get("is_online"):
        where = str(_("online"))
        if s.get("online_url"):
            where += f" {s['online_url']}"
        if "online_url_public" in s:
            where += " · " + str(_("public link") if s["online_url_public"] else _("link sent to participants"))
    else:
        where = ", ".join(filter(None, [s.get("venue"), s.get("address"), s.get("city")]))
    seats = s.get("seats")
    return " · ".join(filter(None, [when, where, str(seats) if seats else ""]))


def display(key, value):
    """A snapshot value as a curator reads it."""
    if value is None:
        return ""
    if key in _CHOICES and value in _CHOICES[key].values:
        return str(_CHOICES[key](value).label)
    if key == "competences":
        return ", ".join(str(Competence(code).label) for code in value if code in Competence.values)
    if key == "sessions":
        return "\n".join(_session_line(s) for s in value)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _comparable_sessions(before, after):
    # A snapshot taken before a session field joined the list compares on the fields it has,
    # so adding a field shows no change that the trainer did not make.
    keys = set().union(*(session.keys() for session in before)) if before else set()
    if not keys or not after:
        return after
    return [{name: value for name, value in session.items() if name in keys} for session in after]


def diff(before, after):
    """The changes from snapshot `before` to snapshot `after`, in the form's order."""
    changes = []
    for key in SNAPSHOT_KEYS:
        if before and key not in before:
            continue  # a key that joined the snapshot later (uses): not a change the trainer made
        old, new = before.get(key), after.get(key)
        if key == "sessions" and old is not None:
            new = _comparable_sessions(old, new)
        if old != new:
            changes.append(Change(key, str(label(key)), display(key, old), display(key, after.get(key))))
    return changes


def changes_since_approval(training):
    """What differs from the version a curator last approved; None if never approved."""
    if not training.approved_snapshot:
        return None
    return diff(training.approved_snapshot, snapshot(training))


def status_counts():
    """{status: count} for every status, zeros included (one query)."""
    counts = dict.fromkeys(Status.values, 0)
    for row in Training.objects.order_by().values("status").annotate(n=Count("pk")):
        counts[row["status"]] = row["n"]
    return counts

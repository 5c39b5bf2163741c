"""What a curator reviews and decides: the rubric, the re-submission diff, bulk decisions.

Every decision goes through `catalogue.workflow.transition()`; this module only
prepares what the curator looks at and reports what happened.
"""

from dataclasses import dataclass, field

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from . import workflow
from .enums import Competence, Currency, Focus, Format, Level, Mode, Status
from .models import Training

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

DECISIONS = {
    workflow.Action.PUBLISH: Status.PUBLISHED,
    workflow.Action.REQUEST_CHANGES: Status.CHANGES_REQUESTED,
    workflow.Action.REJECT: Status.REJECTED,
}

# Labels of the snapshot keys (catalogue.workflow.snapshot) shown in the diff.
SNAPSHOT_LABELS = {
    "title": _("title"),
    "summary": _("summary"),
    "description": _("description"),
    "focus": _("focus"),
    "format": _("format"),
    "competences": _("competences"),
    "level": _("level"),
    "mode": _("delivery mode"),
    "language": _("language"),
    "city": _("city"),
    "duration_hours": _("duration (hours)"),
    "price": _("price"),
    "currency": _("currency"),
    "objectives": _("objectives"),
    "platforms": _("platforms"),
    "sessions": _("sessions"),
}
_CHOICES = {
    "focus": Focus,
    "format": Format,
    "level": Level,
    "mode": Mode,
    "currency": Currency,
}


@dataclass
class Change:
    key: str
    label: str
    before: str
    after: str


def _display(key, value):
    if value is None:
        return ""
    if key in _CHOICES and value in _CHOICES[key].values:
        return str(_CHOICES[key](value).label)
    if key == "competences":
        return ", ".join(str(Competence(code).label) for code in value if code in Competence.values)
    if key == "sessions":
        lines = []
        for s in value:
            where = _("online") if s.get("is_online") else ", ".join(filter(None, [s.get("venue"), s.get("city")]))
            seats = s.get("seats")
            lines.append(
                f"{s['starts_at'][:16].replace('T', ' ')} → {s['ends_at'][:16].replace('T', ' ')} · {where}"
                + (f" · {seats}" if seats else "")
            )
        return "\n".join(lines)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def changes_since_approval(training):
    """What differs from the version a curator last approved; None if never approved."""
    before = training.approved_snapshot
    if not before:
        return None
    after = workflow.snapshot(training)
    changes = []
    for key, label in SNAPSHOT_LABELS.items():
        if before.get(key) != after.get(key):
            changes.append(Change(key, str(label), _display(key, before.get(key)), _display(key, after.get(key))))
    return changes


def status_counts():
    """{status: count} for every status, zeros included (one query)."""
    counts = dict.fromkeys(Status.values, 0)
    for row in Training.objects.order_by().values("status").annotate(n=Count("pk")):
        counts[row["status"]] = row["n"]
    return counts


@dataclass
class BulkResult:
    succeeded: list = field(default_factory=list)
    skipped: list = field(default_factory=list)  # [(training, reason)]


def decide_many(trainings, action, *, by, message=""):
    """Apply `action` to each training, one transition each; never forces a move."""
    result = BulkResult()
    for training in trainings:
        try:
            workflow.transition(training, action, by=by, message=message)
        except workflow.TransitionError as error:
            result.skipped.append((training, str(error)))
        else:
            result.succeeded.append(training)
    return result

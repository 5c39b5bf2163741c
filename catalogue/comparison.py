"""The compare table: one row per fact, one column per training, and whether
the trainings differ on that fact.

Each cell holds what the template shows (`text`, or `items`, or `sessions`);
each row's `differs` compares stable values (codes, slugs, amounts), never the
translated labels.
"""

from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .enums import Competence
from .models import Session, Training

SESSIONS_SHOWN = 3

# (code, label) of the competence rows: the source texts' own three words.
COMPETENCE_ROWS = (
    (Competence.KNOWLEDGE, gettext_lazy("Savoir (knowledge)")),
    (Competence.KNOW_HOW, gettext_lazy("Savoir-faire (know-how)")),
    (Competence.INTERPERSONAL, gettext_lazy("Savoir-être (interpersonal skills)")),
)


@dataclass
class Cell:
    text: str = ""
    items: tuple = ()
    sessions: tuple = ()
    training: Training | None = None  # for the trainer and price cells, which the template links or formats


@dataclass
class Row:
    code: str
    label: str
    cells: list
    differs: bool


# Filled by ExpertsConfig.ready(): `annotate(trainings)` sets `training.outcome` (experts.outcomes.Figures)
# or `training.response_time` (experts.response_times.ResponseTime), one query each, since this app never
# imports experts.
_annotators = []


def register_annotator(annotate):
    if annotate not in _annotators:
        _annotators.append(annotate)


def queryset():
    """Published trainings with everything the table reads, in a fixed number of queries."""
    upcoming = Session.objects.upcoming().order_by("starts_at", "pk")
    related = ["platforms", "uses", Prefetch("sessions", queryset=upcoming, to_attr="upcoming_sessions")]
    return Training.objects.published().select_related("trainer").prefetch_related(*related)


def _hours(training):
    hours = number_format(training.duration_hours.normalize(), use_l10n=True)
    return _("%(hours)s h") % {"hours": hours}


def rows(trainings):
    """The table's rows for `trainings` (from `queryset()`), in reading order."""
    table = []

    def add(code, label, cells, keys):
        table.append(Row(code, str(label), cells, differs=len(trainings) > 1 and len(set(keys)) > 1))

    add(
        "focus",
        _("Focus"),
        [Cell(text=t.get_focus_display()) for t in trainings],
        [t.focus for t in trainings],
    )
    uses = [list(t.uses.all()) for t in trainings]
    add(
        "uses",
        _("Uses"),
        [Cell(items=tuple(u.name for u in these)) for these in uses],
        [tuple(sorted(u.code for u in these)) for these in uses],
    )
    platforms = [list(t.platforms.all()) for t in trainings]
    add(
        "platforms",
        _("Platforms"),
        [Cell(items=tuple(p.name for p in these)) for these in platforms],
        [tuple(sorted(p.slug for p in these)) for these in platforms],
    )
    for code, label in COMPETENCE_ROWS:
        taught = [code in t.competences for t in trainings]
        add(
            f"competence-{code}",
            label,
            [Cell(text=_("Taught") if flag else _("Not taught")) for flag in taught],
            taught,
        )
    for name, label in (
        ("format", _("Format")),
        ("level", _("Level")),
        ("mode", _("Delivery mode")),
        ("language", _("Language")),
    ):
        add(
            name,
            label,
            [Cell(text=getattr(t, f"get_{name}_display")()) for t in trainings],
            [getattr(t, name) for t in trainings],
        )
    if any(t.city for t in trainings):
        add("city", _("City"), [Cell(text=t.city or "—") for t in trainings], [t.city for t in trainings])
    add("duration", _("Duration"), [Cell(text=_hours(t)) for t in trainings], [t.duration_hours for t in trainings])
    sessions = [tuple(t.upcoming_sessions[:SESSIONS_SHOWN]) for t in trainings]
    add(
        "sessions",
        _("Next sessions"),
        [Cell(sessions=these) for these in sessions],
        [tuple(s.starts_at for s in these) for these in sessions],
    )
    add(
        "price",
        _("Price"),
        [Cell(training=t) for t in trainings],
        [(t.price, t.currency if t.price else "") for t in trainings],
    )
    add("trainer", _("Trainer"), [Cell(training=t) for t in trainings], [t.trainer_id for t in trainings])
    for annotate in _annotators:
        annotate(trainings)
    # Shown only when at least one training has a figure; a figure below its minimum compares as none.
    outcomes = [getattr(t, "outcome", None) for t in trainings]
    if any(o and o.answered for o in outcomes):
        add(
            "outcome",
            _("Objective reached"),
            [Cell(training=t) for t in trainings],
            [(o.reached, o.answered) if o and o.enough else None for o in outcomes],
        )
    times = [getattr(t, "response_time", None) for t in trainings]
    if any(rt and rt.enough for rt in times):
        add(
            "response-time",
            _("Response time"),
            [Cell(training=t) for t in trainings],
            [rt.days if rt and rt.enough else None for rt in times],
        )
    return table


def sessions_of(trainings):
    """Every upcoming session of `trainings`, soonest first (for the calendar)."""
    return (
        Session.objects.upcoming()
        .filter(training__in=trainings)
        .select_related("training__trainer")
        .order_by("starts_at", "pk")
    )

"""Ranking published trainings and experts for a matcher analysis.

Scores are between 0 and 1 and computed by the database, so a match costs the
same few queries whatever the size of the catalogue:

trainings   0.5 + 0.2 × (best recognised objective's score) when the training
            carries a recognised objective; + 0.2 when it shares the focus;
            + 0.1 when it has an upcoming session. Carrying an objective
            (≥ 0.6) always beats only sharing the focus (≤ 0.3).
experts     only experts with a published training who declare a focus of the
            analysis. 0.4 × (share of the analysis' focuses they declare);
            + 0.3 + 0.2 × min(n, 3) / 3 for n published trainings on the
            recognised objectives (any n ≥ 1 beats every expert without);
            + 0.05 with a published training in the focus; + 0.05 with an
            upcoming session in it.

Equal scores are ordered deterministically (soonest session, newest, id for
trainings; name, id for experts). Every result carries the reasons it ranked
there, in the active language.
"""

from dataclasses import dataclass, field

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    FloatField,
    IntegerField,
    Min,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, Least
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext

from experts.models import Expert, declares_focus

from .enums import Focus, Status
from .grammar import ordinal_dates
from .models import Session, Training, upcoming_q

TRAININGS_LIMIT = 10
EXPERTS_LIMIT = 6


@dataclass
class RankedTraining:
    training: Training
    score: float
    reasons: list = field(default_factory=list)


@dataclass
class RankedExpert:
    expert: Expert
    score: float
    reasons: list = field(default_factory=list)


def _scope(analysis, focus):
    """(focuses, recognised objectives) of the analysis, or of one side of it."""
    if focus:
        return [focus], analysis.objectives_for(focus)
    return analysis.focuses, list(analysis.objectives)


def _float(value):
    return Value(float(value), output_field=FloatField())


def _name(objective):
    return objective.name


def rank_trainings(analysis, focus=None, limit=TRAININGS_LIMIT):
    """Best published trainings for the analysis (or one side of it), best first."""
    focuses, found = _scope(analysis, focus)
    if not focuses and not found:
        return []
    links = Training.objectives.through.objects
    best_first = sorted(found, key=lambda r: -r.score)
    objective_points = Case(
        *[
            When(
                Exists(links.filter(training=OuterRef("pk"), objective_id=r.objective.pk)),
                then=_float(0.5 + 0.2 * r.score),
            )
            for r in best_first
        ],
        default=_float(0),
        output_field=FloatField(),
    )
    # Rank thousands of narrow rows (the next session is one aggregate over a
    # join, not a subquery per row), then read the few best ones whole.
    upcoming = upcoming_q("sessions__")
    best = (
        Training.objects.published()
        .annotate(objective_points=objective_points, next_at=Min("sessions__starts_at", filter=upcoming))
        .filter(Q(focus__in=focuses) | Q(objective_points__gt=0))
        .annotate(
            match_score=F("objective_points")
            + Case(When(focus__in=focuses, then=_float(0.2)), default=_float(0), output_field=FloatField())
            + Case(When(next_at__isnull=False, then=_float(0.1)), default=_float(0), output_field=FloatField())
        )
        .order_by("-match_score", F("next_at").asc(nulls_last=True), "-published_at", "pk")
        .values_list("pk", "match_score")[:limit]
    )
    scores = dict(best)
    rows = (
        Training.objects.published()
        .filter(pk__in=scores)
        .with_next_session()
        .select_related("trainer")
        .prefetch_related("objectives")
        .in_bulk()
    )
    trainings = []
    for pk, score in scores.items():
        if pk in rows:  # unless it was unpublished between the two queries
            rows[pk].match_score = score
            trainings.append(rows[pk])
    recognised = {r.objective.pk for r in found}
    ranked = []
    for training in trainings:
        reasons = [
            gettext("Carries your objective “%(objective)s”.") % {"objective": _name(objective)}
            for objective in training.objectives.all()
            if objective.pk in recognised
        ]
        if training.focus in focuses:
            reasons.append(
                gettext("A %(focus)s training, the focus of your objective.")
                % {"focus": Focus(training.focus).label.lower()}
            )
        if training.has_upcoming:
            when = ordinal_dates(date_format(timezone.localtime(training.next_session_at), "DATE_FORMAT"))
            reasons.append(gettext("Next session on %(date)s.") % {"date": when})
        ranked.append(RankedTraining(training, round(training.match_score, 3), reasons))
    return ranked


def rank_experts(analysis, focus=None, limit=EXPERTS_LIMIT):
    """Experts who declare a focus of the analysis (or of one side of it), best first."""
    focuses, found = _scope(analysis, focus)
    return rank_experts_for(focuses, [r.objective for r in found], limit=limit)


def rank_experts_for(focuses, objectives=(), limit=EXPERTS_LIMIT):
    """Experts with a published training who declare one of `focuses`, best first.

    `objectives` are the recognised objectives (trainings on them rank an
    expert higher). The one rule for "experts declaring a focus": the matcher
    and the brief's mismatch warning both use it.
    """
    if not focuses:
        return []
    published = Training.objects.published().filter(trainer=OuterRef("pk"))
    objective_ids = [objective.pk for objective in objectives]
    if objective_ids:
        on_objectives = Coalesce(
            Subquery(
                published.filter(objectives__in=objective_ids)
                .values("trainer")
                .annotate(n=Count("pk", distinct=True))
                .values("n")[:1],
                output_field=IntegerField(),
            ),
            0,
        )
    else:
        on_objectives = Value(0, output_field=IntegerField())
    upcoming = Session.objects.upcoming().filter(
        training__trainer=OuterRef("pk"),
        training__status=Status.PUBLISHED,
        training__focus__in=focuses,
    )
    declares = [
        Case(When(declares_focus(code), then=_float(0.4 / len(focuses))), default=_float(0)) for code in focuses
    ]
    experts = (
        Expert.objects.public()
        .with_focus(*focuses)
        .select_related("user")  # whether each can receive a brief, without a query per expert
        .annotate(
            on_objectives=on_objectives,
            in_focus=Exists(published.filter(focus__in=focuses)),
            has_upcoming=Exists(upcoming),
        )
        .annotate(
            match_score=sum(declares[1:], declares[0])
            + Case(
                When(
                    on_objectives__gte=1,
                    then=_float(0.3)
                    + _float(0.2) * Cast(Least(F("on_objectives"), Value(3)), FloatField()) / _float(3),
                ),
                default=_float(0),
                output_field=FloatField(),
            )
            + Case(When(in_focus=True, then=_float(0.05)), default=_float(0), output_field=FloatField())
            + Case(When(has_upcoming=True, then=_float(0.05)), default=_float(0), output_field=FloatField())
        )
        .order_by("-match_score", "name", "pk")[:limit]
    )
    ranked = []
    for expert in experts:
        declared = [Focus(code).label for code in focuses if expert.declares(code)]
        reasons = [
            ngettext(
                "Declares this specialty: %(focuses)s.",
                "Declares these specialties: %(focuses)s.",
                len(declared),
            )
            % {"focuses": ", ".join(str(label) for label in declared)}
        ]
        if expert.on_objectives:
            reasons.append(
                ngettext(
                    "%(count)d published training on your objective.",
                    "%(count)d published trainings on your objective.",
                    expert.on_objectives,
                )
                % {"count": expert.on_objectives}
            )
        elif expert.in_focus:
            reasons.append(gettext("Publishes trainings with this focus."))
        if expert.has_upcoming:
            reasons.append(gettext("Has upcoming sessions."))
        ranked.append(RankedExpert(expert, round(expert.match_score, 3), reasons))
    return ranked

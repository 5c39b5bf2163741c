"""Ranking experts for a matcher analysis: fit and evidence, never volume.

An expert is proposed only when they declare a focus of the analysis and
publish at least one training. Their score (0 to 1) is the sum of what fits:

    declares     0.35 × (share of the analysis' focuses they declare)
    objective    0.25  a published training carries a recognised objective
    platform     0.15  a published training covers, or their profile lists, a platform the visitor named
    competences  0.10  a published training teaches every competence asked
    uses         0.05  a published training teaches a use the visitor needs
    focus        0.05  a published training has the focus
    language     0.05  they work in the visitor's language

Each fact counts once: ten trainings or sessions score exactly as one ("using
a platform a lot is not the same as performing well with it", second source
text). That fit score is weighted 0.95, plus 0.05 × the Wilson lower bound of
"objective reached" among visitors who hired them with the visitor's top
objective (all answers without one; experts.outcomes): evidence, never the raw
ratio, so ten answers at 90 % beat one at 100 %, and the score stays within
0..1. Upcoming sessions only break ties (then name, then id). Registered with catalogue.ranking at start-up
(ExpertsConfig.ready), so the match page and API rank experts without
catalogue importing this app.
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Case, Exists, F, FloatField, OuterRef, Q, Value, When
from django.db.models.functions import Cast
from django.utils.translation import gettext, ngettext

from catalogue.enums import Focus, Language, Status
from catalogue.models import Session, Training
from catalogue.ranking import EXPERTS_LIMIT, Wishes, points_when, scope

from . import outcomes, response_times
from .models import Expert, declares_focus

DECLARES_POINTS = 0.35
OBJECTIVE_POINTS = 0.25
PLATFORM_POINTS = 0.15
COMPETENCE_POINTS = 0.10
USE_POINTS = 0.05
FOCUS_POINTS = 0.05
LANGUAGE_POINTS = 0.05
# The share of an expert's score given to outcome evidence (the Wilson bound, 0..1).
OUTCOME_WEIGHT = 0.05


@dataclass
class RankedExpert:
    expert: Expert
    score: float
    reasons: list = field(default_factory=list)


def rank_experts(analysis, focus=None, limit=EXPERTS_LIMIT, wishes=None):
    """Experts who declare a focus of the analysis (or of one side of it), best first."""
    focuses, found = scope(analysis, focus)
    best_first = sorted(found, key=lambda r: -r.score)  # the top objective first: outcomes are about it
    return rank_experts_for(focuses, [r.objective for r in best_first], limit=limit, wishes=wishes)


def rank_experts_for(focuses, objectives=(), limit=EXPERTS_LIMIT, wishes=None):
    """Experts with a published training who declare one of `focuses`, best first.

    The one rule for "experts declaring a focus": the matcher and the brief's
    mismatch warning both use it. Outcome evidence is about `objectives[0]`.
    """
    if not focuses:
        return []
    wishes = wishes or Wishes()
    published = Training.objects.published().filter(trainer=OuterRef("pk"))
    objective_ids = [objective.pk for objective in objectives]
    upcoming = Session.objects.upcoming().filter(
        training__trainer=OuterRef("pk"),
        training__status=Status.PUBLISHED,
        training__focus__in=focuses,
    )
    declares = [points_when(declares_focus(code), DECLARES_POINTS / len(focuses)) for code in focuses]
    facts = {
        "on_objective": (
            Exists(published.filter(objectives__in=objective_ids)) if objective_ids else None,
            OBJECTIVE_POINTS,
        ),
        "on_platform": (
            (
                Exists(published.filter(platforms__in=wishes.platform_ids))
                | Exists(
                    Expert.platforms.through.objects.filter(expert=OuterRef("pk"), platform__in=wishes.platform_ids)
                )
            )
            if wishes.platform_ids
            else None,
            PLATFORM_POINTS,
        ),
        "teaches_all": (
            Exists(published.filter(**{f"teaches_{code}": True for code in wishes.competences}))
            if wishes.competences
            else None,
            COMPETENCE_POINTS,
        ),
        "teaches_use": (Exists(published.filter(uses__in=wishes.use_ids)) if wishes.use_ids else None, USE_POINTS),
        "in_focus": (Exists(published.filter(focus__in=focuses)), FOCUS_POINTS),
        "speaks": (Q(languages__icontains=f'"{wishes.language}"') if wishes.language else None, LANGUAGE_POINTS),
    }
    annotations = {name: condition for name, (condition, _) in facts.items() if condition is not None}
    score = sum(declares[1:], declares[0])
    for name, (condition, points) in facts.items():
        if condition is not None:
            score = score + points_when(Q(**{name: True}), points)
    # Outcome evidence in one grouped query, its bound a constant per count (not subqueries per expert).
    about = list(objectives)[:1]
    evidence = outcomes.figures_for("expert", None, about)
    by_count = {}
    for pk, figures in evidence.items():
        by_count.setdefault((figures.reached, figures.answered), []).append(pk)
    bound = Case(
        *[
            When(pk__in=ids, then=Cast(Value(outcomes.wilson_lower_bound(*count)), FloatField()))
            for count, ids in by_count.items()
        ],
        default=_weight(0.0),
        output_field=FloatField(),
    )
    experts = (
        Expert.objects.public()
        .with_focus(*focuses)
        .select_related("user")  # whether each can receive a brief, without a query per expert
        .annotate(**annotations, outcome_bound=bound, has_upcoming=Exists(upcoming))
        .annotate(match_score=_weight(1 - OUTCOME_WEIGHT) * score + _weight(OUTCOME_WEIGHT) * F("outcome_bound"))
        .order_by("-match_score", "-has_upcoming", "name", "pk")[:limit]
    )
    experts = list(experts)
    times = response_times.figures_for([expert.pk for expert in experts])
    ranked = []
    none = outcomes.Figures(objective=about[0] if about else None)
    for expert in experts:
        expert.response_time = times[expert.pk]
        expert.outcome = evidence.get(expert.pk, none)
        ranked.append(RankedExpert(expert, round(expert.match_score, 3), reasons(expert, focuses, wishes)))
    return ranked


def refresh(ranked):
    """Read again, for experts ranked earlier (catalogue.match's ranking cache), what the catalogue
    revision does not cover: reply times (briefs) and whether their account can receive a brief."""
    experts = [r.expert for r in ranked]
    times = response_times.figures_for([expert.pk for expert in experts])
    users = get_user_model().objects.in_bulk([expert.user_id for expert in experts if expert.user_id])
    for expert in experts:
        expert.response_time = times[expert.pk]
        if expert.user_id:
            expert.user = users.get(expert.user_id)


def _weight(value):
    return Value(value, output_field=FloatField())


def reasons(expert, focuses, wishes):
    """The facts of this expert that fit the request, one sentence each (active language)."""
    declared = [Focus(code).label for code in focuses if expert.declares(code)]
    sentences = [
        ngettext(
            "Declares this specialty: %(focuses)s.",
            "Declares these specialties: %(focuses)s.",
            len(declared),
        )
        % {"focuses": ", ".join(str(label) for label in declared)}
    ]
    if getattr(expert, "on_objective", False):
        sentences.append(gettext("Publishes a training on your objective."))
    elif expert.in_focus:
        sentences.append(gettext("Publishes trainings with this focus."))
    if getattr(expert, "on_platform", False):
        names = [p.name for p in wishes.platforms]
        sentences.append(gettext("Works on %(platforms)s.") % {"platforms": ", ".join(str(n) for n in names)})
    if getattr(expert, "teaches_all", False):
        sentences.append(gettext("A published training teaches every competence you asked for."))
    if getattr(expert, "teaches_use", False):
        sentences.append(
            gettext("Teaches how to %(uses)s.") % {"uses": ", ".join(str(u.name).lower() for u in wishes.uses)}
        )
    if getattr(expert, "speaks", False):
        sentences.append(
            gettext("Works in %(language)s, your language.") % {"language": Language(wishes.language).label.lower()}
        )
    if expert.has_upcoming:
        sentences.append(gettext("Has upcoming sessions."))
    return sentences

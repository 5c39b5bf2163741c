"""Ranking published trainings for a matcher analysis: fit, not volume.

Scores are between 0 and 1 and computed by the database, so a match costs the
same few queries whatever the size of the catalogue. A training's score is the
sum of the facts of the visitor's request it fits (the `Wishes`):

    platform     0.42  it covers a platform the visitor named ("sur LinkedIn",
                       or `platform=`)
    objective    0.20 + 0.04 × (the recognised objective's score) when it
                       carries a recognised objective
    focus        0.08  it shares the analysis' focus
    uses         0.04  it teaches a use the visitor named or their objective needs
    competences  0.08 × (share of the competences asked that it teaches)
    language     0.04  it is given in the visitor's language

So a training on the named platform ranks above every training that is not
(0.42 > 0.24 + 0.04 + 0.08 + 0.04, the most the others may add), and
carrying the objective beats every other fact but the platform. Language only
decides between trainings of otherwise equal fit. Upcoming availability is
only a tie-break (equal scores: an upcoming session first, soonest first, then
newest, then id); how many sessions a training has never counts.

Experts are ranked by the experts app (experts.ranking), which registers its
ranker here at start-up (ExpertsConfig.ready): catalogue never imports experts.

Every result carries the reasons it ranked there, naming the facts of that
training that matched, in the active language.
"""

from dataclasses import dataclass, field

from django.db.models import Case, Exists, F, FloatField, Min, OuterRef, Q, Value, When
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext

from .enums import Competence, Focus, Language
from .grammar import ordinal_dates
from .models import Training, upcoming_q

TRAININGS_LIMIT = 10
EXPERTS_LIMIT = 6
# The share of an expert's score given to outcome evidence (the Wilson bound, 0..1).
OUTCOME_WEIGHT = 0.05

PLATFORM_POINTS = 0.42
OBJECTIVE_POINTS = 0.20
OBJECTIVE_STRENGTH = 0.04
FOCUS_POINTS = 0.08
USE_POINTS = 0.04
COMPETENCE_POINTS = 0.08
LANGUAGE_POINTS = 0.04


@dataclass
class Wishes:
    """What the visitor asked besides the objective: where, how, what and in which language."""

    platforms: list = field(default_factory=list)  # Platform: named in the text or chosen
    uses: list = field(default_factory=list)  # Use: named in the text or needed by a recognised objective
    competences: list = field(default_factory=list)  # Competence codes ticked
    language: str = ""  # "fr" | "en" | "" (any)

    @property
    def platform_ids(self):
        return [platform.pk for platform in self.platforms]

    @property
    def use_ids(self):
        return [use.pk for use in self.uses]


def wishes_for(analysis, competences=(), language=""):
    """The Wishes an analysis holds (platforms and uses it recognised, uses its objectives need)."""
    uses = [named.item for named in analysis.uses]
    for found in analysis.objectives:
        uses += list(found.objective.uses.all())
    return Wishes(
        platforms=list(dict.fromkeys(named.item for named in analysis.platforms)),
        uses=list({use.pk: use for use in uses}.values()),
        competences=[code for code in Competence.values if code in set(competences)],
        language=language if language in Language.values else "",
    )


@dataclass
class RankedTraining:
    training: Training
    score: float
    reasons: list = field(default_factory=list)


def scope(analysis, focus):
    """(focuses, recognised objectives) of the analysis, or of one side of it."""
    if focus:
        return [focus], analysis.objectives_for(focus)
    return analysis.focuses, list(analysis.objectives)


def _float(value):
    return Value(float(value), output_field=FloatField())


def points_when(condition, points):
    return Case(When(condition, then=_float(points)), default=_float(0), output_field=FloatField())


def competence_points(wishes, prefix=""):
    """COMPETENCE_POINTS × share of the competences asked that a training teaches."""
    if not wishes.competences:
        return _float(0)
    share = COMPETENCE_POINTS / len(wishes.competences)
    parts = [points_when(Q(**{f"{prefix}teaches_{code}": True}), share) for code in wishes.competences]
    return sum(parts[1:], parts[0])


def rank_trainings(analysis, focus=None, limit=TRAININGS_LIMIT, wishes=None):
    """Best published trainings for the analysis (or one side of it), best first.

    With no focus recognised, trainings on the platforms the visitor named are
    proposed from both sides (each card says its focus).
    """
    wishes = wishes or Wishes()
    focuses, found = scope(analysis, focus)
    platform_ids = wishes.platform_ids
    if not focuses and not found and not platform_ids:
        return []
    links = Training.objectives.through.objects
    best_first = sorted(found, key=lambda r: -r.score)
    objective_points = Case(
        *[
            When(
                Exists(links.filter(training=OuterRef("pk"), objective_id=r.objective.pk)),
                then=_float(OBJECTIVE_POINTS + OBJECTIVE_STRENGTH * r.score),
            )
            for r in best_first
        ],
        default=_float(0),
        output_field=FloatField(),
    )
    on_platform = Exists(Training.platforms.through.objects.filter(training=OuterRef("pk"), platform__in=platform_ids))
    teaches_use = Exists(Training.uses.through.objects.filter(training=OuterRef("pk"), use__in=wishes.use_ids))
    candidates = Q(focus__in=focuses) | Q(objective_points__gt=0)
    if platform_ids and not focuses:
        candidates |= Q(on_platform=True)
    # Rank thousands of narrow rows (the next session is one aggregate over a
    # join, not a subquery per row), then read the few best ones whole.
    upcoming = upcoming_q("sessions__")
    best = (
        Training.objects.published()
        .annotate(
            objective_points=objective_points,
            on_platform=on_platform if platform_ids else Value(False),
            next_at=Min("sessions__starts_at", filter=upcoming),
        )
        .filter(candidates)
        .annotate(
            match_score=F("objective_points")
            + points_when(Q(on_platform=True), PLATFORM_POINTS)
            + points_when(Q(focus__in=focuses), FOCUS_POINTS)
            + (points_when(teaches_use, USE_POINTS) if wishes.use_ids else _float(0))
            + competence_points(wishes)
            + (points_when(Q(language=wishes.language), LANGUAGE_POINTS) if wishes.language else _float(0))
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
        .prefetch_related("objectives", "platforms", "uses")
        .in_bulk()
    )
    ranked = []
    for pk, score in scores.items():
        if pk in rows:  # unless it was unpublished between the two queries
            training = rows[pk]
            ranked.append(RankedTraining(training, round(score, 3), reasons(training, focuses, found, wishes)))
    for annotate in _training_annotators:  # e.g. outcome figures for the cards (experts.outcomes)
        annotate([r.training for r in ranked], [r.objective for r in best_first[:1]])
    return ranked


def _names(items):
    return ", ".join(str(item.name) for item in items)


def reasons(training, focuses, found, wishes):
    """The facts of this training that fit the request, one sentence each (active language)."""
    recognised = {r.objective.pk for r in found}
    sentences = [
        gettext("Carries your objective “%(objective)s”.") % {"objective": objective.name}
        for objective in training.objectives.all()
        if objective.pk in recognised
    ]
    named = [p for p in training.platforms.all() if p.pk in set(wishes.platform_ids)]
    if named:
        sentences.append(gettext("On %(platforms)s, where you want to act.") % {"platforms": _names(named)})
    if training.focus in focuses and not sentences:
        sentences.append(
            gettext("A %(focus)s training, the focus of your objective.")
            % {"focus": Focus(training.focus).label.lower()}
        )
    uses = [use for use in training.uses.all() if use.pk in set(wishes.use_ids)]
    if uses:
        sentences.append(gettext("Teaches how to %(uses)s.") % {"uses": _names(uses).lower()})
    taught = [Competence(code).label for code in wishes.competences if code in training.competences]
    if taught:
        if len(taught) == len(wishes.competences):
            sentence = gettext("Teaches every competence you asked for: %(competences)s.")
        else:
            sentence = gettext("Teaches some of the competences you asked for: %(competences)s.")
        sentences.append(sentence % {"competences": ", ".join(str(label) for label in taught)})
    if wishes.language and training.language == wishes.language:
        sentences.append(
            gettext("In %(language)s, your language.") % {"language": Language(training.language).label.lower()}
        )
    if training.has_upcoming:
        when = ordinal_dates(date_format(timezone.localtime(training.next_session_at), "DATE_FORMAT"))
        sentences.append(gettext("Next session on %(date)s.") % {"date": when})
    return sentences


# -- experts: ranked by the experts app -------------------------------------------------------------------

_expert_ranker = None
_training_annotators = []


def register_training_annotator(annotate):
    """Called by ExpertsConfig.ready(): `annotate(trainings, top_objectives)` adds figures to the ranked
    trainings (a constant number of queries, whatever their number)."""
    if annotate not in _training_annotators:
        _training_annotators.append(annotate)


def register_expert_ranker(ranker):
    """Called by ExpertsConfig.ready(): `ranker(analysis, focus, limit, wishes)` → ranked experts."""
    global _expert_ranker
    _expert_ranker = ranker


def rank_experts(analysis, focus=None, limit=EXPERTS_LIMIT, wishes=None):
    """Experts for the analysis (or one side of it), best first; none if no app ranks them."""
    if _expert_ranker is None:
        return []
    return _expert_ranker(analysis, focus, limit, wishes or Wishes())

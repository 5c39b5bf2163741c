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

from django.db import connection
from django.db.models import Case, FloatField, OuterRef, Subquery, Value, When
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext

from .enums import Competence, Focus, Language, Status
from .grammar import ordinal_dates
from .models import Session, Training

TRAININGS_LIMIT = 10
EXPERTS_LIMIT = 6
# The share of an expert's score given to outcome evidence (the Wilson bound, 0..1).
OUTCOME_WEIGHT = 0.05

# What a ranked training never shows (Training.with_next_session's other facts are not read either).
UNSHOWN_FIELDS = ("description", "search_text", "search_document", "approved_snapshot", "trainer__bio")

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


def inputs(analysis, focus=None, wishes=None):
    """Everything of an analysis and its wishes that `rank_trainings` and `rank_experts` read, as plain
    values: the ranking cache's key (catalogue.match). Not the visitor's words, nor the explanation.

    Both rankers read the request only through `scope()` (focuses, recognised objectives with their
    scores, in order) and the wishes' ids, codes and language; names come from the rows those ids
    designate, which the catalogue revision covers.
    """
    wishes = wishes or Wishes()
    focuses, found = scope(analysis, focus)
    return (
        tuple(focuses),
        tuple((r.objective.pk, r.score) for r in found),
        tuple(wishes.platform_ids),
        tuple(wishes.use_ids),
        tuple(wishes.competences),
        wishes.language,
    )


def _float(value):
    return Value(float(value), output_field=FloatField())


def points_when(condition, points):
    return Case(When(condition, then=_float(points)), default=_float(0), output_field=FloatField())


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
    best_first = sorted(found, key=lambda r: -r.score)
    scores = dict(_best(focuses, best_first, wishes, limit))
    next_session = Session.objects.upcoming().filter(training=OuterRef("pk")).order_by("starts_at", "pk")
    rows = (
        Training.objects.published()
        .filter(pk__in=scores)
        .select_related("trainer")
        .defer(*UNSHOWN_FIELDS)  # long texts no match card or answer shows (also kept out of the ranking cache)
        .annotate(next_session_at=Subquery(next_session.values("starts_at")[:1]))
        .prefetch_related("objectives", "platforms", "uses")
        .in_bulk()
    )
    ranked = []
    for pk, score in scores.items():
        if pk in rows:  # unless it was unpublished between the two queries
            training = rows[pk]
            training.has_upcoming = training.next_session_at is not None
            ranked.append(RankedTraining(training, round(score, 3), reasons(training, focuses, found, wishes)))
    for annotate in _training_annotators:  # e.g. outcome figures for the cards (experts.outcomes)
        annotate([r.training for r in ranked], [r.objective for r in best_first[:1]])
    return ranked


def _best(focuses, best_first, wishes, limit):
    """[(pk, score)] of the `limit` best candidates, best first: one statement in two stages.

    Every candidate is scored with a few index probes (no join, no aggregate); only those scoring at
    least the `limit`-th best score then read their next session for the tie-break. Points add up as
    whole millionths, so equal fits tie exactly on every backend (no float rounding decides an order).
    """
    qn = connection.ops.quote_name
    training, session = qn(Training._meta.db_table), qn(Session._meta.db_table)

    def linked(relation, ids):
        """Whether the training is linked to one of `ids` through `relation` (an index probe)."""
        through = getattr(Training, relation).through
        own = qn(through._meta.get_field("training").column)
        other = qn(through._meta.get_field(relation[:-1]).column)
        marks = ", ".join(["%s"] * len(ids))
        table = qn(through._meta.db_table)
        sql = f"EXISTS (SELECT 1 FROM {table} x WHERE x.{own} = t.{qn('id')} AND x.{other} IN ({marks}))"  # noqa: S608  # nosec B608
        return sql, list(ids)

    def case(condition, value):
        sql, params = condition
        return f"CASE WHEN {sql} THEN %s ELSE 0 END", [*params, _micro(value)]

    terms = []
    if best_first:
        whens, params = [], []
        for r in best_first:
            sql, ps = linked("objectives", [r.objective.pk])
            whens.append(f"WHEN {sql} THEN %s")
            params += [*ps, _micro(OBJECTIVE_POINTS + OBJECTIVE_STRENGTH * r.score)]
        terms.append((f"CASE {' '.join(whens)} ELSE 0 END", params))
    if wishes.platform_ids:
        terms.append(case(linked("platforms", wishes.platform_ids), PLATFORM_POINTS))
    in_focus = (f"t.{qn('focus')} IN ({', '.join(['%s'] * len(focuses))})", list(focuses))
    if focuses:
        terms.append(case(in_focus, FOCUS_POINTS))
    if wishes.use_ids:
        terms.append(case(linked("uses", wishes.use_ids), USE_POINTS))
    if wishes.competences:  # COMPETENCE_POINTS × the share of those asked it teaches
        asked = len(wishes.competences)
        taught = " + ".join(f"CASE WHEN t.{qn(f'teaches_{code}')} THEN 1 ELSE 0 END" for code in wishes.competences)
        whens = " ".join(f"WHEN {k} THEN %s" for k in range(1, asked + 1))
        terms.append(
            (f"CASE {taught} {whens} ELSE 0 END", [_micro(COMPETENCE_POINTS * k / asked) for k in range(1, asked + 1)])
        )
    if wishes.language:
        terms.append(case((f"t.{qn('language')} = %s", [wishes.language]), LANGUAGE_POINTS))
    score = " + ".join(sql for sql, _ in terms) or "0"
    score_params = [p for _, params in terms for p in params]

    candidates, candidate_params = [], []
    if focuses:
        candidates.append(in_focus[0])
        candidate_params += in_focus[1]
    if best_first:
        sql, params = linked("objectives", [r.objective.pk for r in best_first])
        candidates.append(sql)
        candidate_params += params
    if wishes.platform_ids and not focuses:
        sql, params = linked("platforms", wishes.platform_ids)
        candidates.append(sql)
        candidate_params += params
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    statement = f"""
        WITH scored AS MATERIALIZED (
            SELECT t.{qn("id")} AS id, t.{qn("published_at")} AS published_at, {score} AS score
            FROM {training} t
            WHERE t.{qn("status")} = %s AND ({" OR ".join(candidates)})
        ),
        cut AS (SELECT score FROM scored ORDER BY score DESC LIMIT 1 OFFSET %s)
        SELECT id, score FROM (
            SELECT id, score, published_at, (
                SELECT MIN(s.{qn("starts_at")}) FROM {session} s
                WHERE s.{qn("training_id")} = scored.id AND s.{qn("starts_at")} >= %s
            ) AS next_at
            FROM scored
            WHERE score >= COALESCE((SELECT score FROM cut), -1)
        ) best
        ORDER BY score DESC, next_at ASC NULLS LAST, published_at DESC, id ASC
        LIMIT %s
    """  # noqa: S608  # nosec B608 (table and column names from the models, every value a parameter)
    params = [*score_params, Status.PUBLISHED, *candidate_params, max(limit - 1, 0), now, limit]
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        return [(pk, score / MICRO) for pk, score in cursor.fetchall()]


MICRO = 1_000_000


def _micro(points):
    return round(points * MICRO)


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
_expert_refresher = None
_training_annotators = []


def register_training_annotator(annotate):
    """Called by ExpertsConfig.ready(): `annotate(trainings, top_objectives)` adds figures to the ranked
    trainings (a constant number of queries, whatever their number)."""
    if annotate not in _training_annotators:
        _training_annotators.append(annotate)


def register_expert_ranker(ranker, refresh=None):
    """Called by ExpertsConfig.ready(): `ranker(analysis, focus, limit, wishes)` → ranked experts;
    `refresh(ranked)` sets again what the catalogue revision does not cover (reply times, whether each
    can receive a brief) on experts ranked earlier (the ranking cache, catalogue.match)."""
    global _expert_ranker, _expert_refresher
    _expert_ranker = ranker
    _expert_refresher = refresh


def refresh_experts(ranked):
    """Ranked experts read from the ranking cache, with their live facts read again."""
    if ranked and _expert_refresher is not None:
        _expert_refresher(ranked)
    return ranked


def rank_experts(analysis, focus=None, limit=EXPERTS_LIMIT, wishes=None):
    """Experts for the analysis (or one side of it), best first; none if no app ranks them."""
    if _expert_ranker is None:
        return []
    return _expert_ranker(analysis, focus, limit, wishes or Wishes())

"""Outcome figures: how many visitors who hired a trainer say the training reached their objective.

Only answers from visitors who hired the trainer count. « Reached » counts yes only; « partly » is
shown beside it. Below MIN_ANSWERS nothing is shown but "not enough answers yet". Ranking uses a
Wilson lower bound on reached/answered (never the raw ratio): ten answers at 90 % beat one at 100 %.
Figures are computed by aggregates over a whole list, one query whatever its length.
"""

import math
from dataclasses import dataclass

from django.db.models import Count, Q

from catalogue import page_cache

from .models import Outcome

MIN_ANSWERS = 3
Z = 1.96  # 95 % confidence

GROUPS = {"expert": "brief__expert", "training": "brief__training"}


@dataclass(frozen=True)
class Figures:
    answered: int = 0
    reached: int = 0
    partly: int = 0
    objective: object = None  # the objective the figures are about, or None for all answers

    @property
    def enough(self):
        return self.answered >= MIN_ANSWERS


NONE = Figures()


def wilson_lower_bound(reached, answered, z=Z):
    """Lower bound of the 95 % Wilson interval of reached/answered; 0 without answers."""
    if answered <= 0:
        return 0.0
    z2 = z * z
    return (reached + z2 / 2 - z * math.sqrt(reached * (answered - reached) / answered + z2 / 4)) / (answered + z2)


def counted():
    """Answers that count: the visitor hired the trainer and said whether the objective was reached."""
    return Outcome.objects.filter(hired=True).exclude(reached="")


def _objective_q(objective_ids):
    return Q(brief__objective__in=objective_ids) if objective_ids else Q()


def figures_for(group, ids, objectives=()):
    """{id: Figures} for experts or trainings (`group`), on `objectives` if any, else on all answers.

    `ids` None: every one with counted answers (those absent have none)."""
    field = GROUPS[group]
    objective_ids = [o.pk for o in objectives]
    rows = counted().filter(_objective_q(objective_ids))
    if ids is not None:
        ids = [pk for pk in ids if pk is not None]
        if not ids:
            return {}
        rows = rows.filter(**{f"{field}__in": ids})
    rows = (
        rows.values(field)
        .annotate(
            answered=Count("pk"),
            reached_n=Count("pk", filter=Q(reached=Outcome.Reached.YES)),
            partly_n=Count("pk", filter=Q(reached=Outcome.Reached.PARTLY)),
        )
        .order_by()
    )
    about = objectives[0] if len(objectives) == 1 else None
    figures = {pk: Figures(objective=about) for pk in ids or ()}
    for row in rows:
        figures[row[field]] = Figures(row["answered"], row["reached_n"], row["partly_n"], about)
    return figures


def annotate_trainings(trainings, objectives=()):
    """Set `training.outcome` on ranked trainings (match cards): one query, on the visitor's top objective."""
    figures = figures_for("training", [t.pk for t in trainings], list(objectives)[:1])
    for training in trainings:
        training.outcome = figures.get(training.pk, NONE)


def by_objective(group, ids):
    """{id: [{"objective": slug, "answered": n, "reached": k}]} for the API, one query."""
    field = GROUPS[group]
    rows = (
        counted()
        .filter(**{f"{field}__in": list(ids)}, brief__objective__isnull=False)
        .values(field, "brief__objective__slug")
        .annotate(answered=Count("pk"), reached_n=Count("pk", filter=Q(reached=Outcome.Reached.YES)))
        .order_by(field, "brief__objective__slug")
    )
    result = {}
    for row in rows:
        result.setdefault(row[field], []).append(
            {"objective": row["brief__objective__slug"], "answered": row["answered"], "reached": row["reached_n"]}
        )
    return result


REPLY_MAX = 1000


def moderate(queryset, user, accept):
    """Accept or reject the pending comments of `queryset`, except those about `user`'s own offers.

    Returns (how many were decided, how many were left because they are about the curator's own offers).
    """
    pending = queryset.filter(comment_status=Outcome.CommentStatus.PENDING)
    own = pending.filter(brief__expert__user=user)
    skipped = own.count()
    status = Outcome.CommentStatus.ACCEPTED if accept else Outcome.CommentStatus.REJECTED
    done = pending.exclude(brief__expert__user=user).update(comment_status=status)
    if done:
        page_cache.bump()  # an accepted comment shows on the expert's page
    return done, skipped


def public_comments(expert, limit=20):
    """Accepted comments about `expert`, newest first (no names, no e-mails)."""
    return (
        Outcome.objects.filter(brief__expert=expert, comment_status=Outcome.CommentStatus.ACCEPTED)
        .select_related("brief__objective")
        .order_by("-answered_at", "-pk")[:limit]
    )


def post_reply(outcome, expert, text):
    """The trainer's one public reply to an accepted comment about them; False if not allowed or already there."""
    from .followups import clean_comment

    text = clean_comment(text)[:REPLY_MAX]
    if not text:
        return False
    posted = Outcome.objects.filter(
        pk=outcome.pk, brief__expert=expert, comment_status=Outcome.CommentStatus.ACCEPTED, reply=""
    ).update(reply=text)
    if posted:
        page_cache.bump()
    return bool(posted)

"""How fast a trainer replies to briefs: the median time to a first reply over the last 12 months.

A brief never answered counts as an infinite time, so a trainer who ignores most briefs has no finite
median (None). Shown only from MIN_BRIEFS briefs, with the share answered within FAST. One query for
any number of experts.
"""

import math
from dataclasses import dataclass
from datetime import timedelta
from statistics import median

from django.utils import timezone

from .models import Brief

WINDOW = timedelta(days=365)
MIN_BRIEFS = 3
FAST = timedelta(days=2)


@dataclass(frozen=True)
class ResponseTime:
    briefs: int = 0
    median_hours: float | None = None  # None: most briefs unanswered
    fast_share: int = 0  # percent answered within FAST

    @property
    def enough(self):
        return self.briefs >= MIN_BRIEFS

    @property
    def days(self):
        return max(1, math.ceil(self.median_hours / 24)) if self.median_hours is not None else None


def figures_for(ids, now=None):
    """{expert id: ResponseTime} over the last WINDOW."""
    now = now or timezone.now()
    delays = {pk: [] for pk in ids}
    rows = Brief.objects.filter(expert_id__in=list(ids), created_at__gte=now - WINDOW).values_list(
        "expert_id", "created_at", "first_reply_at"
    )
    for expert_id, created_at, replied_at in rows:
        hours = (replied_at - created_at).total_seconds() / 3600 if replied_at else math.inf
        delays[expert_id].append(max(hours, 0.0))
    result = {}
    for pk, hours in delays.items():
        if not hours:
            result[pk] = ResponseTime()
            continue
        middle = median(hours)
        fast = sum(1 for h in hours if h <= FAST.total_seconds() / 3600)
        result[pk] = ResponseTime(
            len(hours), None if math.isinf(middle) else round(middle, 1), round(100 * fast / len(hours))
        )
    return result


def hours_for(ids, now=None):
    """{expert id: median hours or None} for the API: None below MIN_BRIEFS or when most are unanswered."""
    return {pk: (f.median_hours if f.enough else None) for pk, f in figures_for(ids, now).items()}


def annotate_trainings(trainings, now=None):
    """Set `training.response_time` to its trainer's figures (the compare page): one query."""
    figures = figures_for({t.trainer_id for t in trainings}, now)
    for training in trainings:
        training.response_time = figures.get(training.trainer_id, ResponseTime())

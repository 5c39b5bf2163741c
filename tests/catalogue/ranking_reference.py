"""The training ranking computed in Python, with exact fractions: what catalogue.ranking._best must find."""

from fractions import Fraction

from catalogue.models import Training
from catalogue.ranking import (
    COMPETENCE_POINTS,
    FOCUS_POINTS,
    LANGUAGE_POINTS,
    OBJECTIVE_POINTS,
    OBJECTIVE_STRENGTH,
    PLATFORM_POINTS,
    USE_POINTS,
)


def exact(points):
    return Fraction(str(points))


def reference_best(focuses, best_first, wishes, limit):
    """[(pk, score)] best first: every published training read, scored and sorted in Python."""
    recognised = [(r.objective.pk, exact(OBJECTIVE_POINTS + OBJECTIVE_STRENGTH * r.score)) for r in best_first]
    platforms, uses = set(wishes.platform_ids), set(wishes.use_ids)
    rows = []
    for t in Training.objects.published().with_next_session().prefetch_related("objectives", "platforms", "uses"):
        objectives = {o.pk for o in t.objectives.all()}
        on_platform = bool(platforms & {p.pk for p in t.platforms.all()})
        carries = next((points for pk, points in recognised if pk in objectives), 0)
        if not (t.focus in focuses or carries or (on_platform and not focuses)):
            continue
        taught = sum(1 for code in wishes.competences if getattr(t, f"teaches_{code}"))
        score = (
            carries
            + (exact(PLATFORM_POINTS) if on_platform else 0)
            + (exact(FOCUS_POINTS) if t.focus in focuses else 0)
            + (exact(USE_POINTS) if uses & {u.pk for u in t.uses.all()} else 0)
            + (exact(COMPETENCE_POINTS) * taught / len(wishes.competences) if wishes.competences else 0)
            + (exact(LANGUAGE_POINTS) if wishes.language and t.language == wishes.language else 0)
        )
        upcoming = t.next_session_at
        rows.append(((-score, upcoming is None, upcoming or 0, -t.published_at.timestamp(), t.pk), t.pk, score))
    rows.sort(key=lambda row: row[0])
    return [(pk, float(score)) for _, pk, score in rows[:limit]]

"""What visitors see of a published offer's review: which rubric checks a curator confirmed, and when.

The rubric comes from the assessment of the version that was published (catalogue.workflow records one
per version), or from the publishing move's own rubric. Offers published before rubrics were recorded
have none: their page says only « publiée le … ». Two queries for any number of offers.
"""

from .enums import Status
from .models import OfferTransition, ReviewAssessment
from .review_rules import RUBRIC, RUBRIC_KEYS

LABELS = dict(RUBRIC)


def reviews_for(training_ids):
    """{training id: {"reviewed_at": datetime, "checks": [codes]}} for those with a recorded rubric."""
    ids = list(training_ids)
    if not ids:
        return {}
    published = {}
    moves = OfferTransition.objects.filter(training_id__in=ids, to_status=Status.PUBLISHED).order_by(
        "training_id", "-at", "-pk"
    )
    for move in moves.values("training_id", "version", "at", "rubric"):
        published.setdefault(move["training_id"], move)
    wanted = {(pk, move["version"] - 1) for pk, move in published.items() if move["version"]}
    assessed = {}
    rows = ReviewAssessment.objects.filter(training_id__in=list(published)).order_by("-at", "-pk")
    for row in rows.values("training_id", "version", "answers", "at"):
        if (row["training_id"], row["version"]) in wanted:
            assessed.setdefault(row["training_id"], row)
    reviews = {}
    for pk, move in published.items():
        row = assessed.get(pk)
        answers, at = (row["answers"], row["at"]) if row else (move["rubric"], move["at"])
        if isinstance(answers, dict) and answers:
            reviews[pk] = {"reviewed_at": at, "checks": [key for key in RUBRIC_KEYS if answers.get(key) is True]}
    return reviews


def review_of(training):
    review = reviews_for([training.pk]).get(training.pk)
    if review is not None:
        review = {**review, "labels": [LABELS[code] for code in review["checks"]]}
    return review

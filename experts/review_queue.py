"""The curators' one queue: offers, trainer profiles and outcome comments awaiting a decision.

Lives in experts because it reads both apps (catalogue must not import experts).
"""

from dataclasses import dataclass
from datetime import datetime

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Max, Q
from django.db.models.functions import Coalesce
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from catalogue.enums import Status
from catalogue.models import Training

from .models import Expert, Outcome, ProfileStatus

# Rows per kind on the page: the counts at the top stay exact.
PER_KIND = 200
PERMISSION = "catalogue.moderate_training"


@dataclass(frozen=True)
class Item:
    kind: str
    kind_label: str
    when: datetime
    title: str
    detail: str
    url: str
    action: str


def _offers():
    queryset = Training.objects.filter(status=Status.SUBMITTED).select_related("trainer")
    items = [
        Item(
            "offer",
            _("Offer"),
            t.submitted_at or t.created_at,
            t.title,
            str(t.trainer),
            reverse("admin:catalogue_training_review", args=[t.pk]),
            _("Review the offer"),
        )
        for t in queryset.order_by("submitted_at", "pk")[:PER_KIND]
    ]
    return queryset.count(), items


def _profiles():
    queryset = Expert.objects.in_review().annotate(
        sent=Coalesce(
            Max("profile_transitions__at", filter=Q(profile_transitions__to_status=ProfileStatus.SUBMITTED)),
            "updated_at",
        )
    )
    items = [
        Item(
            "profile",
            _("Trainer profile"),
            e.sent,
            e.name,
            e.headline,
            reverse("admin:experts_expert_review", args=[e.pk]),
            _("Review the profile"),
        )
        for e in queryset.order_by("sent", "pk")[:PER_KIND]
    ]
    return queryset.count(), items


def _comments():
    queryset = Outcome.objects.filter(comment_status=Outcome.CommentStatus.PENDING).select_related("brief__expert")
    items = [
        Item(
            "comment",
            _("Outcome comment"),
            o.answered_at,
            Truncator(o.comment).chars(120),
            str(o.brief.expert),
            reverse("admin:experts_outcome_change", args=[o.pk]),
            _("Moderate the comment"),
        )
        for o in queryset.order_by("answered_at", "pk")[:PER_KIND]
    ]
    return queryset.count(), items


def review_queue(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    kinds = [(_("Offers"), *_offers()), (_("Trainer profiles"), *_profiles()), (_("Outcome comments"), *_comments())]
    counts = [(label, count) for label, count, _items in kinds]
    items = sorted((item for *_rest, found in kinds for item in found), key=lambda item: item.when)
    context = {
        **admin.site.each_context(request),
        "title": _("To review"),
        "counts": counts,
        "items": items,
    }
    return TemplateResponse(request, "admin/review_queue.html", context)


review_queue_view = admin.site.admin_view(review_queue)

from django.db.models import OuterRef, Subquery
from django.views.generic import TemplateView

from catalogue.enums import Status
from catalogue.models import OfferTransition, Training

from .. import offers
from ..models import Brief
from .mixins import TrainerRequiredMixin

RECENT_BRIEFS = 10


class DashboardView(TrainerRequiredMixin, TemplateView):
    template_name = "experts/dashboard.html"

    def get_context_data(self, **kwargs):
        latest = OfferTransition.objects.filter(training=OuterRef("pk")).order_by("-at", "-pk")
        trainings = (
            Training.objects.owned_by(self.request.user)
            .with_next_session()
            .annotate(last_message=Subquery(latest.values("message")[:1]))
            .order_by("-updated_at", "-pk")
        )
        by_status = {}
        for training in trainings:
            by_status.setdefault(training.status, []).append(training)
        groups = [
            {
                "status": status,
                "label": status.label,
                "next_step": offers.NEXT_STEPS[status],
                "trainings": by_status[status],
            }
            for status in offers.STATUS_ORDER
            if status in by_status
        ]
        briefs = Brief.objects.filter(expert=self.expert).select_related("training")
        return super().get_context_data(
            expert=self.expert,
            groups=groups,
            # The public profile exists once approved with a training published (Expert.objects.public()).
            is_public=self.expert.is_approved and Status.PUBLISHED in by_status,
            briefs=briefs[:RECENT_BRIEFS],
            brief_count=briefs.count(),
            unread_count=briefs.filter(read_at__isnull=True).count(),
            **kwargs,
        )

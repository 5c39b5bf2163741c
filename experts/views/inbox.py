from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.generic import DetailView, ListView

from ..models import Brief
from .mixins import TrainerRequiredMixin


class OwnBriefsMixin(TrainerRequiredMixin):
    def get_queryset(self):
        return Brief.objects.filter(expert=self.expert).select_related("training", "objective")


class BriefListView(OwnBriefsMixin, ListView):
    template_name = "experts/brief_list.html"
    context_object_name = "briefs"
    paginate_by = 20


class BriefDetailView(OwnBriefsMixin, DetailView):
    """Reading a brief marks it read; another trainer's brief answers 404."""

    template_name = "experts/brief_detail.html"
    context_object_name = "brief"

    def get_object(self, queryset=None):
        brief = get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])
        if brief.read_at is None:
            brief.read_at = timezone.now()
            brief.save(update_fields=["read_at"])
        return brief

    def post(self, request, *args, **kwargs):
        # Someone else's id is a 404 whatever the method; one's own, "not allowed".
        get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])
        return self.http_method_not_allowed(request, *args, **kwargs)

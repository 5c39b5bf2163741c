from django.utils.decorators import method_decorator
from django.views.generic import TemplateView

from ..models import Objective, Training
from ..page_cache import public_page
from .match import ObjectiveForm, objective_groups

FEATURED_LIMIT = 6


@method_decorator(public_page(), name="dispatch")
class HomeView(TemplateView):
    """ "What is your objective?": the curated objectives, a free-text box, featured trainings."""

    template_name = "catalogue/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = ObjectiveForm()
        context["objective_groups"] = objective_groups(list(Objective.objects.active()))
        context["featured"] = (
            Training.objects.published()
            .filter(featured=True)
            .with_next_session()
            .select_related("trainer")
            .order_by("-published_at", "pk")[:FEATURED_LIMIT]
        )
        return context

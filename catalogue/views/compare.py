"""The shortlist's compare page and its calendar. The URL is the shortlist
(catalogue.shortlist): no session, no cookie, so both are cacheable."""

from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from .. import comparison, shortlist
from ..models import Training
from ..page_cache import public_page
from .feeds import _calendar_response


@method_decorator(public_page(params=[shortlist.PARAM]), name="dispatch")
class CompareView(TemplateView):
    template_name = "catalogue/compare.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        chosen = shortlist.from_query(self.request.GET)
        trainings = shortlist.resolve(chosen, comparison.queryset()) if chosen else []
        # Cards and links on this page read the cleaned list, not the raw URL.
        self.request._shortlist = chosen
        context.update(
            shortlist=chosen,
            trainings=trainings,
            columns=[{"training": t, "remove_url": chosen.without(t.slug)} for t in trainings],
            rows=comparison.rows(trainings),
            max_trainings=shortlist.MAX_TRAININGS,
            share_url=self.request.build_absolute_uri(chosen.compare_url()),
        )
        return context


@require_safe
@public_page(params=[shortlist.PARAM])
def compare_ics(request):
    """Every upcoming session of the shortlist's published trainings."""
    chosen = shortlist.from_query(request.GET)
    trainings = shortlist.resolve(chosen, Training.objects.published()) if chosen else []
    sessions = comparison.sessions_of(trainings)
    return _calendar_response(request, sessions, _("Cible: my shortlist"), "cible-shortlist.ics")

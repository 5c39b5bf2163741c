from django import forms
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from ..enums import Focus
from ..matching import MEDIA, MIXED, NETWORK, UNKNOWN, analyse, focus_meaning
from ..models import Objective
from ..page_cache import public_page
from ..ranking import rank_experts, rank_trainings

MAX_OBJECTIVE_LENGTH = 500

FOCUS_SUMMARIES = {
    MEDIA: _("A social medium is a communication tool: a vehicle to carry your message to an audience."),
    NETWORK: _("A social network is people: relationships you build and keep alive over time."),
}


class ObjectiveForm(forms.Form):
    """The one free-text field of the home page and the match page."""

    objective = forms.CharField(
        label=_("Your objective, in your own words"),
        max_length=MAX_OBJECTIVE_LENGTH,
        error_messages={
            "required": _("Tell us your objective: type it in your own words, or pick one of ours below."),
            "max_length": _(
                "Please keep your objective under %(limit_value)d characters (it has %(show_value)d): "
                "one or two sentences are enough."
            ),
        },
        widget=forms.TextInput(
            attrs={"placeholder": _("e.g. promote my products, keep in touch with my clients"), "autocomplete": "off"}
        ),
    )


def objective_groups(objectives):
    """The curated objectives under their focus, for the pickers."""
    return [
        {
            "focus": focus,
            "label": Focus(focus).label,
            "summary": FOCUS_SUMMARIES[focus],
            "objectives": [o for o in objectives if o.focus == focus],
        }
        for focus in (MEDIA, NETWORK)
    ]


def catalogue_query(focus=None, objectives=()):
    """Query string of the catalogue pre-filtered for a focus and objectives."""
    params = [("focus", focus)] if focus else []
    params += [("objective", r.objective.slug) for r in objectives]
    return "?" + urlencode(params) if params else ""


@method_decorator(public_page(params=["objective"]), name="dispatch")
class MatchView(TemplateView):
    template_name = "catalogue/match.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        objectives = list(Objective.objects.active())
        form = ObjectiveForm(self.request.GET if "objective" in self.request.GET else None)
        context.update(form=form, objective_groups=objective_groups(objectives), analysis=None)
        if not form.is_bound or not form.is_valid():
            return context
        lang = (translation.get_language() or "fr")[:2]
        analysis = analyse(form.cleaned_data["objective"], objectives, lang)
        context["analysis"] = analysis
        if analysis.focus in (MEDIA, NETWORK):
            context.update(
                focus_label=Focus(analysis.focus).label,
                trainings=rank_trainings(analysis),
                experts=rank_experts(analysis),
                catalogue_query=catalogue_query(analysis.focus, analysis.objectives),
            )
        elif analysis.focus == MIXED:
            context["sides"] = [self._side(analysis, focus) for focus in (MEDIA, NETWORK)]
            context["catalogue_query"] = catalogue_query(None, analysis.objectives)
        else:
            context["unknown"] = analysis.focus == UNKNOWN
        return context

    @staticmethod
    def _side(analysis, focus):
        found = analysis.objectives_for(focus)
        return {
            "focus": focus,
            "label": Focus(focus).label,
            "meaning": focus_meaning(focus),
            "objectives": found,
            "pick": found[0].objective,
            "trainings": rank_trainings(analysis, focus, limit=4),
            "experts": rank_experts(analysis, focus, limit=3),
            "catalogue_query": catalogue_query(focus, found),
        }

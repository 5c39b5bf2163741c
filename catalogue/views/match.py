from django import forms
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from ..enums import Competence, Focus, Language
from ..match import PARAMS, find_match, query_holes
from ..matching import MEDIA, MIXED, NETWORK, UNKNOWN, focus_meaning
from ..models import Objective
from ..page_cache import public_page

MAX_OBJECTIVE_LENGTH = 500
MAX_PLATFORMS = 5

FOCUS_SUMMARIES = {
    MEDIA: _("A social medium is a communication tool: a vehicle to carry your message to an audience."),
    NETWORK: _("A social network is people: relationships you build and keep alive over time."),
}


class ForgivingMultipleChoiceField(forms.MultipleChoiceField):
    """Unknown values (an old link, a hand-typed URL) are dropped, not an error that hides the match."""

    def clean(self, value):
        known = {str(code) for code, _ in self.choices}
        return list(dict.fromkeys(v for v in (value or []) if isinstance(v, str) and v in known))


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
    competence = ForgivingMultipleChoiceField(
        label=_("Competences you need"),
        choices=Competence.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Trainings that teach every competence ticked come first."),
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


def catalogue_query(focus=None, objectives=(), wishes=None):
    """Query string of the catalogue pre-filtered for a focus, objectives, platforms and competences."""
    params = [("focus", focus)] if focus else []
    params += [("objective", r.objective.slug) for r in objectives]
    if wishes is not None:
        params += [("platform", p.slug) for p in wishes.platforms]
        params += [("competence", code) for code in wishes.competences]
    return "?" + urlencode(params) if params else ""


def brief_query(query, wishes):
    """What the brief form opens with: the objective, platforms and competences already said."""
    params = [("objective", query)] if query else []
    params += [("platform", p.slug) for p in wishes.platforms]
    params += [("competence", code) for code in wishes.competences]
    return "?" + urlencode(params) if params else ""


@method_decorator(public_page(params=PARAMS), name="dispatch")
class MatchView(TemplateView):
    template_name = "catalogue/match.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = ObjectiveForm(self.request.GET if "objective" in self.request.GET else None)
        context.update(form=form, analysis=None)
        if not form.is_bound or not form.is_valid():
            context["objective_groups"] = objective_groups(list(Objective.objects.active()))
            return context
        lang = (translation.get_language() or "fr")[:2]
        data = form.cleaned_data
        # `platform` and `language` come from a suggestion or another page: unknown values are ignored.
        language = self.request.GET.get("language", "")
        match = find_match(
            data["objective"],
            lang,
            platforms=[slug[:80] for slug in self.request.GET.getlist("platform")[:MAX_PLATFORMS]],
            competences=data["competence"],
            language=language if language in Language.values else "",
            request=self.request,
        )
        analysis, wishes = match.analysis, match.wishes
        context.update(
            analysis=analysis,
            wishes=wishes,
            objective_groups=objective_groups(match.objectives),
            suggestions=match.suggestions,
            brief_query=brief_query(analysis.query, wishes),
            brief_query_hole=brief_query(query_holes().form, wishes),  # the cached results' (match_tags)
            focus_choices=[(focus, Focus(focus).label) for focus in (MEDIA, NETWORK)],
            competence_labels=[Competence(code).label for code in wishes.competences],
            chosen_platforms=[p.slug for p in wishes.platforms if p.slug in self.request.GET.getlist("platform")],
            chosen_language=language if language in Language.values else "",
        )
        if analysis.focus in (MEDIA, NETWORK):
            context.update(
                focus_label=Focus(analysis.focus).label,
                trainings=match.trainings(),
                experts=match.experts(),
                catalogue_query=catalogue_query(analysis.focus, analysis.objectives, wishes),
            )
        elif analysis.focus == MIXED:
            context["sides"] = [self._side(match, focus) for focus in (MEDIA, NETWORK)]
            context["catalogue_query"] = catalogue_query(None, analysis.objectives, wishes)
        else:
            context["unknown"] = analysis.focus == UNKNOWN
            if wishes.platforms:  # trainings on the named platform, from both sides, each labelled with its focus
                context["platform_trainings"] = match.trainings()
                context["catalogue_query"] = catalogue_query(None, (), wishes)
        return context

    @staticmethod
    def _side(match, focus):
        found = match.analysis.objectives_for(focus)
        return {
            "focus": focus,
            "label": Focus(focus).label,
            "meaning": focus_meaning(focus),
            "objectives": found,
            "pick": found[0].objective,
            "trainings": match.trainings(focus, limit=4),
            "experts": match.experts(focus, limit=3),
            "catalogue_query": catalogue_query(focus, found, match.wishes),
        }

"""One match, as the match page and the match API both answer it.

`find_match()` reads the visitor's text (catalogue.matching), gathers what
else they asked (platforms named or chosen, uses, competences ticked, their
language: catalogue.ranking.Wishes), and says what to propose. When the text
names only where to act (a platform, "réseaux sociaux") the focus stays
`unknown`, and `suggestions` offers that platform's objectives from both sides
as one-click choices ("pour quoi faire ?").
"""

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext

from .enums import Competence, Language
from .matching import MEDIA, MIXED, NETWORK, UNKNOWN, analyse
from .models import Objective, Platform, Use
from .ranking import Wishes, rank_experts, rank_trainings, wishes_for

# Query parameters of the match page and API (the page cache allows exactly these).
PARAMS = ("objective", "platform", "competence", "language")
MAX_CHOSEN_PLATFORMS = 5
MAX_SUGGESTED_PLATFORMS = 2


@dataclass
class Suggestion:
    objective: Objective
    platform: Platform | None
    name: str
    url: str

    @property
    def focus(self):
        return self.objective.focus


@dataclass
class Match:
    analysis: object  # catalogue.matching.Analysis
    wishes: Wishes
    objectives: list  # the active objectives (pickers, suggestions)
    suggestions: list = field(default_factory=list)

    def trainings(self, focus=None, limit=None):
        kwargs = {"limit": limit} if limit else {}
        return rank_trainings(self.analysis, focus, wishes=self.wishes, **kwargs)

    def experts(self, focus=None, limit=None):
        kwargs = {"limit": limit} if limit else {}
        return rank_experts(self.analysis, focus, wishes=self.wishes, **kwargs)


def find_match(text, lang, platforms=(), competences=(), language=""):
    """The match for a text; `platforms` (slugs) and `competences` (codes) as the visitor chose them."""
    objectives = list(Objective.objects.active().prefetch_related("uses"))
    every_platform = list(Platform.objects.all())
    chosen = [p for p in every_platform if p.slug in set(list(platforms)[:MAX_CHOSEN_PLATFORMS])]
    analysis = analyse(
        text, objectives, lang, platforms=every_platform, uses=list(Use.objects.all()), chosen_platforms=chosen
    )
    language = language if language in Language.values else lang
    wishes = wishes_for(analysis, [c for c in competences if c in Competence.values], language)
    match = Match(analysis, wishes, objectives)
    if analysis.focus == UNKNOWN and analysis.names_environment:
        match.suggestions = suggestions(objectives, wishes.platforms[:MAX_SUGGESTED_PLATFORMS])
    return match


def suggestions(objectives, platforms):
    """Each objective, from both sides, on each named platform (or anywhere): one click to a focused match."""
    result = []
    for platform in platforms or [None]:
        for objective in objectives:
            params = [("objective", objective.slug)] + ([("platform", platform.slug)] if platform else [])
            if platform:
                name = gettext("%(objective)s on %(platform)s") % {
                    "objective": objective.name,
                    "platform": platform.name,
                }
            else:
                name = objective.name
            result.append(Suggestion(objective, platform, name, f"{reverse('catalogue:match')}?{urlencode(params)}"))
    return result


__all__ = ["MEDIA", "MIXED", "NETWORK", "PARAMS", "UNKNOWN", "Match", "find_match"]

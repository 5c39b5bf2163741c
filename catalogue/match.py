"""One match, as the match page and the match API both answer it.

`find_match()` reads the visitor's text (catalogue.matching), gathers what
else they asked (platforms named or chosen, uses, competences ticked, their
language: catalogue.ranking.Wishes), and says what to propose. When the text
names only where to act (a platform, "réseaux sociaux") the focus stays
`unknown`, and `suggestions` offers that platform's objectives from both sides
as one-click choices ("pour quoi faire ?").

For anonymous visitors (catalogue.fragments.enabled) two things are cached:

- the curated objectives, platforms and uses the matcher reads, per catalogue
  revision (any change to them bumps it);
- the ranked trainings and experts, on `ranking.inputs()` (everything of the
  analysis and wishes the rankers read: focuses, recognised objectives with
  their scores, platform and use ids, competences, language), the focus and
  limit of the call, the catalogue revision, the active language and time
  zone (reasons are translated, dates localised). What time alone changes is
  bounded exactly: an entry is used only until the first shown session starts
  (the next session of a shown training, the last upcoming one of a shown
  expert; a session that starts can only lower a training that is not shown),
  and for at most RANKING_SECONDS. What the revision does not cover (an
  expert's reply times, whether their account can receive a brief) is read
  again for every page (ranking.refresh_experts).

The markup of the results (`{% match_results %}`, catalogue.templatetags.match_tags)
is cached too, on everything it shows (each training and expert with its
reasons, figures, next session and live facts; the links), but not the
visitor's words: it is rendered with placeholders (`QueryHoles`) where they go
in links, filled in for each page.

A logged-in visitor always gets a fresh ranking and fresh markup.
"""

import hashlib
import hmac
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from urllib.parse import quote, quote_plus

from django.conf import settings
from django.core.cache import cache
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import get_language, gettext

from . import cache_stats, fragments, page_cache, ranking
from .enums import Competence, Language, Status
from .matching import MEDIA, MIXED, NETWORK, UNKNOWN, analyse
from .models import Objective, Platform, Session, Use
from .ranking import EXPERTS_LIMIT, TRAININGS_LIMIT, Wishes, wishes_for

# Query parameters of the match page and API (the page cache allows exactly these).
PARAMS = ("objective", "platform", "competence", "language")
MAX_CHOSEN_PLATFORMS = 5
MAX_SUGGESTED_PLATFORMS = 2
# The longest a cached ranking is used (bounds what nothing else expires, e.g. memory).
RANKING_SECONDS = 60


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
    request: object = None  # the visitor's request: an anonymous one may read the ranking cache

    def trainings(self, focus=None, limit=None):
        return self._ranked("trainings", focus, limit or TRAININGS_LIMIT)

    def experts(self, focus=None, limit=None):
        return self._ranked("experts", focus, limit or EXPERTS_LIMIT)

    def _ranked(self, kind, focus, limit):
        rank = ranking.rank_trainings if kind == "trainings" else ranking.rank_experts

        def compute():
            return rank(self.analysis, focus, limit=limit, wishes=self.wishes)

        if not fragments.enabled(self.request):
            return compute()
        inputs = (kind, focus, limit, ranking.inputs(self.analysis, focus, self.wishes))
        digest = hashlib.sha256(repr(inputs).encode()).hexdigest()
        key = (
            f"ranking:{page_cache.revision(self.request)}:{get_language()}:"
            f"{timezone.get_current_timezone_name()}:{digest}"
        )
        stored = cache.get(key)
        hit = stored is not None and (stored[0] is None or timezone.now() < stored[0])
        cache_stats.record("ranking", hits=hit, misses=not hit)
        if hit:
            return ranking.refresh_experts(stored[1]) if kind == "experts" else stored[1]
        ranked = compute()
        until = _trainings_until(ranked) if kind == "trainings" else _experts_until(ranked, self.analysis, focus)
        cache.set(key, (until, ranked), min(settings.FRAGMENT_CACHE_SECONDS, RANKING_SECONDS))
        return ranked


def _trainings_until(ranked):
    """When the first shown training's next session starts (its date and the order may change then)."""
    return min((r.training.next_session_at for r in ranked if r.training.next_session_at), default=None)


def _experts_until(ranked, analysis, focus):
    """When the first shown expert with upcoming sessions has none left (their reason and tie-break change)."""
    ids = [r.expert.pk for r in ranked if r.expert.has_upcoming]
    if not ids:
        return None
    focuses, _ = ranking.scope(analysis, focus)
    last = (
        Session.objects.upcoming()
        .filter(training__trainer__in=ids, training__status=Status.PUBLISHED, training__focus__in=focuses)
        .order_by()
        .values("training__trainer")
        .annotate(last=Max("starts_at"))
        .values_list("last", flat=True)
    )
    return min(last, default=datetime.min.replace(tzinfo=UTC))


@dataclass(frozen=True)
class QueryHoles:
    """Placeholders for the visitor's words in cached markup: `url` where a template writes
    `query|urlencode`, `form` where a query string holds it (urlencode()). Letters and digits only (the
    same once encoded), derived from SECRET_KEY so that no text shown can hold them."""

    url: str
    form: str

    def fill(self, markup, query):
        return markup.replace(self.url, quote(query, safe="/")).replace(self.form, quote_plus(query, safe=""))


@lru_cache(maxsize=4)
def query_holes(secret=None):
    secret = (secret or settings.SECRET_KEY).encode()
    digest = hmac.new(secret, b"catalogue.match.query-holes", hashlib.sha256).hexdigest()
    return QueryHoles(url=f"qh{digest[:24]}", form=f"qh{digest[24:48]}")


@dataclass
class Vocabulary:
    """The curated objectives (with their uses), platforms and uses the matcher reads."""

    objectives: list
    platforms: list
    uses: list


def vocabulary(request=None):
    """The matcher's curated words, cached per catalogue revision for anonymous requests."""

    def read():
        return Vocabulary(
            list(Objective.objects.active().prefetch_related("uses")),
            list(Platform.objects.all()),
            list(Use.objects.all()),
        )

    if not fragments.enabled(request):
        return read()
    key = f"match-vocabulary:{page_cache.revision(request)}"
    found = cache.get(key)
    cache_stats.record("vocabulary", hits=found is not None, misses=found is None)
    if found is None:
        found = read()
        cache.set(key, found, settings.FRAGMENT_CACHE_SECONDS)
    return found


def find_match(text, lang, platforms=(), competences=(), language="", request=None):
    """The match for a text; `platforms` (slugs) and `competences` (codes) as the visitor chose them.

    `request`: the visitor's, when an anonymous one may use the caches (module docstring)."""
    words = vocabulary(request)
    objectives = words.objectives
    chosen = [p for p in words.platforms if p.slug in set(list(platforms)[:MAX_CHOSEN_PLATFORMS])]
    analysis = analyse(text, objectives, lang, platforms=words.platforms, uses=words.uses, chosen_platforms=chosen)
    language = language if language in Language.values else lang
    wishes = wishes_for(analysis, [c for c in competences if c in Competence.values], language)
    match = Match(analysis, wishes, objectives, request=request)
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

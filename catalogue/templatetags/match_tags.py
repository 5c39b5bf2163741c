"""`{% match_results key … %}…{% endmatch_results %}`: the ranked trainings and experts of a match page,
cached as markup for anonymous visitors (catalogue.match).

The keys are everything the enclosed markup reads besides the catalogue (revision), the language and the
visitor's words: its position, the ranked lists (each training and expert with its score, reasons, next
session, outcome figures, reply times and whether it can receive a brief) and the links' query strings.
The visitor's words go in as placeholders (catalogue.match.QueryHoles), filled in for each page; the
shortlist the URL carries is part of the key.
"""

import hashlib
from types import SimpleNamespace

from django import template
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from catalogue import cache_stats, fragments, page_cache, shortlist
from catalogue.match import RANKING_SECONDS, query_holes
from catalogue.ranking import RankedTraining

register = template.Library()


@register.tag
def match_results(parser, token):
    keys = [parser.compile_filter(bit) for bit in token.split_contents()[1:]]
    nodelist = parser.parse(("endmatch_results",))
    parser.delete_first_token()
    return MatchResultsNode(keys, nodelist)


def _shown(value):
    """What a ranked item shows besides its row (which the revision covers)."""
    if isinstance(value, list | tuple):
        return [_shown(item) for item in value]
    if isinstance(value, RankedTraining):
        t = value.training
        return ("t", t.pk, value.score, value.reasons, t.next_session_at, getattr(t, "outcome", None))
    expert = getattr(value, "expert", None)
    if expert is not None:  # experts.ranking.RankedExpert (catalogue never imports experts)
        figures = (getattr(expert, "outcome", None), getattr(expert, "response_time", None))
        return ("e", expert.pk, value.score, value.reasons, *figures, expert.can_receive_briefs)
    return value


class MatchResultsNode(template.Node):
    def __init__(self, keys, nodelist):
        self.keys, self.nodelist = keys, nodelist

    def render(self, context):
        request = context.get("request")
        query = getattr(context.get("analysis"), "query", "")
        if not query or not fragments.enabled(request):
            return self.nodelist.render(context)
        holes = query_holes()
        brief_query = context.get("brief_query_hole", "")
        vary = ([_shown(key.resolve(context)) for key in self.keys], brief_query, shortlist.for_request(request).slugs)
        digest = hashlib.sha256(repr(vary).encode()).hexdigest()
        key = (
            f"match-markup:{page_cache.revision(request)}:{get_language()}:"
            f"{timezone.get_current_timezone_name()}:{digest}"
        )
        markup = cache.get(key)
        cache_stats.record("match-markup", hits=markup is not None, misses=markup is None)
        if markup is None:
            with context.push(analysis=SimpleNamespace(query=holes.url), brief_query=brief_query):
                markup = str(self.nodelist.render(context))
            if not request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):  # never share a token
                cache.set(key, markup, min(settings.FRAGMENT_CACHE_SECONDS, RANKING_SECONDS))
        return mark_safe(holes.fill(markup, query))  # noqa: S308  # nosec B308 B703 (a template's own escaped output; the words quoted)

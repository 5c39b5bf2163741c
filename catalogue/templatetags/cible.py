"""Template helpers shared by every page."""

from django import template
from django.urls import translate_url
from django.utils.http import urlencode
from django.utils.translation import get_language

from catalogue import fragments, links

register = template.Library()


@register.simple_tag(takes_context=True)
def url_in_language(context, lang_code):
    """The current page in another language (query string kept)."""
    request = context["request"]
    path = translate_url(request.path, lang_code)
    prefix = f"/{get_language()}/"
    if path == request.path and path.startswith(prefix):
        # The path does not resolve (the 404 page): switch the language prefix only.
        path = f"/{lang_code}/{path.removeprefix(prefix)}"
    if request.GET:
        path = f"{path}?{request.GET.urlencode()}"
    return path


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced (None removes)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        params.pop(key, None)
        if value not in (None, ""):
            params[key] = value
    return "?" + urlencode(sorted(params.lists()), doseq=True) if params else "?"


@register.filter
def markdown(text):
    """Render trainer-written Markdown through the sanitiser."""
    from catalogue.markup import render_markdown

    return render_markdown(text)


@register.filter
def valid_timezone(name):
    """`name` if it is a known time zone, else the site's: `{% timezone x|valid_timezone %}` never fails."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    from django.conf import settings

    try:
        ZoneInfo(str(name))
    except (ZoneInfoNotFoundError, ValueError):
        return settings.TIME_ZONE
    return str(name)


@register.filter
def session_clock(session):
    """The time zone to show `session` in: its own, or UTC if a stored year-9999 time overflows it."""
    from catalogue.ical import in_zone, session_zone

    zone = session_zone(session)
    return in_zone(session.ends_at, zone).tzinfo if session.ends_at else zone


@register.filter
def web_url(value):
    """`value` if it is an http(s) URL, else "" (never a javascript: link in an href)."""
    return links.web_url(value)


@register.filter(expects_localtime=True)
def datetime_attr(value):
    """A `<time datetime>` value: ISO 8601 to the second (HTML allows at most milliseconds)."""
    if not value:
        return ""
    return value.replace(microsecond=0).isoformat()


@register.simple_tag(takes_context=True)
def training_cards(context, trainings):
    """[(training, card markup)]: the cards of a list page, cached (catalogue.fragments)."""
    return fragments.training_cards(context, trainings)


@register.tag
def fragment(parser, token):
    """`{% fragment "name" key … %}…{% endfragment %}`: the enclosed markup cached
    for anonymous visitors on the keys, the catalogue revision and the language
    (catalogue.fragments.block). The keys must hold everything else it shows."""
    name, *keys = [parser.compile_filter(bit) for bit in token.split_contents()[1:]]
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(name, keys, nodelist)


class FragmentNode(template.Node):
    def __init__(self, name, keys, nodelist):
        self.name, self.keys, self.nodelist = name, keys, nodelist

    def render(self, context):
        vary = [key.resolve(context) for key in self.keys]
        return fragments.block(context, self.name.resolve(context), vary, lambda: self.nodelist.render(context))

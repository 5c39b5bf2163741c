"""Template helpers shared by every page."""

from django import template
from django.conf import settings
from django.core.signals import setting_changed
from django.urls import get_script_prefix
from django.utils.html import conditional_escape
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info

from catalogue import cards, fragments, links, shortlist
from catalogue.seo import path_in_language

register = template.Library()


@register.simple_tag(takes_context=True)
def url_in_language(context, lang_code):
    """The current page in another language (query string kept)."""
    request = context["request"]
    path = path_in_language(request, lang_code)
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


@register.simple_tag(takes_context=True)
def training_card(context, training):
    """One training's card (catalogue.cards), with the page's filters and shortlist in its links."""
    request = context.get("request")
    current = shortlist.for_request(request) if request is not None else shortlist.Shortlist()
    return cards.card(training, context.get("card_query") or "", current)


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


# Bumped when a setting changes (tests): what {% per_language %} kept is then rendered again.
_generation = [0]


def _new_generation(**kwargs):
    _generation[0] += 1


setting_changed.connect(_new_generation, dispatch_uid="cible.per_language")


@register.tag
def per_language(parser, token):
    """`{% per_language %}…{% endper_language %}`: markup that depends on nothing but the
    active language, the code and the settings (translated words, `{% url %}`, `{% static %}`;
    never the request, the user, the catalogue or a CSRF token), rendered once per language
    and process, like the compiled template itself: the shell every page repeats."""
    nodelist = parser.parse(("endper_language",))
    parser.delete_first_token()
    return PerLanguageNode(nodelist)


class PerLanguageNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist
        self.rendered = {}

    def render(self, context):
        key = (_generation[0], get_language(), get_script_prefix())
        markup = self.rendered.get(key)
        if markup is None:
            markup = self.rendered[key] = self.nodelist.render(context)
        return markup


@register.simple_tag(takes_context=True)
def language_links(context):
    """The language switch's items: the current language, a link to this page in each other one."""
    key = (_generation[0], get_language(), get_script_prefix())
    parts = _language_links.get(key)
    if parts is None:
        parts = _language_links[key] = _language_link_parts(key[1])
    markup = [parts[0]]
    for code, after in parts[1:]:
        markup += [conditional_escape(url_in_language(context, code)), after]
    return mark_safe("".join(markup))  # noqa: S308  # nosec B308 B703 (escaped URL between fixed markup)


_language_links = {}


def _language_link_parts(current):
    """[markup, (code, markup after its link's URL), …]: one item per language, the URL left out."""
    texts, codes = [""], []
    for code, _name in settings.LANGUAGES:
        if code == current:
            texts[-1] += (
                f'<li class="list-inline-item"><span class="nav-link active" aria-current="true">{code.upper()}</span></li>'
            )
        else:
            name = conditional_escape(get_language_info(code)["name_local"])
            texts[-1] += '<li class="list-inline-item"><a class="nav-link" href="'
            codes.append(code)
            texts.append(
                f'" hreflang="{code}" lang="{code}">{code.upper()}<span class="visually-hidden"> — {name}</span></a></li>'
            )
    return [texts[0], *zip(codes, texts[1:], strict=True)]


@register.filter
def grouped(number):
    """An integer with the active language's thousands separator: « 10 000 » in French, "10,000" in English."""
    from django.utils import formats

    return formats.number_format(number, force_grouping=True)


@register.simple_tag
def session_items(sessions):
    """The upcoming sessions' items on the training page (catalogue.training_page)."""
    from catalogue.training_page import session_items

    return session_items(sessions)

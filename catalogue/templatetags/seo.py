"""Head metadata for public pages: `{% load seo %}`."""

from django import template

from ..seo import OG_LOCALES, default_language_url, language_urls, render_jsonld, training_jsonld

register = template.Library()


@register.inclusion_tag("catalogue/includes/alternate_links.html", takes_context=True)
def alternate_links(context):
    """Canonical URL, hreflang alternates (x-default: the language-choosing
    URL, as in the sitemap) and og:url/locale."""
    request = context["request"]
    urls = language_urls(request)
    current = (context.get("LANGUAGE_CODE") or "fr")[:2]
    return {
        "canonical": urls.get(current),
        "alternates": sorted(urls.items()),
        "default_url": default_language_url(request),
        "og_locale": OG_LOCALES.get(current, "fr_CA"),
        "og_alternate_locales": [locale for code, locale in OG_LOCALES.items() if code != current],
    }


@register.simple_tag(takes_context=True)
def training_jsonld_script(context, training):
    return render_jsonld(training_jsonld(training, context["request"]))

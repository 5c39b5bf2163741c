"""Shortlist links on any page: `{% load shortlist_tags %}`.

They read the list from the request's URL (catalogue.shortlist), so a page
that carries it renders the same for everyone with that URL and stays cacheable.
"""

from django import template

from catalogue import cards, shortlist

register = template.Library()


def _current(context):
    request = context.get("request")
    return shortlist.for_request(request) if request is not None else shortlist.Shortlist()


@register.simple_tag(takes_context=True)
def shortlist_add(context, training, style="link", described_by=""):
    """ "Add to my comparison" for `training`, or where it already is; `style`: "link" (cards) or
    "button" (training page); `described_by`: the id of the training's title, which names the
    link's training for screen readers (catalogue.cards builds the markup, shared with the cards)."""
    return cards.shortlist_link(training, _current(context), style=style, described_by=described_by)


@register.simple_tag(takes_context=True)
def shortlist_query(context, prefix="?"):
    """ "?t=a&t=b" (or "&t=…") to keep the shortlist in a link; "" when there is none."""
    query = _current(context).query()
    return f"{prefix}{query}" if query else ""


@register.inclusion_tag("catalogue/includes/shortlist_bar.html", takes_context=True)
def shortlist_bar(context):
    """The count and a link to the compare page (JavaScript restores a remembered list into it)."""
    current = _current(context)
    return {"shortlist": current, "compare_url": current.compare_url()}


@register.inclusion_tag("catalogue/includes/shortlist_inputs.html", takes_context=True)
def shortlist_inputs(context):
    """Hidden inputs that keep the shortlist through a GET form (the filters)."""
    return {"slugs": _current(context).slugs}

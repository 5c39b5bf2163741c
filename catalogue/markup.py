"""Markdown written by trainers, rendered safe.

Markdown produces HTML; nh3 (the Rust ammonia sanitiser) then keeps only a
small allow-list of tags and attributes and http(s)/mailto links, so no
script, event handler or javascript: URL ever reaches a page.

The HTML is a function of the text alone: kept per process on the text itself
(any edit is another key, so it shows at once), and each thread reuses one
Markdown parser rather than building its extensions for every text.
"""

import threading
from functools import lru_cache

import markdown as md
import nh3
from django.utils.safestring import mark_safe

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "ul", "ol", "li", "blockquote", "code", "pre",
    "h2", "h3", "h4", "a", "hr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"http", "https", "mailto"}


_CLEANER = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    url_schemes=URL_SCHEMES,
    link_rel="nofollow noopener noreferrer",
)
_parsers = threading.local()


def render_markdown(text):
    return mark_safe(_render(text or ""))  # noqa: S308  # nosec B308 B703  # sanitised by nh3 (_render)


@lru_cache(maxsize=2048)
def _render(text):
    parser = getattr(_parsers, "parser", None)
    if parser is None:
        parser = _parsers.parser = md.Markdown(extensions=["sane_lists"], output_format="html")
    html = parser.reset().convert(text)
    return _CLEANER.clean(html)

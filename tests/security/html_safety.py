"""What in a rendered page could run a script, found by parsing it like a browser tokeniser does.

`unsafe_markup(html)` lists every element or attribute that could execute code:
inline scripts (JSON-LD must stay valid JSON), scripts not served from /static/
(or the admin's /<lang>/admin/jsi18n/),
event-handler attributes, javascript:/vbscript:/data:text/html URLs, frames,
objects, <base>, meta refresh, and inline styles (the CSP forbids them).
"""

import json
import re
from html.parser import HTMLParser

FORBIDDEN_TAGS = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "style"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "poster", "background", "srcdoc"}
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:text/html")
_CONTROL = re.compile(r"[\x00-\x20]+")
# Our own scripts: static files, and the admin's translation catalogue (Django's JavaScriptCatalog view).
_OWN_SCRIPT = re.compile(r"^(/static/|/(fr|en)/admin/jsi18n/$)")


def _dangerous_url(value):
    return _CONTROL.sub("", value or "").lower().startswith(DANGEROUS_SCHEMES)


class _Finder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self._json_ld = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        where = self.getpos()[0]
        if tag in FORBIDDEN_TAGS:
            self.problems.append(f"line {where}: <{tag}>")
        if tag == "meta" and (attributes.get("http-equiv") or "").lower() == "refresh":
            self.problems.append(f"line {where}: <meta http-equiv=refresh>")
        if tag == "script":
            src = attributes.get("src")
            if attributes.get("type") == "application/ld+json" and src is None:
                self._json_ld = []
            elif not _OWN_SCRIPT.match(src or ""):
                self.problems.append(f"line {where}: <script src={src!r}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"line {where}: <{tag} {name}=…>")
            elif name == "style":
                self.problems.append(f"line {where}: <{tag} style=…>")
            elif name == "srcdoc" or (name in URL_ATTRIBUTES and _dangerous_url(value)):
                self.problems.append(f"line {where}: <{tag} {name}={value!r}>")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_data(self, data):
        if self._json_ld is not None:
            self._json_ld.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._json_ld is not None:
            try:
                json.loads("".join(self._json_ld))
            except ValueError:
                self.problems.append(f"line {self.getpos()[0]}: JSON-LD that is not valid JSON (a breakout?)")
            self._json_ld = None


def unsafe_markup(html):
    finder = _Finder()
    finder.feed(html)
    finder.close()
    return finder.problems

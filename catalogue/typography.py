"""French typography, one convention (locale/glossary.toml): the fixer and the check agree.

- U+00A0 (no-break space) before ':' and inside « »;
- U+202F (narrow no-break space) before ';', '?' and '!';
- the apostrophe ’ (U+2019), never the straight one;
- “…” quotes become « … », '...' becomes '…'.

A sign is only spaced when it closes a word (followed by a space, a closing mark or the
end), so URLs, times (13:30), query strings and format codes are left alone.
"""

import re

NBSP = "\u00a0"
NNBSP = "\u202f"

_CLOSES = r"(?=$|[\s»)\]\"”<.,])"
# Spaces (or none) before a sign that ends a clause; not at the very start of a text.
_COLON = re.compile(r"(?<=[^\s(«\"“])[ \u00a0\u202f]*:" + _CLOSES)
_TIGHT = re.compile(r"(?<=[^\s(«\"“;?!])[ \u00a0\u202f]*([;?!]+)" + _CLOSES)
_OPEN_GUILLEMET = re.compile(r"«[ \u00a0\u202f]*")
_CLOSE_GUILLEMET = re.compile(r"[ \u00a0\u202f]*»")
_CURLY_QUOTES = re.compile(r"“\s*([^“”]*?)\s*”")
_STRAIGHT_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")
# Django template/format placeholders must keep their exact spelling.
_PROTECTED = re.compile(
    r"%\([a-z_0-9]+\)[sdfr]|%[sd]|\{\{.*?\}\}|\{%.*?%\}|<code>.*?</code>|<[^<>]*>|&\w+;|https?://\S+"
)


def _fix_plain(text):
    text = _STRAIGHT_APOSTROPHE.sub("’", text)
    text = _CURLY_QUOTES.sub(lambda m: f"«{NBSP}{m.group(1)}{NBSP}»", text)
    text = _OPEN_GUILLEMET.sub("«" + NBSP, text)
    text = _CLOSE_GUILLEMET.sub(NBSP + "»", text)
    text = _COLON.sub(NBSP + ":", text)
    text = _TIGHT.sub(lambda m: NNBSP + m.group(1), text)
    return text.replace("...", "…")


def fix(text):
    """The French text with the typography convention applied (idempotent)."""
    if not text:
        return text
    # Work around placeholders and markup: swap them for private-use characters
    # that count as word characters for none of the rules, then put them back.
    kept = []

    def keep(match):
        kept.append(match.group(0))
        return f"\ue000{len(kept) - 1}\ue001"

    masked = _PROTECTED.sub(keep, text)
    fixed = _fix_plain(masked)
    return re.sub("\ue000(\\d+)\ue001", lambda m: kept[int(m.group(1))], fixed)


def problems(text):
    """Short excerpts where the text breaks the convention (empty when it follows it)."""
    fixed = fix(text)
    if fixed == text:
        return []
    found = []
    # Report each differing spot with a little context, spaces made visible.
    start = 0
    while start < min(len(text), len(fixed)) and text[start] == fixed[start]:
        start += 1
    excerpt = text[max(0, start - 20) : start + 20]
    found.append(_visible(excerpt))
    return found


def _visible(text):
    return text.replace(NBSP, "⍽").replace(NNBSP, "·").replace("\n", " ")


def looks_french(text):
    """Whether a bit of template text is French (templates are mostly English msgids)."""
    return bool(re.search(r"[éèêàçùâîôœ«»]|\b(les|des|une|vous|votre|est|pas)\b", text, re.IGNORECASE))

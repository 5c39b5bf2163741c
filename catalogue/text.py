"""Text normalisation shared by search and matching.

Both databases compare normalised text, so "medias" finds "médias" on SQLite
(which has no unaccent) exactly as on PostgreSQL.
"""

import re
import unicodedata

_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)


def fold(text):
    """Lower-case, strip accents, keep letters and digits separated by one space."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", str(text))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = stripped.replace("œ", "oe").replace("æ", "ae").replace("’", "'")
    return _NON_WORD.sub(" ", stripped.casefold()).strip()


def words(text):
    return fold(text).split()

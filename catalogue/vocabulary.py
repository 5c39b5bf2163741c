"""The domain's words, read the same way by the catalogue search and the matcher.

Pure: no views, no database queries (platforms and uses are passed in).

- Word families: Snowball gives "réseautage", "réseauter" and "réseau" three
  different stems (reseautag, reseaut, reseau); the table below says they are
  one family. The matcher adds the family to a word's stems; the catalogue
  search looks for the family's common prefix (every member contains it), and
  each training's search text holds the names of its uses (« Réseauter »), so
  any word of the family finds the networking trainings, on SQLite and on
  PostgreSQL alike (both compare folded text).
- Platforms: their names and usual spellings ("linked in", "Insta", "X/Twitter")
  say where the visitor wants to act. They never decide a focus.
- Uses: what the visitor wants to do there (diffuser, communiquer, réseauter,
  jouer, éduquer), from the curated uses' names and keywords.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

from .text import fold

# family prefix -> folded members. The prefix is contained in every member.
WORD_FAMILIES = {
    "reseau": (
        "reseau reseaux reseauter reseautage reseautez reseautons reseautent reseautant reseauteur reseauteurs "
        "reseauteuse reseauteuses reseaute"
    ),
    "network": "network networks networking networker networkers networked",
    "diffus": "diffuser diffusion diffusions diffusez diffusons diffuse diffusent",
    "communi": "communiquer communiquez communiquons communique communiquent communication communications",
    "educ": "eduquer eduquez eduquons educatif educative educatifs education educational educate educating",
}
_FAMILY_OF = {member: prefix for prefix, members in WORD_FAMILIES.items() for member in members.split()}

# Usual spellings by platform slug, on top of each platform's names and curated keywords.
SPELLINGS = {
    "linkedin": ["linkedin", "linked in", "lnkd"],
    "instagram": ["instagram", "insta", "instagramme"],
    "facebook": ["facebook", "face book", "fb", "meta facebook"],
    "x": ["twitter", "x twitter", "tweet", "tweets", "tweeter"],
    "tiktok": ["tiktok", "tik tok"],
    "youtube": ["youtube", "you tube"],
    "mastodon": ["mastodon", "fediverse"],
    "bluesky": ["bluesky", "blue sky", "bsky"],
    "pinterest": ["pinterest"],
}
# A lone "x" names the platform only after these words ("sur X", "on X").
_X_AFTER = frozenset({"sur", "on", "via", "avec", "with", "using"})
MAX_WINDOW = 3  # tokens a spelling may span ("x twitter", "linked in")
MAX_TOKENS = 400  # words read in one text (the page and the API accept 500 characters)

_WORD = re.compile(r"\w+", re.UNICODE)


def family(word):
    """The family prefix of a folded word, or None."""
    return _FAMILY_OF.get(word)


@lru_cache(maxsize=2)
def _stemmer(lang):
    return snowballstemmer.stemmer({"fr": "french", "en": "english"}[lang])


@lru_cache(maxsize=20000)
def stems(word):
    """A folded word's French and English stems, and its family if it has one."""
    found = {_stemmer("fr").stemWord(word), _stemmer("en").stemWord(word)}
    if word in _FAMILY_OF:
        found.add(_FAMILY_OF[word])
    return frozenset(found)


def search_forms(term):
    """What a folded search term looks for in folded text: itself, its family's prefix or its stem.

    Any of them may match. A stem counts only when it starts the term and is
    long enough not to find everything ("format" for "formations").
    """
    forms = {term}
    if term in _FAMILY_OF:
        forms.add(_FAMILY_OF[term])
    for stem in (_stemmer("fr").stemWord(term), _stemmer("en").stemWord(term)):
        if len(stem) >= 5 and term.startswith(stem):
            forms.add(stem)
    # A shorter form already finds everything a longer one containing it finds.
    return sorted(form for form in forms if not any(other != form and other in form for other in forms))


def _tokens(text):
    return [fold(word) for word in _WORD.findall((text or "")[:4000])][:MAX_TOKENS]


@dataclass(frozen=True)
class Named:
    item: object  # a Platform or a Use
    term: str  # the visitor's words


def recognise_platforms(text, platforms):
    """[Named(platform, words)] for each platform the text names, in the order of `platforms`."""
    tokens = _tokens(text)
    windows = {}
    for size in range(1, MAX_WINDOW + 1):
        for first in range(len(tokens) - size + 1):
            windows.setdefault("".join(tokens[first : first + size]), (first, size))
    found = []
    for platform in platforms:
        spellings = [*platform.spellings(), *SPELLINGS.get(platform.slug, [])]
        for spelling in spellings:
            key = fold(spelling).replace(" ", "")
            if key and key != "x" and key in windows:
                first, size = windows[key]
                found.append(Named(platform, " ".join(tokens[first : first + size])))
                break
        else:
            if platform.slug == "x" and any(
                word == "x" and (index == 0 or tokens[index - 1] in _X_AFTER) for index, word in enumerate(tokens)
            ):
                found.append(Named(platform, "x"))
    return found


def recognise_uses(text, uses):
    """[Named(use, words)] for each use whose names or keywords the text holds (stems and families compared)."""
    tokens = _tokens(text)
    text_stems = [stems(token) for token in tokens]
    found = []
    for use in uses:
        for phrase in _phrases(use):
            span = _find(phrase, text_stems)
            if span is not None:
                found.append(Named(use, " ".join(tokens[span[0] : span[1]])))
                break
    return found


def _phrases(use):
    return _phrases_of(
        tuple(p for lang in ("fr", "en") for p in [getattr(use, f"name_{lang}", ""), *use.keyword_list(lang)])
    )


@lru_cache(maxsize=1024)
def _phrases_of(texts):
    """The stems of each phrase (read once per wording, not on every request)."""
    return [words for words in ([stems(word) for word in _tokens(phrase)] for phrase in texts) if words]


def _find(phrase, text_stems):
    for first in range(len(text_stems) - len(phrase) + 1):
        if all(phrase[i] & text_stems[first + i] for i in range(len(phrase))):
            return first, first + len(phrase)
    return None

"""The objective matcher.

Pure: no views, no HTTP, no database queries. `analyse()` takes a visitor's
objective in French or English (free text or an objective's slug) and the
curated objectives, and says which kind of objective it is and why.

How it reads a text:

1. The text is cut into words; each word is folded (lower-case, no accents)
   and stemmed with the French and the English Snowball stemmers, so
   "réseaux", "reseau" and "réseau" are the same word, and so are "promote",
   "promoting" and "promotion".
2. Words that name the *environment* ("réseaux sociaux", "médias sociaux",
   "social media", "social networks") are set aside first: they say where the
   visitor wants to act, not what they want to achieve, so they never decide
   the focus on their own.
3. Each curated objective's names and keywords (both languages; one keyword
   may be a phrase) are looked for in the remaining words. A phrase matches
   when its words appear in order, small words ("le", "my", "de") ignored,
   with at most one other word between two of them.
4. Media objectives only → media; network objectives only → network; both →
   mixed; nothing → unknown (never a guess).
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache

import snowballstemmer
from django.utils import translation
from django.utils.translation import gettext, ngettext

from .text import fold

MEDIA = "media"
NETWORK = "network"
MIXED = "mixed"
UNKNOWN = "unknown"

# The analysis reads at most this much text (the page and the API accept 500).
MAX_TEXT_LENGTH = 2000
# Words allowed between two words of a keyword phrase ("garder *le bon* contact").
MAX_GAP = 1

# Small words ignored on both sides of a comparison (folded). Not a model of
# the language: just what would otherwise break phrases apart.
_STOP_WORDS_TEXT = """
a au aux avec ce ces cet cette d de des du en et l la le les leur leurs ma mes mon nos notre par pour
sa se ses son sur ta tes ton un une vos votre je j nous vous on qu que qui y
an and are as at be by for from i in into is it its me my of on or our the their this to
us we with your yours make making made
"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())

# What the source texts call the environment: the platforms themselves. These
# phrases never make an objective; they are reported in the explanation.
ENVIRONMENT_PHRASES = {
    "fr": ["réseaux sociaux", "réseau social", "médias sociaux", "média social", "plateformes sociales"],
    "en": ["social media", "social network", "social networks", "social platforms", "social medium"],
}

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass
class RecognisedObjective:
    objective: object  # catalogue.models.Objective
    score: float
    matched_terms: list = field(default_factory=list)  # the visitor's words that matched


@dataclass
class Analysis:
    query: str
    focus: str  # "media" | "network" | "mixed" | "unknown"
    objectives: list  # [RecognisedObjective], best first
    explanation: str
    environment_terms: list = field(default_factory=list)  # "réseaux sociaux", … as the visitor wrote them

    @property
    def focuses(self):
        """The focuses the analysis points to: one, both (mixed) or none."""
        if self.focus == MIXED:
            return [MEDIA, NETWORK]
        if self.focus in (MEDIA, NETWORK):
            return [self.focus]
        return []

    def objectives_for(self, focus):
        return [found for found in self.objectives if found.objective.focus == focus]


# -- words and stems ---------------------------------------------------------------------------------------


@lru_cache(maxsize=2)
def _stemmer(lang):
    return snowballstemmer.stemmer({"fr": "french", "en": "english"}[lang])


@lru_cache(maxsize=20000)
def _stems(word, lang):
    """Every stem a (lower-case) word may have, accents kept or not, folded."""
    stemmer = _stemmer(lang)
    folded = fold(word).replace(" ", "")
    return frozenset({fold(stemmer.stemWord(word)).replace(" ", ""), stemmer.stemWord(folded)})


@dataclass(frozen=True)
class _Token:
    start: int  # position in the original text
    end: int
    folded: str
    stems: dict  # lang -> frozenset of stems


def _tokens(text):
    tokens = []
    for found in _WORD.finditer(text):
        word = found.group().casefold()
        folded = fold(word).replace(" ", "")
        if not folded or folded in STOP_WORDS:
            continue
        tokens.append(_Token(found.start(), found.end(), folded, {"fr": _stems(word, "fr"), "en": _stems(word, "en")}))
    return tokens


@lru_cache(maxsize=4096)
def _phrase(text, lang):
    """A keyword as a tuple of stem sets (small words dropped); empty if nothing is left."""
    return tuple(token.stems[lang] for token in _tokens(text))


def _find(phrase, lang, tokens, environment=frozenset()):
    """Spans (first, last token index) where `phrase` occurs in `tokens`.

    Environment words may be part of a longer phrase ("stratégie *médias
    sociaux*"), but are never skipped over and never make a match on their own.
    """
    if not phrase:
        return []
    spans = []
    for first, token in enumerate(tokens):
        if not (phrase[0] & token.stems[lang]):
            continue
        position, ok = first, True
        for stems in phrase[1:]:
            for candidate in range(position + 1, min(position + 2 + MAX_GAP, len(tokens))):
                if stems & tokens[candidate].stems[lang]:
                    position = candidate
                    break
                if candidate in environment:
                    ok = False
                    break
            else:
                ok = False
            if not ok:
                break
        if ok and not all(index in environment for index in range(first, position + 1)):
            spans.append((first, position))
    return spans


def _find_plain(phrase, lang, tokens):
    """Spans of an environment phrase: its words side by side."""
    size = len(phrase)
    return [
        (first, first + size - 1)
        for first in range(len(tokens) - size + 1)
        if phrase and all(stems & tokens[first + i].stems[lang] for i, stems in enumerate(phrase))
    ]


def _quote(text, tokens, span):
    return text[tokens[span[0]].start : tokens[span[1]].end]


def _dedupe(items):
    return list(dict.fromkeys(items))


# -- the analysis ------------------------------------------------------------------------------------------


def _terms(objective):
    """(phrase text, language, weight bonus) for every name and keyword of an objective."""
    for lang in ("fr", "en"):
        yield getattr(objective, f"name_{lang}", ""), lang, 1
        for keyword in objective.keyword_list(lang):
            yield keyword, lang, 0


def _score(weight):
    """0 < score < 1, growing with the number of the visitor's words an objective explains."""
    return round(weight / (weight + 1), 2)


def _spans(tokens, objective, environment):
    """{span: name bonus} of an objective's names and keywords found in the tokens."""
    spans = {}
    for term, lang, name_bonus in _terms(objective):
        for span in _find(_phrase(term, lang), lang, tokens, environment):
            spans[span] = max(spans.get(span, 0), name_bonus)
    return spans


def _recognise(text, tokens, objectives, environment):
    """RecognisedObjective for each objective whose words the text holds.

    A word belongs to the longest phrase that covers it: "personal branding"
    (reputation) wins over "branding" (promote a product), "notoriété de marque"
    over "notoriété".
    """
    found = {o.slug: _spans(tokens, o, environment) for o in objectives}
    every = [span for spans in found.values() for span in spans]

    def inside_longer(span):
        return any(o[0] <= span[0] and span[1] <= o[1] and o != span for o in every)

    recognised = []
    for objective in objectives:
        spans = {span: bonus for span, bonus in found[objective.slug].items() if not inside_longer(span)}
        if not spans:
            continue
        covered = {i for first, last in spans for i in range(first, last + 1) if i not in environment}
        terms = _dedupe(_quote(text, tokens, span) for span in sorted(spans))
        recognised.append(RecognisedObjective(objective, _score(len(covered) + max(spans.values())), terms))
    return recognised


def analyse(text, objectives, lang="fr"):
    """Read a visitor's objective; see the module docstring."""
    lang = lang if lang in ("fr", "en") else "fr"
    query = (text or "").strip()
    text = query[:MAX_TEXT_LENGTH]
    objectives = list(objectives)

    by_slug = {o.slug: o for o in objectives}
    if text.lower() in by_slug:
        found = [RecognisedObjective(by_slug[text.lower()], 1.0, [text])]
        environment = []
    else:
        tokens = _tokens(text)
        blocked, environment = set(), []
        for env_lang, phrases in ENVIRONMENT_PHRASES.items():
            for phrase in phrases:
                for span in _find_plain(_phrase(phrase, env_lang), env_lang, tokens):
                    blocked.update(range(span[0], span[1] + 1))
                    environment.append((span, _quote(text, tokens, span)))
        environment = _dedupe(quote for _, quote in sorted(environment))
        found = _recognise(text, tokens, objectives, frozenset(blocked))
        found.sort(key=lambda r: (-r.score, getattr(r.objective, "order", 0), r.objective.slug))

    focuses = {r.objective.focus for r in found}
    focus = focuses.pop() if len(focuses) == 1 else (MIXED if focuses else UNKNOWN)
    analysis = Analysis(query=query, focus=focus, objectives=found, explanation="", environment_terms=environment)
    with translation.override(lang):
        analysis.explanation = explain(analysis, lang)
    return analysis


# -- the explanation ---------------------------------------------------------------------------------------


def _name(objective, lang):
    return getattr(objective, f"name_{lang}", "") or objective.name_fr


def _quoted(items):
    return ", ".join(gettext("“%(term)s”") % {"term": item} for item in items)


def _recognised_sentence(found, lang):
    parts = [
        gettext("%(objective)s (from %(terms)s)")
        % {"objective": _name(r.objective, lang), "terms": _quoted(r.matched_terms)}
        for r in found
    ]
    return ngettext(
        "We recognised this objective: %(list)s.",
        "We recognised these objectives: %(list)s.",
        len(parts),
    ) % {"list": "; ".join(parts)}


def focus_meaning(focus):
    """What the media / network distinction means, from the source texts (current language)."""
    if focus == MEDIA:
        return gettext(
            "This is a social media objective: a social medium is a communication tool, a vehicle to carry a "
            "message to an audience. Look for a social media expert."
        )
    if focus == NETWORK:
        return gettext(
            "This is a social networking objective: a social network is people, and business relationships are "
            "built over time. Look for a networking expert."
        )
    return ""


def explain(analysis, lang):
    """The plain-language explanation, in the active language (call under translation.override)."""
    sentences = []
    if analysis.focus == UNKNOWN:
        if analysis.query:
            sentences.append(
                gettext("We did not recognise an objective in “%(query)s”.") % {"query": analysis.query[:120]}
            )
        else:
            sentences.append(gettext("You have not told us your objective yet."))
    else:
        sentences.append(_recognised_sentence(analysis.objectives, lang))

    if analysis.environment_terms:
        sentences.append(
            ngettext(
                "%(terms)s names the environment, the platforms, not what you want to achieve there: the same "
                "platforms serve to spread a message or to build relationships.",
                "%(terms)s name the environment, the platforms, not what you want to achieve there: the same "
                "platforms serve to spread a message or to build relationships.",
                len(analysis.environment_terms),
            )
            % {"terms": _quoted(analysis.environment_terms)}
        )

    if analysis.focus in (MEDIA, NETWORK):
        sentences.append(focus_meaning(analysis.focus))
    elif analysis.focus == MIXED:
        sentences.append(
            gettext(
                "Your objective names both kinds: spreading a message (social media) and building relationships "
                "(social networking). A media expert is not necessarily a networking expert, and vice versa: "
                "pick the side that matters most to you, or look for an expert who declares both."
            )
        )
    else:
        sentences.append(
            gettext(
                "Pick one of our objectives, or say what you want to achieve: for example spread your "
                "messages, promote a product, grow your business network or keep your contacts alive."
            )
        )
    return " ".join(sentences)

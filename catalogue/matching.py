"""The objective matcher.

Pure: no views, no HTTP, no database queries. `analyse()` takes a visitor's
objective in French or English (free text or an objective's slug) and the
curated objectives, and says which kind of objective it is and why.

The source texts define the two sides by the visitor's intent, not by the
platform: *media* is an audience to carry a message to (diffuser, faire
connaître, promouvoir, viral…); *network* is people to build relationships
with over time (rencontrer, partenaires, garder contact, réputation…). So the
matcher reads intent:

1. The text is cut into words; each word is folded (lower-case, no accents)
   and stemmed with the French and the English Snowball stemmers, so
   "réseaux", "reseau" and "réseau" are the same word, and so are "promote",
   "promoting" and "promotion". A longer word one typo away from a word the
   matcher knows is read as that word ("devlopper", "buisness").
2. Words that name the *environment* ("réseaux sociaux", "médias sociaux",
   "social media", "social networks") are set aside first: they say where the
   visitor wants to act, not what they want to achieve, so they never decide
   the focus. Platform names play no part either: catalogue.vocabulary
   recognises them ("LinkedIn", "linked in", "Insta") and the uses
   ("réseauter", "diffuser"); they say where and how the visitor wants to act,
   and rank trainings, but never decide the focus. It also gives the word
   families ("réseautage" is "réseau") shared with the catalogue search.
3. Cues are found: each curated objective's names and keywords (data, edited
   by curators; a phrase matches when its words appear in order, small words
   ignored, with at most one other word between two of them) and the intent
   lexicon (catalogue/intent_lexicon.py: weighted phrases per side, each
   pointing to an objective). A longer cue wins over the shorter ones it
   covers ("faire rayonner sa marque" is media, "rayonner" network).
4. Negation and contrast: what the visitor says they do not want is set aside
   ("sans faire de pub", "pas pour vendre", "not to sell", "no ads"), and so is
   what comes after "plutôt que", "au lieu de", "rather than", "instead of";
   in "X mais Y" / "X but Y" the part after "mais"/"but" wins (not in
   "mais aussi", "but also").
5. Each side adds up the weights of its cues. Nothing strong enough →
   unknown (never a guess). `mixed` only when the text asks for both: each
   side leads its own part of the sentence ("promouvoir mon produit *et*
   développer mon réseau"), with comparable weight. Otherwise the heavier side
   wins, and the answer lists the objectives of that side, with the visitor's
   words that decided each one.

`python -m catalogue.matching_eval` measures it on the labelled corpus
(catalogue/data/objective_phrasings.tsv).
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache

import snowballstemmer
from django.utils import translation
from django.utils.translation import gettext, ngettext

from .intent_lexicon import LEXICON
from .text import fold
from .vocabulary import Named, family, recognise_platforms, recognise_uses

MEDIA = "media"
NETWORK = "network"
MIXED = "mixed"
UNKNOWN = "unknown"

# The analysis reads at most this much text (the page and the API accept 500).
MAX_TEXT_LENGTH = 2000
# Words allowed between two words of a keyword phrase ("garder *le bon* contact").
MAX_GAP = 1
# Any words allowed between two content words of a lexicon phrase ("faire passer *notre* message").
LEXICON_GAP = 2
# Weights: a curated objective's name, one of its keywords (lexicon lines carry their own, 1–3).
NAME_WEIGHT, KEYWORD_WEIGHT = 3, 2
# A side needs this much weight to be named at all; below, the answer is unknown.
MIN_WEIGHT = 2
# Mixed: the lighter side weighs at least this share of the heavier one.
MIXED_SHARE = 0.4
# Typo tolerance: only words this long are corrected, by one edit.
MIN_TYPO_LENGTH, MAX_TYPO_LENGTH = 6, 30

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

# Negation: a marker sets aside the cues that follow it in its clause.
NEGATIONS = frozenset(
    ["pas", "sans", "ni", "jamais", "aucun", "aucune", "aucunement", "not", "no", "without", "never", "nor"]
)
# "n't" comes out as "don" + "t", "isn" + "t", …
NEGATED_AUXILIARIES = frozenset(
    ["don", "doesn", "didn", "won", "isn", "aren", "wasn", "can", "couldn", "shouldn", "wouldn"]
)
# Not a negation: "pas seulement", "pas juste", "not only", "not just", "no matter", "sans but lucratif".
NOT_NEGATING_NEXT = frozenset(["seulement", "juste", "que", "uniquement", "only", "just", "merely", "matter", "but"])
# Words that end a negation's reach (and a contrast's).
SCOPE_ENDS = frozenset(
    [
        "mais",
        "but",
        "juste",
        "just",
        "seulement",
        "only",
        "simplement",
        "simply",
        "plutot",
        "rather",
        "instead",
        "cependant",
        "however",
        "et",
        "and",
    ]
)
# What the visitor already has or does is context, not the aim: its whole clause is set aside.
ALREADY = frozenset(["deja", "already"])
# Contrast: what follows these is what the visitor does *not* mainly want.
CONTRAST_PHRASES = (("plutot", "que"), ("plutot", "qu"), ("au", "lieu"), ("rather", "than"), ("instead", "of"))
# "mais"/"but" not followed by these words: the part after it wins.
BUT = frozenset({"mais", "but"})
# French "but" is also a noun (a goal): "mon but", "sans but lucratif".
NOT_CONJUNCTION = frozenset(["sans", "mon", "ton", "son", "notre", "votre", "leur", "le", "un", "du", "de", "d", "l"])
ADDITIVE_AFTER_BUT = frozenset(["aussi", "egalement", "also", "too", "as"])
# Words and marks that cut a text into parts, to tell "both" from "one, with context".
PART_WORDS = frozenset(
    ["et", "and", "aussi", "also", "ainsi", "puis", "then", "while", "plus", "autant", "ou", "or", "tout"]
)
_CLAUSE_END = re.compile(r"[.;!?:,()\n]")
_SENTENCE_END = re.compile(r"[.;!?\n]")
_PART_MARK = re.compile(r"[.;!?:,()\n+&/]")

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
    set_aside: list = field(default_factory=list)  # words read as *not* wanted ("pub" in "sans faire de pub")
    platforms: list = field(default_factory=list)  # [vocabulary.Named(platform, words)] the text names
    uses: list = field(default_factory=list)  # [vocabulary.Named(use, words)] the text names

    @property
    def names_environment(self):
        """The text says where (a platform, "réseaux sociaux") without saying what for."""
        return bool(self.platforms or self.environment_terms)

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
    # The word's family ("réseautage" and "réseau": catalogue.vocabulary), shared with the catalogue search.
    # Curated objective terms match on it; the intent lexicon does not (its words carry their own weights).
    family: frozenset = frozenset()


def _words(text, vocabulary=None):
    """Every word of the text, small words included; longer unknown words corrected against `vocabulary`."""
    words = []
    for found in _WORD.finditer(text):
        word = found.group().casefold()
        folded = fold(word).replace(" ", "")
        if not folded:
            continue
        stems = {"fr": _stems(word, "fr"), "en": _stems(word, "en")}
        if vocabulary is not None and MIN_TYPO_LENGTH <= len(folded) <= MAX_TYPO_LENGTH:
            stems = _corrected(folded, stems, vocabulary)
        words.append(_Token(found.start(), found.end(), folded, stems, frozenset({family(folded)} - {None})))
    return words


def _content(words):
    return [word for word in words if word.folded not in STOP_WORDS]


def _tokens(text):
    return _content(_words(text))


# -- typo tolerance ----------------------------------------------------------------------------------------


def _deletions(word):
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _is_typo_of(typed, known):
    """True when `typed` is `known` with one letter missing, two neighbours swapped, or (in a word of
    7 letters or more) one letter too many. Not one letter changed: "export" is not "expert", nor
    "fermer" "former"."""
    if len(typed) == len(known):
        diff = [i for i in range(len(typed)) if typed[i] != known[i]]
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and typed[diff[0]] == known[diff[1]]
            and typed[diff[1]] == known[diff[0]]
        )
    if len(typed) == len(known) - 1:
        return any(known[:i] + known[i + 1 :] == typed for i in range(len(known)))
    if len(typed) == len(known) + 1 and len(typed) >= MIN_TYPO_LENGTH + 1:
        return any(typed[:i] + typed[i + 1 :] == known for i in range(len(typed)))
    return False


@dataclass(frozen=True)
class _Vocabulary:
    words: frozenset  # folded words the matcher knows
    stems: frozenset  # their stems, both languages
    variants: dict  # folded word or one-deletion variant -> frozenset of known words


@lru_cache(maxsize=64)
def _vocabulary(words):
    variants = {}
    for word in words:
        if len(word) >= MIN_TYPO_LENGTH - 1:
            for variant in {word} | _deletions(word):
                variants.setdefault(variant, set()).add(word)
    stems = frozenset(stem for word in words for lang in ("fr", "en") for stem in _stems(word, lang))
    return _Vocabulary(frozenset(words), stems, {k: frozenset(v) for k, v in variants.items()})


def _corrected(folded, stems, vocabulary):
    """The word's stems, plus those of the one known word it is a typo of (if exactly one)."""
    if folded in vocabulary.words or (stems["fr"] | stems["en"]) & vocabulary.stems:
        return stems
    candidates = set()
    for variant in {folded} | _deletions(folded):
        candidates |= vocabulary.variants.get(variant, frozenset())
    candidates = {word for word in candidates if word[0] == folded[0] and _is_typo_of(folded, word)}
    if len(candidates) != 1:
        return stems
    [known] = candidates
    return {lang: stems[lang] | _stems(known, lang) for lang in stems}


# -- phrases -----------------------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _phrase(text, lang):
    """A keyword as a tuple of stem sets, families included (small words dropped); empty if nothing is left."""
    return tuple(token.stems[lang] | token.family for token in _tokens(text))


@lru_cache(maxsize=4096)
def _lexicon_phrase(text, lang):
    """A lexicon phrase as ((stems, folded, is_small_word, exact), …), small words kept.

    A word written "=word" matches that word only, not its stem ("=recruiters" is not "recruit").
    """
    exact = {fold(part[1:]) for part in text.split() if part.startswith("=")}
    return tuple(
        (w.stems[lang], w.folded, w.folded in STOP_WORDS, w.folded in exact or w.folded in STOP_WORDS)
        for w in _words(text)
    )


def _find(phrase, lang, tokens, environment=frozenset()):
    """Spans (first, last token index) where `phrase` occurs in `tokens`.

    Environment words may be part of a longer phrase ("stratégie *médias
    sociaux*"), but are never skipped over and never make a match on their own.
    """
    if not phrase:
        return []
    spans = []
    for first, token in enumerate(tokens):
        if not (phrase[0] & (token.stems[lang] | token.family)):
            continue
        position, ok = first, True
        for stems in phrase[1:]:
            for candidate in range(position + 1, min(position + 2 + MAX_GAP, len(tokens))):
                if stems & (tokens[candidate].stems[lang] | tokens[candidate].family):
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


def _word_matches(part, word, lang):
    stems, folded, _, exact = part
    return word.folded == folded if exact else bool(stems & word.stems[lang]) or word.folded == folded


def _find_lexicon(phrase, lang, words, environment):
    """Spans (first, last word index) of a lexicon phrase: small words must sit right before the next word."""
    spans = []
    for first, word in enumerate(words):
        if first in environment or not _word_matches(phrase[0], word, lang):
            continue
        position, ok = first, True
        for previous, part in zip(phrase, phrase[1:], strict=False):
            gap = 0 if (part[2] or previous[2]) else LEXICON_GAP
            found = None
            for candidate in range(position + 1, min(position + 2 + gap, len(words))):
                if candidate in environment:
                    break
                if _word_matches(part, words[candidate], lang):
                    found = candidate
                    break
            if found is None:
                ok = False
                break
            position = found
        if ok:
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


# -- the intent lexicon ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Entry:
    side: str
    slug: str
    lang: str
    weight: int
    text: str


@lru_cache(maxsize=1)
def _lexicon():
    entries = []
    for side, by_slug in LEXICON.items():
        for slug, by_lang in by_slug.items():
            for lang, block in by_lang.items():
                for line in block.strip().splitlines():
                    weight, text = line.strip().split(" ", 1)
                    entries.append(_Entry(side, slug, lang, int(weight), text))
    return tuple(entries)


@lru_cache(maxsize=1)
def _lexicon_index():
    """{first word key: [entries]}: only the entries whose first word is in a text are tried on it."""
    index = {}
    for position, entry in enumerate(_lexicon()):
        stems, folded, _, exact = _lexicon_phrase(entry.text, entry.lang)[0]
        keys = {("w", folded)} if exact else {("w", folded)} | {(entry.lang, stem) for stem in stems}
        for key in keys:
            index.setdefault(key, []).append((position, entry))
    return index


def _lexicon_candidates(words):
    index, candidates = _lexicon_index(), {}
    for word in words:
        keys = [("w", word.folded)] + [(lang, stem) for lang, stems in word.stems.items() for stem in stems]
        for key in keys:
            for position, entry in index.get(key, ()):
                candidates[position] = entry
    return [candidates[position] for position in sorted(candidates)]  # in the lexicon's order


@lru_cache(maxsize=1)
def _lexicon_words():
    return frozenset(w.folded for entry in _lexicon() for w in _words(entry.text) if w.folded not in STOP_WORDS)


# -- cues --------------------------------------------------------------------------------------------------


@dataclass
class _Cue:
    start: int  # characters in the text
    end: int
    side: str
    objective: object
    weight: float
    curated: bool  # from an objective's name or keywords (curators' data)
    name: bool = False  # from an objective's name
    tokens: frozenset = frozenset()  # indices of the content words it covers
    aside: bool = False  # negated or contrasted away


def _terms(objective):
    """(phrase text, language, is a name) for every name and keyword of an objective."""
    for lang in ("fr", "en"):
        yield getattr(objective, f"name_{lang}", ""), lang, True
        for keyword in objective.keyword_list(lang):
            yield keyword, lang, False


def _curated_cues(tokens, terms, environment):
    """Cues from the curated objectives' names and keywords; `terms` as `_all_terms` gives them."""
    cues = []
    present = {lang: frozenset().union(*(t.stems[lang] for t in tokens)) for lang in ("fr", "en")}
    for objective, term, lang, is_name in terms:
        phrase = _phrase(term, lang)
        if not phrase or not phrase[0] & present[lang]:
            continue  # its first word is not in the text
        for first, last in _find(phrase, lang, tokens, environment):
            covered = frozenset(i for i in range(first, last + 1) if i not in environment)
            weight = NAME_WEIGHT if is_name else KEYWORD_WEIGHT
            cues.append(
                _Cue(
                    tokens[first].start,
                    tokens[last].end,
                    objective.focus,
                    objective,
                    weight,
                    True,
                    is_name,
                    covered,
                )
            )
    return cues


def _lexicon_cues(words, tokens, objectives, environment_words):
    """Cues from the intent lexicon, each pointing to its objective or, if curators removed it, to the
    first objective of its side (none if that side has none)."""
    by_slug = {o.slug: o for o in objectives}
    first_of = {}
    for objective in sorted(objectives, key=lambda o: (getattr(o, "order", 0), o.slug)):
        first_of.setdefault(objective.focus, objective)
    index_of = {(t.start, t.end): i for i, t in enumerate(tokens)}
    cues = []
    for entry in _lexicon_candidates(words):
        objective = by_slug.get(entry.slug)
        if objective is None or objective.focus != entry.side:  # removed, or moved to the other side
            objective = first_of.get(entry.side)
        if objective is None:
            continue
        for first, last in _find_lexicon(_lexicon_phrase(entry.text, entry.lang), entry.lang, words, environment_words):
            covered = frozenset(
                index_of[(w.start, w.end)] for w in words[first : last + 1] if (w.start, w.end) in index_of
            )
            cues.append(
                _Cue(words[first].start, words[last].end, entry.side, objective, entry.weight, False, False, covered)
            )
    return cues


def _resolve(cues):
    """One cue per stretch of text: a longer cue wins over those it covers; on the same words, a
    curated keyword says which objective (and wins if it is of the other side), the lexicon how strong."""
    kept = [
        c
        for c in cues
        if not any(o.start <= c.start and c.end <= o.end and (o.end - o.start) > (c.end - c.start) for o in cues)
    ]
    by_span = {}
    for cue in kept:
        by_span.setdefault((cue.start, cue.end), []).append(cue)
    resolved = []
    for same in by_span.values():
        curated = [c for c in same if c.curated]
        lexicon = [c for c in same if not c.curated]
        if curated:
            per_objective = {}
            for cue in curated:  # "rencontrer" and "rencontres" are one cue
                kept_cue = per_objective.setdefault(cue.objective.slug, cue)
                kept_cue.name = kept_cue.name or cue.name
                kept_cue.weight = max(kept_cue.weight, cue.weight)
            for cue in per_objective.values():
                agreeing = [c.weight for c in lexicon if c.side == cue.side]
                if agreeing:
                    cue.weight = max(agreeing)
            resolved += per_objective.values()
        else:
            best = max(lexicon, key=lambda c: c.weight)
            resolved += [c for c in lexicon if c.side == best.side and c.objective is best.objective][:1]
            resolved += [c for c in lexicon if c.side != best.side and c.weight == best.weight][:1]
    return resolved


# -- negation and contrast ---------------------------------------------------------------------------------


def _gaps(text, words):
    """The text between each word and the next (what punctuation ends a clause)."""
    return [text[w.end : (words[i + 1].start if i + 1 < len(words) else len(text))] for i, w in enumerate(words)]


def _aside_ranges(text, words):
    """Character ranges whose cues the visitor does not want: negated, or contrasted away."""
    gaps = _gaps(text, words)
    ranges = []
    # Where each word's clause ends and starts (one pass each way, so long texts stay linear):
    # at punctuation, or at a word such as "mais", "but", "juste", "rather".
    ends, end = [len(text)] * len(words), len(text)
    for j in range(len(words) - 1, -1, -1):
        if _CLAUSE_END.search(gaps[j]):
            end = words[j].end
        ends[j] = end
        if words[j].folded in SCOPE_ENDS:
            end = words[j].start
    starts, start = [0] * len(words), 0
    for j, word in enumerate(words):
        starts[j] = start
        if _CLAUSE_END.search(gaps[j]) or word.folded in SCOPE_ENDS:
            start = words[j + 1].start if j + 1 < len(words) else len(text)

    def clause_end(index):
        """End (character) of the clause the word at `index` is in, before a scope-ending word."""
        return ends[index]

    def clause_start(index):
        return starts[index]

    for i, word in enumerate(words):
        folded = word.folded
        nxt = words[i + 1].folded if i + 1 < len(words) else ""
        if folded in ALREADY:
            ranges.append((clause_start(i), clause_end(i)))
        negation = folded in NEGATIONS or (folded == "t" and i and words[i - 1].folded in NEGATED_AUXILIARIES)
        if negation and nxt not in NOT_NEGATING_NEXT and not (folded == "no" and nxt == "longer"):
            ranges.append((word.start, clause_end(i)))
        if (folded, nxt) in CONTRAST_PHRASES:
            ranges.append((word.start, clause_end(i + 1)))
    return ranges


def _but_ranges(text, words, cues):
    """In "X mais Y" (not "mais aussi"), X is set aside when Y says something."""
    ranges = []
    for i, word in enumerate(words):
        nxt = words[i + 1].folded if i + 1 < len(words) else ""
        previous = words[i - 1].folded if i else ""
        if word.folded not in BUT or nxt in ADDITIVE_AFTER_BUT or nxt in NEGATIONS or previous in NOT_CONJUNCTION:
            continue
        before = text[: word.start]
        sentence_start = max((m.end() for m in _SENTENCE_END.finditer(before)), default=0)
        after = text[word.end :]
        end_match = _SENTENCE_END.search(after)
        sentence_end = word.end + (end_match.start() if end_match else len(after))
        if any(word.end <= c.start < sentence_end and not c.aside for c in cues):
            ranges.append((sentence_start, word.start))
    return ranges


def _set_aside(cues, ranges):
    for cue in cues:
        if any(start <= cue.start < end for start, end in ranges):
            cue.aside = True


# -- the decision ------------------------------------------------------------------------------------------


def _parts(text, words):
    """Character ranges of the text's parts, cut at punctuation and at "et", "and", "aussi", …"""
    cuts = [0]
    gaps = _gaps(text, words)
    for i, word in enumerate(words):
        if word.folded in PART_WORDS:
            cuts.append(word.start)
        if _PART_MARK.search(gaps[i]):
            cuts.append(word.end)
    cuts.append(len(text) + 1)
    return list(zip(cuts, cuts[1:], strict=False))


def _weights(cues):
    weights = {MEDIA: 0.0, NETWORK: 0.0}
    for cue in cues:
        weights[cue.side] += cue.weight
    return weights


def _decide(text, words, cues):
    """media, network, mixed or unknown, from the cues that were not set aside."""
    weights = _weights(cues)
    heavier = max(weights.values())
    if heavier < MIN_WEIGHT:
        return UNKNOWN
    lighter = min(weights.values())
    if lighter >= MIN_WEIGHT and lighter >= MIXED_SHARE * heavier:
        leads = set()
        for start, end in _parts(text, words):
            part = _weights([c for c in cues if start <= c.start < end])
            if max(part.values()) >= MIN_WEIGHT and part[MEDIA] != part[NETWORK]:
                leads.add(MEDIA if part[MEDIA] > part[NETWORK] else NETWORK)
        if leads == {MEDIA, NETWORK}:
            return MIXED
    if weights[MEDIA] != weights[NETWORK]:
        return MEDIA if weights[MEDIA] > weights[NETWORK] else NETWORK
    strongest = max(cue.weight for cue in cues)
    return max((c for c in cues if c.weight == strongest), key=lambda c: c.start).side


def _score(weight):
    """0 < score < 1, growing with the number of the visitor's words an objective explains."""
    return round(weight / (weight + 1), 2)


def _recognise(text, cues, focuses):
    """RecognisedObjective for each objective of the chosen focuses that a kept cue points to."""
    by_objective = {}
    for cue in sorted(cues, key=lambda c: (c.start, -c.end)):
        if cue.objective.focus in focuses:
            by_objective.setdefault(cue.objective.slug, []).append(cue)
    recognised = []
    for found in by_objective.values():
        covered = set().union(*(c.tokens for c in found))
        bonus = 1 if any(c.name for c in found) else 0
        terms = _dedupe(text[c.start : c.end] for c in found)
        recognised.append(RecognisedObjective(found[0].objective, _score(len(covered) + bonus), terms))
    recognised.sort(key=lambda r: (-r.score, getattr(r.objective, "order", 0), r.objective.slug))
    return recognised


def _all_terms(objectives):
    return [(objective, term, lang, is_name) for objective in objectives for term, lang, is_name in _terms(objective)]


@lru_cache(maxsize=64)
def _vocabulary_of_terms(terms):
    """The words the matcher knows: the lexicon's and the curated objectives' (cached per set of terms)."""
    words = set(_lexicon_words())
    for term in terms:
        words.update(w.folded for w in _tokens(term))
    return _vocabulary(frozenset(words))


def analyse(text, objectives, lang="fr", platforms=(), uses=(), chosen_platforms=()):
    """Read a visitor's objective; see the module docstring.

    `platforms` and `uses`: the curated ones to recognise in the text;
    `chosen_platforms`: those the visitor picked besides (the `platform` parameter).
    """
    lang = lang if lang in ("fr", "en") else "fr"
    query = (text or "").strip()
    text = query[:MAX_TEXT_LENGTH]
    objectives = list(objectives)

    by_slug = {o.slug: o for o in objectives}
    environment, set_aside = [], []
    if text.lower() in by_slug:
        found = [RecognisedObjective(by_slug[text.lower()], 1.0, [text])]
        focus = found[0].objective.focus
    else:
        terms = _all_terms(objectives)
        words = _words(text, _vocabulary_of_terms(tuple(term for _, term, _, _ in terms)))
        tokens = _content(words)
        blocked, blocked_chars = set(), []
        for env_lang, phrases in ENVIRONMENT_PHRASES.items():
            for phrase in phrases:
                for span in _find_plain(_phrase(phrase, env_lang), env_lang, tokens):
                    blocked.update(range(span[0], span[1] + 1))
                    blocked_chars.append((tokens[span[0]].start, tokens[span[1]].end))
                    environment.append((span, _quote(text, tokens, span)))
        environment = _dedupe(quote for _, quote in sorted(environment))
        environment_words = frozenset(
            i for i, w in enumerate(words) if any(start <= w.start < end for start, end in blocked_chars)
        )
        cues = _resolve(
            _curated_cues(tokens, terms, frozenset(blocked))
            + _lexicon_cues(words, tokens, objectives, environment_words)
        )
        _set_aside(cues, _aside_ranges(text, words))
        _set_aside(cues, _but_ranges(text, words, cues))
        kept = [c for c in cues if not c.aside]
        set_aside = _dedupe(text[c.start : c.end] for c in sorted(cues, key=lambda c: c.start) if c.aside)
        focus = _decide(text, words, kept)
        focuses = {MEDIA, NETWORK} if focus == MIXED else {focus}
        found = _recognise(text, kept, focuses)

    analysis = Analysis(
        query=query,
        focus=focus,
        objectives=found,
        explanation="",
        environment_terms=environment,
        set_aside=set_aside,
    )
    analysis.platforms = recognise_platforms(text, platforms)
    named = {n.item.pk for n in analysis.platforms}
    analysis.platforms += [Named(p, "") for p in chosen_platforms if p.pk not in named]
    analysis.uses = recognise_uses(text, uses)
    with translation.override(lang):
        analysis.explanation = " ".join(filter(None, [explain(analysis, lang), explain_platforms(analysis)]))
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

    if analysis.set_aside:
        sentences.append(
            gettext("We set aside %(terms)s: the way you put it, that is not what you are after.")
            % {"terms": _quoted(analysis.set_aside)}
        )

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


def explain_platforms(analysis):
    """What the named platforms mean here, with their curators' notes (current language)."""
    platforms = [named.item for named in analysis.platforms]
    if not platforms:
        return ""
    names = [platform.name for platform in platforms]
    sentences = []
    if analysis.focus == UNKNOWN:
        sentences.append(
            ngettext(
                "%(names)s is where you want to act; for what? Pick one of the objectives below.",
                "%(names)s are where you want to act; for what? Pick one of the objectives below.",
                len(names),
            )
            % {"names": _quoted(names)}
        )
    else:
        sentences.append(
            ngettext(
                "Trainings on %(names)s come first.",
                "Trainings on %(names)s come first.",
                len(names),
            )
            % {"names": ", ".join(names)}
        )
    sentences += [
        gettext("%(platform)s: %(note)s") % {"platform": platform.name, "note": platform.note}
        for platform in platforms
        if platform.note
    ]
    return " ".join(sentences)

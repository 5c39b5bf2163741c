"""French grammar a template cannot do alone: elision, contraction, the ordinal « 1er ».

Every function leaves other languages' text unchanged: it acts only when the
language given (or the active one) is French.
"""

import re

from django.utils.translation import get_language

VOWELS = "AEIOUÀÂÄÉÈÊËÎÏÔÖÙÛÜŒaeiouàâäéèêëîïôöùûüœ"
# Words that start with a vowel letter but take no elision.
_NO_ELISION = re.compile(r"^(onze|onzième|oui|ouate)\b", re.IGNORECASE)
# Only the words a placeholder can meet: « de %(name)s », « que %(name)s », « jusque … ».
_ELIDABLE = re.compile(rf"\b([Dd]e|[Qq]ue|[Jj]usque) (?=[{VOWELS}])")
# « à les PME » → « aux PME »; not the pronoun in « à les rencontrer ».
_NOT_BEFORE_VERB = r"(?! \w+(?:er|ir|re)\b)"
_CONTRACTIONS = [
    (re.compile(r"\b([àÀ]) les\b" + _NOT_BEFORE_VERB), lambda m: "aux" if m.group(1) == "à" else "Aux"),
    (re.compile(r"\b([dD]e) les\b" + _NOT_BEFORE_VERB), lambda m: "des" if m.group(1) == "de" else "Des"),
]
MONTHS = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
_FIRST_DAY = re.compile(rf"(?<![\d,.])\b1 (?=({MONTHS})\b)", re.IGNORECASE)


def _french(language):
    return (language or get_language() or "").startswith("fr")


def de(name, language=None):
    """« de Marc », « d’Émilie » in French; the name unchanged in other languages."""
    name = str(name)
    if not _french(language):
        return name
    # Names with a silent h elide too (« d’Hugo », « d’Hélène »).
    if name[:1] in VOWELS + "Hh" and not _NO_ELISION.match(name):
        return f"d’{name}"
    return f"de {name}"


def elide(text, language=None):
    """French text with the elisions and contractions its placeholders broke.

    « Profil de Annie » → « Profil d’Annie », « enseigner à les PME » → « enseigner aux PME ».
    Correct French is left as it is.
    """
    text = str(text)
    if not _french(language) or not text:
        return text

    def one(match):
        if _NO_ELISION.match(text[match.end() :]):
            return match.group(0)
        return f"{match.group(1)[:-1]}’"

    text = _ELIDABLE.sub(one, text)
    for pattern, replacement in _CONTRACTIONS:
        text = pattern.sub(replacement, text)
    return text


def ordinal_dates(text, language=None):
    """« 1 mai 2027 » → « 1er mai 2027 » in French (the first of the month is an ordinal)."""
    text = str(text)
    if not _french(language):
        return text
    return _FIRST_DAY.sub("1er ", text)

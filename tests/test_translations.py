"""Every interface string has a French translation (French is the default)."""

from pathlib import Path

import polib

PO = Path(__file__).resolve().parents[1] / "locale" / "fr" / "LC_MESSAGES" / "django.po"


def test_french_catalogue_has_no_missing_or_fuzzy_translation():
    po = polib.pofile(str(PO))
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []


def _placeholders(text):
    return sorted(part.split(")")[0] for part in text.split("%(")[1:])


def _broken(entry):
    if not entry.msgid_plural:
        return _placeholders(entry.msgid) != _placeholders(entry.msgstr)
    # A singular form may say "one" instead of "%(counter)s"; plural forms keep them all.
    allowed = set(_placeholders(entry.msgid_plural))
    forms = [entry.msgstr_plural[k] for k in sorted(entry.msgstr_plural)]
    return not set(_placeholders(forms[0])) <= allowed or any(
        _placeholders(form) != sorted(allowed) for form in forms[1:]
    )


def test_french_translations_keep_their_placeholders():
    po = polib.pofile(str(PO))
    assert [e.msgid for e in po.translated_entries() if _broken(e)] == []


# One French word per concept (DESIGN.md's vocabulary): a dated occurrence of
# a training is a "séance", a visitor's request to a trainer is a "demande", an
# email is a "courriel" (locale/glossary.toml).
FRENCH_WORDS = {
    "session": ("séance", "session"),
    "brief": ("demande", "brief"),
    "email": ("courriel", "e-mail"),
}


def test_french_uses_one_word_per_concept():
    po = polib.pofile(str(PO))
    stray = [
        (entry.msgid, entry.msgstr)
        for entry in po.translated_entries()
        for concept, (_word, avoided) in FRENCH_WORDS.items()
        if concept in entry.msgid.lower() and avoided in entry.msgstr.lower()
    ]
    assert stray == []

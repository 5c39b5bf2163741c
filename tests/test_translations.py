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


def test_french_translations_keep_their_placeholders():
    po = polib.pofile(str(PO))
    broken = [
        e.msgid
        for e in po.translated_entries()
        for msgstr in (e.msgstr_plural.values() if e.msgid_plural else [e.msgstr])
        if _placeholders(e.msgid) != _placeholders(msgstr)
    ]
    assert broken == []

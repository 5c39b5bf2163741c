"""Every interface string has a French translation (French is the default)."""

from pathlib import Path

import polib

PO = Path(__file__).resolve().parents[1] / "locale" / "fr" / "LC_MESSAGES" / "django.po"


def test_french_catalogue_has_no_missing_or_fuzzy_translation():
    po = polib.pofile(str(PO))
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []


def test_french_translations_keep_their_placeholders():
    po = polib.pofile(str(PO))
    broken = [
        e.msgid
        for e in po.translated_entries()
        if sorted(part.split(")")[0] for part in e.msgid.split("%(")[1:])
        # Plural entries keep their translations in msgstr_plural.
        != sorted(part.split(")")[0] for part in (e.msgstr or e.msgstr_plural.get(0, "")).split("%(")[1:])
    ]
    assert broken == []

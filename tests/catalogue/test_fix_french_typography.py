"""fix_french_typography rewrites French msgstr only, and the result passes its own check."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from catalogue.management.commands.fix_french_typography import fix_po_text

SAMPLE = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

#, python-format
msgid "Online link: %(url)s"
msgstr "Lien de connexion : %(url)s"

msgid "Who do you know?"
msgstr ""
"Qui connaissez-vous déjà? Voyez l'offre “%(title)s” sur "
"https://cible.example/fr/?q=x à 13:30."
"""


def test_fixer_spaces_signs_and_curls_apostrophes_in_msgstr():
    fixed, changed = fix_po_text(SAMPLE)
    assert changed == 2
    assert 'msgstr "Lien de connexion\u00a0: %(url)s"' in fixed
    assert "déjà\u202f?" in fixed
    assert "l’offre «\u00a0%(title)s\u00a0»" in fixed
    assert "https://cible.example/fr/?q=x à 13:30." in fixed


def test_fixer_keeps_msgids_and_header_and_is_idempotent():
    fixed, _ = fix_po_text(SAMPLE)
    assert 'msgid "Online link: %(url)s"' in fixed
    assert '"Content-Type: text/plain; charset=UTF-8\\n"' in fixed
    assert fix_po_text(fixed) == (fixed, 0)


def test_check_option_fails_on_unfixed_catalogue(tmp_path):
    po = tmp_path / "django.po"
    po.write_text(SAMPLE, encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("fix_french_typography", po=str(po), check=True, stdout=StringIO())
    call_command("fix_french_typography", po=str(po), stdout=StringIO())
    call_command("fix_french_typography", po=str(po), check=True, stdout=StringIO())


def test_repository_catalogue_follows_the_typography_convention():
    call_command("fix_french_typography", check=True, stdout=StringIO())

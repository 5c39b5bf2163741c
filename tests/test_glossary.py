"""The French text follows locale/glossary.toml: terms, typography, one apostrophe.

Checked: every French msgstr, the French text written in templates, and the demo
content's French pools. The source passages quoted word for word are exempt.
"""

import re
from pathlib import Path

import polib
import pytest

from catalogue import glossary, typography
from catalogue.demo import content, reference

ROOT = Path(__file__).resolve().parents[1]
PO = ROOT / "locale" / "fr" / "LC_MESSAGES" / "django.po"


def _msgstrs():
    for entry in polib.pofile(str(PO)):
        if entry.obsolete:
            continue
        texts = [entry.msgstr] if not entry.msgid_plural else list(entry.msgstr_plural.values())
        for text in texts:
            if text:
                yield entry.msgid, text


def _template_texts():
    """French text nodes of the templates (outside tags, comments and variables)."""
    strip = re.compile(
        r"\{%\s*blocktranslate.*?endblocktranslate\s*%\}|\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}|<[^<>]*>", re.DOTALL
    )
    for path in sorted((ROOT / "templates").rglob("*")):
        if path.suffix not in {".html", ".txt"}:
            continue
        for chunk in strip.split(path.read_text(encoding="utf-8")):
            chunk = chunk.strip()
            if chunk and typography.looks_french(chunk):
                yield str(path.relative_to(ROOT)), chunk


def _french_pool(value, french=None):
    """French strings of a demo content structure: under a "fr" key, or first of a (fr, en) pair."""
    if isinstance(value, str):
        if french:
            yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            lang = key if isinstance(key, str) else key[-1] if isinstance(key, tuple) else None
            yield from _french_pool(item, lang == "fr" if lang in {"fr", "en"} else french)
    elif isinstance(value, (list, tuple)):
        pair = len(value) == 2 and all(isinstance(v, str) for v in value)
        if pair and french is None:
            yield value[0]
        else:
            for item in value:
                yield from _french_pool(item, french)


def _demo_texts():
    for name in dir(content):
        if name.isupper():
            for text in _french_pool(getattr(content, name), french=True if name == "VENUES" else None):
                yield f"content.{name}", text
    for row in reference.OBJECTIVES:
        yield f"reference.OBJECTIVES[{row[0]}]", row[2]
        yield f"reference.OBJECTIVES[{row[0]}]", row[4]


def _report(found):
    return "\n".join(f"{where}: {problem}" for where, problem in found[:40]) + (
        f"\n… and {len(found) - 40} more" if len(found) > 40 else ""
    )


def _problems(pairs):
    return [(where, problem) for where, text in pairs for problem in glossary.check(text)]


def test_glossary_flags_each_kind_of_slip():
    # The checker itself: each rule of the glossary catches its slip.
    slips = [
        "Un curateur a évalué votre offre.",
        "Envoyer un brief",
        "Grille de révision",
        "Lien en ligne : %(url)s",
        "Non permis : %(detail)s",
        "Formation : Formation : Vitrine",
        "enseigner à les PME",
        "Profil de Annie",
        "Message au formateur : bonjour",
        "Qui connaissez-vous déjà?",
        "« Bonjour »",
        "C'est l’offre",
    ]
    assert [text for text in slips if not glossary.check(text)] == []


def test_glossary_accepts_clean_french_and_the_quoted_source():
    clean = [
        "Un ou une responsable du catalogue a évalué votre offre\u00a0: «\u00a0%(title)s\u00a0».",
        "Qui connaissez-vous déjà\u202f? Voir https://cible.example/fr/?objective=x à 13:30.",
        "Profil d’Annie",
        glossary.exempt_texts()[0],
    ]
    assert [(text, glossary.check(text)) for text in clean if glossary.check(text)] == []


def test_french_catalogue_follows_the_glossary():
    found = _problems(_msgstrs())
    assert found == [], _report(found)


def test_templates_french_text_follows_the_glossary():
    found = _problems(_template_texts())
    assert found == [], _report(found)


def test_demo_content_follows_the_glossary():
    found = _problems(_demo_texts())
    assert found == [], _report(found)


def test_source_sentence_is_quoted_once_word_for_word():
    quoted = glossary.exempt_texts()[0]
    texts = [text for _msgid, text in _msgstrs()]
    assert sum(text.count("nécessairement") for text in texts) == 1
    assert sum(quoted in text for text in texts) == 1


@pytest.mark.parametrize("label", ["Médias sociaux", "Réseaux sociaux"])
def test_focus_labels_are_the_source_terms(label):
    po = polib.pofile(str(PO))
    assert label in {entry.msgstr for entry in po}

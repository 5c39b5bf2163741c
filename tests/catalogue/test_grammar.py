"""French grammar helpers: elision, contraction, « 1er »; other languages untouched."""

import pytest
from django.template import Context, Template
from django.utils import translation

from catalogue import grammar


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Marc", "de Marc"), ("Émilie", "d’Émilie"), ("Annie", "d’Annie"), ("Hugo", "d’Hugo"), ("Yannick", "de Yannick")],
)
def test_de_elides_before_a_vowel_in_french(name, expected):
    assert grammar.de(name, "fr") == expected


def test_de_leaves_english_names_alone():
    assert grammar.de("Émilie", "en") == "Émilie"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Formations de Émilie Gagnon", "Formations d’Émilie Gagnon"),
        ("Profil de Annie", "Profil d’Annie"),
        ("que Émilie ne déclare pas", "qu’Émilie ne déclare pas"),
        ("enseigner à les PME", "enseigner aux PME"),
        ("le savoir de les gestionnaires", "le savoir des gestionnaires"),
        # Correct French stays as it is.
        ("vous aide à les rencontrer", "vous aide à les rencontrer"),
        ("Formations de Marc Roy", "Formations de Marc Roy"),
        ("de onze à midi", "de onze à midi"),
    ],
)
def test_elide_mends_what_placeholders_broke(text, expected):
    assert grammar.elide(text, "fr") == expected


def test_elide_leaves_english_alone():
    assert grammar.elide("Trainings by de Annie", "en") == "Trainings by de Annie"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("samedi 1 mai 2027", "samedi 1er mai 2027"),
        ("1 janvier 2027", "1er janvier 2027"),
        ("11 mai 2027", "11 mai 2027"),
        ("21 mai 2027", "21 mai 2027"),
        ("2 mai 2027", "2 mai 2027"),
    ],
)
def test_first_of_the_month_is_an_ordinal_in_french(text, expected):
    assert grammar.ordinal_dates(text, "fr") == expected


def test_english_dates_keep_their_numbers():
    assert grammar.ordinal_dates("1 May 2027", "en") == "1 May 2027"


def test_template_filters_follow_the_active_language():
    template = Template("{% load grammar %}{{ name|de }}|{{ text|elide }}|{{ day|ordinal_dates }}")
    context = Context({"name": "Émilie", "text": "Profil de Annie", "day": "1 mai 2027"})
    with translation.override("fr"):
        assert template.render(context) == "d’Émilie|Profil d’Annie|1er mai 2027"
    with translation.override("en"):
        assert template.render(context) == "Émilie|Profil de Annie|1 mai 2027"


def test_elide_keeps_escaping_of_names():
    template = Template("{% load grammar %}{{ name|de }}")
    with translation.override("fr"):
        assert template.render(Context({"name": "Anne <b>&</b> Co"})) == "d’Anne &lt;b&gt;&amp;&lt;/b&gt; Co"

"""catalogue.vocabulary: platforms, uses and word families, read alike by search and matcher."""

import pytest

from catalogue.matching import analyse
from catalogue.models import Platform, Use
from catalogue.vocabulary import recognise_platforms, recognise_uses, search_forms
from tests.catalogue.objectives import build_demo_objectives

PLATFORMS = [
    Platform(pk=1, slug="linkedin", name_fr="LinkedIn", name_en="LinkedIn"),
    Platform(pk=2, slug="instagram", name_fr="Instagram", name_en="Instagram"),
    Platform(pk=3, slug="x", name_fr="X (Twitter)", name_en="X (Twitter)"),
    Platform(pk=4, slug="tiktok", name_fr="TikTok", name_en="TikTok"),
    Platform(pk=5, slug="mastodon", name_fr="Mastodon", name_en="Mastodon", keywords_fr="masto"),
]


def _slugs(text):
    return [named.item.slug for named in recognise_platforms(text, PLATFORMS)]


@pytest.mark.parametrize(
    ("text", "slugs"),
    [
        ("être plus présent sur LinkedIn", ["linkedin"]),
        ("mieux réseauter sur linked in", ["linkedin"]),
        ("vendre sur Insta et TikTok", ["instagram", "tiktok"]),
        ("tik tok pour les PME", ["tiktok"]),
        ("publier sur X/Twitter", ["x"]),
        ("grow my audience on X", ["x"]),
        ("rayon x", []),
        ("promouvoir sur Masto", ["mastodon"]),
        ("promouvoir mes produits", []),
    ],
)
def test_platform_names_and_usual_spellings_are_recognised(text, slugs):
    assert _slugs(text) == slugs


def test_a_platform_never_decides_the_focus():
    analysis = analyse("être plus présent sur LinkedIn", build_demo_objectives(), "fr", platforms=PLATFORMS)

    assert analysis.focus == "unknown"
    assert [named.item.slug for named in analysis.platforms] == ["linkedin"]
    assert analysis.names_environment


def test_media_objective_on_linkedin_shows_the_curators_note():
    linkedin = Platform(pk=1, slug="linkedin", name_fr="LinkedIn", name_en="LinkedIn", note_fr="Plutôt un réseau.")
    analysis = analyse("promouvoir mes produits sur LinkedIn", build_demo_objectives(), "fr", platforms=[linkedin])

    assert analysis.focus == "media"
    assert "Plutôt un réseau." in analysis.explanation


@pytest.mark.parametrize("word", ["réseautage", "réseauter", "reseau", "Réseaux"])
def test_every_word_of_the_family_searches_its_common_prefix(word):
    from catalogue.text import fold

    assert search_forms(fold(word)) == ["reseau"]


@pytest.mark.parametrize("text", ["faire du réseautage", "je veux réseauter", "développer mon réseau d'affaires"])
def test_the_matcher_reads_the_word_family_of_networking_as_network(text):
    analysis = analyse(text, build_demo_objectives(), "fr")

    assert analysis.focus == "network"


def test_uses_are_recognised_by_stem_and_family():
    uses = [
        Use(code="networking", name_fr="Réseauter", name_en="Network", keywords_fr="réseautage"),
        Use(code="play", name_fr="Jouer", name_en="Play", keywords_fr="jeux\nconcours"),
    ]
    assert [n.item.code for n in recognise_uses("un concours sur Instagram", uses)] == ["play"]
    assert [n.item.code for n in recognise_uses("faire du réseautage", uses)] == ["networking"]

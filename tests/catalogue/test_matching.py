"""The objective matcher against the demo objectives (catalogue/demo/reference.py)."""

import pytest

from catalogue.matching import analyse
from tests.catalogue.objectives import build_demo_objectives

OBJECTIVES = build_demo_objectives()

# (visitor's phrasing, expected focus, expected best objective or None)
PHRASINGS = [
    # French, media
    ("utiliser les réseaux sociaux pour promouvoir mes produits", "media", "promouvoir-un-produit"),
    ("Je veux diffuser mes messages", "media", "diffuser-vos-messages"),
    ("faire du marketing viral sur TikTok", "media", "marketing-viral"),
    ("lancer un nouveau produit sur Instagram", "media", "promouvoir-un-produit"),
    ("créer du contenu viral pour ma marque", "media", "marketing-viral"),
    ("augmenter la visibilité de mon entreprise", "media", "diffuser-vos-messages"),
    ("faire de la publicité sur Facebook", "media", "promouvoir-un-produit"),
    ("annoncer notre événement au grand public", "media", "diffuser-vos-messages"),
    ("élaborer une stratégie sur les médias sociaux", "media", "diffuser-vos-messages"),
    ("PUBLICITE", "media", "promouvoir-un-produit"),
    ("faire connaître mon organisme sans but lucratif", "media", "promouvoir-un-produit"),
    ("augmenter mes abonnés sur Instagram", "media", "diffuser-vos-messages"),
    # French, network
    ("utiliser les médias sociaux pour garder contact avec mes clients", "network", "maintenir-vos-contacts-en-vie"),
    ("développer mon réseau d'affaires", "network", "developper-votre-reseau-d-affaires"),
    ("DEVELOPPER MON RESEAU D'AFFAIRES", "network", "developper-votre-reseau-d-affaires"),
    ("rencontrer des partenaires potentiels", "network", "developper-votre-reseau-d-affaires"),
    ("maintenir mes contacts en vie", "network", "maintenir-vos-contacts-en-vie"),
    ("améliorer ma réputation professionnelle", "network", "faire-briller-votre-etoile"),
    ("fidéliser ma clientèle", "network", "maintenir-vos-contacts-en-vie"),
    ("faire du réseautage sur LinkedIn", "network", "developper-votre-reseau-d-affaires"),
    ("rester en contact avec mes anciens collègues", "network", "maintenir-vos-contacts-en-vie"),
    ("faire briller mon étoile", "network", "faire-briller-votre-etoile"),
    ("élargir mon réseau professionnel", "network", "developper-votre-reseau-d-affaires"),
    ("trouver un emploi grâce à LinkedIn", "network", "developper-votre-reseau-d-affaires"),
    ("améliorer mon profil LinkedIn", "network", "faire-briller-votre-etoile"),
    # French, mixed
    ("promouvoir mon produit et développer mon réseau d'affaires", "mixed", None),
    ("diffuser mes messages et entretenir mes relations avec mes clients", "mixed", None),
    ("faire du marketing viral tout en soignant ma réputation", "mixed", None),
    # French, unknown
    ("les réseaux sociaux", "unknown", None),
    ("je veux une formation sur les médias sociaux", "unknown", None),
    ("apprendre la cuisine italienne", "unknown", None),
    ("bonjour", "unknown", None),
    ("mieux utiliser LinkedIn", "unknown", None),
    ("apprendre à connaître mes clients", "unknown", None),
    # English, media
    ("use social media to promote my products", "media", "promouvoir-un-produit"),
    ("spread the word about our new service", "media", "diffuser-vos-messages"),
    ("I want my videos to go viral", "media", "marketing-viral"),
    ("advertising on Instagram", "media", "promouvoir-un-produit"),
    ("launch a new product", "media", "promouvoir-un-produit"),
    ("increase our brand awareness", "media", "promouvoir-un-produit"),
    ("social media strategy for our nonprofit", "media", "diffuser-vos-messages"),
    ("increase followers on Instagram", "media", "diffuser-vos-messages"),
    ("get more customers", "media", "promouvoir-un-produit"),
    # English, network
    ("use social networks to keep in touch with my clients", "network", "maintenir-vos-contacts-en-vie"),
    ("grow my business network", "network", "developper-votre-reseau-d-affaires"),
    ("meet potential partners at events", "network", "developper-votre-reseau-d-affaires"),
    ("build my professional reputation", "network", "faire-briller-votre-etoile"),
    ("Networking on LinkedIn", "network", "developper-votre-reseau-d-affaires"),
    ("nurture relationships with former colleagues", "network", "maintenir-vos-contacts-en-vie"),
    ("make my star shine", "network", "faire-briller-votre-etoile"),
    ("personal branding on LinkedIn", "network", "faire-briller-votre-etoile"),
    ("be seen as an expert in my field", "network", "faire-briller-votre-etoile"),
    ("build an online community", "network", "developper-votre-reseau-d-affaires"),
    # English, mixed
    ("promote my product and grow my network", "mixed", None),
    ("go viral and build credibility", "mixed", None),
    # English, unknown
    ("social media", "unknown", None),
    ("I need a trainer", "unknown", None),
    ("cooking lessons", "unknown", None),
    # Slugs
    ("marketing-viral", "media", "marketing-viral"),
    ("faire-briller-votre-etoile", "network", "faire-briller-votre-etoile"),
]


def test_the_table_covers_both_languages_and_all_outcomes():
    assert len(PHRASINGS) >= 40
    assert {focus for _, focus, _ in PHRASINGS} == {"media", "network", "mixed", "unknown"}


@pytest.mark.parametrize(("text", "focus", "best"), PHRASINGS, ids=[p[0] for p in PHRASINGS])
def test_phrasing_is_read_as_expected(text, focus, best):
    analysis = analyse(text, OBJECTIVES, "fr")

    assert analysis.focus == focus
    if best:
        assert analysis.objectives[0].objective.slug == best
    if focus == "unknown":
        assert analysis.objectives == []
    if focus == "mixed":
        assert {r.objective.focus for r in analysis.objectives} == {"media", "network"}


def test_environment_words_alone_do_not_decide_the_focus():
    promote = analyse("utiliser les réseaux sociaux pour promouvoir mes produits", OBJECTIVES, "fr")
    keep = analyse("utiliser les médias sociaux pour garder contact avec mes clients", OBJECTIVES, "fr")

    assert (promote.focus, keep.focus) == ("media", "network")
    assert promote.environment_terms == ["réseaux sociaux"]
    assert promote.objectives[0].matched_terms == ["promouvoir mes produits"]
    assert keep.environment_terms == ["médias sociaux"]
    assert keep.objectives[0].matched_terms == ["garder contact"]


def test_plural_inflection_and_accents_are_the_same_words():
    one = analyse("promouvoir un produit", OBJECTIVES, "fr")
    many = analyse("Promotion de nos PRODUITS", OBJECTIVES, "fr")

    assert one.objectives[0].objective.slug == many.objectives[0].objective.slug == "promouvoir-un-produit"
    assert many.objectives[0].matched_terms == ["Promotion", "PRODUITS"]


def test_longer_phrase_wins_over_a_word_it_contains():
    analysis = analyse("personal branding", OBJECTIVES, "en")

    assert [r.objective.slug for r in analysis.objectives] == ["faire-briller-votre-etoile"]


def test_slug_is_recognised_with_full_score():
    analysis = analyse("diffuser-vos-messages", OBJECTIVES, "en")

    assert analysis.focus == "media"
    assert [(r.objective.slug, r.score) for r in analysis.objectives] == [("diffuser-vos-messages", 1.0)]


def test_objectives_are_ranked_by_score():
    analysis = analyse("rester en contact avec mes anciens collègues et rencontrer", OBJECTIVES, "fr")

    assert [r.objective.slug for r in analysis.objectives] == [
        "maintenir-vos-contacts-en-vie",
        "developper-votre-reseau-d-affaires",
    ]
    assert analysis.objectives[0].score > analysis.objectives[1].score


def test_inactive_or_missing_objectives_are_never_guessed():
    assert analyse("promouvoir mes produits", [], "fr").focus == "unknown"
    assert analyse("", OBJECTIVES, "fr").focus == "unknown"
    assert analyse(None, OBJECTIVES, "fr").objectives == []


def test_very_long_text_is_read_without_error():
    analysis = analyse("promouvoir mes produits " * 500, OBJECTIVES, "fr")

    assert analysis.focus == "media"


def test_curated_keywords_are_read_from_the_objective_not_from_code():
    objectives = build_demo_objectives()
    objectives[0].keywords_fr += "\ninfolettre hebdomadaire\nbalado"

    assert analyse("lancer un balado", objectives, "fr").focus == "media"
    assert analyse("lancer un balado", list(objectives[3:]), "fr").focus == "unknown"


def test_explanation_in_french_names_words_and_the_media_meaning():
    analysis = analyse("utiliser les réseaux sociaux pour promouvoir mes produits", OBJECTIVES, "fr")

    assert analysis.explanation == (
        "Nous avons reconnu cet objectif : Promouvoir un produit (d’après « promouvoir mes produits »). "
        "« réseaux sociaux » désigne l’environnement, les plateformes, et non ce que vous voulez y accomplir : "
        "les mêmes plateformes servent à diffuser un message ou à bâtir des relations. "
        "C’est un objectif de médias sociaux : un média social est un outil de communication, un véhicule pour "
        "faire passer un message à un public. Cherchez un expert en médias sociaux."
    )


def test_explanation_in_english_names_words_and_the_network_meaning():
    analysis = analyse("keep in touch with my clients", OBJECTIVES, "en")

    assert analysis.explanation == (
        "We recognised this objective: Keep your contacts alive (from “keep in touch”). "
        "This is a social networking objective: a social network is people, and business relationships are "
        "built over time. Look for a networking expert."
    )


def test_explanation_of_mixed_says_both_and_asks_to_pick():
    analysis = analyse("promote my product and grow my network", OBJECTIVES, "en")

    assert analysis.explanation.startswith(
        "We recognised these objectives: Promote a product (from “promote my product”); "
        "Grow your business network (from “grow my network”)."
    )
    assert "A media expert is not necessarily a networking expert" in analysis.explanation


def test_explanation_of_unknown_in_french_asks_to_pick():
    analysis = analyse("les réseaux sociaux", OBJECTIVES, "fr")

    assert analysis.explanation.startswith("Nous n’avons reconnu aucun objectif dans « les réseaux sociaux ».")
    assert "Choisissez un de nos objectifs" in analysis.explanation

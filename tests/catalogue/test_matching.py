"""The objective matcher against the demo objectives (catalogue/demo/reference.py)."""

import pytest

from catalogue.matching import analyse
from tests.catalogue.objectives import build_demo_objectives
from tests.french import fr

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

    # The same sentences as in English, each from the French catalogue.
    recognised = fr(
        "%(objective)s (from %(terms)s)", objective="Promouvoir un produit", terms=_q("promouvoir mes produits")
    )
    assert analysis.explanation == " ".join(
        [
            fr(
                "We recognised this objective: %(list)s.",
                "We recognised these objectives: %(list)s.",
                1,
                list=recognised,
            ),
            fr(
                "%(terms)s names the environment, the platforms, not what you want to achieve there: the same "
                "platforms serve to spread a message or to build relationships.",
                "%(terms)s name the environment, the platforms, not what you want to achieve there: the same "
                "platforms serve to spread a message or to build relationships.",
                1,
                terms=_q("réseaux sociaux"),
            ),
            fr(
                "This is a social media objective: a social medium is a communication tool, a vehicle to carry a "
                "message to an audience. Look for a social media expert."
            ),
        ]
    )


def _q(term):
    return fr("“%(term)s”", term=term)


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

    assert analysis.explanation.startswith(
        fr("We did not recognise an objective in “%(query)s”.", query="les réseaux sociaux")
    )
    assert "Choisissez un de nos objectifs" in analysis.explanation


# -- reading intent (issue 12) -----------------------------------------------------------------------------

TRAPS = [
    # surface words point the other way
    ("je veux promouvoir mon produit auprès de mes contacts LinkedIn", "fr", "media"),
    ("rencontrer des influenceurs pour bâtir des partenariats durables", "fr", "network"),
    ("je ne veux pas faire de pub, je veux garder le contact avec mes clients", "fr", "network"),
    ("faire rayonner notre marque auprès des jeunes", "fr", "media"),
    ("je veux rayonner dans mon milieu", "fr", "network"),
    ("promote my products to my LinkedIn connections", "en", "media"),
    ("meet influencers to build lasting partnerships", "en", "network"),
]


@pytest.mark.parametrize(("text", "lang", "focus"), TRAPS, ids=[t[0] for t in TRAPS])
def test_surface_words_pointing_the_other_way_do_not_decide(text, lang, focus):
    assert analyse(text, OBJECTIVES, lang).focus == focus


@pytest.mark.parametrize(
    ("text", "focus", "aside"),
    [
        ("sans faire de pub, entretenir mes relations", "network", ["pub"]),
        ("pas pour vendre", "unknown", ["vendre"]),
        ("je veux vendre plutôt que réseauter", "media", ["réseauter"]),
        ("Je fais déjà de la pub mais je veux surtout fidéliser ma clientèle", "network", ["pub"]),
        ("not to sell", "unknown", ["sell"]),
        ("I want to sell, not to network", "media", ["to network"]),
        ("keep in touch with my clients rather than advertising", "network", ["advertising"]),
    ],
)
def test_negated_or_contrasted_words_are_set_aside(text, focus, aside):
    analysis = analyse(text, OBJECTIVES, "fr")

    assert (analysis.focus, analysis.set_aside) == (focus, aside)
    assert all(term not in " ".join(r.matched_terms) for r in analysis.objectives for term in aside)


def test_not_only_and_but_also_ask_for_both():
    assert analyse("promouvoir mes produits mais aussi développer mon réseau", OBJECTIVES, "fr").focus == "mixed"
    assert analyse("not only sell but also meet partners", OBJECTIVES, "en").focus == "mixed"


def test_one_side_with_context_is_not_mixed():
    analysis = analyse("rencontrer des influenceurs pour bâtir des partenariats durables", OBJECTIVES, "fr")

    assert analysis.focus == "network"
    assert {r.objective.focus for r in analysis.objectives} == {"network"}


@pytest.mark.parametrize(
    ("text", "focus", "best"),
    [
        ("devlopper mon reseau d'afaires", "network", "developper-votre-reseau-d-affaires"),
        ("grow my buisness network", "network", "developper-votre-reseau-d-affaires"),
        ("promovoir mes produits", "media", "promouvoir-un-produit"),
    ],
)
def test_one_typo_in_a_longer_word_is_forgiven(text, focus, best):
    analysis = analyse(text, OBJECTIVES, "fr")

    assert analysis.focus == focus
    assert analysis.objectives[0].objective.slug == best


@pytest.mark.parametrize("text", ["LinkedIn", "TikTok et Instagram", "les réseaux sociaux", "bonnes pratiques"])
def test_platforms_and_the_environment_alone_stay_unknown(text):
    assert analyse(text, OBJECTIVES, "fr").focus == "unknown"


def test_paraphrase_without_curated_keyword_is_read_and_quoted():
    analysis = analyse("on organise un festival, il faut que tout le monde en entende parler", OBJECTIVES, "fr")

    assert analysis.focus == "media"
    assert "entende parler" in analysis.objectives[0].matched_terms


def test_lexicon_cue_points_to_a_remaining_objective_of_its_side():
    network_only = [o for o in OBJECTIVES if o.focus == "network"][1:]  # no "grow your network" objective

    analysis = analyse("rencontrer des investisseurs", network_only, "fr")

    assert analysis.focus == "network"
    assert analysis.objectives[0].objective.slug == network_only[0].slug


def test_explanation_names_what_was_set_aside_in_both_languages():
    french = analyse("je ne veux pas faire de pub, je veux garder le contact", OBJECTIVES, "fr").explanation
    english = analyse("no ads, I want to keep in touch with my clients", OBJECTIVES, "en").explanation

    assert fr("We set aside %(terms)s: the way you put it, that is not what you are after.", terms=_q("pub")) in french
    assert "We set aside “ads”" in english


@pytest.mark.parametrize(
    ("text", "lang", "focus"),
    [
        ("j'ai déjà beaucoup d'abonnés, maintenant je veux créer de vraies relations avec eux", "fr", "network"),
        ("I already have a large network, now I want to promote my products", "en", "media"),
    ],
)
def test_what_the_visitor_already_has_is_context_not_the_aim(text, lang, focus):
    assert analyse(text, OBJECTIVES, lang).focus == focus


def test_a_word_is_not_read_as_a_longer_cue_sharing_its_stem():
    # "networking" and "network" share a stem; "recruit" and "recruiters" too.
    assert analyse("I need more visibility, my network is not enough anymore", OBJECTIVES, "en").focus == "media"
    assert analyse("recruit volunteers with a campaign", OBJECTIVES, "en").focus == "media"


@pytest.mark.parametrize(
    ("typed", "known", "typo"),
    [
        ("devlopper", "developper", True),  # a letter missing
        ("buisness", "business", True),  # neighbours swapped
        ("scales", "sales", False),  # one letter too many in a short word
        ("contactes", "contacts", True),  # in a longer one
        ("export", "expert", False),  # one letter changed: another word
        ("fermer", "former", False),
    ],
)
def test_only_typical_typos_are_forgiven(typed, known, typo):
    from catalogue.matching import _is_typo_of

    assert _is_typo_of(typed, known) is typo

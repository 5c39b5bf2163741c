"""The home page and the match page, in both languages."""

import re

import pytest
from django.utils.html import escape

from catalogue.models import Use
from tests.factories import make_expert, make_platform, make_session, make_training
from tests.french import fr

pytestmark = pytest.mark.django_db


def _text(response):
    html = response.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _fr(msgid, *plural, **params):
    """The French catalogue's text, spaces squashed as `_text` does."""
    return re.sub(r"\s+", " ", fr(msgid, *plural, **params))


def _q(term):
    return fr("“%(term)s”", term=term)


def test_home_groups_objectives_under_media_and_network_in_french(client, objectives):
    response = client.get("/fr/")

    html = response.content.decode()
    text = _text(response)
    assert response.status_code == 200
    assert "Quel est votre objectif ?" in text
    media, network = html.index('id="picker-media"'), html.index('id="picker-network"')
    assert media < html.index("Promouvoir un produit") < network < html.index("Faire briller votre étoile")
    assert 'href="/fr/match/?objective=promouvoir-un-produit"' in html
    assert "Un expert en médias n’est pas nécessairement un expert en réseautage" in text
    assert "savoir-être" in text
    assert 'action="/fr/match/"' in html


def test_home_in_english_explains_the_distinction(client, objectives):
    text = _text(client.get("/en/"))

    assert "What is your objective?" in text
    assert "Grow your business network" in text
    assert "A media expert is not necessarily a networking expert, and vice versa." in text
    assert "Stay away from those who say there is only one way to use these platforms" in text


def test_home_shows_featured_published_trainings_only(client, objectives):
    make_training(title="Featured live", featured=True)
    make_training(title="Featured draft", featured=True, status="draft")
    make_training(title="Not featured")

    text = _text(client.get("/en/"))

    assert "Featured live" in text
    assert "Featured draft" not in text
    assert "Not featured" not in text


def test_match_page_shows_focus_explanation_trainings_and_experts(client, objectives):
    expert = make_expert(name="Nadia Roy", slug="nadia-roy", focuses=["network"])
    training = make_training(
        title="Garder le lien",
        trainer=expert,
        focus="network",
        objectives=[objectives["maintenir-vos-contacts-en-vie"]],
    )
    make_session(training)
    make_training(title="Promo", focus="media", objectives=[objectives["promouvoir-un-produit"]])

    response = client.get(
        "/fr/match/", {"objective": "utiliser les médias sociaux pour garder contact avec mes clients"}
    )

    html = response.content.decode()
    text = _text(response)
    assert response.status_code == 200
    assert 'data-focus="network"' in html
    assert "Réseaux sociaux" in text
    recognised = _fr(
        "We recognised this objective: %(list)s.", "We recognised these objectives: %(list)s.", 1, list="|"
    ).split("|")[0]
    assert recognised + "Maintenir vos contacts en vie" in text
    assert "Garder le lien" in text
    assert "Promo" not in text
    assert _fr("Carries your objective “%(objective)s”.", objective="Maintenir vos contacts en vie") in text
    assert "Nadia Roy" in text
    assert 'href="/fr/experts/nadia-roy/brief/?objective=' in html
    assert "Envoyer une demande" in text
    assert 'href="/fr/trainings/?focus=network&amp;objective=maintenir-vos-contacts-en-vie"' in html


def test_match_page_in_english(client, objectives):
    make_training(title="Go viral", focus="media", objectives=[objectives["marketing-viral"]])

    text = _text(client.get("/en/match/", {"objective": "I want my videos to go viral"}))

    assert "Your objective is about: Social media" in text
    assert "We recognised this objective: Viral marketing (from “go viral”)." in text
    assert "Go viral" in text
    assert "Carries your objective “Viral marketing”." in text


def test_mixed_match_shows_both_sides_and_asks_to_pick(client, objectives):
    make_training(title="Media side", focus="media", objectives=[objectives["promouvoir-un-produit"]])
    make_training(title="Network side", focus="network", objectives=[objectives["developper-votre-reseau-d-affaires"]])

    response = client.get("/en/match/", {"objective": "promote my product and grow my network"})

    html = response.content.decode()
    text = _text(response)
    assert 'data-focus="mixed"' in html
    assert html.index('id="side-media"') < html.index("Media side") < html.index('id="side-network"')
    assert html.index('id="side-network"') < html.index("Network side")
    assert "Pick the side that matters most to you" in text
    assert 'href="/en/match/?objective=promouvoir-un-produit"' in html
    assert 'href="/en/match/?objective=developper-votre-reseau-d-affaires"' in html


def test_unknown_match_asks_to_pick_an_objective(client, objectives):
    make_training(title="Anything", focus="media")

    response = client.get("/fr/match/", {"objective": "bonjour"})

    html = response.content.decode()
    text = _text(response)
    assert 'data-focus="unknown"' in html
    assert _fr("We did not recognise an objective in “%(query)s”.", query="bonjour") in text
    assert "Choisissez l’objectif le plus proche du vôtre" in text
    assert 'href="/fr/match/?objective=diffuser-vos-messages"' in html
    assert "Anything" not in text


def test_environment_only_asks_what_for_with_objectives_from_both_sides(client, objectives):
    make_training(title="Anything", focus="media")

    response = client.get("/fr/match/", {"objective": "les réseaux sociaux"})

    html = response.content.decode()
    assert 'data-focus="unknown"' in html
    assert 'id="suggestions-heading"' in html
    assert 'href="/fr/match/?objective=diffuser-vos-messages"' in html
    assert 'href="/fr/match/?objective=maintenir-vos-contacts-en-vie"' in html
    assert "Anything" not in _text(response)


def test_slug_from_the_picker_matches_that_objective(client, objectives):
    text = _text(client.get("/en/match/", {"objective": "faire-briller-votre-etoile"}))

    assert "Your objective is about: Social networking" in text
    assert "Make your star shine" in text


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"objective": ""}, "Dites-nous votre objectif"),
        ({"objective": "   "}, "Dites-nous votre objectif"),
        ({"objective": "x" * 501}, "Gardez votre objectif sous 500 caractères (il en compte 501)"),
    ],
)
def test_empty_or_too_long_objective_gets_a_friendly_message(client, objectives, params, message):
    response = client.get("/fr/match/", params)

    text = _text(response)
    assert response.status_code == 200
    assert message in text
    assert 'aria-invalid="true"' in response.content.decode()
    assert "Promouvoir un produit" in text  # the picker again


def test_match_page_without_objective_shows_the_picker(client, objectives):
    text = _text(client.get("/en/match/"))

    assert "Or pick one of our objectives" in text
    assert "Spread your messages" in text


def test_typed_text_is_escaped(client, objectives):
    response = client.get("/en/match/", {"objective": "<script>alert(1)</script> promote"})

    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert escape("<script>alert(1)</script>") in html


@pytest.mark.parametrize("count", [2, 6])
def test_match_page_query_count_does_not_grow(client, objectives, count, django_assert_max_num_queries):
    for _ in range(count):
        training = make_training(focus="media", objectives=[objectives["marketing-viral"]])
        make_session(training)

    # objectives and their uses, platforms, uses; best trainings, those trainings, their objectives, platforms,
    # uses; outcome evidence per expert, experts; the catalogue revision (page cache); the cards' outcomes and
    # response times, for all cards at once; when the experts' ranking may next change (kept with it)
    with django_assert_max_num_queries(15):
        response = client.get("/en/match/", {"objective": "viral"})

    assert _text(response).count("Carries your objective") == count


@pytest.mark.parametrize("count", [2, 6])
def test_home_query_count_does_not_grow(client, objectives, count, django_assert_max_num_queries):
    for _ in range(count):
        make_session(make_training(featured=True))

    with django_assert_max_num_queries(3):
        response = client.get("/fr/")

    assert _text(response).count("Prochaine séance :") == count


def test_match_results_are_not_indexed_but_the_empty_page_is(client, objectives):
    assert b'name="robots" content="noindex"' in client.get("/en/match/", {"objective": "viral"}).content
    assert b'name="robots"' not in client.get("/en/match/").content


def test_a_platform_alone_asks_what_for_and_shows_its_trainings_from_both_sides(client, objectives):
    linkedin = make_platform(slug="linkedin", name_fr="LinkedIn", name_en="LinkedIn")
    make_training(title="Diffuser sur LinkedIn", focus="media", platforms=[linkedin])
    make_training(title="Réseauter sur LinkedIn", focus="network", platforms=[linkedin])
    make_training(title="Ailleurs", focus="network")

    response = client.get("/fr/match/", {"objective": "être plus présent sur LinkedIn"})

    html, text = response.content.decode(), _text(response)
    assert 'data-focus="unknown"' in html
    assert 'id="suggestions-heading"' in html
    assert "Diffuser vos messages sur LinkedIn" in text
    assert "Développer votre réseau d" in text and "affaires sur LinkedIn" in text
    assert escape("/fr/match/?objective=diffuser-vos-messages&platform=linkedin") in html
    assert "Diffuser sur LinkedIn" in text and "Réseauter sur LinkedIn" in text
    assert "Ailleurs" not in text
    assert 'class="badge badge-media"' in html and 'class="badge badge-network"' in html


def test_a_suggestion_keeps_the_platform_and_ranks_its_trainings_first(client, objectives):
    linkedin = make_platform(slug="linkedin", name_fr="LinkedIn", name_en="LinkedIn", note_fr="Plutôt un réseau.")
    goal = objectives["diffuser-vos-messages"]
    make_session(make_training(title="Ailleurs", focus="media", objectives=[goal]))
    make_training(title="Sur LinkedIn", focus="media", objectives=[goal], platforms=[linkedin])

    response = client.get("/fr/match/", {"objective": "diffuser-vos-messages", "platform": "linkedin"})

    html, text = response.content.decode(), _text(response)
    assert text.index("Sur LinkedIn") < text.index("Ailleurs")
    assert "Plutôt un réseau." in text
    assert '<input type="hidden" name="platform" value="linkedin">' in html


def test_match_cards_show_the_trainings_language_and_the_visitors_language_ranks_first(client, objectives):
    goal = objectives["marketing-viral"]
    make_training(title="In English", focus="media", objectives=[goal], language="en")
    make_training(title="En français", focus="media", objectives=[goal], language="fr")

    fr = _text(client.get("/fr/match/", {"objective": "marketing viral"}))
    en = _text(client.get("/en/match/", {"objective": "viral marketing"}))
    chosen = _text(client.get("/en/match/", {"objective": "viral marketing", "language": "fr"}))

    assert fr.index("En français") < fr.index("In English")
    assert en.index("In English") < en.index("En français")
    assert chosen.index("En français") < chosen.index("In English")
    assert "Français" in fr and "Anglais" in fr


def test_competences_ticked_on_the_match_page_rank_and_travel_to_the_brief(client, objectives):
    goal = objectives["marketing-viral"]
    make_training(title="Cours théorique", focus="media", objectives=[goal], competences=["knowledge"])
    make_training(title="Cours relationnel", focus="media", objectives=[goal], competences=["interpersonal"])
    make_training(trainer=make_expert(focuses=["media"]), focus="media", objectives=[goal])

    response = client.get("/fr/match/", {"objective": "marketing viral", "competence": ["interpersonal"]})

    html, text = response.content.decode(), _text(response)
    assert text.index("Cours relationnel") < text.index("Cours théorique")
    assert 'name="competence" value="interpersonal" id="id_competence_2" checked' in html
    assert "competence=interpersonal" in html  # the brief link and the catalogue link carry it


@pytest.mark.parametrize("path", ["/en/match/", "/en/trainings/"])
def test_pages_with_the_new_parameters_are_served_from_the_cache(
    client, objectives, settings, path, django_assert_num_queries
):
    settings.PAGE_CACHE_SECONDS = 60
    make_platform(slug="linkedin", name_fr="LinkedIn", name_en="LinkedIn")
    make_training(title="Viral", focus="media", objectives=[objectives["marketing-viral"]])
    params = {"objective": "viral", "platform": "linkedin", "competence": "knowledge", "language": "en"}
    if path == "/en/trainings/":
        params = {"use": "play", "platform": "linkedin", "competence": "knowledge", "language": "en"}

    client.get(path, params)
    with django_assert_num_queries(1):  # the catalogue revision, nothing else
        assert client.get(path, params).status_code == 200


def test_the_page_shows_the_platforms_uses_and_competences_it_read(client, objectives):
    make_platform(slug="linkedin", name_fr="LinkedIn", name_en="LinkedIn")
    objectives["developper-votre-reseau-d-affaires"].uses.set(Use.objects.filter(code="networking"))

    response = client.get(
        "/fr/match/", {"objective": "développer mon réseau d'affaires sur LinkedIn", "competence": "interpersonal"}
    )

    wishes = response.content.decode().split('class="list-inline small mt-2 mb-0 match-wishes"')[1].split("</ul>")[0]
    assert "LinkedIn" in wishes and "Réseauter" in wishes and "Savoir-être" in wishes


def test_an_unknown_competence_is_ignored_and_the_match_still_answers(client, objectives):
    response = client.get("/fr/match/", {"objective": "marketing viral", "competence": ["charisme", "knowledge"]})

    assert response.status_code == 200
    assert 'data-focus="media"' in response.content.decode()


def test_match_page_reads_intent_and_says_what_was_set_aside_in_french(client, objectives):
    make_training(title="Garder le lien", focus="network", objectives=[objectives["maintenir-vos-contacts-en-vie"]])
    make_training(title="Pub Facebook", focus="media", objectives=[objectives["promouvoir-un-produit"]])

    response = client.get(
        "/fr/match/", {"objective": "je ne veux pas faire de pub, je veux garder le contact avec mes clients"}
    )

    html = response.content.decode()
    text = _text(response)
    assert 'data-focus="network"' in html
    from_terms = _fr(
        "%(objective)s (from %(terms)s)", objective="Maintenir vos contacts en vie", terms=_q("garder le contact")
    )
    assert from_terms in text
    assert _fr("We set aside %(terms)s: the way you put it, that is not what you are after.", terms=_q("pub")) in text
    assert "Garder le lien" in text
    assert "Pub Facebook" not in text


def test_match_page_reads_a_paraphrase_in_english(client, objectives):
    make_training(title="Spread the word", focus="media", objectives=[objectives["diffuser-vos-messages"]])

    text = _text(client.get("/en/match/", {"objective": "we are opening a clinic and need people to hear about it"}))

    assert "Your objective is about: Social media" in text
    assert "“hear about”" in text
    assert "Spread the word" in text


def test_match_page_offers_a_brief_only_to_experts_who_can_receive_one(client, objectives):
    for name, fields in (("Avec Compte", {}), ("Sans Compte", {"with_user": False})):
        expert = make_expert(name=name, slug=name.lower().replace(" ", "-"), focuses=["network"], **fields)
        make_training(trainer=expert, focus="network", objectives=[objectives["maintenir-vos-contacts-en-vie"]])

    html = client.get("/fr/match/", {"objective": "maintenir-vos-contacts-en-vie"}).content.decode()

    assert 'href="/fr/experts/avec-compte/brief/?objective=' in html
    assert 'href="/fr/experts/sans-compte/brief/?objective=' not in html
    assert html.count('data-brief="unavailable"') == 1

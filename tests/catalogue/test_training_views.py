import html
import re
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from catalogue.models import Revision, Session, Training
from tests.factories import make_expert, make_objective, make_platform, make_session, make_training
from tests.french import fr

pytestmark = pytest.mark.django_db

CARD_TITLE = re.compile(r'class="[^"]*training-card-link"[^>]*>([^<]*)</a>')


def _html(response):
    return response.content.decode()


def _card_titles(response):
    """The titles of the result cards, as the visitor reads them (cached pages have no context)."""
    return [html.unescape(title) for title in CARD_TITLE.findall(response.content.decode())]


def test_list_shows_a_card_with_everything_a_visitor_compares(client):
    trainer = make_expert(name="Annie Tremblay", slug="annie-tremblay")
    training = make_training(
        title="LinkedIn pour les PME", trainer=trainer, focus="network", format="conference", price=Decimal("150")
    )
    make_session(training, starts_in=timedelta(days=20), city="Québec")
    make_training(title="Atelier TikTok", format="workshop", price=Decimal("0"), mode="online", city="")
    response = client.get("/fr/trainings/")
    html = _html(response)
    assert response.status_code == 200
    assert "2 formations" in html
    assert "LinkedIn pour les PME" in html
    assert '<span class="badge badge-network">Réseaux sociaux</span>' in html
    assert "Conférence" in html
    assert "Québec" in html  # the next session's city
    assert "150&nbsp;CAD" in html
    assert "Gratuit" in html
    assert 'href="/fr/experts/annie-tremblay/"' in html
    assert "Aucune séance prévue" in html  # the TikTok workshop has no session


def test_list_in_english(client):
    make_training(title="TikTok workshop", focus="media", format="workshop", price=Decimal("0"))
    html = _html(client.get("/en/trainings/"))
    assert "1 training" in html
    assert '<span class="badge badge-media">Social media</span>' in html
    assert "Workshop" in html
    assert "Free" in html
    assert "Subscribe to this search (.ics)" in html


def test_card_says_online_for_an_online_next_session(client):
    training = make_training(title="Webinaire", mode="online", city="")
    make_session(training, is_online=True, city="", venue="")
    html = _html(client.get("/en/trainings/"))
    assert re.search(r"</time>\s*· online", html)


def test_card_dates_the_next_session_in_its_own_time_zone(client):
    training = make_training(title="Paris")
    year = timezone.now().year + 1
    start = datetime(year, 3, 10, 23, 30, tzinfo=UTC)  # already 11 March in Paris, still 10 March in Montréal
    Session.objects.create(
        training=training, starts_at=start, ends_at=start + timedelta(hours=2), timezone="Europe/Paris", city="Paris"
    )
    html = _html(client.get("/en/trainings/"))
    assert f'<time datetime="{year}-03-11T00:30:00+01:00">March 11, {year}</time>' in html


def test_filters_are_applied_and_the_form_keeps_them(client):
    make_training(title="Media one", focus="media")
    make_training(title="Network one", focus="network")
    response = client.get("/fr/trainings/?focus=network")
    assert _card_titles(response) == ["Network one"]
    html = _html(response)
    assert '<option value="network" selected>Réseaux sociaux</option>' in html
    assert "Orientation\u00a0: Réseaux sociaux" in html


def test_facets_count_per_focus_and_format_for_the_current_search(client):
    make_training(focus="media", format="workshop", title="Marketing viral")
    make_training(focus="media", format="course", title="Marketing de contenu")
    make_training(focus="network", format="workshop", title="Marketing relationnel")
    make_training(focus="network", format="workshop", title="Autre chose")
    response = client.get("/en/trainings/?q=marketing&focus=media")
    facets = {facet["name"]: {o["code"]: o["count"] for o in facet["options"]} for facet in response.context["facets"]}
    assert facets == {
        "focus": {"media": 2, "network": 1},
        "format": {"conference": 0, "course": 1, "workshop": 1},
    }
    html = _html(response)
    assert 'data-facet="focus-network">Social networking <span class="badge rounded-pill facet-count">1</span>' in html
    assert 'href="?focus=network&amp;q=marketing"' in html


def test_sort_links_keep_the_filters_and_drop_the_page(client):
    make_training(focus="media")
    html = _html(client.get("/en/trainings/?focus=media&page=1"))
    assert 'href="?focus=media&amp;sort=-price">Price, highest first</a>' in html


def test_sort_is_applied(client):
    make_training(title="Cheap", price=Decimal("10"))
    make_training(title="Dear", price=Decimal("900"))
    assert _card_titles(client.get("/fr/trainings/?sort=-price")) == ["Dear", "Cheap"]
    assert _card_titles(client.get("/fr/trainings/?sort=price")) == ["Cheap", "Dear"]


def test_subscribe_link_is_the_feed_with_the_same_query_without_page(client):
    make_training()
    html = _html(client.get("/fr/trainings/?focus=media&page=2&competence=knowledge"))
    assert 'href="/fr/trainings/feed.ics?competence=knowledge&amp;focus=media"' in html
    assert fr("Subscribe to this search (.ics)") in html


def test_pagination_keeps_the_filters(client):
    for n in range(15):
        make_training(title=f"Media {n:02}", focus="media")
    make_training(title="Network", focus="network")
    response = client.get("/en/trainings/?focus=media")
    assert len(response.context["trainings"]) == 12
    html = _html(response)
    assert 'href="?focus=media&amp;page=2" rel="next">Next</a>' in html
    page2 = client.get("/en/trainings/?focus=media&page=2")
    assert len(page2.context["trainings"]) == 3
    assert "Page 2 of 2" in _html(page2)
    assert "Network" not in _card_titles(page2)


@pytest.mark.parametrize("page,expected", [("abc", 1), ("99999", 2), ("0", 2), ("-1", 2), ("", 1)])
def test_bad_page_numbers_show_the_first_or_last_page(client, page, expected):
    for _ in range(13):
        make_training()
    response = client.get(f"/fr/trainings/?page={page}")
    assert response.status_code == 200
    assert response.context["page_obj"].number == expected


@pytest.mark.parametrize(
    "query,message",
    [
        ("focus=xyz", "Sélectionnez un choix valide. xyz n’en fait pas partie."),
        ("starts_after=notadate", "Saisissez une date valide."),
        ("price_max=-5", "Assurez-vous que cette valeur est supérieure ou égale à 0."),
        ("q=" + "x" * 5000, "Assurez-vous que cette valeur comporte au plus 200 caractères (actuellement 5000)."),
        ("objective=nope", "Sélectionnez un choix valide. nope n’en fait pas partie."),
        ("sort=random", "Sélectionnez un choix valide. random n’en fait pas partie."),
    ],
)
def test_bad_filter_values_show_the_form_error_not_a_500(client, query, message):
    make_training(title="Still listed")
    response = client.get(f"/fr/trainings/?{query}")
    assert response.status_code == 200
    html = _html(response)
    assert message in html
    assert fr("Some filters could not be applied; the others were.") in html
    assert _card_titles(response) == ["Still listed"]


def test_every_bad_value_at_once(client):
    make_training()
    response = client.get("/en/trainings/?focus=xyz&page=99999&starts_after=notadate&price_max=-5&q=" + "é" * 5000)
    assert response.status_code == 200
    assert response.context["page_obj"].number == 1
    assert set(response.context["form"].errors) == {"focus", "starts_after", "price_max", "q"}


def test_a_field_marked_invalid_for_one_search_is_not_for_the_next(client):
    # The filter forms share their fields across requests (catalogue.filter_form.SharedFieldsFilterSet).
    make_training()
    invalid = _html(client.get("/en/trainings/?price_max=cheap&city=Lyon"))
    assert 'id="id_price_max_error"' in invalid and 'class="form-control is-invalid"' in invalid
    valid = _html(client.get("/en/trainings/?price_max=100&city=Laval"))
    assert "is-invalid" not in valid and 'aria-invalid="true"' not in valid
    assert 'class="form-control" id="id_price_max"' in valid and 'name="price_max" value="100"' in valid


def test_empty_state_suggests_relaxing_filters_with_a_link_that_clears_them(client):
    make_training(title="Only media", focus="media")
    html = _html(client.get("/fr/trainings/?focus=network&free=true"))
    assert "0 formation" in html
    assert "Aucune formation ne correspond à votre recherche." in html
    assert "Essayez d’assouplir vos filtres" in html
    assert '<a class="btn btn-primary" href="/fr/trainings/">Voir toutes les formations</a>' in html


def test_active_filter_chips_remove_one_value_each(client):
    a = make_objective(slug="marketing-viral", name_en="Viral marketing")
    b = make_objective(slug="promouvoir-un-produit", name_en="Promote a product")
    make_training(objectives=[a, b])
    html = _html(client.get("/en/trainings/?objective=marketing-viral&objective=promouvoir-un-produit"))
    assert 'href="?objective=promouvoir-un-produit">Objective: Viral marketing' in html
    assert 'href="?objective=marketing-viral">Objective: Promote a product' in html


def test_shareable_url_gives_the_same_results(client):
    make_training(title="Atelier LinkedIn", focus="network", format="workshop")
    make_training(title="Conférence LinkedIn", focus="network", format="conference")
    url = "/fr/trainings/?q=linkedin&format=workshop&sort=newest"
    assert _card_titles(client.get(url)) == ["Atelier LinkedIn"]
    assert _card_titles(client.get(url)) == ["Atelier LinkedIn"]


def test_text_search_on_the_page_is_accent_insensitive(client):
    make_training(title="Les médias sociaux")
    make_training(title="Le réseau d'affaires")
    assert _card_titles(client.get("/fr/trainings/?q=medias")) == ["Les médias sociaux"]
    assert _card_titles(client.get("/en/trainings/?q=RESEAU")) == ["Le réseau d'affaires"]


# -- detail -------------------------------------------------------------------


def _full_training():
    trainer = make_expert(
        name="Annie Tremblay", slug="annie-tremblay", headline="Stratège LinkedIn", focuses=["network"]
    )
    objective = make_objective(
        focus="network",
        slug="developper-votre-reseau",
        name_fr="Développer votre réseau d'affaires",
        name_en="Grow your business network",
    )
    platform = make_platform(slug="linkedin", name_fr="LinkedIn", name_en="LinkedIn")
    training = make_training(
        title="Réseauter sur LinkedIn",
        slug="reseauter-sur-linkedin",
        trainer=trainer,
        focus="network",
        format="workshop",
        level="intermediate",
        mode="hybrid",
        language="fr",
        duration_hours=Decimal("3.5"),
        price=Decimal("250"),
        description="Un atelier **pratique**.\n\n<script>alert(1)</script>",
        objectives=[objective],
        platforms=[platform],
        competences=["know_how", "interpersonal"],
    )
    make_session(
        training, starts_in=timedelta(days=12), city="Montréal", venue="Maison du développement durable", seats=25
    )
    make_session(training, starts_in=timedelta(days=40), is_online=True, city="", venue="")
    make_session(training, starts_in=timedelta(days=-10), venue="Salle passée")
    return training


def test_detail_in_french_shows_everything(client):
    training = _full_training()
    html = _html(client.get("/fr/trainings/reseauter-sur-linkedin/"))
    assert "<h1>Réseauter sur LinkedIn</h1>" in html
    assert "Un atelier <strong>pratique</strong>." in html
    assert "<script>alert(1)</script>" not in html
    assert fr("A social networking training: what does that mean?") in html
    assert "un ensemble de personnes interconnectées" in html
    assert "Prochaines séances" in html
    assert "Maison du développement durable, Montréal" in html
    assert "25 places" in html
    assert "En ligne" in html
    assert "Salle passée" not in html
    assert 'href="/fr/trainings/?objective=developper-votre-reseau">Développer votre réseau d&#x27;affaires</a>' in html
    assert 'href="/fr/trainings/?platform=linkedin">LinkedIn</a>' in html
    assert "Savoir-faire" in html and ": couvert" in html and ": non couvert" in html
    assert "Intermédiaire" in html and "Hybride" in html and "3,5 h" in html and "250&nbsp;CAD" in html
    assert 'href="/fr/experts/annie-tremblay/"' in html
    assert "Stratège LinkedIn" in html
    # The brief opens with this training's objective and platform (issue 13).
    brief = f'href="/fr/experts/annie-tremblay/brief/?training={training.slug}&amp;objective=developper-votre-reseau&amp;platform=linkedin"'
    assert brief in html
    assert "Envoyer une demande à cette personne" in html
    assert 'href="/fr/trainings/reseauter-sur-linkedin/calendar.ics"' in html
    assert "Ajouter à mon agenda (.ics)" in html


def test_detail_in_english(client):
    _full_training()
    html = _html(client.get("/en/trainings/reseauter-sur-linkedin/"))
    assert "A social networking training: what does that mean?" in html
    assert "Grow your business network" in html
    assert "25 seats" in html
    assert "Intermediate" in html and "Hybrid" in html and "3.5 h" in html
    assert "Send a brief to this trainer" in html
    assert "Add to my calendar (.ics)" in html


def test_detail_explains_the_media_focus(client):
    make_training(slug="viral", focus="media")
    html = _html(client.get("/en/trainings/viral/"))
    assert "A social media training: what does that mean?" in html
    assert "it is a vehicle for a message" in html


def test_session_times_are_shown_in_the_session_time_zone(client):
    training = make_training(slug="paris")
    year = timezone.now().year + 1
    start = datetime(year, 3, 10, 8, 0, tzinfo=UTC)  # 09:00 in Paris, 04:00 in Montréal
    Session.objects.create(
        training=training, starts_at=start, ends_at=start + timedelta(hours=2), timezone="Europe/Paris", city="Paris"
    )
    html = _html(client.get("/fr/trainings/paris/"))
    assert "De 09:00 à 11:00 (CET)" in html


def test_detail_without_upcoming_session_invites_a_brief(client):
    make_training(slug="no-session")
    html = _html(client.get("/en/trainings/no-session/"))
    assert "No session is scheduled yet." in html


def test_unknown_training_is_a_404(client):
    assert client.get("/fr/trainings/nope/").status_code == 404


def test_links_drop_empty_parameters(client):
    make_training()
    html = _html(client.get("/fr/trainings/?q=&focus=media&city=&page=2"))
    assert 'href="/fr/trainings/feed.ics?focus=media"' in html
    html = _html(client.get("/fr/trainings/"))
    assert 'href="/fr/trainings/feed.ics"' in html


def test_an_unknown_session_time_zone_falls_back_to_the_site_one(client):
    training = make_training(slug="odd-zone", title="Odd zone")
    make_session(training, timezone="Mars/Olympus_Mons")
    assert "Odd zone" in _html(client.get("/fr/trainings/"))
    response = client.get("/fr/trainings/odd-zone/")
    assert response.status_code == 200
    assert "(EST)" in _html(response) or "(EDT)" in _html(response)


def test_a_search_past_the_count_cap_says_so_and_shows_only_counts_it_knows(client, monkeypatch):
    monkeypatch.setattr("catalogue.filters.COUNT_CAP", 3)
    for n in range(5):
        make_training(title=f"Réseau d'affaires {n}", focus="network", format=("workshop", "course")[n % 2])
    make_training(title="Réseau d'affaires en ligne", focus="media", format="workshop")
    make_training(title="Atelier TikTok", focus="media", format="workshop")

    page = _html(client.get("/fr/trainings/?q=reseau&focus=network"))
    assert "Plus de 3 formations" in page
    # The selected focus stands for the results: "3+"; the counts past the cap are not shown.
    assert re.search(r'data-facet="focus-network" aria-current="true">[^<]+ <span[^>]*>3\+</span>', page)
    assert re.search(r'data-facet="focus-media">[^<]+</a>', page)
    assert len(_card_titles(client.get("/fr/trainings/?q=reseau&focus=network"))) == 3

    # A total under the cap is exact, even when the other counts are not known.
    page = _html(client.get("/fr/trainings/?q=reseau&focus=media"))
    assert "1 formation" in page and "Plus de" not in page
    assert re.search(r'data-facet="focus-network">[^<]+</a>', page)
    # Under the cap, every count is exact as before.
    page = _html(client.get("/fr/trainings/?q=ligne"))
    assert re.search(r'data-facet="focus-network">[^<]+ <span[^>]*>0</span>', page)
    assert re.search(r'data-facet="format-workshop">[^<]+ <span[^>]*>1</span>', page)


def test_counts_are_written_with_the_languages_thousands_separator(client):
    """« 1 002 formations » in French (non-breaking space), "1,002 trainings" in English."""
    trainer = make_training().trainer
    Training.objects.bulk_create(
        Training(
            title=f"Atelier {n}",
            slug=f"atelier-{n}",
            trainer=trainer,
            status="published",
            published_at=timezone.now(),
            summary="Un atelier.",
            duration_hours=3,
            price=100,
        )
        for n in range(1001)
    )
    Revision.bump()  # bulk_create sends no signals
    assert fr("%(shown)s training", "%(shown)s trainings", 1002, shown="1\u00a0002") in _html(
        client.get("/fr/trainings/")
    )
    assert "1,002 trainings" in _html(client.get("/en/trainings/"))

"""Anonymous visitors get public pages from the cache (catalogue.page_cache),
yet every change shows on the very next request and nobody's own page is
ever served to someone else."""

from datetime import timedelta

import pytest
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpResponseNotFound

from catalogue import workflow
from catalogue.enums import Status
from catalogue.models import Session
from catalogue.page_cache import public_page
from catalogue.workflow import Action
from tests.factories import make_assessment, make_curator, make_expert, make_objective, make_session, make_training

pytestmark = pytest.mark.django_db

PAGES = ["/fr/", "/en/trainings/", "/fr/trainings/?focus=media", "/fr/experts/", "/en/match/?objective=vendre"]


@pytest.fixture
def world():
    expert = make_expert(name="Chloé Tremblay", slug="chloe")
    training = make_training(title="Vendre sur Instagram", slug="vendre", trainer=expert, featured=True)
    make_session(training)
    return training


def _text(response):
    return response.content.decode()


@pytest.mark.parametrize("url", PAGES)
def test_a_second_anonymous_visit_is_served_from_the_cache(client, world, url, django_assert_num_queries):
    first = client.get(url)
    with django_assert_num_queries(1):  # the catalogue revision, nothing else
        second = client.get(url)
    assert second.status_code == 200
    assert _text(second) == _text(first)
    assert "Cookie" in second["Vary"]  # no shared HTTP cache may hand it to a logged-in visitor
    for header in ("Content-Security-Policy", "X-Frame-Options", "Content-Language", "Content-Type"):
        assert second[header] == first[header]


@pytest.mark.parametrize("url", ["/fr/trainings/", "/fr/trainings/vendre/", "/fr/experts/chloe/", "/fr/"])
def test_an_edited_title_shows_at_once(client, world, url):
    assert "Vendre sur Instagram" in _text(client.get(url))
    world.title = "Vendre sur TikTok"
    world.save()
    page = _text(client.get(url))
    assert "Vendre sur TikTok" in page and "Vendre sur Instagram" not in page


def test_a_published_offer_shows_at_once_everywhere(client, world):
    curator = make_curator()
    pending = make_training(title="Animer sa communauté", slug="animer", status=Status.SUBMITTED, trainer=world.trainer)
    for url in ("/fr/trainings/", "/fr/experts/chloe/"):
        assert "Animer sa communauté" not in _text(client.get(url))
    assert client.get("/fr/trainings/animer/").status_code == 404

    make_assessment(pending, curator)  # the rubric answered all "yes" on this version
    workflow.transition(pending, Action.PUBLISH, by=curator)

    for url in ("/fr/trainings/", "/fr/experts/chloe/"):
        assert "Animer sa communauté" in _text(client.get(url))
    assert client.get("/fr/trainings/animer/").status_code == 200


@pytest.mark.parametrize("action", [Action.EDIT_PUBLISHED, Action.ARCHIVE])
def test_an_offer_taken_off_line_disappears_at_once(client, world, action):
    for url in ("/fr/trainings/", "/fr/trainings/vendre/", "/fr/experts/chloe/", "/fr/"):
        assert "Vendre sur Instagram" in _text(client.get(url))

    workflow.transition(world, action, by=world.trainer.user)

    assert client.get("/fr/trainings/vendre/").status_code == 404
    assert client.get("/fr/experts/chloe/").status_code == 404  # no published training left
    for url in ("/fr/trainings/", "/fr/"):
        assert "Vendre sur Instagram" not in _text(client.get(url))


def test_new_sessions_objectives_and_trainer_names_show_at_once(client, world):
    client.get("/fr/trainings/vendre/")
    objective = make_objective(name_fr="Lancer un produit", slug="lancer")
    world.objectives.add(objective)
    make_session(world, starts_in=timedelta(days=40), venue="Salle Gaspé")
    world.trainer.name = "Chloé Gagnon"
    world.trainer.save()
    page = _text(client.get("/fr/trainings/vendre/"))
    assert "Lancer un produit" in page and "Salle Gaspé" in page and "Chloé Gagnon" in page

    Session.objects.filter(venue="Salle Gaspé").delete()
    assert "Salle Gaspé" not in _text(client.get("/fr/trainings/vendre/"))


def test_a_text_search_finds_renamed_offers_at_once(client, world):
    assert "Vendre sur Instagram" not in _text(client.get("/fr/trainings/?q=webinaire"))
    world.title = "Webinaire : vendre sur Instagram"
    world.save()
    world.refresh_search_fields()
    assert "Webinaire : vendre sur Instagram" in _text(client.get("/fr/trainings/?q=webinaire"))


def test_demo_data_loaded_in_bulk_shows_at_once(client):
    from experts.demo import seed

    assert "5 trainings" not in _text(client.get("/en/trainings/"))
    seed(trainings=5, experts=2)
    assert "5 trainings" in _text(client.get("/en/trainings/"))


def test_a_logged_in_trainer_never_gets_the_anonymous_page_nor_leaves_theirs(client, world):
    anonymous_page = _text(client.get("/fr/trainings/"))
    assert "Tableau de bord" not in anonymous_page

    client.force_login(world.trainer.user)
    assert "Tableau de bord" in _text(client.get("/fr/trainings/"))
    client.logout()

    assert "Tableau de bord" not in _text(client.get("/fr/trainings/"))


def test_pages_with_a_pending_message_are_rendered_for_that_visitor(client, world):
    client.get("/fr/trainings/")
    client.cookies[CookieStorage.cookie_name] = "anything"
    response = client.get("/fr/trainings/")
    assert response.status_code == 200
    assert response.context is not None  # rendered by the view, not copied from the cache


def test_unknown_parameters_are_never_cached(client, world):
    client.get("/fr/trainings/?utm_source=newsletter")
    again = client.get("/fr/trainings/?utm_source=newsletter")
    assert again.context is not None  # rendered again: junk parameters cannot fill the cache
    assert "Vendre sur Instagram" in _text(again)


def test_pages_that_answer_an_error_are_not_cached(client, world):
    for _ in range(2):
        missing = client.get("/fr/trainings/nothing-here/")
        assert missing.status_code == 404
        assert missing.context is not None  # rendered again, not served from the cache
    make_training(slug="nothing-here", title="Arrivée tardive")
    assert client.get("/fr/trainings/nothing-here/").status_code == 200


def test_an_error_response_returned_by_a_view_is_not_stored(rf):
    calls = []

    @public_page()
    def view(request):
        calls.append(request)
        return HttpResponseNotFound("gone")

    for _ in range(2):
        assert view(rf.get("/fr/gone/")).status_code == 404
    assert len(calls) == 2


def test_the_cache_can_be_turned_off(client, world, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/fr/trainings/")
    assert client.get("/fr/trainings/").context is not None


def test_a_change_rolled_back_leaves_cached_pages_valid(client, world, django_assert_num_queries):
    from django.db import transaction

    client.get("/fr/trainings/")
    with pytest.raises(RuntimeError), transaction.atomic():
        world.title = "Jamais publié"
        world.save()
        raise RuntimeError
    with django_assert_num_queries(1):
        page = _text(client.get("/fr/trainings/"))
    assert "Jamais publié" not in page and "Vendre sur Instagram" in page


def test_an_objective_renamed_in_the_admin_shows_in_the_filters_at_once(client, world):
    objective = make_objective(name_fr="Lancer un produit", slug="lancer")
    world.objectives.add(objective)
    assert "Lancer un produit" in _text(client.get("/fr/trainings/"))
    objective.name_fr = "Lancer une marque"
    objective.save()
    page = _text(client.get("/fr/trainings/"))
    assert "Lancer une marque" in page and "Lancer un produit" not in page


def test_a_trainer_owned_draft_is_never_cached_for_anyone(client, world):
    draft = make_training(title="Brouillon secret", slug="brouillon", status=Status.DRAFT, trainer=world.trainer)
    client.force_login(world.trainer.user)
    client.get(f"/fr/dashboard/offers/{draft.pk}/")
    client.logout()
    assert client.get("/fr/trainings/brouillon/").status_code == 404
    assert "Brouillon secret" not in _text(client.get("/fr/trainings/"))
    other = make_expert()
    assert other.slug not in _text(client.get("/fr/experts/"))


def test_the_revision_is_read_from_the_models_own_table():
    from catalogue.models import Revision

    assert Revision._meta.db_table == "catalogue_revision"
    Revision.bump()
    assert Revision.current() == Revision.objects.get(pk=1).number > 0

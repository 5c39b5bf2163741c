"""Training cards, the filter sidebar and facet counts cached for anonymous visitors
(catalogue.fragments): shared between pages, never stale, never a
logged-in visitor's."""

import pytest
from django.template import RequestContext, Template

from catalogue.models import Objective, Revision, Training
from tests.factories import make_expert, make_objective, make_session, make_training

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def rendered_pages(settings):
    # Whole pages off: every request renders, so only the fragment caches can answer.
    settings.PAGE_CACHE_SECONDS = 0
    settings.FRAGMENT_CACHE_SECONDS = 600  # off by default


@pytest.fixture
def training():
    training = make_training(title="Vendre sur Instagram", slug="vendre", trainer=make_expert(name="Chloé Tremblay"))
    make_session(training)
    return training


def _rename_without_bump(training, title):
    """A change the revision does not know about: shows whether a card came from the cache."""
    Training.objects.filter(pk=training.pk).update(title=title)


def test_a_card_is_shared_by_pages_of_the_same_revision(client, training):
    assert "Vendre sur Instagram" in client.get("/fr/trainings/").content.decode()
    _rename_without_bump(training, "Vendre sur TikTok")
    other_page = client.get("/fr/trainings/?page=2").content.decode()
    assert "Vendre sur Instagram" in other_page


def test_a_card_shows_a_change_at_once(client, training):
    client.get("/fr/trainings/")
    training.title = "Vendre sur TikTok"
    training.save()
    page = client.get("/fr/trainings/").content.decode()
    assert "Vendre sur TikTok" in page and "Vendre sur Instagram" not in page


def test_a_card_is_cached_per_language(client, training):
    client.get("/fr/trainings/")
    english = client.get("/en/trainings/").content.decode()
    assert 'href="/en/trainings/vendre/"' in english


def test_a_logged_in_visitor_never_gets_a_cached_card(client, training):
    client.get("/fr/trainings/")
    _rename_without_bump(training, "Vendre sur TikTok")
    client.force_login(training.trainer.user)
    page = client.get("/fr/trainings/").content.decode()
    assert "Vendre sur TikTok" in page and "Vendre sur Instagram" not in page


def test_cards_render_as_the_include_did(client, training, settings):
    cached_twice = [client.get("/fr/trainings/").content.decode() for _ in range(2)]
    settings.FRAGMENT_CACHE_SECONDS = 0
    uncached = client.get("/fr/trainings/").content.decode()
    assert cached_twice[0] == cached_twice[1] == uncached


def test_the_filter_sidebar_is_shared_by_the_pages_of_one_search(client, training):
    objective = make_objective(slug="vendre-plus", name_fr="Vendre plus", name_en="Sell more")
    assert "Vendre plus" in client.get("/fr/trainings/?focus=media").content.decode()
    Objective.objects.filter(pk=objective.pk).update(name_fr="Vendre davantage")  # the revision does not know
    assert "Vendre plus" in client.get("/fr/trainings/?focus=media&page=2").content.decode()
    other_search = client.get("/fr/trainings/?focus=network").content.decode()
    assert "Vendre davantage" in other_search and "Vendre plus" not in other_search
    Revision.bump()
    assert "Vendre davantage" in client.get("/fr/trainings/?focus=media").content.decode()


def test_a_fragment_holding_a_csrf_token_is_never_stored(rf):
    template = Template('{% load cible %}{% fragment "form" "k" %}<form>{% csrf_token %}</form>{% endfragment %}')

    def render():
        request = rf.get("/fr/trainings/")
        request._catalogue_revision = 1
        return template.render(RequestContext(request))

    first, second = render(), render()
    assert 'name="csrfmiddlewaretoken"' in first
    assert first != second  # each visitor gets a token of their own, none from the cache


def test_facet_counts_are_shared_by_the_pages_and_sorts_of_one_search(client, training):
    def media_count(url):
        html = client.get(url).content.decode()
        return html.split('data-facet="focus-media"', 1)[1].split("facet-count", 1)[1].split("<", 1)[0]

    assert media_count("/fr/trainings/?format=workshop") == '">1'
    Training.objects.filter(pk=training.pk).update(focus="network")  # the revision does not know
    assert media_count("/fr/trainings/?format=workshop&sort=price&page=2") == '">1'
    Revision.bump()
    assert media_count("/fr/trainings/?format=workshop") == '">0'


def test_a_card_is_cached_apart_per_search_and_shortlist(client, training):
    client.get("/fr/trainings/?focus=media")
    _rename_without_bump(training, "Vendre sur TikTok")
    assert "Vendre sur Instagram" in client.get("/fr/trainings/?focus=media&page=1").content.decode()
    for url in ("/fr/trainings/?format=workshop", "/fr/trainings/?focus=media&t=vendre"):
        page = client.get(url).content.decode()
        assert "Vendre sur TikTok" in page and "Vendre sur Instagram" not in page

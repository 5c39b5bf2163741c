"""Training cards, the filter sidebar and facet counts cached for anonymous visitors
(catalogue.fragments): shared between pages, never stale, never a
logged-in visitor's."""

from contextlib import AbstractContextManager, nullcontext
from datetime import timedelta
from decimal import Decimal
from types import SimpleNamespace
from unittest import mock

import pytest
from django.template import RequestContext, Template
from django.utils import timezone

from catalogue.filter_form import FilterForm
from catalogue.models import ExchangeRate, Objective, Revision, Training
from experts.models import Expert
from tests.factories import make_expert, make_objective, make_outcomes, make_platform, make_session, make_training

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def rendered_pages(settings):
    # Whole pages off: every request renders, so only the fragment caches can answer.
    settings.PAGE_CACHE_SECONDS = 0
    settings.FRAGMENT_CACHE_SECONDS = 600


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
    built = mock.patch.object(FilterForm, "sidebar_fields", autospec=True, side_effect=FilterForm.sidebar_fields)
    with built as sidebar_fields:
        assert "Vendre plus" in client.get("/fr/trainings/?focus=media").content.decode()
        Objective.objects.filter(pk=objective.pk).update(name_fr="Vendre davantage")  # the revision does not know
        assert "Vendre plus" in client.get("/fr/trainings/?focus=media&page=2").content.decode()
        assert sidebar_fields.call_count == 1
        other_search = client.get("/fr/trainings/?focus=network").content.decode()
        assert sidebar_fields.call_count == 2
    # Its own sidebar (its focus picked), listing the objectives kept for the revision.
    assert '<option value="network" selected>' in other_search and "Vendre plus" in other_search
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


def test_a_card_is_shared_by_searches_and_shortlists_with_their_own_links(client, training):
    client.get("/fr/trainings/?focus=media")
    _rename_without_bump(training, "Vendre sur TikTok")
    for url, link in (
        ("/fr/trainings/?format=workshop", 'href="/fr/trainings/vendre/"'),
        ("/fr/trainings/?focus=media&t=vendre", 'href="/fr/trainings/vendre/?t=vendre"'),
        ("/fr/trainings/?objective=vendre-plus", 'href="/fr/trainings/vendre/?objective=vendre-plus"'),
    ):
        page = client.get(url).content.decode()
        assert "Vendre sur Instagram" in page and "Vendre sur TikTok" not in page  # the same card…
        assert link in page  # …with this search's link
    listed = client.get("/fr/trainings/?t=vendre").content.decode()
    assert 'data-shortlist-add="vendre"' in listed and "shortlist-listed" in listed  # its button per request


# The proof that the fragment keys hold everything the fragments show: every page a
# visitor can ask for renders the same with the fragment caches on (filled before
# the change) and off, whatever a curator, a trainer, a visitor or time changes.
PAGES = [
    "/fr/trainings/",
    "/en/trainings/",
    "/fr/trainings/?focus=media&t=vendre",
    "/en/trainings/?t=vendre&t=lier",
    "/fr/trainings/?objective=vendre-plus&format=workshop",
    "/en/trainings/?objective=vendre-plus&t=lier",
    "/fr/trainings/?sort=price",
    "/en/trainings/?sort=-price&price_max=120",
    "/fr/trainings/?q=instagram",
    "/fr/trainings/vendre/",
    "/en/trainings/vendre/?objective=vendre-plus&t=vendre",
    "/fr/trainings/lier/",
    "/fr/experts/chloe-tremblay/",
    "/fr/experts/",
    "/en/experts/?focus=media",
    "/fr/",
    "/en/",
]


@pytest.fixture
def world():
    objective = make_objective(slug="vendre-plus", name_fr="Vendre plus", name_en="Sell more")
    trainer = make_expert(name="Chloé Tremblay", slug="chloe-tremblay")
    selling = make_training(
        title="Vendre sur Instagram", slug="vendre", trainer=trainer, objectives=[objective], featured=True
    )
    linking = make_training(
        title="Garder le lien", slug="lier", trainer=trainer, focus="network", price=Decimal("90"), currency="EUR"
    )
    first = make_session(selling, starts_in=timedelta(days=3))
    make_session(selling, starts_in=timedelta(days=20), city="Québec")
    make_session(linking, starts_in=timedelta(days=5), is_online=True)
    return SimpleNamespace(objective=objective, trainer=trainer, selling=selling, linking=linking, first=first)


def _pages(client, settings, fragments):
    settings.FRAGMENT_CACHE_SECONDS = 600 if fragments else 0
    return {url: client.get(url).content.decode() for url in PAGES}


def _save(instance, **fields):
    for name, value in fields.items():
        setattr(instance, name, value)
    instance.save()


def _days_later(days):
    later = timezone.now() + timedelta(days=days)
    return mock.patch("django.utils.timezone.now", return_value=later)


CHANGES = {
    "title": lambda w: _save(w.selling, title="Vendre sur TikTok"),
    "price": lambda w: _save(w.selling, price=Decimal("150")),
    "free": lambda w: _save(w.linking, price=Decimal("0")),
    "currency": lambda w: _save(w.selling, currency="USD"),
    "session added": lambda w: make_session(w.linking, starts_in=timedelta(days=1), city="Gatineau"),
    "session moved": lambda w: _save(
        w.first, starts_at=w.first.starts_at + timedelta(days=30), ends_at=w.first.ends_at + timedelta(days=30)
    ),
    "session cancelled": lambda w: w.first.delete(),
    "trainer renamed": lambda w: _save(w.trainer, name="Chloé Gagnon"),
    "trainer photo": lambda w: _save(w.trainer, photo="experts/chloe.jpg"),
    "trainer headline": lambda w: _save(w.trainer, headline="Stratège Instagram"),
    "trainer platform": lambda w: w.trainer.platforms.add(make_platform(slug="mastodon", name_fr="Mastodon")),
    "another training": lambda w: make_training(title="Vendre en direct", slug="direct", trainer=w.trainer),
    "objective renamed": lambda w: _save(w.objective, name_fr="Vendre davantage"),
    "exchange rate": lambda w: ExchangeRate.objects.create(currency="EUR", cad_value=Decimal("1.6")),
    "outcomes answered": lambda w: make_outcomes(w.trainer, training=w.selling, reached=3),
    "time past a session start": lambda w: _days_later(4),
    "time past every session": lambda w: _days_later(40),
}


@pytest.mark.parametrize("change", CHANGES)
def test_the_fragment_caches_change_nothing_a_visitor_sees(client, settings, world, change):
    before = _pages(client, settings, fragments=True)  # fills the caches
    assert before == _pages(client, settings, fragments=False)
    moved = CHANGES[change](world)  # time moves inside a context; other changes are saved
    with moved if isinstance(moved, AbstractContextManager) else nullcontext():
        cached = _pages(client, settings, fragments=True)
        rendered = _pages(client, settings, fragments=False)
    assert cached == rendered
    assert cached != before  # the change shows somewhere: the comparison was not vacuous


def test_a_logged_in_trainer_sees_every_change_at_once(client, settings, world):
    _pages(client, settings, fragments=True)
    # Changes the revision does not know about: only a page rendered whole shows them.
    Training.objects.filter(pk=world.selling.pk).update(title="Vendre sur TikTok")
    Objective.objects.filter(pk=world.objective.pk).update(name_fr="Vendre davantage")
    client.force_login(world.trainer.user)
    for url in ("/fr/trainings/", "/fr/trainings/?objective=vendre-plus&t=vendre", "/fr/trainings/vendre/"):
        page = client.get(url).content.decode()
        assert "Vendre sur TikTok" in page and "Vendre sur Instagram" not in page
    assert "Vendre davantage" in client.get("/fr/trainings/").content.decode()
    Expert.objects.filter(pk=world.trainer.pk).update(headline="Stratège TikTok")
    assert "Stratège TikTok" in client.get("/fr/experts/").content.decode()


def test_facet_counts_of_any_search_on_indexed_columns_come_from_one_table_per_revision(client, training):
    make_training(title="Atelier LinkedIn", focus="network", format="workshop", level="advanced")
    page = client.get("/fr/trainings/?level=advanced").content.decode()
    assert 'data-facet="format-workshop">Atelier <span class="badge rounded-pill facet-count">1</span>' in page
    Training.objects.filter(title="Atelier LinkedIn").update(format="course")  # the revision does not know
    other_search = client.get("/fr/trainings/?level=advanced&focus=network").content.decode()
    assert 'data-facet="format-workshop">Atelier <span class="badge rounded-pill facet-count">1</span>' in other_search
    Revision.bump()
    page = client.get("/fr/trainings/?level=advanced&focus=network").content.decode()
    assert 'data-facet="format-course">Formation <span class="badge rounded-pill facet-count">1</span>' in page

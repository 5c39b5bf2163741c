from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from catalogue.enums import Status
from catalogue.models import Training
from tests.factories import make_curator, make_expert, make_session, make_training
from tests.french import fr

pytestmark = pytest.mark.django_db

LIST = "/fr/admin/catalogue/training/"


def _titles(response):
    return [t.title for t in response.context["cl"].result_list]


def _submitted(title, days_ago, **fields):
    return make_training(
        status=Status.SUBMITTED, title=title, submitted_at=timezone.now() - timedelta(days=days_ago), **fields
    )


def test_queue_lists_submitted_offers_oldest_first_by_default(client):
    _submitted("Récente", 1)
    _submitted("Ancienne", 9)
    _submitted("Moyenne", 4)
    make_training(status=Status.PUBLISHED, title="Publiée")
    make_training(status=Status.DRAFT, title="Brouillon")
    client.force_login(make_curator())
    response = client.get(LIST)
    assert _titles(response) == ["Ancienne", "Moyenne", "Récente"]
    assert fr("Moderation queue: offers awaiting review, oldest first") in response.text
    # With the facet counts shown (Django's "Show counts"), the queue still lists the same offers.
    with_counts = client.get(LIST, {"_facets": "True"})
    assert _titles(with_counts) == ["Ancienne", "Moyenne", "Récente"]


def test_status_filter_all_and_other_statuses(client):
    _submitted("Soumise", 1)
    make_training(status=Status.PUBLISHED, title="Publiée")
    client.force_login(make_curator())
    assert sorted(_titles(client.get(LIST, {"status": "all"}))) == ["Publiée", "Soumise"]
    assert _titles(client.get(LIST, {"status": "published"})) == ["Publiée"]


def test_filters_by_focus_format_trainer_and_search(client):
    annie = make_expert(name="Annie Tremblay")
    _submitted("Atelier réseau", 3, focus="network", format="workshop", trainer=annie)
    _submitted("Conférence médias", 2, focus="media", format="conference")
    _submitted("Formation réseau", 1, focus="network", format="course")
    client.force_login(make_curator())
    assert _titles(client.get(LIST, {"focus__exact": "network"})) == ["Atelier réseau", "Formation réseau"]
    assert _titles(client.get(LIST, {"format__exact": "conference"})) == ["Conférence médias"]
    assert _titles(client.get(LIST, {"trainer__id__exact": annie.pk})) == ["Atelier réseau"]
    assert _titles(client.get(LIST, {"q": "Tremblay"})) == ["Atelier réseau"]
    assert _titles(client.get(LIST, {"q": "réseau"})) == ["Atelier réseau", "Formation réseau"]


def test_submitted_date_filter(client):
    _submitted("Cette semaine", 1)
    _submitted("Il y a longtemps", 60)
    client.force_login(make_curator())
    # As the filter's "Past 7 days" link says it: local midnight, with its UTC offset.
    today = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    since = str(today - timedelta(days=7))
    response = client.get(LIST, {"submitted_at__gte": since})
    assert _titles(response) == ["Cette semaine"]


def test_admin_index_shows_counts_per_status(client):
    for _ in range(3):
        make_training(status=Status.SUBMITTED)
    make_training(status=Status.PUBLISHED)
    client.force_login(make_curator())
    response = client.get("/fr/admin/")
    html = response.text
    assert "Offres par état" in html
    assert '<a href="/fr/admin/catalogue/training/?status=submitted">Soumise pour évaluation</a></th><td>3</td>' in html
    assert '<a href="/fr/admin/catalogue/training/?status=published">Publiée</a></th><td>1</td>' in html
    assert '<a href="/fr/admin/catalogue/training/?status=archived">Archivée</a></th><td>0</td>' in html


def test_admin_is_translated_in_english(client):
    make_training(status=Status.SUBMITTED)
    client.force_login(make_curator())
    html = client.get("/en/admin/").text
    assert "Offers by status" in html and "Submitted for review" in html


def test_featured_is_edited_from_the_list_without_touching_the_status(client):
    training = make_training(status=Status.PUBLISHED, title="À la une")
    client.force_login(make_curator())
    data = {
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "1",
        "form-0-id": str(training.pk),
        "form-0-featured": "on",
        "_save": "Enregistrer",
    }
    response = client.post(f"{LIST}?status=published", data)
    assert response.status_code == 302
    training.refresh_from_db()
    assert training.featured is True
    assert training.status == Status.PUBLISHED


def test_change_form_only_edits_featured(client):
    training = make_training(status=Status.SUBMITTED, title="Titre du formateur")
    client.force_login(make_curator())
    client.post(
        f"{LIST}{training.pk}/change/",
        {
            "featured": "on",
            "title": "Pirate",
            "status": "published",
            "_save": "1",
            **{
                f"{prefix}-{key}": "0"
                for prefix in ("sessions", "transitions")
                for key in ("TOTAL_FORMS", "INITIAL_FORMS")
            },
        },
    )
    training.refresh_from_db()
    assert (training.title, training.status, training.featured) == ("Titre du formateur", Status.SUBMITTED, True)


def test_view_on_site_link_only_for_published_offers(client):
    published = make_training(status=Status.PUBLISHED)
    submitted = make_training(status=Status.SUBMITTED)
    client.force_login(make_curator())
    assert "viewsitelink" in client.get(f"{LIST}{published.pk}/change/").text
    assert "viewsitelink" not in client.get(f"{LIST}{submitted.pk}/change/").text


def _make_offers(n):
    for _ in range(n):
        training = make_training(status=Status.SUBMITTED, submitted_at=timezone.now())
        make_session(training)


def _count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries), len(response.context["cl"].result_list)


@pytest.mark.parametrize(
    "url",
    [
        LIST,
        f"{LIST}?status=all",
        "/fr/admin/catalogue/objective/",
        "/fr/admin/catalogue/platform/",
        "/fr/admin/experts/expert/",
        "/fr/admin/experts/brief/",
    ],
)
def test_admin_lists_run_a_fixed_number_of_queries(client, url, django_assert_num_queries):
    from tests.factories import make_objective, make_platform

    client.force_login(make_curator())
    client.get(url)  # warm up (session, content types)
    _make_offers(2)
    make_objective()
    make_platform()
    small, _ = _count_queries(client, url)
    _make_offers(8)
    for _ in range(5):
        make_objective()
        make_platform()
    large, _ = _count_queries(client, url)
    assert small == large
    with django_assert_num_queries(small):
        client.get(url)


def test_queue_query_count_is_exact(client, django_assert_num_queries):
    client.force_login(make_curator())
    _make_offers(3)
    client.get(LIST)
    with django_assert_num_queries(7):
        response = client.get(LIST)
    assert len(response.context["cl"].result_list) == 3
    _make_offers(12)
    with django_assert_num_queries(7):
        response = client.get(LIST)
    assert len(response.context["cl"].result_list) == 15
    assert Training.objects.count() == 15

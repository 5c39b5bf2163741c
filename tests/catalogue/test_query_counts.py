"""The public list pages run a fixed number of SQL queries, whatever the size of
the catalogue and of the page (on SQLite and PostgreSQL alike)."""

from datetime import timedelta

import pytest

from catalogue.models import Use
from tests.factories import make_expert, make_objective, make_platform, make_session, make_training

pytestmark = pytest.mark.django_db


def _catalogue(size):
    objectives = [make_objective(slug="marketing-viral"), make_objective(focus="network", slug="reseau")]
    platforms = [make_platform(slug="linkedin"), make_platform(slug="tiktok")]
    experts = [make_expert(focuses=["media", "network"]) for _ in range(3)]
    uses = list(Use.objects.filter(code__in=["networking", "broadcast"]))
    for expert in experts:
        expert.platforms.set(platforms)
    for n in range(size):
        training = make_training(
            title=f"Atelier médias {n}",
            trainer=experts[n % 3],
            focus=("media", "network")[n % 2],
            format=("workshop", "course", "conference")[n % 3],
            objectives=objectives,
            platforms=platforms,
            competences=["knowledge", "know_how"],
        )
        training.uses.set(uses)
        make_session(training, starts_in=timedelta(days=3 + n))
        make_session(training, starts_in=timedelta(days=30 + n), is_online=True)


# (url, queries): every public page first reads the catalogue revision (the page
# cache's key, catalogue.page_cache); then facets with the total, the page's ids,
# its cards, and the objective/platform choices the form renders (+1 each when
# the URL's objective or platform slugs are validated).
# Experts: count, page, platforms of the page's experts, platform choices.
PAGES = [
    # The training list's counts include the `use` choices of the filter form (issue 13).
    ("/fr/trainings/", 7),
    ("/en/trainings/?focus=media&format=workshop&competence=know_how&free=false&sort=soonest", 7),
    # price_max reads the curators' exchange rates once (issue 19).
    ("/fr/trainings/?objective=marketing-viral&platform=linkedin&starts_after=2020-01-01&price_max=500", 10),
    ("/fr/trainings/?q=medias&sort=relevance", 7),
    ("/fr/trainings/?q=atelier+medias&page=2", 7),
    ("/fr/trainings/?use=networking&use=play", 8),
    ("/fr/experts/", 6),  # + the uses of the "use" filter (#15)
    ("/en/experts/?focus=media&platform=linkedin&language=fr", 7),
]


@pytest.mark.parametrize("url,queries", PAGES)
@pytest.mark.parametrize("size", [3, 30])
def test_list_pages_run_a_fixed_number_of_queries(client, django_assert_num_queries, url, queries, size):
    _catalogue(size)
    with django_assert_num_queries(queries):
        response = client.get(url)
    assert response.status_code == 200


@pytest.mark.parametrize("size", [3, 30])
def test_training_detail_runs_a_fixed_number_of_queries(client, django_assert_num_queries, size):
    _catalogue(size)
    url = f"/fr/trainings/{_slug(0)}/"
    # revision, training+trainer, objectives, platforms, upcoming sessions, outcomes, publishing moves
    with django_assert_num_queries(7):
        response = client.get(url)
    assert response.status_code == 200


@pytest.mark.parametrize("size", [3, 30])
def test_expert_detail_runs_a_fixed_number_of_queries(client, django_assert_num_queries, size):
    _catalogue(size)
    from experts.models import Expert

    slug = Expert.objects.order_by("pk").first().slug
    # revision, expert, platforms, trainings, sessions, outcomes, response times, comments, approval's rubric
    with django_assert_num_queries(9):
        response = client.get(f"/en/experts/{slug}/")
    assert response.status_code == 200


def _slug(n):
    from catalogue.models import Training

    return Training.objects.get(title=f"Atelier médias {n}").slug


def test_page_size_does_not_change_the_query_count(client, django_assert_num_queries, monkeypatch):
    from catalogue.views.trainings import TrainingListView

    _catalogue(30)
    monkeypatch.setattr(TrainingListView, "paginate_by", 30)
    with django_assert_num_queries(7):
        response = client.get("/fr/trainings/")
    assert len(response.context["trainings"]) == 30

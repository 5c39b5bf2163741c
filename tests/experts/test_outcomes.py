"""Outcome figures: minimum answers, hired only, Wilson bound in the match order, on every page that shows them."""

import re

import pytest

from experts.outcomes import MIN_ANSWERS, figures_for, wilson_lower_bound
from experts.ranking import rank_experts_for
from tests.catalogue.objectives import create_demo_objectives
from tests.factories import make_expert, make_outcomes, make_public_expert, make_training
from tests.french import fr

pytestmark = pytest.mark.django_db

GOAL = "developper-votre-reseau-d-affaires"
FEW = "Objective reached: not enough answers yet"
HIRED = (
    "Objective reached: %(reached)s of %(answered)s person who hired them",
    "Objective reached: %(reached)s of %(answered)s people who hired them",
)


@pytest.fixture
def objectives():
    return create_demo_objectives()


def _text(response):
    return _plain(response.content.decode())


def _plain(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _figure(lang, reached, answered):
    """The hired-them figure as a visitor reads it: French from the catalogue, English as written."""
    if lang == "fr":
        return _plain(fr(*HIRED, n=answered, reached=reached, answered=answered))
    return HIRED[answered != 1] % {"reached": reached, "answered": answered}


def _few(lang):
    return _plain(fr(FEW)) if lang == "fr" else FEW


def test_wilson_bound_prefers_ten_answers_at_90_percent():
    assert wilson_lower_bound(9, 10) > wilson_lower_bound(1, 1) > 0
    assert wilson_lower_bound(0, 0) == 0
    assert 0 <= wilson_lower_bound(10, 10) <= 1


def test_only_hired_visitors_count_and_partly_is_apart(objectives):
    expert = make_public_expert()
    make_outcomes(expert, objectives[GOAL], reached=2, partly=1, no=1, not_hired=5)
    figures = figures_for("expert", [expert.pk])[expert.pk]
    assert (figures.answered, figures.reached, figures.partly) == (4, 2, 1)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_expert_page_shows_a_figure_only_from_three_answers(client, objectives, lang):
    enough_text, few_text = _figure(lang, reached=2, answered=3), _few(lang)
    expert = make_public_expert()
    make_outcomes(expert, objectives[GOAL], reached=1, partly=1, not_hired=3)
    assert MIN_ANSWERS == 3
    page = _text(client.get(f"/{lang}/experts/{expert.slug}/"))
    assert few_text in page
    make_outcomes(expert, objectives[GOAL], reached=1)
    from django.core.cache import cache

    cache.clear()
    page = _text(client.get(f"/{lang}/experts/{expert.slug}/"))
    assert enough_text in page and few_text not in page


def test_training_page_shows_its_outcomes(client, objectives):
    expert = make_public_expert()
    make_outcomes(expert, objectives[GOAL], reached=3, partly=1, training=expert.training)
    page = _text(client.get(f"/fr/trainings/{expert.training.slug}/"))
    assert _figure("fr", reached=3, answered=4) in page


def _two_networkers(objectives):
    goal = objectives[GOAL]
    one = make_expert(name="Alpha Un", slug="alpha-un", focuses=["network"])
    make_training(trainer=one, focus="network", objectives=[goal])
    ten = make_expert(name="Zoé Dix", slug="zoe-dix", focuses=["network"])
    make_training(trainer=ten, focus="network", objectives=[goal])
    make_outcomes(one, goal, reached=1)
    make_outcomes(ten, goal, reached=9, no=1)
    return one, ten


def test_ten_answers_at_90_percent_rank_above_one_at_100_on_the_match_page(client, objectives):
    _two_networkers(objectives)
    html = client.get("/fr/match/", {"objective": GOAL}).content.decode()
    assert html.index("Zoé Dix") < html.index("Alpha Un")
    text = _text(client.get("/en/match/", {"objective": GOAL}))
    assert "Objective reached: 9 of 10 people who aimed to" in text


def test_expert_scores_stay_within_0_and_1(objectives):
    goal = objectives[GOAL]
    best = make_expert(focuses=["network", "media"])
    for _ in range(3):
        make_training(trainer=best, focus="network", objectives=[goal])
    make_outcomes(best, goal, reached=50)
    ranked = rank_experts_for(["network"], [goal])
    assert ranked and all(0 <= r.score <= 1 for r in ranked)


def test_api_trainings_and_experts_carry_outcomes_without_personal_data(client, objectives):
    expert = make_public_expert()
    make_outcomes(expert, objectives[GOAL], reached=2, partly=1, not_hired=2, training=expert.training)
    training = client.get("/api/v1/trainings/").json()["results"][0]
    assert training["outcomes"] == {
        "answered": 3,
        "reached": 2,
        "partly": 1,
        "by_objective": [{"objective": GOAL, "answered": 3, "reached": 2}],
    }
    listed = client.get("/api/v1/experts/").json()["results"][0]
    detail = client.get(f"/api/v1/experts/{expert.slug}/").json()
    for item in (listed, detail):
        assert item["outcomes"]["answered"] == 3 and item["response_time_hours"] is None
    body = client.get("/api/v1/experts/").content.decode() + client.get("/api/v1/trainings/").content.decode()
    assert "@example.com" not in body and "Visiteur" not in body


def test_api_list_queries_do_not_grow_with_answers(client, objectives, django_assert_max_num_queries):
    for _ in range(4):
        expert = make_public_expert()
        make_outcomes(expert, objectives[GOAL], reached=3, training=expert.training)
    # 6 for the anonymous throttle; then the page, its relations and one query per figure, not per item.
    with django_assert_max_num_queries(13):  # the list reads the trainings' uses too
        client.get("/api/v1/trainings/")
    with django_assert_max_num_queries(12):
        client.get("/api/v1/experts/")

"""Ranking trainings and experts for a match."""

from datetime import timedelta

import pytest
from django.utils import translation

from catalogue.enums import Status
from catalogue.matching import analyse
from catalogue.ranking import rank_experts, rank_trainings
from tests.catalogue.objectives import create_demo_objectives
from tests.factories import make_expert, make_session, make_training

pytestmark = pytest.mark.django_db


@pytest.fixture
def objectives():
    return create_demo_objectives()


def _analyse(text, objectives, lang="en"):
    return analyse(text, list(objectives.values()), lang)


def test_training_with_the_objective_ranks_above_one_only_sharing_the_focus(objectives):
    focus_only = make_training(title="Focus only", focus="media")
    make_session(focus_only)  # even with an upcoming session
    make_training(title="Carrying", focus="media", objectives=[objectives["promouvoir-un-produit"]])
    make_training(title="Other focus", focus="network")

    with translation.override("en"):
        ranked = rank_trainings(_analyse("promote my products", objectives))

    assert [r.training.title for r in ranked] == ["Carrying", "Focus only"]
    assert ranked[0].score > ranked[1].score
    assert ranked[0].reasons == [
        "Carries your objective “Promote a product”.",
        "A social media training, the focus of your objective.",
    ]
    assert ranked[1].reasons[0] == "A social media training, the focus of your objective."
    assert ranked[1].reasons[1].startswith("Next session on ")


def test_upcoming_session_ranks_above_none_and_past_sessions_do_not_count(objectives):
    goal = objectives["maintenir-vos-contacts-en-vie"]
    past = make_training(title="Past session", focus="network", objectives=[goal])
    make_session(past, starts_in=timedelta(days=-5))
    make_training(title="No session", focus="network", objectives=[goal])
    upcoming = make_training(title="Upcoming", focus="network", objectives=[goal])
    make_session(upcoming, starts_in=timedelta(days=30))

    ranked = rank_trainings(_analyse("keep in touch", objectives))

    assert [r.training.title for r in ranked][0] == "Upcoming"
    assert {r.training.title for r in ranked[1:]} == {"Past session", "No session"}


def test_equal_scores_have_a_deterministic_order(objectives):
    goal = objectives["marketing-viral"]
    for title in ("B", "A", "C"):
        make_training(title=title, focus="media", objectives=[goal], published_at=None)

    first = [r.training.pk for r in rank_trainings(_analyse("viral", objectives))]
    second = [r.training.pk for r in rank_trainings(_analyse("viral", objectives))]

    assert first == second
    assert len({r.score for r in rank_trainings(_analyse("viral", objectives))}) == 1


def test_only_published_trainings_are_ranked(objectives):
    goal = objectives["marketing-viral"]
    make_training(title="Draft", status=Status.DRAFT, focus="media", objectives=[goal])
    make_training(title="Submitted", status=Status.SUBMITTED, focus="media", objectives=[goal])
    make_training(title="Live", focus="media", objectives=[goal])

    assert [r.training.title for r in rank_trainings(_analyse("viral", objectives))] == ["Live"]


def test_unknown_objective_ranks_nothing(objectives):
    make_training(focus="media")
    analysis = _analyse("cooking lessons", objectives)

    assert rank_trainings(analysis) == []
    assert rank_experts(analysis) == []


def test_one_side_of_a_mixed_objective(objectives):
    make_training(title="Media one", focus="media", objectives=[objectives["promouvoir-un-produit"]])
    make_training(title="Network one", focus="network", objectives=[objectives["developper-votre-reseau-d-affaires"]])
    analysis = _analyse("promote my product and grow my network", objectives)

    assert analysis.focus == "mixed"
    assert [r.training.title for r in rank_trainings(analysis, "media")] == ["Media one"]
    assert [r.training.title for r in rank_trainings(analysis, "network")] == ["Network one"]
    assert {r.training.title for r in rank_trainings(analysis)} == {"Media one", "Network one"}


def test_experts_are_proposed_only_for_a_focus_they_declare(objectives):
    goal = objectives["developper-votre-reseau-d-affaires"]
    media_only = make_expert(name="Media Only", focuses=["media"])
    make_training(trainer=media_only, focus="network", objectives=[goal])  # teaches it, but does not declare it
    networker = make_expert(name="Networker", focuses=["network"])
    make_training(trainer=networker, focus="network")

    ranked = rank_experts(_analyse("grow my business network", objectives))

    assert [r.expert.name for r in ranked] == ["Networker"]


def test_experts_with_trainings_on_the_objective_come_first(objectives):
    goal = objectives["developper-votre-reseau-d-affaires"]
    plain = make_expert(name="Aaron Plain", focuses=["network"])
    plain_training = make_training(trainer=plain, focus="network")
    make_session(plain_training)
    specialist = make_expert(name="Zoe Specialist", focuses=["network", "media"])
    make_training(trainer=specialist, focus="network", objectives=[goal])
    make_training(trainer=specialist, focus="network", objectives=[goal])
    unpublished = make_expert(name="Draft Only", focuses=["network"])
    make_training(trainer=unpublished, status=Status.DRAFT, focus="network", objectives=[goal])

    with translation.override("en"):
        ranked = rank_experts(_analyse("grow my business network", objectives))

    assert [r.expert.name for r in ranked] == ["Zoe Specialist", "Aaron Plain"]
    assert ranked[0].reasons == [
        "Declares this specialty: Social networking.",
        "2 published trainings on your objective.",
    ]
    assert ranked[1].reasons == [
        "Declares this specialty: Social networking.",
        "Publishes trainings with this focus.",
        "Has upcoming sessions.",
    ]
    assert ranked[0].score > ranked[1].score


def test_reasons_are_translated(objectives):
    expert = make_expert(name="Annie", focuses=["media"])
    make_training(trainer=expert, focus="media", objectives=[objectives["promouvoir-un-produit"]])

    with translation.override("fr"):
        analysis = _analyse("promouvoir mes produits", objectives, "fr")
        training = rank_trainings(analysis)[0]
        expert_result = rank_experts(analysis)[0]

    assert training.reasons == [
        "Vise votre objectif «\u00a0Promouvoir un produit\u00a0».",
        "Une formation en médias sociaux, l’orientation de votre objectif.",
    ]
    assert expert_result.reasons == [
        "Se déclare spécialiste en\u00a0: Médias sociaux.",
        "1 formation publiée sur votre objectif.",
    ]


@pytest.mark.parametrize("count", [2, 8])
def test_ranking_takes_the_same_number_of_queries_whatever_the_size(objectives, count, django_assert_num_queries):
    goal = objectives["marketing-viral"]
    for _ in range(count):
        training = make_training(focus="media", objectives=[goal], trainer=make_expert(focuses=["media"]))
        make_session(training)
    analysis = _analyse("viral marketing", objectives)

    with django_assert_num_queries(4):  # best training ids, those trainings, their objectives, experts
        trainings = rank_trainings(analysis)
        experts = rank_experts(analysis)

    assert len(trainings) == count
    assert len(experts) == min(count, 6)


def test_french_plural_of_trainings_on_the_objective(objectives):
    expert = make_expert(focuses=["media"])
    for _ in range(2):
        make_training(trainer=expert, focus="media", objectives=[objectives["marketing-viral"]])

    with translation.override("fr"):
        [result] = rank_experts(_analyse("marketing viral", objectives, "fr"))

    assert result.reasons[1] == "2 formations publiées sur votre objectif."

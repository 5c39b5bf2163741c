"""Ranking trainings for a match: fit (platform, objective, focus, uses, competences, language), not volume."""

from datetime import timedelta

import pytest
from django.utils import translation

from catalogue.enums import Focus, Language, Status
from catalogue.matching import analyse
from catalogue.models import Use
from catalogue.ranking import Wishes, rank_experts, rank_trainings
from tests.catalogue.objectives import analyse_with
from tests.factories import make_expert, make_platform, make_session, make_training
from tests.french import fr

pytestmark = pytest.mark.django_db


def test_training_with_the_objective_ranks_above_one_only_sharing_the_focus(objectives):
    focus_only = make_training(title="Focus only", focus="media")
    make_session(focus_only)  # even with an upcoming session
    make_training(title="Carrying", focus="media", objectives=[objectives["promouvoir-un-produit"]])
    make_training(title="Other focus", focus="network")

    with translation.override("en"):
        ranked = rank_trainings(analyse_with("promote my products", objectives))

    assert [r.training.title for r in ranked] == ["Carrying", "Focus only"]
    assert ranked[0].score > ranked[1].score
    assert ranked[0].reasons == ["Carries your objective “Promote a product”."]
    assert ranked[1].reasons[0] == "A social media training, the focus of your objective."
    assert ranked[1].reasons[1].startswith("Next session on ")


def test_upcoming_session_ranks_above_none_and_past_sessions_do_not_count(objectives):
    goal = objectives["maintenir-vos-contacts-en-vie"]
    past = make_training(title="Past session", focus="network", objectives=[goal])
    make_session(past, starts_in=timedelta(days=-5))
    make_training(title="No session", focus="network", objectives=[goal])
    upcoming = make_training(title="Upcoming", focus="network", objectives=[goal])
    make_session(upcoming, starts_in=timedelta(days=30))

    ranked = rank_trainings(analyse_with("keep in touch", objectives))

    assert [r.training.title for r in ranked][0] == "Upcoming"
    assert {r.training.title for r in ranked[1:]} == {"Past session", "No session"}
    assert len({r.score for r in ranked}) == 1  # availability breaks ties, it adds nothing to the score


def test_equal_scores_have_a_deterministic_order(objectives):
    goal = objectives["marketing-viral"]
    for title in ("B", "A", "C"):
        make_training(title=title, focus="media", objectives=[goal], published_at=None)

    first = [r.training.pk for r in rank_trainings(analyse_with("viral", objectives))]
    second = [r.training.pk for r in rank_trainings(analyse_with("viral", objectives))]

    assert first == second
    assert len({r.score for r in rank_trainings(analyse_with("viral", objectives))}) == 1


def test_only_published_trainings_are_ranked(objectives):
    goal = objectives["marketing-viral"]
    make_training(title="Draft", status=Status.DRAFT, focus="media", objectives=[goal])
    make_training(title="Submitted", status=Status.SUBMITTED, focus="media", objectives=[goal])
    make_training(title="Live", focus="media", objectives=[goal])

    assert [r.training.title for r in rank_trainings(analyse_with("viral", objectives))] == ["Live"]


def test_unknown_objective_ranks_nothing(objectives):
    make_training(focus="media")
    analysis = analyse_with("cooking lessons", objectives)

    assert rank_trainings(analysis) == []
    assert rank_experts(analysis) == []


def test_one_side_of_a_mixed_objective(objectives):
    make_training(title="Media one", focus="media", objectives=[objectives["promouvoir-un-produit"]])
    make_training(title="Network one", focus="network", objectives=[objectives["developper-votre-reseau-d-affaires"]])
    analysis = analyse_with("promote my product and grow my network", objectives)

    assert analysis.focus == "mixed"
    assert [r.training.title for r in rank_trainings(analysis, "media")] == ["Media one"]
    assert [r.training.title for r in rank_trainings(analysis, "network")] == ["Network one"]
    assert {r.training.title for r in rank_trainings(analysis)} == {"Media one", "Network one"}


def test_reasons_are_translated(objectives):
    make_training(focus="media", objectives=[objectives["promouvoir-un-produit"]])
    make_training(focus="media")

    with translation.override("fr"):
        analysis = analyse_with("promouvoir mes produits", objectives, "fr")
        carrying, other = rank_trainings(analysis, wishes=Wishes(language="fr"))

    in_french = fr("In %(language)s, your language.", language=fr(Language.FR.label).lower())
    assert carrying.reasons == [
        fr("Carries your objective “%(objective)s”.", objective="Promouvoir un produit"),
        in_french,
    ]
    assert other.reasons == [
        fr("A %(focus)s training, the focus of your objective.", focus=fr(Focus.MEDIA.label).lower()),
        in_french,
    ]
    assert in_french != "In French, your language."  # the French catalogue, not the source strings


@pytest.mark.parametrize("count", [2, 8])
def test_ranking_takes_the_same_number_of_queries_whatever_the_size(objectives, count, django_assert_num_queries):
    goal = objectives["marketing-viral"]
    for _ in range(count):
        training = make_training(focus="media", objectives=[goal], trainer=make_expert(focuses=["media"]))
        make_session(training)
    analysis = analyse_with("viral marketing", objectives)

    # best training ids, those trainings, their objectives, platforms, uses, their outcomes;
    # outcome evidence per expert, experts, their response times
    with django_assert_num_queries(9):
        trainings = rank_trainings(analysis)
        experts = rank_experts(analysis)

    assert len(trainings) == count
    assert len(experts) == min(count, 6)


def test_trainings_on_the_named_platform_rank_first(objectives):
    linkedin = make_platform(slug="linkedin", name_fr="LinkedIn", name_en="LinkedIn")
    bluesky = make_platform(slug="bluesky", name_fr="Bluesky", name_en="Bluesky")
    goal = objectives["promouvoir-un-produit"]
    make_session(make_training(title="Bluesky ads", focus="media", objectives=[goal], platforms=[bluesky]))
    make_training(title="On LinkedIn", focus="media", objectives=[goal], platforms=[linkedin])
    make_training(title="LinkedIn, other objective", focus="media", platforms=[linkedin])
    analysis = analyse("promouvoir mes produits sur LinkedIn", list(objectives.values()), "fr", platforms=[linkedin])

    with translation.override("en"):
        ranked = rank_trainings(analysis, wishes=Wishes(platforms=[linkedin]))

    assert [r.training.title for r in ranked][:2] == ["On LinkedIn", "LinkedIn, other objective"]
    assert "On LinkedIn, where you want to act." in ranked[0].reasons
    assert analysis.focus == "media"  # the platform never decides the focus


def test_platform_alone_proposes_its_trainings_from_both_sides(objectives):
    linkedin = make_platform(slug="linkedin", name_fr="LinkedIn", name_en="LinkedIn")
    make_training(title="Media on LinkedIn", focus="media", platforms=[linkedin])
    make_training(title="Network on LinkedIn", focus="network", platforms=[linkedin])
    make_training(title="Elsewhere", focus="network")
    analysis = analyse("être plus présent sur LinkedIn", list(objectives.values()), "fr", platforms=[linkedin])

    ranked = rank_trainings(analysis, wishes=Wishes(platforms=[linkedin]))

    assert analysis.focus == "unknown"
    assert {r.training.title for r in ranked} == {"Media on LinkedIn", "Network on LinkedIn"}


def test_visitors_language_breaks_equal_fit_but_not_the_objective(objectives):
    goal = objectives["marketing-viral"]
    make_training(title="English, objective", focus="media", objectives=[goal], language="en")
    make_training(title="French", focus="media", objectives=[goal], language="fr")
    make_training(title="French, focus only", focus="media", language="fr")

    ranked = rank_trainings(analyse_with("viral marketing", objectives), wishes=Wishes(language="fr"))

    assert [r.training.title for r in ranked] == ["French", "English, objective", "French, focus only"]


def test_trainings_teaching_every_competence_asked_rank_higher(objectives):
    goal = objectives["marketing-viral"]
    make_training(title="Savoir only", focus="media", objectives=[goal], competences=["knowledge"])
    make_training(
        title="All three", focus="media", objectives=[goal], competences=["knowledge", "know_how", "interpersonal"]
    )

    with translation.override("en"):
        ranked = rank_trainings(
            analyse_with("viral marketing", objectives), wishes=Wishes(competences=["knowledge", "interpersonal"])
        )

    assert [r.training.title for r in ranked] == ["All three", "Savoir only"]
    assert ranked[0].reasons[-1].startswith("Teaches every competence you asked for")
    assert ranked[1].reasons[-1].startswith("Teaches some of the competences you asked for")


def test_cards_with_different_facts_give_different_reasons(objectives):
    linkedin = make_platform(slug="linkedin", name_fr="LinkedIn", name_en="LinkedIn")
    networking = Use.objects.get(code="networking")
    goal = objectives["developper-votre-reseau-d-affaires"]
    first = make_training(title="A", focus="network", objectives=[goal], platforms=[linkedin], language="fr")
    first.uses.set([networking])
    make_training(title="B", focus="network", objectives=[goal], language="en", competences=["interpersonal"])
    wishes = Wishes(platforms=[linkedin], uses=[networking], competences=["interpersonal"], language="fr")

    with translation.override("en"):
        a, b = rank_trainings(analyse_with("grow my business network", objectives), wishes=wishes)

    assert a.reasons != b.reasons
    assert "Teaches how to network." in a.reasons
    assert "In french, your language." in a.reasons
    assert any("competence" in reason for reason in b.reasons)

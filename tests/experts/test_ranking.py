"""Ranking experts for a match: fit and evidence, never volume (experts.ranking)."""

import pytest
from django.utils import translation

from catalogue.enums import Focus, Status
from catalogue.ranking import Wishes
from experts.ranking import rank_experts, rank_experts_for
from tests.catalogue.objectives import analyse_with
from tests.factories import make_expert, make_platform, make_session, make_training
from tests.french import fr

pytestmark = pytest.mark.django_db


def test_experts_are_proposed_only_for_a_focus_they_declare(objectives):
    goal = objectives["developper-votre-reseau-d-affaires"]
    media_only = make_expert(name="Media Only", focuses=["media"])
    make_training(trainer=media_only, focus="network", objectives=[goal])  # teaches it, but does not declare it
    networker = make_expert(name="Networker", focuses=["network"])
    make_training(trainer=networker, focus="network")

    ranked = rank_experts(analyse_with("grow my business network", objectives))

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
        ranked = rank_experts(analyse_with("grow my business network", objectives))

    assert [r.expert.name for r in ranked] == ["Zoe Specialist", "Aaron Plain"]
    assert ranked[0].reasons == [
        "Declares this specialty: Social networking.",
        "Publishes a training on your objective.",
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
        [result] = rank_experts(analyse_with("promouvoir mes produits", objectives, "fr"))

    declares = fr(
        "Declares this specialty: %(focuses)s.",
        "Declares these specialties: %(focuses)s.",
        1,
        focuses=fr(Focus.MEDIA.label),
    )
    assert result.reasons == [declares, fr("Publishes a training on your objective.")]
    assert declares != "Declares this specialty: Social media."  # French, not the source string


def test_more_trainings_or_sessions_never_raise_an_experts_score(objectives):
    goal = objectives["marketing-viral"]
    busy = make_expert(name="Busy", focuses=["media"])
    for _ in range(5):
        make_session(make_training(trainer=busy, focus="media", objectives=[goal]))
    focused = make_expert(name="Focused", focuses=["media"])
    make_training(trainer=focused, focus="media", objectives=[goal])

    ranked = rank_experts(analyse_with("viral marketing", objectives))

    assert ranked[0].score == ranked[1].score
    assert [r.expert.name for r in ranked] == ["Busy", "Focused"]  # upcoming sessions only break the tie


def test_platform_competences_and_language_raise_an_experts_fit(objectives):
    linkedin = make_platform(slug="linkedin", name_fr="LinkedIn", name_en="LinkedIn")
    plain = make_expert(name="Aaron", focuses=["network"], languages=["en"])
    make_training(trainer=plain, focus="network")
    fit = make_expert(name="Zoé", focuses=["network"], languages=["fr"])
    make_training(trainer=fit, focus="network", platforms=[linkedin], competences=["knowledge", "interpersonal"])
    wishes = Wishes(platforms=[linkedin], competences=["knowledge", "interpersonal"], language="fr")

    with translation.override("en"):
        ranked = rank_experts_for(["network"], wishes=wishes)

    assert [r.expert.name for r in ranked] == ["Zoé", "Aaron"]
    assert "Works on LinkedIn." in ranked[0].reasons
    assert "A published training teaches every competence you asked for." in ranked[0].reasons
    assert "Works in french, your language." in ranked[0].reasons
    assert ranked[1].reasons == ["Declares this specialty: Social networking.", "Publishes trainings with this focus."]

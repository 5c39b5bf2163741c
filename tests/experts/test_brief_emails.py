"""The brief's e-mails carry what the visitor named: platforms and competences, in each reader's language."""

import pytest

from catalogue.enums import Competence
from experts import briefing
from experts.models import Brief
from tests.factories import make_expert, make_objective, make_platform, make_user

pytestmark = pytest.mark.django_db


def _brief(trainer_language, visitor_language, competences=(), platforms=()):
    expert = make_expert(
        user=make_user(email="trainer@example.com"), name="Luc Roy", preferred_language=trainer_language
    )
    objective = make_objective("network", name_fr="Développer votre réseau d’affaires", name_en="Grow your network")
    brief = Brief.objects.create(
        expert=expert,
        objective=objective,
        objective_text=objective.name_fr,
        detected_focus="network",
        name="Annie Ouellet",
        email="annie@example.com",
        message="Rencontrer des PME.",
        consent=True,
        language="fr",
        visitor_language=visitor_language,
        competences=list(competences),
    )
    brief.platforms.set(platforms)
    return brief


def _bodies(brief, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        briefing._queue_emails(brief)
    rows = {row.kind: row.body for row in briefing.outbox.for_object(brief)}
    return rows[briefing.TO_TRAINER], rows[briefing.CONFIRMATION]


@pytest.mark.parametrize(
    ("language", "platforms_line", "competences_line"),
    [
        ("fr", "Plateformes\u00a0: LinkedIn, Réseau X", "Compétences\u00a0: Savoir, Savoir-être"),
        ("en", "Platforms: LinkedIn, Network X", "Competences: Knowledge (savoir), Interpersonal skills (savoir-être)"),
    ],
)
def test_brief_emails_name_the_platforms_and_competences_asked_in_the_reader_language(
    django_capture_on_commit_callbacks, language, platforms_line, competences_line
):
    platforms = [
        make_platform(slug="linkedin", name_fr="LinkedIn", name_en="LinkedIn", order=1),
        make_platform(slug="rx", name_fr="Réseau X", name_en="Network X", order=2),
    ]
    asked = [Competence.INTERPERSONAL, Competence.KNOWLEDGE]
    brief = _brief(language, language, competences=asked, platforms=platforms)

    for body in _bodies(brief, django_capture_on_commit_callbacks):
        assert platforms_line in body.splitlines()
        # Both competences asked, in the reader's language and the vocabulary's order.
        assert competences_line in body.splitlines()


def test_brief_emails_without_platforms_or_competences_have_no_empty_lines_for_them(
    django_capture_on_commit_callbacks,
):
    for body in _bodies(_brief("en", "fr"), django_capture_on_commit_callbacks):
        assert "Platforms" not in body and "Plateformes" not in body
        assert "Competences" not in body and "Compétences" not in body


def test_trainer_and_visitor_each_read_the_platforms_in_their_own_language(django_capture_on_commit_callbacks):
    platform = make_platform(slug="rx", name_fr="Réseau X", name_en="Network X")
    brief = _brief("en", "fr", competences=[Competence.KNOW_HOW], platforms=[platform])

    to_trainer, to_visitor = _bodies(brief, django_capture_on_commit_callbacks)

    assert "Platforms: Network X" in to_trainer
    assert "Plateformes\u00a0: Réseau X" in to_visitor
    assert "(savoir-faire)" in to_trainer
    assert "Compétences\u00a0: Savoir-faire" in to_visitor

"""One French e-mail of each kind, read as a Québec reader would (issue 19).

Each must follow the glossary (no curateur, brief, révision…), the typography
(U+00A0 before ':' and inside « », one apostrophe), elide before a vowel
(« d’Émilie ») and never double a label (« Formation : Formation : … »).
"""

import re

import pytest
from django.core import mail
from django.template.loader import render_to_string
from django.utils import translation

from catalogue import glossary, workflow
from catalogue.enums import Status
from experts.models import Brief
from tests.factories import make_curator, make_expert, make_objective, make_training, make_user

pytestmark = pytest.mark.django_db

TITLE = "Formation\u00a0: Vitrine et boutique sur Instagram pour les commerces d’ici"


def _reads_well(text):
    """The glossary's problems in a French e-mail (URLs and addresses set aside)."""
    text = re.sub(r"https?://\S+|\S+@\S+", "", text)
    return glossary.check(text)


@pytest.fixture
def trainer():
    user = make_user(email="emilie@example.com")
    return make_expert(user=user, name="Émilie Gagnon", preferred_language="fr")


@pytest.mark.parametrize(
    "actions",
    [
        [workflow.Action.PUBLISH],
        [workflow.Action.REQUEST_CHANGES],
        [workflow.Action.REJECT],
        [workflow.Action.PUBLISH, workflow.Action.ARCHIVE],
    ],
)
def test_decision_email_in_french_reads_correctly(trainer, django_capture_on_commit_callbacks, actions):
    training = make_training(status=Status.SUBMITTED, trainer=trainer, title=TITLE)
    curator = make_curator()
    with django_capture_on_commit_callbacks(execute=True):
        for action in actions:
            workflow.transition(training, action, by=curator, message="Précisez le public visé.")
    email = mail.outbox[-1]
    assert not re.search(r"Formation\s:\sFormation", email.subject)
    assert "\u00a0: " in email.subject
    assert _reads_well(email.subject) == []
    assert _reads_well(email.body) == []
    assert "Bonjour Émilie Gagnon," in email.body


def _brief(trainer, **fields):
    training = make_training(status=Status.PUBLISHED, trainer=trainer, title=TITLE)
    objective = make_objective(focus="network", name_fr="Développer votre réseau d’affaires")
    return Brief.objects.create(
        expert=trainer,
        training=training,
        objective=objective,
        objective_text=objective.name_fr,
        detected_focus="network",
        name="Annie Ouellet",
        email="annie@example.com",
        message="Nous voulons rencontrer des PME de la région.",
        consent=True,
        language="fr",
        visitor_language="fr",
        **fields,
    )


def test_brief_email_to_the_trainer_in_french_reads_correctly(trainer):
    from experts.briefing import _trainer_email

    email = _trainer_email(_brief(trainer))
    assert email.subject.startswith("Demande d’Annie Ouellet\u00a0: ")
    assert _reads_well(email.subject) == []
    assert _reads_well(email.body) == []
    # The training's own « Formation : » is not repeated by the e-mail's label.
    assert not re.search(r"Formation\s:\sFormation", email.body)


def test_brief_confirmation_to_the_visitor_in_french_reads_correctly(trainer):
    from experts.briefing import _visitor_email

    email = _visitor_email(_brief(trainer))
    assert email.subject == "Votre demande à Émilie Gagnon a été envoyée"
    assert "Profil d’Émilie Gagnon\u00a0:" in email.body
    assert _reads_well(email.body) == []
    assert not re.search(r"Formation\s:\sFormation", email.body)


@pytest.mark.parametrize(
    ("template", "context"),
    [
        ("experts/email/confirm_email", {"expert": {"name": "Émilie"}, "link": "https://x.example/c", "days": 7}),
        (
            "experts/email/already_registered",
            {"login_link": "https://x.example/l", "reset_link": "https://x.example/r"},
        ),
        ("experts/email/no_account", {"signup_link": "https://x.example/s"}),
    ],
)
def test_account_emails_in_french_read_correctly(template, context):
    with translation.override("fr"):
        subject = render_to_string(f"{template}_subject.txt", context).strip()
        body = render_to_string(f"{template}.txt", context)
    assert subject.startswith("Cible\u00a0: ")
    assert _reads_well(subject) == []
    assert _reads_well(body) == []


def test_password_reset_email_in_french_reads_correctly():
    context = {"protocol": "https", "domain": "cible.example", "uid": "MQ", "token": "t-1", "email": "a@example.com"}
    with translation.override("fr"):
        subject = render_to_string("registration/password_reset_subject.txt", context).strip()
        body = render_to_string("registration/password_reset.txt", context)
    assert _reads_well(subject) == []
    assert _reads_well(body) == []

"""One French e-mail of each kind Cible sends, read as a Québec reader would (issue 19).

Each goes through its real path (the action, then the outbox sending it) and must
follow the glossary (no curateur, brief, révision…), the typography (U+00A0 before
':' and inside « », U+202F before ';?!', one apostrophe), elide before a vowel
(« d’Émilie ») and never double a label (« Formation : Formation : … »).
"""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from catalogue import glossary, workflow
from catalogue.enums import Status
from experts.briefing import check_focus, submit_brief
from tests.factories import (
    make_assessment,
    make_curator,
    make_expert,
    make_objective,
    make_session,
    make_training,
    make_user,
)

pytestmark = pytest.mark.django_db

TITLE = "Formation\u00a0: Vitrine et boutique sur Instagram pour les commerces d’ici"
PASSWORD = "Un-mot-de-passe-solide-42"
# Words an English template left behind would show.
ENGLISH = re.compile(r"\b(Hello|Hi|Dear|Thanks|Thank you|training|your|the|email|link|request)\b")


def _problems(text):
    """What a French reader would trip on (URLs and addresses set aside)."""
    text = re.sub(r"https?://\S+|\S+@\S+", "", text)
    problems = list(glossary.check(text))
    problems += [f"English: {word}" for word in ENGLISH.findall(text)]
    problems += [f"not elided: {m}" for m in re.findall(r"\b(?:[Dd]e|[Ll]e|[Qq]ue) (?:Émilie|Annie)", text)]
    if re.search(r"Formation\s:\sFormation", text):
        problems.append("doubled « Formation : »")
    return problems


def _only(to):
    sent = [email for email in mail.outbox if to in email.to]
    assert len(sent) == 1, [email.subject for email in mail.outbox]
    return sent[0]


@pytest.fixture
def trainer():
    user = make_user(email="emilie@example.com")
    return make_expert(user=user, name="Émilie Gagnon", preferred_language="fr")


@pytest.mark.parametrize(
    ("actions", "subject_word"),
    [
        ([workflow.Action.PUBLISH], "publiée"),
        ([workflow.Action.REQUEST_CHANGES], "modifications"),
        ([workflow.Action.REJECT], "non acceptée"),
        ([workflow.Action.PUBLISH, workflow.Action.ARCHIVE], "archivée"),
    ],
)
def test_decision_email_in_french_reads_correctly(trainer, django_capture_on_commit_callbacks, actions, subject_word):
    training = make_training(status=Status.SUBMITTED, trainer=trainer, title=TITLE)
    make_session(training)
    curator = make_curator()
    make_assessment(training, curator=curator)
    with django_capture_on_commit_callbacks(execute=True):
        for action in actions:
            workflow.transition(training, action, by=curator, message="Précisez le public visé.")
    email = [e for e in mail.outbox if "emilie@example.com" in e.to][-1]
    assert subject_word in email.subject.lower()
    assert "\u00a0: " in email.subject
    assert _problems(email.subject) == []
    assert _problems(email.body) == []
    assert "Bonjour Émilie Gagnon," in email.body


@pytest.fixture
def brief_emails(trainer, django_capture_on_commit_callbacks):
    training = make_training(status=Status.PUBLISHED, trainer=trainer, title=TITLE)
    objective = make_objective(focus="network", name_fr="Développer votre réseau d’affaires")
    data = {
        "objective_text": "",
        "language": "fr",
        "message": "Nous voulons rencontrer des PME de la région.",
        "name": "Annie Ouellet",
        "email": "annie@example.com",
        "consent": True,
    }
    with django_capture_on_commit_callbacks(execute=True):
        submit_brief(
            expert=trainer,
            data=data,
            focus_check=check_focus(trainer, objective=objective, lang="fr"),
            training=training,
            visitor_language="fr",
        )
    return _only("emilie@example.com"), _only("annie@example.com")


def test_brief_email_to_the_trainer_in_french_reads_correctly(brief_emails):
    email, _ = brief_emails
    assert email.subject.startswith("Demande d’Annie Ouellet\u00a0: ")
    assert email.reply_to == ["annie@example.com"]
    assert _problems(email.subject) == []
    assert _problems(email.body) == []


def test_brief_confirmation_to_the_visitor_in_french_reads_correctly(brief_emails):
    _, email = brief_emails
    assert email.subject == "Votre demande à Émilie Gagnon a été envoyée"
    assert "Profil d’Émilie Gagnon\u00a0:" in email.body
    assert _problems(email.subject) == []
    assert _problems(email.body) == []


def _signup(client, email):
    data = {"email": email, "name": "Émilie Gagnon", "password": PASSWORD, "password_confirm": PASSWORD}
    with translation.override("fr"):
        return client.post(reverse("experts:signup"), data)


def test_account_confirmation_in_french_reads_correctly(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert _signup(client, "nouvelle@example.com").status_code == 302
    email = _only("nouvelle@example.com")
    assert email.subject.startswith("Cible\u00a0: ")
    assert "/fr/" in email.body  # the confirmation link, rendered at send time
    assert _problems(email.subject) == []
    assert _problems(email.body) == []


def test_already_registered_in_french_reads_correctly(trainer, client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert _signup(client, "emilie@example.com").status_code == 302
    email = _only("emilie@example.com")
    assert email.subject.startswith("Cible\u00a0: ")
    assert _problems(email.subject) == []
    assert _problems(email.body) == []


# An address with an account gets its reset link; an unknown one gets the note to sign up.
@pytest.mark.parametrize(
    ("address", "link"),
    [("emilie@example.com", "/fr/accounts/password/reset/"), ("personne@example.com", "/fr/accounts/signup/")],
)
def test_password_reset_and_no_account_in_french_read_correctly(
    trainer, client, django_capture_on_commit_callbacks, address, link
):
    with django_capture_on_commit_callbacks(execute=True), translation.override("fr"):
        assert client.post(reverse("experts:password_reset"), {"email": address}).status_code == 302
    email = _only(address)
    assert email.subject.startswith("Cible\u00a0: ")
    assert link in email.body
    assert _problems(email.subject) == []
    assert _problems(email.body) == []

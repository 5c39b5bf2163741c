from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.utils import timezone

from catalogue import notifications, outbox, workflow
from catalogue.enums import Status
from catalogue.models import OutgoingEmail
from catalogue.review_rules import RUBRIC_KEYS
from catalogue.workflow import Action
from tests.factories import make_curator, make_expert, make_session, make_training, make_user
from tests.french import fr

pytestmark = pytest.mark.django_db


def _training(language="fr", status=Status.SUBMITTED, email=None, **fields):
    user = make_user(email=email or f"t-{language}@example.com")
    expert = make_expert(user=user, preferred_language=language)
    return make_training(status=status, trainer=expert, **fields)


def _decide(training, action, by, capture, message=""):
    # A curator's decision comes with the rubric answered all "yes" (publishing needs it).
    rubric = dict.fromkeys(RUBRIC_KEYS, True) if action in workflow.DECISIONS else None
    with capture(execute=True):
        return workflow.transition(training, action, by=by, message=message, rubric=rubric)


def _subject(msgid, language, **params):
    """The subject a trainer reads in `language` (English is the source string itself)."""
    english = msgid % params
    if language == "en":
        return english
    french = fr(msgid, **params)
    assert french != english  # the French catalogue has this subject
    return french


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize(
    ("action", "msgid"),
    [
        (Action.PUBLISH, "Published: %(title)s"),
        (Action.REQUEST_CHANGES, "Changes requested: %(title)s"),
        (Action.REJECT, "Not accepted: %(title)s"),
    ],
)
def test_every_decision_emails_the_trainer_in_their_language(
    action, msgid, language, django_capture_on_commit_callbacks
):
    training = _training(language, title="Atelier")
    record = _decide(training, action, make_curator(), django_capture_on_commit_callbacks, "Le message.")
    (email,) = mail.outbox
    assert email.subject == _subject(msgid, language, title="Atelier")
    assert email.to == [f"t-{language}@example.com"]
    assert "Le message." in email.body
    assert outbox.outcome(record, notifications.KIND) == "sent"


def test_trainer_actions_send_no_decision_email(django_capture_on_commit_callbacks):
    training = _training(status=Status.DRAFT)
    make_session(training)
    _decide(training, Action.SUBMIT, training.trainer.user, django_capture_on_commit_callbacks)
    _decide(training, Action.WITHDRAW, training.trainer.user, django_capture_on_commit_callbacks)
    published = _training(status=Status.PUBLISHED, email="other@example.com")
    _decide(published, Action.ARCHIVE, published.trainer.user, django_capture_on_commit_callbacks)
    assert mail.outbox == []
    assert not OutgoingEmail.objects.exists()


def test_archiving_by_a_curator_or_the_system_emails_the_trainer(django_capture_on_commit_callbacks):
    by_curator = _training(status=Status.PUBLISHED, title="Par curateur")
    by_system = _training("en", status=Status.PUBLISHED, title="By system")
    _decide(by_curator, Action.ARCHIVE, make_curator(), django_capture_on_commit_callbacks, "Hors sujet.")
    _decide(by_system, Action.ARCHIVE, None, django_capture_on_commit_callbacks)
    subjects = sorted(m.subject for m in mail.outbox)
    assert subjects == sorted(
        [
            _subject("Archived: %(title)s", "en", title="By system"),
            _subject("Archived: %(title)s", "fr", title="Par curateur"),
        ]
    )
    system_mail = next(m for m in mail.outbox if m.subject == "Archived: By system")
    assert "all its sessions are past" in system_mail.body


def test_failed_email_keeps_the_decision_and_the_worker_retries_it(django_capture_on_commit_callbacks, caplog):
    training = _training(title="Atelier")
    with mock.patch("django.core.mail.EmailMessage.send", side_effect=OSError("SMTP down")):
        record = _decide(training, Action.PUBLISH, make_curator(), django_capture_on_commit_callbacks)
    training.refresh_from_db()
    assert training.status == Status.PUBLISHED
    (row,) = outbox.for_object(record)
    assert (row.kind, row.status, row.attempts) == (notifications.KIND, "failed", 1)
    assert "SMTP down" in row.last_error
    assert mail.outbox == []

    later = timezone.now() + timedelta(hours=1)
    with mock.patch("django.core.mail.EmailMessage.send", side_effect=OSError("still down")):
        outbox.send_due(now=later)
    row.refresh_from_db()
    assert (row.status, row.attempts) == ("failed", 2)

    outbox.send_due(now=later + timedelta(hours=1))
    row.refresh_from_db()
    assert (row.status, row.attempts) == ("sent", 3)
    assert [m.subject for m in mail.outbox] == [_subject("Published: %(title)s", "fr", title="Atelier")]

    outbox.send_due(now=later + timedelta(days=1))  # idempotent: nothing left to send
    assert len(mail.outbox) == 1


def test_queue_failure_does_not_roll_back_the_decision(django_capture_on_commit_callbacks):
    training = _training()
    with mock.patch.object(outbox, "send_email") as task:
        task.enqueue.side_effect = ConnectionError("queue down")
        record = _decide(training, Action.PUBLISH, make_curator(), django_capture_on_commit_callbacks)
    training.refresh_from_db()
    assert training.status == Status.PUBLISHED
    (row,) = outbox.for_object(record)
    assert row.status == "queued"
    # The worker sends what the queue lost once the task had its chance.
    outbox.send_due(now=timezone.now() + timedelta(minutes=5))
    assert len(mail.outbox) == 1

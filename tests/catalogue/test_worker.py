"""`manage.py worker`: the one background process (outbox retries and periodic jobs)."""

import smtplib
from datetime import timedelta
from io import StringIO
from unittest import mock

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.utils import timezone

from catalogue import outbox, worker
from catalogue.enums import Status
from catalogue.models import OutgoingEmail, PeriodicJobRun
from tests.factories import make_session, make_training
from tests.french import fr

pytestmark = pytest.mark.django_db

CALLS = []


def record_call():
    CALLS.append(timezone.now())


def broken_job():
    raise RuntimeError("boom")


@pytest.fixture(autouse=True)
def _no_calls():
    CALLS.clear()


def _failed_email(capture, monkeypatch):
    def failing(self, messages):
        raise smtplib.SMTPServerDisconnected("down")

    monkeypatch.setattr(EmailBackend, "send_messages", failing)
    with capture(execute=True):
        row = outbox.queue_email(kind="test.note", to="a@example.com", template="emails/no_account", context={})
    monkeypatch.undo()
    return row


def test_worker_once_sends_the_emails_that_are_due(django_capture_on_commit_callbacks, monkeypatch, settings):
    settings.PERIODIC_JOBS = {}
    due = _failed_email(django_capture_on_commit_callbacks, monkeypatch)
    not_yet = _failed_email(django_capture_on_commit_callbacks, monkeypatch)
    OutgoingEmail.objects.filter(pk=due.pk).update(next_attempt_at=timezone.now() - timedelta(seconds=1))
    out = StringIO()
    call_command("worker", "--once", stdout=out)
    assert [m.to for m in mail.outbox] == [["a@example.com"]]
    due.refresh_from_db()
    not_yet.refresh_from_db()
    assert (due.status, not_yet.status) == ("sent", "failed")
    assert "sent" in out.getvalue()


def test_worker_runs_each_periodic_job_once_per_interval(settings):
    settings.PERIODIC_JOBS = {"tests.catalogue.test_worker.record_call": 3600}
    worker.run_once()
    worker.run_once()
    assert len(CALLS) == 1
    PeriodicJobRun.objects.update(last_started_at=timezone.now() - timedelta(hours=2))
    worker.run_once()
    assert len(CALLS) == 2


def test_a_failing_job_does_not_stop_the_others(settings, caplog):
    settings.PERIODIC_JOBS = {
        "tests.catalogue.test_worker.broken_job": 60,
        "tests.catalogue.test_worker.record_call": 60,
    }
    done = worker.run_once()
    assert len(CALLS) == 1
    assert done["jobs"] == list(settings.PERIODIC_JOBS)
    assert "Periodic job tests.catalogue.test_worker.broken_job failed" in caplog.text


def test_archiving_past_trainings_is_a_periodic_job_of_the_worker(django_capture_on_commit_callbacks):
    past = make_training(title="Passée")
    make_session(past, starts_in=timedelta(days=-3))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("worker", "--once", stdout=StringIO())
    past.refresh_from_db()
    assert past.status == Status.ARCHIVED
    assert [m.subject for m in mail.outbox] == [fr("Archived: %(title)s", title="Passée")]


class _Stop(Exception):
    pass


def test_worker_runs_forever_closing_stale_database_connections_between_passes():
    command = "catalogue.management.commands.worker"
    with (
        mock.patch("catalogue.worker.run_once", return_value={"emails": {}, "jobs": []}) as run_once,
        mock.patch(f"{command}.time.sleep", side_effect=[None, _Stop]),
        mock.patch(f"{command}.close_old_connections") as close,
        pytest.raises(_Stop),
    ):
        call_command("worker", stdout=StringIO())
    assert (run_once.call_count, close.call_count) == (2, 1)


def test_worker_survives_a_failing_pass(settings):
    with mock.patch("catalogue.worker.run_once", side_effect=RuntimeError("database away")):
        call_command("worker", "--once", stdout=StringIO())  # logged, no crash

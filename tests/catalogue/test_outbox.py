"""The one e-mail outbox: store, send after commit, retry with backoff, give up, never store a secret."""

import smtplib
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.utils import timezone

from catalogue import outbox
from catalogue.models import OutgoingEmail
from tests.factories import make_curator, make_expert, make_user
from tests.french import fr

pytestmark = pytest.mark.django_db


def _queue(capture, **fields):
    with capture(execute=True):
        return outbox.queue_email(
            **{
                "kind": "test.note",
                "to": "someone@example.com",
                "template": "emails/no_account",
                "context": {"signup_link": "https://cible.example/fr/accounts/signup/"},
                "language": "en",
                **fields,
            }
        )


def _failing(self, messages):
    raise smtplib.SMTPServerDisconnected("mail server down")


def _refresh(row):
    row.refresh_from_db()
    return row


def test_queued_email_is_sent_after_commit_in_the_recipients_language(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        row = outbox.queue_email(
            kind="test.note",
            to="someone@example.com",
            template="emails/no_account",
            context={"signup_link": "https://cible.example/fr/accounts/signup/"},
            language="fr",
            reply_to="reply@example.com",
        )
    assert mail.outbox == [] and _refresh(row).status == "queued"
    for callback in callbacks:
        callback()
    (sent,) = mail.outbox
    assert sent.subject == fr("Cible: password reset request")
    assert sent.to == ["someone@example.com"] and sent.reply_to == ["reply@example.com"]
    assert "https://cible.example/fr/accounts/signup/" in sent.body
    row = _refresh(row)
    assert (row.status, row.attempts, row.last_error) == ("sent", 1, "")
    assert row.sent_at is not None


def test_failed_send_is_retried_with_growing_delays_then_succeeds(django_capture_on_commit_callbacks, monkeypatch):
    monkeypatch.setattr(EmailBackend, "send_messages", _failing)
    row = _queue(django_capture_on_commit_callbacks)
    first = _refresh(row)
    assert (first.status, first.attempts) == ("failed", 1)
    assert "mail server down" in first.last_error
    first_delay = first.next_attempt_at - timezone.now()
    assert timedelta(seconds=50) < first_delay <= timedelta(minutes=1)

    assert outbox.send_due() == {}  # not due yet: nothing is tried
    later = first.next_attempt_at + timedelta(seconds=1)
    outbox.send_due(now=later)
    second = _refresh(row)
    assert (second.status, second.attempts) == ("failed", 2)
    assert second.next_attempt_at - later == timedelta(minutes=2)  # the delay doubles

    monkeypatch.undo()
    outbox.send_due(now=second.next_attempt_at)
    assert (_refresh(row).status, _refresh(row).attempts) == ("sent", 3)
    assert len(mail.outbox) == 1
    outbox.send_due(now=second.next_attempt_at + timedelta(days=1))
    assert len(mail.outbox) == 1  # sent once


def test_backoff_doubles_up_to_six_hours():
    assert [outbox.backoff(n) for n in (1, 2, 3)] == [timedelta(minutes=m) for m in (1, 2, 4)]
    assert outbox.backoff(30) == timedelta(hours=6)


def test_email_is_given_up_after_the_attempt_limit(django_capture_on_commit_callbacks, monkeypatch, settings):
    settings.OUTBOX_MAX_ATTEMPTS = 3
    monkeypatch.setattr(EmailBackend, "send_messages", _failing)
    row = _queue(django_capture_on_commit_callbacks)
    far = timezone.now() + timedelta(days=1)
    outbox.send_due(now=far)
    outbox.send_due(now=far + timedelta(days=1))
    row = _refresh(row)
    assert (row.status, row.attempts) == ("gave_up", 3)
    monkeypatch.undo()
    outbox.send_due(now=far + timedelta(days=2))
    assert mail.outbox == [] and _refresh(row).attempts == 3


def test_an_email_claimed_by_one_sender_is_not_sent_by_another(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        row = outbox.queue_email(kind="test.note", to="a@example.com", template="emails/no_account", context={})
    assert outbox.deliver(row.pk) == "sent"
    assert outbox.deliver(row.pk) is None  # the task and the worker racing: the second finds nothing to claim
    assert len(mail.outbox) == 1


def test_a_sender_that_died_mid_send_is_taken_over_after_the_lease(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        row = outbox.queue_email(kind="test.note", to="a@example.com", template="emails/no_account", context={})
    OutgoingEmail.objects.filter(pk=row.pk).update(
        status="sending", next_attempt_at=timezone.now() + outbox.CLAIM_LEASE
    )
    assert outbox.send_due() == {}
    outbox.send_due(now=timezone.now() + outbox.CLAIM_LEASE + timedelta(seconds=1))
    assert _refresh(row).status == "sent"


def test_confirmation_email_row_holds_no_token(django_capture_on_commit_callbacks):
    from experts import accounts

    expert = make_expert(user=make_user(email="new@example.com"), email_confirmed_at=None, preferred_language="en")
    with django_capture_on_commit_callbacks(execute=True):
        accounts.send_confirmation(expert)
    (sent,) = mail.outbox
    token = accounts.confirmation_token(expert)
    link = sent.body.split("\n\n")[2].strip()
    assert "/en/accounts/confirm/" in link
    row = OutgoingEmail.objects.get(kind=accounts.CONFIRM_KIND)
    stored = f"{row.subject} {row.body} {row.context} {row.headers} {row.last_error}"
    assert row.body == "" and row.context == {"expert_id": expert.pk}
    assert token.split(":")[0] not in stored and "confirm" not in row.body


def test_password_reset_row_holds_no_token_and_the_link_works(client, django_capture_on_commit_callbacks):
    from experts import accounts

    user = make_user(email="reset@example.com")
    make_expert(user=user)
    with django_capture_on_commit_callbacks(execute=True):
        accounts.send_password_reset(user)
    (sent,) = mail.outbox
    link = next(line for line in sent.body.splitlines() if "/accounts/password/reset/" in line).strip()
    row = OutgoingEmail.objects.get(kind=accounts.RESET_KIND)
    assert row.body == "" and row.context == {"user_id": user.pk}
    assert link.rsplit("/", 2)[-2] not in str(row.__dict__)
    assert client.get(link, follow=True).status_code == 200


def test_retries_of_a_link_stop_before_the_link_expires(django_capture_on_commit_callbacks, monkeypatch, settings):
    from experts import accounts

    settings.PASSWORD_RESET_TIMEOUT = 5 * 60
    user = make_user(email="late@example.com")
    monkeypatch.setattr(EmailBackend, "send_messages", _failing)
    with django_capture_on_commit_callbacks(execute=True):
        accounts.send_password_reset(user)
    row = OutgoingEmail.objects.get()
    outbox.send_due(now=timezone.now() + timedelta(minutes=1, seconds=5))  # attempt 2; the next would be at ~3 min
    outbox.send_due(now=timezone.now() + timedelta(minutes=3, seconds=10))  # attempt 3; the next one, too late
    row = _refresh(row)
    assert (row.status, row.attempts) == ("gave_up", 3)
    monkeypatch.undo()
    outbox.send_due(now=timezone.now() + timedelta(minutes=4))
    assert mail.outbox == []


def test_an_expired_link_is_never_sent(django_capture_on_commit_callbacks):
    from experts import accounts

    user = make_user(email="old@example.com")
    with django_capture_on_commit_callbacks(execute=False):
        accounts.send_password_reset(user)
    row = OutgoingEmail.objects.get()
    OutgoingEmail.objects.filter(pk=row.pk).update(created_at=timezone.now() - timedelta(days=2))
    assert outbox.deliver(row.pk) == "gave_up"
    assert mail.outbox == []


def test_queue_down_leaves_the_email_for_the_worker(django_capture_on_commit_callbacks):
    with mock.patch.object(outbox, "send_email") as task:
        task.enqueue.side_effect = ConnectionError("queue down")
        row = _queue(django_capture_on_commit_callbacks)
    assert _refresh(row).status == "queued"
    assert outbox.send_due() == {}  # the task gets its chance first
    outbox.send_due(now=timezone.now() + outbox.QUEUE_GRACE)
    assert _refresh(row).status == "sent"


# --- The curators' admin ---------------------------------------------------------


def test_curators_see_failed_sends_in_the_admin_and_retry_them(client, django_capture_on_commit_callbacks, monkeypatch):
    monkeypatch.setattr(EmailBackend, "send_messages", _failing)
    failed = _queue(django_capture_on_commit_callbacks, to="failed@example.com")
    monkeypatch.undo()
    _queue(django_capture_on_commit_callbacks, to="fine@example.com")
    client.force_login(make_curator())

    page = client.get("/fr/admin/catalogue/outgoingemail/", {"status__exact": "failed"})
    assert page.status_code == 200
    listed = list(page.context["cl"].result_list)
    assert [row.to for row in listed] == ["failed@example.com"]
    assert "mail server down" in client.get(f"/fr/admin/catalogue/outgoingemail/{failed.pk}/change/").content.decode()

    response = client.post(
        "/fr/admin/catalogue/outgoingemail/",
        {"action": "retry_now", "_selected_action": [failed.pk]},
        follow=True,
    )
    assert response.status_code == 200
    assert _refresh(failed).status == "sent"
    assert [m.to for m in mail.outbox] == [["fine@example.com"], ["failed@example.com"]]


def test_curators_cannot_add_edit_or_delete_outbox_rows(client, django_capture_on_commit_callbacks):
    row = _queue(django_capture_on_commit_callbacks)
    client.force_login(make_curator())
    assert client.get("/fr/admin/catalogue/outgoingemail/add/").status_code == 403
    assert client.get(f"/fr/admin/catalogue/outgoingemail/{row.pk}/delete/").status_code == 403
    client.post(f"/fr/admin/catalogue/outgoingemail/{row.pk}/change/", {"to": "evil@example.com"})
    assert _refresh(row).to == "someone@example.com"


def test_sent_and_abandoned_emails_are_purged_after_thirty_days(django_capture_on_commit_callbacks):
    old_sent = _queue(django_capture_on_commit_callbacks)
    old_failed = _queue(django_capture_on_commit_callbacks)
    recent = _queue(django_capture_on_commit_callbacks)
    OutgoingEmail.objects.filter(pk=old_failed.pk).update(status="failed")
    month_ago = timezone.now() - timedelta(days=31)
    OutgoingEmail.objects.filter(pk__in=[old_sent.pk, old_failed.pk]).update(created_at=month_ago)
    assert outbox.purge_old() == 1
    # Still being retried, or recent: kept.
    assert set(OutgoingEmail.objects.values_list("pk", flat=True)) == {old_failed.pk, recent.pk}

"""The follow-up: due 7 days after the booked session or 60 days after the brief, one answer per brief."""

import re
from datetime import timedelta

import pytest
from django.core import mail, signing
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from catalogue import suppressions
from catalogue.models import OutgoingEmail
from experts import followups
from experts.models import Brief, Outcome
from tests.factories import make_brief, make_objective, make_public_expert, make_session

pytestmark = pytest.mark.django_db


def _send(django_capture_on_commit_callbacks, now=None):
    with django_capture_on_commit_callbacks(execute=True):
        return followups.send_due(now)


def _answer_path(message):
    return re.search(r"https?://[^/\s]+(/\S*/followup/(?!stop/)\S+/)", message.body).group(1)


def test_unmarked_brief_is_followed_up_after_60_days_once(django_capture_on_commit_callbacks):
    expert = make_public_expert()
    brief = make_brief(expert, created_ago=timedelta(days=59))
    assert _send(django_capture_on_commit_callbacks) == 0
    later = timezone.now() + timedelta(days=2)
    assert _send(django_capture_on_commit_callbacks, later) == 1
    assert _send(django_capture_on_commit_callbacks, later) == 0
    assert [m.to for m in mail.outbox] == [[brief.email]]
    assert brief.objective_text in mail.outbox[0].body
    assert "List-Unsubscribe" in mail.outbox[0].extra_headers


def test_booked_brief_is_followed_up_7_days_after_the_session_ends(django_capture_on_commit_callbacks):
    expert = make_public_expert()
    session = make_session(expert.training, starts_in=timedelta(days=3))
    make_brief(expert, booked_session=session, created_ago=timedelta(days=1))
    assert _send(django_capture_on_commit_callbacks, session.ends_at + timedelta(days=6)) == 0
    assert _send(django_capture_on_commit_callbacks, session.ends_at + timedelta(days=7, minutes=1)) == 1


def test_answer_link_is_not_stored_in_the_outbox(django_capture_on_commit_callbacks):
    make_brief(make_public_expert(), created_ago=timedelta(days=61))
    _send(django_capture_on_commit_callbacks)
    row = OutgoingEmail.objects.get(kind=followups.KIND)
    assert row.body == ""
    assert "/followup/" not in str(row.context)


def test_whole_flow_answer_counts_once(client, django_capture_on_commit_callbacks):
    objective = make_objective(name_fr="Développer votre réseau d'affaires")
    expert = make_public_expert()
    brief = make_brief(expert, objective, created_ago=timedelta(days=61))
    other = make_brief(expert, objective, created_ago=timedelta(days=61))
    _send(django_capture_on_commit_callbacks)
    path = _answer_path(next(m for m in mail.outbox if m.to == [brief.email]))
    page = client.get(path)
    assert page.status_code == 200
    assert "Développer votre réseau" in page.content.decode()
    answer = {"hired": "yes", "reached": "partly", "competences": ["know_how", "interpersonal"], "comment": "Bien\x07!"}
    assert client.post(path, answer).status_code == 200
    outcome = Outcome.objects.get()
    assert (outcome.brief_id, outcome.reached, outcome.competences) == (
        brief.pk,
        "partly",
        ["know_how", "interpersonal"],
    )
    assert outcome.comment == "Bien!" and outcome.comment_status == "pending"
    again = client.post(path, {**answer, "reached": "yes"})
    assert again.status_code == 409 and 'data-reason="used"' in again.content.decode()
    assert Outcome.objects.get().reached == "partly"
    assert not Outcome.objects.filter(brief=other).exists()


def test_hired_without_reached_is_asked_again(client):
    brief = make_brief(make_public_expert())
    path = reverse("experts:followup_answer", kwargs={"token": followups.answer_token(brief)})
    response = client.post(path, {"hired": "yes"})
    assert response.status_code == 200 and not Outcome.objects.exists()
    assert "reached_errors" in response.content.decode()


def test_not_hired_answer_is_stored_without_rating(client):
    brief = make_brief(make_public_expert())
    path = reverse("experts:followup_answer", kwargs={"token": followups.answer_token(brief)})
    client.post(path, {"hired": "no", "reached": "yes", "comment": "x"})
    outcome = Outcome.objects.get()
    assert (outcome.hired, outcome.reached, outcome.comment) == (False, "", "")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_tampered_link_gets_a_clear_page(client, lang):
    brief = make_brief(make_public_expert())
    token = followups.answer_token(brief)
    for bad in [token[:-2] + "xx", "nonsense", "a" * 5000, signing.dumps("1", salt=followups.ANSWER_SALT)]:
        with pytest.MonkeyPatch.context():
            from django.utils import translation

            with translation.override(lang):
                path = reverse("experts:followup_answer", kwargs={"token": bad})
        response = client.get(path)
        assert response.status_code == 400, bad
        assert 'data-reason="invalid"' in response.content.decode()


def test_expired_link_gets_a_clear_page(client, monkeypatch):
    brief = make_brief(make_public_expert())
    token = followups.answer_token(brief)
    real_time = signing.time.time
    monkeypatch.setattr(signing.time, "time", lambda: real_time() + timedelta(days=91).total_seconds())
    response = client.post(reverse("experts:followup_answer", kwargs={"token": token}), {"hired": "no"})
    assert response.status_code == 410 and not Outcome.objects.exists()


def test_optout_stops_followups_for_that_address(client, django_capture_on_commit_callbacks):
    expert = make_public_expert()
    brief = make_brief(expert, email="Ana@Example.com", created_ago=timedelta(days=61))
    response = client.get(reverse("experts:followup_optout", kwargs={"token": followups.optout_token(brief.email)}))
    assert response.status_code == 200
    assert suppressions.is_suppressed("ana@example.com", suppressions.FOLLOWUP)
    assert not suppressions.is_suppressed("ana@example.com", suppressions.ALERTS)
    assert _send(django_capture_on_commit_callbacks) == 0
    assert mail.outbox == []
    assert Brief.objects.get().followup_at is not None


def test_one_click_optout_accepts_a_post_without_csrf(client):
    csrf_client = client.__class__(enforce_csrf_checks=True)
    token = followups.optout_token("b@example.com")
    assert csrf_client.post(reverse("experts:followup_optout", kwargs={"token": token})).status_code == 200
    assert suppressions.is_suppressed("b@example.com", suppressions.FOLLOWUP)


def test_suppressed_for_all_gets_no_followup(django_capture_on_commit_callbacks):
    brief = make_brief(make_public_expert(), created_ago=timedelta(days=61))
    suppressions.suppress(brief.email)
    assert _send(django_capture_on_commit_callbacks) == 0


def test_send_followups_command_queues_due_briefs(django_capture_on_commit_callbacks, capsys):
    make_brief(make_public_expert(), created_ago=timedelta(days=61))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_followups")
    assert "1" in capsys.readouterr().out
    assert len(mail.outbox) == 1


def test_trainer_marks_the_booked_session_from_the_inbox(client):
    expert = make_public_expert()
    session = make_session(expert.training)
    brief = make_brief(expert)
    client.force_login(expert.user)
    url = reverse("experts:brief_booking", kwargs={"pk": brief.pk})
    client.post(url, {"session": str(session.pk)})
    assert Brief.objects.get().booked_session == session
    stranger = make_public_expert()
    client.post(url, {"session": str(make_session(stranger.training).pk)})
    assert Brief.objects.get().booked_session == session
    client.post(url, {"session": "9" * 30})
    assert Brief.objects.get().booked_session == session


def test_trainer_cannot_mark_another_trainers_brief(client):
    expert = make_public_expert()
    brief = make_brief(make_public_expert())
    client.force_login(expert.user)
    assert client.post(reverse("experts:brief_booking", kwargs={"pk": brief.pk}), {"session": ""}).status_code == 404


def test_answers_are_rate_limited_per_connection(client, settings):
    settings.FOLLOWUP_RATE_LIMIT = "2/h"
    expert = make_public_expert()
    statuses = []
    for _ in range(3):
        brief = make_brief(expert)
        path = reverse("experts:followup_answer", kwargs={"token": followups.answer_token(brief)})
        statuses.append(client.post(path, {"hired": "no"}).status_code)
    assert statuses == [200, 200, 429]
    assert Outcome.objects.count() == 2

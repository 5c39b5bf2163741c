from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from alerts import digests
from alerts.models import Alert, SentTraining
from catalogue.models import OutgoingEmail
from catalogue.worker import run_due_jobs
from tests.factories import make_objective, make_training
from tests.french import fr

from .helpers import make_alert

pytestmark = pytest.mark.django_db


def _published(hours_ago, **fields):
    return make_training(published_at=timezone.now() - timedelta(hours=hours_ago), **fields)


def _run(capture, now=None):
    with capture(execute=True):
        return digests.send_due_digests(now or timezone.now())


def test_digest_lists_only_trainings_published_since_confirmation(django_capture_on_commit_callbacks):
    make_alert(language="fr")
    _published(48, title="Avant l’alerte")
    _published(2, title="Nouvelle formation médias")
    _published(2, title="Réseau seulement", focus="network")
    assert _run(django_capture_on_commit_callbacks) == 1
    [email] = mail.outbox
    assert "Nouvelle formation médias" in email.body
    assert "Avant l’alerte" not in email.body and "Réseau seulement" not in email.body
    # French, the alert's language.
    assert email.subject == fr(
        "Cible: %(counter)s new training for your alert",
        "Cible: %(counter)s new trainings for your alert",
        1,
        counter=1,
    )
    assert "/fr/trainings/" in email.body


def test_digest_in_english_for_an_english_alert(django_capture_on_commit_callbacks):
    make_alert(language="en")
    _published(2, title="Media workshop")
    _run(django_capture_on_commit_callbacks)
    assert "new training" in mail.outbox[0].subject
    assert "/en/trainings/" in mail.outbox[0].body


def test_digest_has_one_click_unsubscribe_and_manage_links(django_capture_on_commit_callbacks):
    make_alert()
    _published(2)
    _run(django_capture_on_commit_callbacks)
    headers = mail.outbox[0].extra_headers
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert headers["List-Unsubscribe"].startswith("<http") and "/alerts/unsubscribe/" in headers["List-Unsubscribe"]
    assert "/fr/alerts/manage/" in mail.outbox[0].body
    assert "/fr/alerts/feed/" in mail.outbox[0].body
    # The manage link is rendered at send time, never stored in the outbox.
    assert "/alerts/manage/" not in OutgoingEmail.objects.get().body


def test_nothing_sent_when_nothing_is_new(django_capture_on_commit_callbacks):
    make_alert()
    _published(48)
    assert _run(django_capture_on_commit_callbacks) == 0
    assert mail.outbox == []


def test_unconfirmed_alert_gets_no_digest(django_capture_on_commit_callbacks):
    alert = make_alert(confirmed=False)
    Alert.objects.filter(pk=alert.pk).update(since=timezone.now() - timedelta(days=3), next_digest_at=timezone.now())
    _published(2)
    assert _run(django_capture_on_commit_callbacks) == 0


def test_digest_never_lists_a_training_twice(django_capture_on_commit_callbacks):
    alert = make_alert()
    first = _published(2, title="Premier atelier")
    _run(django_capture_on_commit_callbacks)
    # Even if the high-water mark were lost, the training is recorded as sent for this alert.
    Alert.objects.filter(pk=alert.pk).update(since=timezone.now() - timedelta(days=5))
    later = timezone.now() + timedelta(days=1, minutes=1)
    second = make_training(published_at=timezone.now(), title="Second atelier")
    assert _run(django_capture_on_commit_callbacks, later) == 1
    assert "Second atelier" in mail.outbox[1].body and "Premier atelier" not in mail.outbox[1].body
    assert set(SentTraining.objects.values_list("training", flat=True)) == {first.pk, second.pk}
    assert _run(django_capture_on_commit_callbacks, later + timedelta(days=2)) == 0
    assert len(mail.outbox) == 2


def test_digest_waits_for_its_frequency(django_capture_on_commit_callbacks):
    alert = make_alert(frequency="weekly")
    _published(2)
    _run(django_capture_on_commit_callbacks)
    make_training(published_at=timezone.now())
    next_due = Alert.objects.get(pk=alert.pk).next_digest_at
    assert next_due > timezone.now() + timedelta(days=6)
    assert _run(django_capture_on_commit_callbacks, timezone.now() + timedelta(days=1)) == 0
    assert _run(django_capture_on_commit_callbacks, next_due) == 1


def test_digest_of_a_deleted_alert_is_not_sent(django_capture_on_commit_callbacks):
    alert = make_alert()
    _published(2)
    with django_capture_on_commit_callbacks(execute=False):
        digests.send_due_digests()
    alert.delete()
    from catalogue import outbox

    outbox.send_due(timezone.now() + timedelta(minutes=5))
    assert mail.outbox == []


def test_match_alert_lists_trainings_with_its_objectives(django_capture_on_commit_callbacks):
    objective = make_objective(focus="network")
    make_alert(kind="match", query="garder le lien", objectives=[objective.slug], focus="network")
    _published(2, title="Avec l’objectif", objectives=[objective], focus="network")
    _published(2, title="Sans l’objectif", focus="network")
    _run(django_capture_on_commit_callbacks)
    assert "Avec l’objectif" in mail.outbox[0].body
    assert "Sans l’objectif" not in mail.outbox[0].body


def test_digest_job_runs_from_the_worker(django_capture_on_commit_callbacks):
    make_alert(email="a@example.com")
    make_alert(email="b@example.com")
    _published(2)
    with django_capture_on_commit_callbacks(execute=True):
        assert "alerts.digests.send_due_digests" in run_due_jobs()
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.com", "b@example.com"]


def test_send_alerts_command_queues_digests_and_purges(django_capture_on_commit_callbacks, capsys):
    make_alert()
    stale = make_alert(confirmed=False, query="q=stale")
    Alert.objects.filter(pk=stale.pk).update(created_at=timezone.now() - timedelta(days=8))
    _published(2)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_alerts")
    assert "queued 1 digest(s); deleted 1 unconfirmed" in capsys.readouterr().out
    assert len(mail.outbox) == 1


def test_match_alert_with_platform_and_language_lists_only_those(django_capture_on_commit_callbacks):
    from tests.factories import make_platform

    objective = make_objective(focus="media")
    linkedin = make_platform(slug="linkedin")
    make_alert(
        kind="match", query="objective=x", objectives=[objective.slug], platforms=["linkedin"], training_language="en"
    )
    _published(2, title="LinkedIn in English", objectives=[objective], platforms=[linkedin], language="en")
    _published(2, title="LinkedIn en français", objectives=[objective], platforms=[linkedin], language="fr")
    _published(2, title="Elsewhere in English", objectives=[objective], language="en")
    _run(django_capture_on_commit_callbacks)
    body = mail.outbox[0].body
    assert "LinkedIn in English" in body
    assert "LinkedIn en français" not in body and "Elsewhere in English" not in body


@pytest.mark.parametrize("kind", ["alerts", "all"])
def test_digest_not_sent_to_an_address_on_the_suppression_list(django_capture_on_commit_callbacks, kind):
    from catalogue.suppressions import suppress

    alert = make_alert()
    suppress(alert.email.upper(), kind)
    _published(2)
    assert _run(django_capture_on_commit_callbacks) == 0
    assert mail.outbox == []

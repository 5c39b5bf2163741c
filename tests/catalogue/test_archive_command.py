from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from catalogue.enums import Status
from catalogue.models import OfferTransition
from tests.factories import make_session, make_training
from tests.french import fr

pytestmark = pytest.mark.django_db


def _run(capture):
    out = StringIO()
    with capture(execute=True):
        call_command("archive_past_trainings", stdout=out)
    return out.getvalue()


def test_archives_published_trainings_whose_sessions_are_all_past(django_capture_on_commit_callbacks):
    past = make_training(title="Passée")
    make_session(past, starts_in=timedelta(days=-30))
    make_session(past, starts_in=timedelta(days=-2))
    mixed = make_training(title="Une à venir")
    make_session(mixed, starts_in=timedelta(days=-30))
    make_session(mixed, starts_in=timedelta(days=5))
    running = make_training(title="En cours")
    make_session(running, starts_in=timedelta(hours=-1), hours=3)  # started, not ended
    no_session = make_training(title="Sans session")
    draft_past = make_training(status=Status.DRAFT, title="Brouillon passé")
    make_session(draft_past, starts_in=timedelta(days=-30))

    output = _run(django_capture_on_commit_callbacks)

    assert "archived 1 training(s)" in output
    statuses = {t.title: t.status for t in (past, mixed, running, no_session, draft_past) if not t.refresh_from_db()}
    assert statuses == {
        "Passée": Status.ARCHIVED,
        "Une à venir": Status.PUBLISHED,
        "En cours": Status.PUBLISHED,
        "Sans session": Status.PUBLISHED,
        "Brouillon passé": Status.DRAFT,
    }
    record = OfferTransition.objects.get(training=past)
    assert (record.from_status, record.to_status, record.by) == (Status.PUBLISHED, Status.ARCHIVED, None)
    assert [m.subject for m in mail.outbox] == [fr("Archived: %(title)s", title="Passée")]


def test_archiving_is_idempotent(django_capture_on_commit_callbacks):
    past = make_training()
    make_session(past, starts_in=timedelta(days=-3))
    _run(django_capture_on_commit_callbacks)
    second = _run(django_capture_on_commit_callbacks)
    assert "archived 0 training(s)" in second
    assert OfferTransition.objects.filter(training=past).count() == 1
    assert len(mail.outbox) == 1


def test_dry_run_changes_nothing(django_capture_on_commit_callbacks):
    past = make_training(slug="atelier-passe")
    make_session(past, starts_in=timedelta(days=-3))
    out = StringIO()
    call_command("archive_past_trainings", "--dry-run", stdout=out)
    assert "would archive atelier-passe" in out.getvalue()
    past.refresh_from_db()
    assert past.status == Status.PUBLISHED


def test_help_says_trainings_without_sessions_are_left_alone():
    from catalogue.management.commands.archive_past_trainings import Command

    assert "no session at all are left alone" in Command.help

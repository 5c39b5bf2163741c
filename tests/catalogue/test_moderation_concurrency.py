"""Two curators deciding the same offer at the same moment: exactly one wins.

Needs real row locks, so it runs on PostgreSQL only (CI runs the suite there too).
"""

import threading

import pytest
from django.db import connection, transaction

from catalogue import workflow
from catalogue.enums import Status
from catalogue.models import OfferTransition
from catalogue.review_rules import RUBRIC_KEYS
from tests.factories import make_curator, make_training

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite has no row locks (select_for_update); set DATABASE_URL to a PostgreSQL database",
    ),
]


ALL_YES = dict.fromkeys(RUBRIC_KEYS, True)


def _wait_until_a_query_waits_for_a_lock(timeout=10.0):
    """Poll PostgreSQL until another session is blocked on a lock (the second decision)."""
    import time

    deadline = time.monotonic() + timeout
    with connection.cursor() as cursor:
        while time.monotonic() < deadline:
            # Activity statistics are snapshotted per transaction: refresh them.
            cursor.execute("SELECT pg_stat_clear_snapshot()")
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()"
            )
            if cursor.fetchone()[0]:
                return True
            time.sleep(0.05)
    return False


def test_concurrent_decisions_exactly_one_wins():
    training = make_training(status=Status.SUBMITTED)
    first_curator, second_curator = make_curator(), make_curator()
    first_holds_lock = threading.Event()
    second_is_waiting = threading.Event()
    outcomes = {}

    def first():
        try:
            # The first decision is made but not yet committed while the second starts.
            with transaction.atomic():
                workflow.transition(training, workflow.Action.PUBLISH, by=first_curator, rubric=ALL_YES)
                first_holds_lock.set()
                second_is_waiting.wait(timeout=10)
                outcomes["second_blocked"] = _wait_until_a_query_waits_for_a_lock()
            outcomes["first"] = "published"
        except Exception as error:  # pragma: no cover - reported below
            outcomes["first"] = error
        finally:
            connection.close()

    def second():
        try:
            first_holds_lock.wait(timeout=10)
            second_is_waiting.set()
            # A separate Training instance, as loaded by the second curator's page.
            from catalogue.models import Training

            stale = Training.objects.get(pk=training.pk)
            assert stale.status == Status.SUBMITTED  # the first decision is not committed yet
            # Bound to the version the second curator saw, as the review screen does.
            workflow.transition(stale, workflow.Action.REJECT, by=second_curator, message="Non.", version=stale.version)
            outcomes["second"] = "rejected"
        except workflow.StaleVersion as error:
            outcomes["second"] = error
        except Exception as error:  # pragma: no cover
            outcomes["second"] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert outcomes["first"] == "published"
    assert outcomes["second_blocked"] is True  # the second decision really waited on the row lock
    assert isinstance(outcomes["second"], workflow.StaleVersion), outcomes["second"]
    training.refresh_from_db()
    assert training.status == Status.PUBLISHED
    assert list(OfferTransition.objects.filter(training=training).values_list("to_status", "by")) == [
        (Status.PUBLISHED, first_curator.pk)
    ]

"""The shared words of the catalogue, each defined once as a queryset method."""

from datetime import timedelta

import pytest

from catalogue.enums import Status
from catalogue.models import Objective, Session
from tests.factories import make_objective, make_session, make_training

pytestmark = pytest.mark.django_db


def test_active_objectives_are_those_curators_keep_active():
    kept = make_objective(slug="kept")
    retired = make_objective(slug="retired", is_active=False)
    active = set(Objective.objects.active().filter(pk__in=[kept.pk, retired.pk]))
    assert active == {kept}


def test_upcoming_sessions_have_not_started_yet_whatever_the_offer_status():
    training = make_training()
    draft = make_training(status=Status.DRAFT)
    tomorrow = make_session(training, starts_in=timedelta(days=1))
    draft_tomorrow = make_session(draft, starts_in=timedelta(days=1))
    make_session(training, starts_in=timedelta(minutes=-5))  # under way: no longer offered
    make_session(training, starts_in=timedelta(days=-30))
    assert set(Session.objects.upcoming()) == {tomorrow, draft_tomorrow}
    assert set(training.sessions.upcoming()) == {tomorrow}

import pytest

from catalogue import review_rules, workflow
from catalogue.enums import Status
from catalogue.models import OFFER_FACTS, OFFER_TEXTS, Use
from tests.factories import make_curator, make_session, make_training

pytestmark = pytest.mark.django_db

ALL_YES = dict.fromkeys(review_rules.RUBRIC_KEYS, True)


def test_snapshot_holds_the_form_fields_and_each_session_address_and_time_zone():
    training = make_training(status=Status.SUBMITTED)
    make_session(training, address="1234 rue Sainte-Catherine", timezone="Europe/Paris")
    snapshot = review_rules.snapshot(training)
    assert list(snapshot) == [*OFFER_TEXTS, *OFFER_FACTS, "sessions"]
    (session,) = snapshot["sessions"]
    assert (session["address"], session["timezone"]) == ("1234 rue Sainte-Catherine", "Europe/Paris")


def test_a_snapshot_approved_before_the_address_was_kept_shows_no_session_change():
    training = make_training(status=Status.SUBMITTED)
    make_session(training, address="1234 rue Sainte-Catherine")
    workflow.transition(training, workflow.Action.PUBLISH, by=make_curator(), rubric=ALL_YES)
    training.refresh_from_db()
    for session in training.approved_snapshot["sessions"]:  # as stored by the previous release
        del session["address"], session["timezone"]
    assert review_rules.changes_since_approval(training) == []


def test_uses_are_in_the_snapshot_and_a_snapshot_approved_before_uses_shows_no_change():
    training = make_training(status=Status.SUBMITTED)
    training.uses.set(Use.objects.filter(code__in=["networking", "broadcast"]))
    assert review_rules.snapshot(training)["uses"] == ["broadcast", "networking"]
    workflow.transition(training, workflow.Action.PUBLISH, by=make_curator(), rubric=ALL_YES)
    training.refresh_from_db()
    del training.approved_snapshot["uses"]  # as stored before offers declared uses
    assert review_rules.changes_since_approval(training) == []


def test_a_use_change_is_shown_to_the_curator():
    training = make_training(status=Status.SUBMITTED)
    workflow.transition(training, workflow.Action.PUBLISH, by=make_curator(), rubric=ALL_YES)
    training.uses.set(Use.objects.filter(code="play"))
    training.refresh_from_db()
    (change,) = review_rules.changes_since_approval(training)
    assert (change.key, change.before, change.after) == ("uses", "", "play")


def test_an_address_change_is_shown_to_the_curator():
    training = make_training(status=Status.SUBMITTED)
    session = make_session(training, address="1 rue A")
    workflow.transition(training, workflow.Action.PUBLISH, by=make_curator(), rubric=ALL_YES)
    session.address = "2 rue B"
    session.save()
    training.refresh_from_db()
    (change,) = review_rules.changes_since_approval(training)
    assert change.key == "sessions" and "1 rue A" in change.before and "2 rue B" in change.after


def test_rubric_is_met_only_when_every_item_is_yes():
    assert review_rules.rubric_met(ALL_YES)
    assert not review_rules.rubric_met({**ALL_YES, "focus_is_right": False})
    assert not review_rules.rubric_met({})

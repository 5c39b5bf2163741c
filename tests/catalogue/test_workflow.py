import pytest

from catalogue import workflow
from catalogue.enums import Status
from catalogue.models import OfferTransition
from catalogue.workflow import Action
from tests.factories import make_curator, make_expert, make_training, make_user

pytestmark = pytest.mark.django_db

ALL_STATUSES = list(Status)


def _owner_or_curator(action, training, curator):
    return curator if workflow.Actor.CURATOR in workflow.MOVES[action].actors else training.trainer.user


@pytest.mark.parametrize("action", list(Action))
@pytest.mark.parametrize("status", ALL_STATUSES)
def test_every_transition_is_allowed_only_from_its_table_sources(action, status):
    curator = make_curator()
    training = make_training(status=status)
    move = workflow.MOVES[action]
    by = _owner_or_curator(action, training, curator)
    if status in move.sources:
        record = workflow.transition(training, action, by=by, message="Because.")
        training.refresh_from_db()
        assert training.status == move.target
        assert (record.from_status, record.to_status, record.by) == (status, move.target, by)
    else:
        with pytest.raises(workflow.AlreadyDecided):
            workflow.transition(training, action, by=by, message="Because.")
        training.refresh_from_db()
        assert training.status == status
        assert not OfferTransition.objects.filter(training=training).exists()


def test_trainer_can_never_publish_their_own_offer():
    training = make_training(status=Status.SUBMITTED)
    with pytest.raises(workflow.NotAllowed):
        workflow.transition(training, Action.PUBLISH, by=training.trainer.user)
    training.refresh_from_db()
    assert training.status == Status.SUBMITTED


def test_stranger_cannot_submit_someone_elses_offer():
    training = make_training(status=Status.DRAFT)
    with pytest.raises(workflow.NotAllowed):
        workflow.transition(training, Action.SUBMIT, by=make_user())


def test_request_changes_requires_a_message():
    training = make_training(status=Status.SUBMITTED)
    with pytest.raises(workflow.NotAllowed):
        workflow.transition(training, Action.REQUEST_CHANGES, by=make_curator(), message="  ")


def test_publishing_records_snapshot_and_first_publication_date():
    training = make_training(status=Status.SUBMITTED, title="Atelier LinkedIn", published_at=None)
    workflow.transition(training, Action.PUBLISH, by=make_curator(), rubric={"focus_is_right": True})
    training.refresh_from_db()
    assert training.approved_snapshot["title"] == "Atelier LinkedIn"
    assert training.published_at is not None
    assert OfferTransition.objects.get(training=training).rubric == {"focus_is_right": True}


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (Status.DRAFT, [Action.SUBMIT]),
        # Nobody reviews their own offer: only the trainer's side.
        (Status.SUBMITTED, [Action.WITHDRAW]),
        (Status.CHANGES_REQUESTED, [Action.RESUBMIT, Action.REOPEN]),
        (Status.PUBLISHED, [Action.EDIT_PUBLISHED, Action.ARCHIVE]),
        (Status.REJECTED, [Action.REOPEN]),
        (Status.ARCHIVED, [Action.REOPEN]),
    ],
)
def test_curator_who_owns_the_offer_gets_trainer_actions_but_no_review_decision(status, expected):
    curator = make_curator()
    training = make_training(status=status, trainer=make_expert(user=curator))
    assert workflow.allowed_actions(training, curator) == expected


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (Status.DRAFT, []),
        (Status.SUBMITTED, [Action.PUBLISH, Action.REQUEST_CHANGES, Action.REJECT]),
        (Status.CHANGES_REQUESTED, []),
        (Status.PUBLISHED, [Action.ARCHIVE]),
        (Status.REJECTED, []),
        (Status.ARCHIVED, []),
    ],
)
def test_curator_gets_no_trainer_action_on_someone_elses_offer(status, expected):
    curator = make_curator()
    training = make_training(status=status)
    assert workflow.allowed_actions(training, curator) == expected


def test_curator_who_owns_the_offer_can_submit_it():
    curator = make_curator()
    training = make_training(status=Status.DRAFT, trainer=make_expert(user=curator))
    record = workflow.transition(training, Action.SUBMIT, by=curator)
    assert (record.from_status, record.to_status, record.by) == (Status.DRAFT, Status.SUBMITTED, curator)


@pytest.mark.parametrize("action", [Action.SUBMIT, Action.REOPEN])
def test_curator_cannot_make_trainer_moves_on_someone_elses_offer(action):
    status = Status.DRAFT if action == Action.SUBMIT else Status.REJECTED
    training = make_training(status=status)
    with pytest.raises(workflow.NotAllowed):
        workflow.transition(training, action, by=make_curator())
    training.refresh_from_db()
    assert training.status == status


@pytest.mark.parametrize("action", [Action.PUBLISH, Action.REQUEST_CHANGES, Action.REJECT])
@pytest.mark.parametrize("superuser", [False, True])
def test_nobody_makes_a_review_decision_on_their_own_offer(action, superuser):
    owner = make_curator(is_superuser=superuser)
    training = make_training(status=Status.SUBMITTED, trainer=make_expert(user=owner))
    with pytest.raises(workflow.NotAllowed, match="votre propre offre : un autre curateur doit la réviser"):
        workflow.transition(training, action, by=owner, message="Because.")
    training.refresh_from_db()
    assert training.status == Status.SUBMITTED
    assert not OfferTransition.objects.filter(training=training).exists()
    # Another curator can.
    workflow.transition(training, action, by=make_curator(), message="Because.")
    training.refresh_from_db()
    assert training.status == workflow.MOVES[action].target

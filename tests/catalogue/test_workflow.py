import pytest

from catalogue import workflow
from catalogue.enums import Status
from catalogue.models import OfferTransition, ReviewAssessment
from catalogue.review_rules import RUBRIC_KEYS
from catalogue.workflow import Action
from tests.factories import make_assessment, make_curator, make_expert, make_session, make_training, make_user

pytestmark = pytest.mark.django_db

ALL_STATUSES = list(Status)
ALL_YES = dict.fromkeys(RUBRIC_KEYS, True)


def _owner_or_curator(action, training, curator):
    return curator if workflow.Actor.CURATOR in workflow.MOVES[action].actors else training.trainer.user


@pytest.mark.parametrize("action", list(Action))
@pytest.mark.parametrize("status", ALL_STATUSES)
def test_every_transition_is_allowed_only_from_its_table_sources(action, status):
    curator = make_curator()
    training = make_training(status=status)
    make_session(training)
    make_assessment(training)
    move = workflow.MOVES[action]
    by = _owner_or_curator(action, training, curator)
    if status in move.sources:
        record = workflow.transition(training, action, by=by, message="Because.")
        training.refresh_from_db()
        assert training.status == move.target
        assert (record.from_status, record.to_status, record.by) == (status, move.target, by)
    else:
        with pytest.raises(workflow.WrongState):
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
    workflow.transition(training, Action.PUBLISH, by=make_curator(), rubric=ALL_YES)
    training.refresh_from_db()
    assert training.approved_snapshot["title"] == "Atelier LinkedIn"
    assert training.published_at is not None
    assert OfferTransition.objects.get(training=training).rubric == ALL_YES


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
    make_session(training)
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
    with pytest.raises(workflow.NotAllowed) as refused:
        workflow.transition(training, action, by=owner, message="Because.", rubric=ALL_YES)
    assert refused.value.code == "own_offer"
    training.refresh_from_db()
    assert training.status == Status.SUBMITTED
    assert not OfferTransition.objects.filter(training=training).exists()
    # Another curator can.
    workflow.transition(training, action, by=make_curator(), message="Because.", rubric=ALL_YES)
    training.refresh_from_db()
    assert training.status == workflow.MOVES[action].target


# --- Guards ----------------------------------------------------------------------------


@pytest.mark.parametrize("action", [Action.REQUEST_CHANGES, Action.REJECT])
def test_request_changes_and_reject_are_refused_without_a_message(action):
    training = make_training(status=Status.SUBMITTED)
    with pytest.raises(workflow.NotAllowed) as refused:
        workflow.transition(training, action, by=make_curator(), message="  ")
    assert refused.value.code == "message_required"
    training.refresh_from_db()
    assert training.status == Status.SUBMITTED


def test_publish_is_refused_without_a_rubric_on_the_current_version():
    training = make_training(status=Status.SUBMITTED)
    with pytest.raises(workflow.NotAllowed) as refused:
        workflow.transition(training, Action.PUBLISH, by=make_curator())
    assert refused.value.code == "rubric_missing"
    training.refresh_from_db()
    assert training.status == Status.SUBMITTED


def test_publish_is_refused_when_a_rubric_answer_is_no_and_records_nothing():
    training = make_training(status=Status.SUBMITTED)
    with pytest.raises(workflow.NotAllowed) as refused:
        workflow.transition(training, Action.PUBLISH, by=make_curator(), rubric={**ALL_YES, "focus_is_right": False})
    assert refused.value.code == "rubric_not_met"
    assert not ReviewAssessment.objects.exists()
    training.refresh_from_db()
    assert training.status == Status.SUBMITTED


def test_a_rubric_answered_on_an_older_version_does_not_publish():
    training = make_training(status=Status.SUBMITTED)
    make_session(training)
    make_assessment(training)
    workflow.transition(training, Action.WITHDRAW, by=training.trainer.user)
    workflow.transition(training, Action.SUBMIT, by=training.trainer.user)
    refusals = workflow.check(training, Action.PUBLISH, make_curator(), version=training.version)
    assert [r.code for r in refusals] == ["rubric_missing"]


@pytest.mark.parametrize("action", [Action.SUBMIT, Action.RESUBMIT, Action.EDIT_PUBLISHED])
def test_going_to_review_needs_a_confirmed_email_and_an_upcoming_session(action):
    status = next(iter(workflow.MOVES[action].sources))
    training = make_training(status=status, trainer=make_expert(email_confirmed_at=None))
    refusals = workflow.check(training, action, training.trainer.user)
    assert [r.code for r in refusals] == ["email_unconfirmed", "no_upcoming_session"]
    with pytest.raises(workflow.NotAllowed) as refused:
        workflow.transition(training, action, by=training.trainer.user)
    assert refused.value.code == "email_unconfirmed"
    training.refresh_from_db()
    assert training.status == status


def test_a_curator_may_not_assess_their_own_offer():
    owner = make_curator()
    training = make_training(status=Status.SUBMITTED, trainer=make_expert(user=owner))
    with pytest.raises(workflow.NotAllowed) as refused:
        workflow.assess(training, ALL_YES, by=owner, version=training.version)
    assert refused.value.code == "own_offer"
    assert not ReviewAssessment.objects.exists()


def test_decisions_and_their_labels_come_from_the_move_table():
    assert workflow.DECISIONS == (Action.PUBLISH, Action.REQUEST_CHANGES, Action.REJECT)
    assert [workflow.MOVES[a].message_required for a in workflow.DECISIONS] == [False, True, True]


# --- Versions: a decision applies to the version the curator saw ----------------------


def test_every_move_bumps_the_version():
    training = make_training(status=Status.DRAFT)
    make_session(training)
    first = training.version
    workflow.transition(training, Action.SUBMIT, by=training.trainer.user)
    workflow.transition(training, Action.WITHDRAW, by=training.trainer.user)
    training.refresh_from_db()
    assert training.version == first + 2


def test_decision_on_a_version_withdrawn_edited_and_resubmitted_is_stale():
    curator = make_curator()
    training = make_training(status=Status.DRAFT, title="Innocent workshop")
    make_session(training)
    trainer = training.trainer.user
    workflow.transition(training, Action.SUBMIT, by=trainer)
    seen = training.version  # the curator opens the review screen
    workflow.transition(training, Action.WITHDRAW, by=trainer)
    training.title = "BUY CHEAP PILLS http://spam.example"
    training.save()
    workflow.transition(training, Action.SUBMIT, by=trainer)

    with pytest.raises(workflow.StaleVersion) as refused:
        workflow.transition(training, Action.PUBLISH, by=curator, rubric=ALL_YES, version=seen)
    assert [(c.key, c.before, c.after) for c in refused.value.changes] == [
        ("title", "Innocent workshop", "BUY CHEAP PILLS http://spam.example")
    ]
    assert "BUY CHEAP PILLS" in str(refused.value)
    training.refresh_from_db()
    assert training.status == Status.SUBMITTED
    assert not ReviewAssessment.objects.exists()


def test_someone_deciding_first_is_a_stale_version_and_a_wrong_state_without_one():
    training = make_training(status=Status.SUBMITTED)
    seen = training.version
    workflow.transition(training, Action.REJECT, by=make_curator(), message="Non.")
    with pytest.raises(workflow.StaleVersion):
        workflow.transition(training, Action.REQUEST_CHANGES, by=make_curator(), message="Oui.", version=seen)
    with pytest.raises(workflow.WrongState):
        workflow.transition(training, Action.REQUEST_CHANGES, by=make_curator(), message="Oui.")
    assert OfferTransition.objects.filter(training=training).count() == 1


def test_a_decision_on_the_current_version_goes_through():
    training = make_training(status=Status.SUBMITTED)
    record = workflow.transition(training, Action.PUBLISH, by=make_curator(), rubric=ALL_YES, version=training.version)
    assert record.to_status == Status.PUBLISHED
    assert record.version == training.version


def test_a_trainer_edit_bumps_the_version_and_refuses_an_offer_that_moved(django_capture_on_commit_callbacks):
    from django.db import transaction

    training = make_training(status=Status.PUBLISHED)
    stale = type(training).objects.get(pk=training.pk)
    with transaction.atomic():
        workflow.begin_edit(training)
    assert training.version == stale.version + 1
    workflow.transition(training, Action.ARCHIVE, by=make_curator())
    with pytest.raises(workflow.WrongState), transaction.atomic():
        workflow.begin_edit(stale)  # the trainer's form was built while it was still published

"""The offer state machine: the only code that changes `Training.status`.

Views, admin actions, bulk actions and management commands all call
`transition()`. It checks the table of allowed moves and who may make them,
locks the row so two curators cannot both decide, records who/when/why, and
notifies the trainer once the transaction has committed.

Nobody reviews their own offer: a curator's decisions (publish, request
changes, reject) are refused to the offer's owner, superusers included, so an
offer always reaches visitors through someone other than its trainer. A
curator who is also a trainer submits like any trainer and another curator
decides.
"""

from dataclasses import dataclass

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .enums import Status
from .models import OfferTransition, Training


class Actor(models.TextChoices):
    TRAINER = "trainer", _("Trainer")
    CURATOR = "curator", _("Curator")
    SYSTEM = "system", _("System")


class Action(models.TextChoices):
    SUBMIT = "submit", _("Submit for review")
    WITHDRAW = "withdraw", _("Withdraw from review")
    RESUBMIT = "resubmit", _("Resubmit after changes")
    EDIT_PUBLISHED = "edit_published", _("Edit published offer (back to review)")
    PUBLISH = "publish", _("Publish")
    REQUEST_CHANGES = "request_changes", _("Request changes")
    REJECT = "reject", _("Reject")
    ARCHIVE = "archive", _("Archive")
    REOPEN = "reopen", _("Reopen as draft")


@dataclass(frozen=True)
class Move:
    sources: frozenset
    target: str
    actors: frozenset
    message_required: bool = False
    # A review decision: never made by the offer's owner, whatever else they are.
    not_by_owner: bool = False


def _move(sources, target, actors, message_required=False, not_by_owner=False):
    return Move(frozenset(sources), target, frozenset(actors), message_required, not_by_owner)


S, A = Status, Actor
# The whole workflow. Anything not listed here is refused.
MOVES = {
    Action.SUBMIT: _move({S.DRAFT}, S.SUBMITTED, {A.TRAINER}),
    Action.WITHDRAW: _move({S.SUBMITTED}, S.DRAFT, {A.TRAINER}),
    Action.RESUBMIT: _move({S.CHANGES_REQUESTED}, S.SUBMITTED, {A.TRAINER}),
    # Editing a live offer hides it until a curator approves the new version.
    Action.EDIT_PUBLISHED: _move({S.PUBLISHED}, S.SUBMITTED, {A.TRAINER}),
    Action.PUBLISH: _move({S.SUBMITTED}, S.PUBLISHED, {A.CURATOR}, not_by_owner=True),
    Action.REQUEST_CHANGES: _move(
        {S.SUBMITTED}, S.CHANGES_REQUESTED, {A.CURATOR}, message_required=True, not_by_owner=True
    ),
    Action.REJECT: _move({S.SUBMITTED}, S.REJECTED, {A.CURATOR}, message_required=True, not_by_owner=True),
    Action.ARCHIVE: _move({S.PUBLISHED}, S.ARCHIVED, {A.TRAINER, A.CURATOR, A.SYSTEM}),
    Action.REOPEN: _move({S.REJECTED, S.ARCHIVED, S.CHANGES_REQUESTED}, S.DRAFT, {A.TRAINER}),
}


class TransitionError(Exception):
    """A move the workflow refuses; `str()` is a message fit for the user."""


class NotAllowed(TransitionError):
    pass


OWN_OFFER = _("This is your own offer: another curator must review it.")


class AlreadyDecided(TransitionError):
    """The offer moved on (another curator decided first, or it was withdrawn)."""


def roles_for(user, training):
    """Every role `user` plays for `training`: the system, its owner (trainer), a curator.

    A curator who also owns the offer plays both roles on it (but may still not
    make a `not_by_owner` move, see `actor_for`); on anyone else's offer a
    curator is only a curator.
    """
    if user is None:
        return {Actor.SYSTEM}
    roles = set()
    if user.is_authenticated and training.trainer.user_id == user.pk:
        roles.add(Actor.TRAINER)
    if user.is_authenticated and user.has_perm("catalogue.moderate_training"):
        roles.add(Actor.CURATOR)
    return roles


def owns(user, training):
    """Whether `user` is `training`'s trainer, to whom review decisions are refused."""
    return Actor.TRAINER in roles_for(user, training)


def _refused_to_owner(move, roles):
    return move.not_by_owner and Actor.TRAINER in roles


def actor_for(user, training, action=None):
    """The role `user` acts in for `training` (for `action` when given): trainer, curator, system or None."""
    roles = roles_for(user, training)
    if action is not None:
        move = MOVES[Action(action)]
        if _refused_to_owner(move, roles):
            return None
        roles &= move.actors
    for actor in (Actor.SYSTEM, Actor.CURATOR, Actor.TRAINER):
        if actor in roles:
            return actor
    return None


def allowed_actions(training, user):
    """Actions `user` may take on `training` now, in table order (for buttons)."""
    roles = roles_for(user, training)
    return [
        action
        for action, move in MOVES.items()
        if training.status in move.sources and roles & move.actors and not _refused_to_owner(move, roles)
    ]


def transition(training, action, *, by, message="", rubric=None):
    """Move `training` through `action`, on behalf of user `by` (None = system).

    Returns the recorded OfferTransition. Raises NotAllowed for a move the
    table or the user's role forbids, AlreadyDecided when the offer is no
    longer in a state the move starts from (someone else acted first).
    """
    action = Action(action)
    move = MOVES[action]
    message = (message or "").strip()
    if move.message_required and not message:
        raise NotAllowed(_("A message to the trainer is required for this decision."))
    if _refused_to_owner(move, roles_for(by, training)):
        raise NotAllowed(OWN_OFFER)
    if actor_for(by, training, action) is None:
        raise NotAllowed(_("You are not allowed to do this."))

    with transaction.atomic():
        # Lock the row: of two concurrent decisions, the second waits here and
        # then sees the status the first one left.
        locked = Training.objects.select_for_update().get(pk=training.pk)
        if locked.status not in move.sources:
            raise AlreadyDecided(
                _("This offer is already “%(status)s”; nothing was changed.") % {"status": locked.get_status_display()}
            )
        now = timezone.now()
        previous = locked.status
        locked.status = move.target
        locked.status_changed_at = now
        fields = ["status", "status_changed_at", "updated_at"]
        if move.target == Status.SUBMITTED:
            locked.submitted_at = now
            fields.append("submitted_at")
        if move.target == Status.PUBLISHED:
            locked.approved_snapshot = snapshot(locked)
            fields.append("approved_snapshot")
            if locked.published_at is None:
                locked.published_at = now
                fields.append("published_at")
        locked.save(update_fields=fields)
        record = OfferTransition.objects.create(
            training=locked,
            from_status=previous,
            to_status=move.target,
            by=by,
            at=now,
            message=message,
            rubric=rubric,
        )
        transaction.on_commit(lambda: _notify(record))

    for field in fields:
        setattr(training, field, getattr(locked, field))
    return record


def _notify(record):
    from . import notifications

    notifications.transition_recorded(record)


def snapshot(training):
    """The content a curator approves, as plain data (for the re-review diff)."""
    return {
        "title": training.title,
        "summary": training.summary,
        "description": training.description,
        "focus": training.focus,
        "format": training.format,
        "competences": training.competences,
        "level": training.level,
        "mode": training.mode,
        "language": training.language,
        "city": training.city,
        "duration_hours": str(training.duration_hours),
        "price": str(training.price),
        "currency": training.currency,
        "objectives": sorted(training.objectives.values_list("slug", flat=True)),
        "platforms": sorted(training.platforms.values_list("slug", flat=True)),
        "sessions": [
            {
                "starts_at": s.starts_at.isoformat(),
                "ends_at": s.ends_at.isoformat(),
                "is_online": s.is_online,
                "venue": s.venue,
                "city": s.city,
                "online_url": s.online_url,
                "seats": s.seats,
            }
            for s in training.sessions.order_by("starts_at", "pk")
        ],
    }

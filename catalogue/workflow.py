"""The offer state machine: the only code that changes `Training.status`, and every rule on it.

Views, admin screens, bulk actions and management commands all call
`transition()` (or `check()` to say beforehand what would be refused). The
table of moves says who may make each move, from which states, and the guards
it needs (a confirmed e-mail and an upcoming session to go to review, the rubric
answered all "yes" on the current version and a trainer profile a curator
approved once to publish, a message to request changes or reject). `transition()` locks the row so two curators cannot both
decide, refuses a decision made on a version that is no longer current, records
who/when/why, and notifies the trainer once the transaction has committed.

Nobody reviews their own offer: a curator's decisions (publish, request
changes, reject) are refused to the offer's owner, superusers included, so an
offer always reaches visitors through someone other than its trainer. A
curator who is also a trainer submits like any trainer and another curator
decides.

The machinery (roles_of, moves_from, actor_among, guard_refusals, make_move, the
exceptions) serves the trainer profiles' review too: experts.profile_workflow keeps
only its own move table.

Versions: `Training.version` is bumped by every trainer edit (`begin_edit`)
and every move. The review screen and the bulk page post the version they
showed; if it is no longer current, the decision is refused (`StaleVersion`)
with what changed since.
"""

from dataclasses import dataclass, field

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import review_rules
from .enums import Status
from .models import OfferTransition, ReviewAssessment, Training


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
class Refusal:
    """Why a move is refused: a stable `code` (for screens and tests) and a message for the user."""

    code: str
    message: str

    def __str__(self):
        return str(self.message)


# -- guards: what must be true for a move, whatever screen asks for it ---------------------


def confirmed_email(training, by, message, rubric):
    if training.trainer.email_confirmed_at is None:
        return Refusal("email_unconfirmed", _("Confirm your email address first: use the link we sent you."))
    return None


def upcoming_session(training, by, message, rubric):
    if not training.sessions.upcoming().exists():
        return Refusal(
            "no_upcoming_session", _("Add at least one upcoming session: a curator reviews offers with a date.")
        )
    return None


def trainer_profile_approved(training, by, message, rubric):
    # An offer goes live only under a profile a curator has approved once (experts' profile review).
    if training.trainer.reviewed_at is None:
        return Refusal(
            "profile_not_approved",
            _("The trainer's profile has not been approved yet: review their profile before their offers."),
        )
    return None


def rubric_met_on_current_version(training, by, message, rubric):
    latest = ReviewAssessment.objects.filter(training=training, version=training.version).order_by("-at", "-pk").first()
    if latest is None:
        return Refusal(
            "rubric_missing",
            _("No curator has answered the rubric on this version yet: review it on its own screen first."),
        )
    if not review_rules.rubric_met(latest.answers):
        return Refusal(
            "rubric_not_met", _("Publish only an offer that meets every rubric item; otherwise request changes.")
        )
    return None


@dataclass(frozen=True)
class MessageGiven:
    """Guard: a message to the trainer is required; `text` says what it must hold."""

    text: str

    def __call__(self, training, by, message, rubric):
        # None: the screen has not asked for the message yet (the bulk page's first step).
        if message is not None and not message.strip():
            return Refusal("message_required", self.text)
        return None


@dataclass(frozen=True)
class Move:
    sources: frozenset
    target: str
    actors: frozenset
    guards: tuple = ()
    # A review decision: never made by the offer's owner, whatever else they are.
    not_by_owner: bool = False

    @property
    def message_required(self):
        return any(isinstance(guard, MessageGiven) for guard in self.guards)


def make_move(sources, target, actors, guards=(), not_by_owner=False):
    return Move(frozenset(sources), target, frozenset(actors), tuple(guards), not_by_owner)


TO_REVIEW = (confirmed_email, upcoming_session)

# The whole workflow. Anything not listed here is refused.
MOVES = {
    Action.SUBMIT: make_move({Status.DRAFT}, Status.SUBMITTED, {Actor.TRAINER}, TO_REVIEW),
    Action.WITHDRAW: make_move({Status.SUBMITTED}, Status.DRAFT, {Actor.TRAINER}),
    Action.RESUBMIT: make_move({Status.CHANGES_REQUESTED}, Status.SUBMITTED, {Actor.TRAINER}, TO_REVIEW),
    # Editing a live offer hides it until a curator approves the new version.
    Action.EDIT_PUBLISHED: make_move({Status.PUBLISHED}, Status.SUBMITTED, {Actor.TRAINER}, TO_REVIEW),
    Action.PUBLISH: make_move(
        {Status.SUBMITTED},
        Status.PUBLISHED,
        {Actor.CURATOR},
        (trainer_profile_approved, rubric_met_on_current_version),
        not_by_owner=True,
    ),
    Action.REQUEST_CHANGES: make_move(
        {Status.SUBMITTED},
        Status.CHANGES_REQUESTED,
        {Actor.CURATOR},
        (MessageGiven(_("Say what the trainer should change.")),),
        not_by_owner=True,
    ),
    Action.REJECT: make_move(
        {Status.SUBMITTED},
        Status.REJECTED,
        {Actor.CURATOR},
        (MessageGiven(_("Give the trainer the reason for the rejection.")),),
        not_by_owner=True,
    ),
    Action.ARCHIVE: make_move({Status.PUBLISHED}, Status.ARCHIVED, {Actor.TRAINER, Actor.CURATOR, Actor.SYSTEM}),
    Action.REOPEN: make_move(
        {Status.REJECTED, Status.ARCHIVED, Status.CHANGES_REQUESTED}, Status.DRAFT, {Actor.TRAINER}
    ),
}
# A curator's decisions on an offer in review, in table order (the review screen's buttons, the bulk actions).
DECISIONS = tuple(action for action, move in MOVES.items() if move.not_by_owner)


# -- refusals as exceptions -------------------------------------------------------------------


class TransitionError(Exception):
    """A move the workflow refuses; `str()` is a message fit for the user, `code` a stable name."""

    code = "refused"

    def __init__(self, message, code=None):
        super().__init__(str(message))
        self.message = message
        if code:
            self.code = code


class NotAllowed(TransitionError):
    """This person may not make this move, or one of its guards refuses it (`refusals`)."""

    code = "not_allowed"

    def __init__(self, message, code=None, refusals=()):
        super().__init__(message, code)
        self.refusals = list(refusals)


class WrongState(TransitionError):
    """The offer is in a state this move does not start from."""

    code = "wrong_state"


class StaleVersion(TransitionError):
    """The offer changed, or someone decided, since the version the decision was made on."""

    code = "stale_version"

    def __init__(self, message, changes=()):
        super().__init__(message)
        self.changes = list(changes)


OWN_OFFER = _("This is your own offer: another curator must review it.")


def roles_of(user, owner_user_id, permission):
    """Every role `user` plays for a subject owned by the account `owner_user_id`, curators holding `permission`.

    Shared by every reviewed subject (offers here, profiles in experts.profile_workflow).
    """
    if user is None:
        return {Actor.SYSTEM}
    roles = set()
    if user.is_authenticated and owner_user_id is not None and owner_user_id == user.pk:
        roles.add(Actor.TRAINER)
    if user.is_authenticated and user.has_perm(permission):
        roles.add(Actor.CURATOR)
    return roles


def refused_to_owner(move, roles):
    return move.not_by_owner and Actor.TRAINER in roles


def actor_among(move, roles):
    """The role in which someone with `roles` makes `move`, or None (never the owner for a decision)."""
    if refused_to_owner(move, roles):
        return None
    roles = roles & move.actors
    for actor in (Actor.SYSTEM, Actor.CURATOR, Actor.TRAINER):
        if actor in roles:
            return actor
    return None


def moves_from(moves, state, roles):
    """Actions of `moves` that someone with `roles` may take from `state`, in table order."""
    return [
        action
        for action, move in moves.items()
        if state in move.sources and roles & move.actors and not refused_to_owner(move, roles)
    ]


def guard_refusals(move, subject, by, message, rubric):
    """What the guards of `move` refuse for `subject` (empty: allowed)."""
    return [r for r in (guard(subject, by, message, rubric) for guard in move.guards) if r]


def roles_for(user, training):
    """Every role `user` plays for `training`: the system, its owner (trainer), a curator.

    A curator who also owns the offer plays both roles on it (but may still not
    make a `not_by_owner` move, see `actor_for`); on anyone else's offer a
    curator is only a curator.
    """
    return roles_of(user, training.trainer.user_id, "catalogue.moderate_training")


def actor_for(user, training, action=None):
    """The role `user` acts in for `training` (for `action` when given): trainer, curator, system or None."""
    roles = roles_for(user, training)
    if action is not None:
        return actor_among(MOVES[Action(action)], roles)
    for actor in (Actor.SYSTEM, Actor.CURATOR, Actor.TRAINER):
        if actor in roles:
            return actor
    return None


def allowed_actions(training, user):
    """Actions `user` may take on `training` now, in table order (for buttons)."""
    return moves_from(MOVES, training.status, roles_for(user, training))


def who_refusal(training, action, by):
    """Why `by` may not make `action` on `training` at all (whatever its state), or None."""
    move = MOVES[Action(action)]
    if refused_to_owner(move, roles_for(by, training)):
        return Refusal("own_offer", OWN_OFFER)
    if actor_for(by, training, action) is None:
        return Refusal("not_allowed", _("You are not allowed to do this."))
    return None


def _wrong_state(training, action):
    return WrongState(
        _("This offer is “%(status)s”: “%(action)s” is not possible from that state; nothing was changed.")
        % {"status": training.get_status_display(), "action": Action(action).label}
    )


def _stale(training, seen_version):
    """StaleVersion for a curator who saw `seen_version`: which moves happened since, and what changed."""
    records = list(training.transitions.filter(version__gt=seen_version).order_by("at", "pk"))
    moves = ", ".join(f"{r.get_from_status_display()} → {r.get_to_status_display()}" for r in records)
    # Content does not change in a move: the move that left the version seen recorded its content.
    seen = (
        training.transitions.filter(version__in=[seen_version, seen_version + 1], snapshot__isnull=False)
        .order_by("version", "pk")
        .first()
    )
    changes = review_rules.diff(seen.snapshot, review_rules.snapshot(training)) if seen else []
    what = "; ".join(
        _("%(field)s: “%(before)s” → “%(after)s”")
        % {"field": c.label, "before": _short(c.before), "after": _short(c.after)}
        for c in changes
    )
    details = " — ".join(filter(None, [moves, what])) or str(_("it was edited"))
    return StaleVersion(
        _("“%(title)s” changed since you opened it (%(details)s). Nothing was decided: look at it again.")
        % {"title": training.title, "details": details},
        changes,
    )


def _short(text, limit=80):
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def check(training, action, by, *, message=None, rubric=None, version=None):
    """Every reason the workflow would refuse `action` on `training` by `by` now, as Refusals (empty: allowed).

    `message` None means the screen has not asked for one yet; `version` is the one the user saw.
    """
    action = Action(action)
    move = MOVES[action]
    refusal = who_refusal(training, action, by)
    if refusal:
        return [refusal]
    if version is not None and version != training.version:
        return [Refusal("stale_version", str(_stale(training, version)))]
    if training.status not in move.sources:
        return [Refusal("wrong_state", str(_wrong_state(training, action)))]
    return guard_refusals(move, training, by, message, rubric)


def _lock(training):
    # Of two concurrent moves, the second waits here and then sees what the first one left.
    return Training.objects.select_for_update().get(pk=training.pk)


def transition(training, action, *, by, message="", rubric=None, version=None):
    """Move `training` through `action`, on behalf of user `by` (None = system).

    `rubric` ({key: bool}) records the curator's assessment of the version decided on;
    `version` is the one the curator saw (None: the caller does not bind to one).
    Returns the recorded OfferTransition. Raises NotAllowed (this person, or a guard),
    StaleVersion (changed or decided since `version`), WrongState (not from this state).
    """
    action = Action(action)
    move = MOVES[action]
    message = (message or "").strip()
    refusal = who_refusal(training, action, by)
    if refusal:
        raise NotAllowed(refusal.message, refusal.code, [refusal])

    with transaction.atomic():
        locked = _lock(training)
        if version is not None and version != locked.version:
            raise _stale(locked, version)
        if locked.status not in move.sources:
            raise _wrong_state(locked, action)
        if rubric is not None:
            _record_assessment(locked, rubric, by)
        refusals = guard_refusals(move, locked, by, message, rubric)
        if refusals:
            raise NotAllowed(" ".join(str(r) for r in refusals), refusals[0].code, refusals)
        now = timezone.now()
        previous = locked.status
        content = review_rules.snapshot(locked)
        locked.status = move.target
        locked.status_changed_at = now
        locked.version += 1
        fields = ["status", "status_changed_at", "version", "updated_at"]
        if move.target == Status.SUBMITTED:
            locked.submitted_at = now
            fields.append("submitted_at")
        if move.target == Status.PUBLISHED:
            locked.approved_snapshot = content
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
            version=locked.version,
            snapshot=content,
        )
        transaction.on_commit(lambda: _notify(record))

    for name in fields:
        setattr(training, name, getattr(locked, name))
    return record


def _record_assessment(locked, answers, by):
    return ReviewAssessment.objects.create(
        training=locked, version=locked.version, answers=dict(answers), curator=by, at=timezone.now()
    )


def assess(training, answers, *, by, version):
    """Record a curator's rubric answers on the version they saw, without deciding.

    An all-"yes" assessment on the current version is what lets the offer be published
    later, from the bulk page too. Refused like a decision: not one's own offer, only
    an offer in review, only the version still current.
    """
    refusal = who_refusal(training, Action.PUBLISH, by)
    if refusal:
        raise NotAllowed(refusal.message, refusal.code, [refusal])
    with transaction.atomic():
        locked = _lock(training)
        if version != locked.version:
            raise _stale(locked, version)
        if locked.status not in MOVES[Action.PUBLISH].sources:
            raise _wrong_state(locked, Action.PUBLISH)
        return _record_assessment(locked, answers, by)


def editable(training):
    """Whether its trainer may change `training`'s content now (submitted offers wait for a curator)."""
    return training.status in Status.editable_by_trainer()


def begin_edit(training):
    """Lock `training` (an existing offer) for its trainer's edit, in the caller's transaction.

    Refuses (WrongState) if its status moved since the trainer's form was built; otherwise
    gives it the next version, saved with the content.
    """
    locked = _lock(training)
    if locked.status != training.status or not editable(locked):
        raise WrongState(
            _("This offer is now “%(status)s”: your changes were not saved.") % {"status": locked.get_status_display()}
        )
    training.version = locked.version + 1


@dataclass
class BulkResult:
    succeeded: list = field(default_factory=list)
    skipped: list = field(default_factory=list)  # [(training, TransitionError)]


def decide_many(trainings, action, *, by, versions, message=""):
    """Apply `action` to each training on the version the curator saw (`versions`: {pk: version}).

    One transition each, never forced: each refusal is reported with its reason.
    """
    result = BulkResult()
    for training in trainings:
        seen = versions.get(training.pk)
        try:
            if seen is None:
                raise StaleVersion(_("The page did not say which version of this offer you saw: open it again."))
            transition(training, action, by=by, message=message, version=seen)
        except TransitionError as error:
            result.skipped.append((training, error))
        else:
            result.succeeded.append(training)
    return result


def _notify(record):
    from . import notifications

    notifications.transition_recorded(record)

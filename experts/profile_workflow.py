"""The profile's review: its own move table, on catalogue.workflow's machinery.

A trainer's save sends the profile to the curators' queue (SUBMIT); visitors keep
reading the approved copy (the public columns) until a curator approves the
version they reviewed. The rules are the offers': nobody decides on their own
profile, a decision is bound to the version the curator saw (StaleVersion), a
decision from the wrong state is refused (WrongState), a guard's refusal is
NotAllowed. A listing a curator created is approved by another curator.
"""

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalogue.grammar import elide
from catalogue.workflow import (
    Actor,
    MessageGiven,
    NotAllowed,
    Refusal,
    StaleVersion,
    TransitionError,
    WrongState,
    actor_among,
    guard_refusals,
    make_move,
    moves_from,
    refused_to_owner,
    roles_of,
)

from . import profile_review
from .models import Expert, ProfileStatus, ProfileTransition

__all__ = ["NotAllowed", "StaleVersion", "TransitionError", "WrongState"]

# Curators moderate profiles with the permission they moderate offers with.
PERMISSION = "catalogue.moderate_training"


class ProfileAction(models.TextChoices):
    SUBMIT = "submit", _("Submit the profile for review")
    APPROVE = "approve", _("Approve the profile")
    REQUEST_CHANGES = "request_changes", _("Request changes")
    REJECT = "reject", _("Reject")


# -- guards -------------------------------------------------------------------------------


def rubric_all_yes(expert, by, message, rubric):
    if not profile_review.rubric_met(rubric or {}):
        return Refusal(
            "rubric_not_met", _("Approve only a profile that meets every rubric item; otherwise request changes.")
        )
    return None


def not_by_lister(expert, by, message, rubric):
    if expert.listed_by_id is not None and by is not None and expert.listed_by_id == by.pk:
        return Refusal("own_listing", OWN_LISTING)
    return None


OWN_PROFILE = _("This is your own profile: another curator must review it.")
OWN_LISTING = _("You listed this trainer: another curator must approve the listing.")

ALL = set(ProfileStatus.values)
MOVES = {
    # Any save of the reviewed fields; during a review it replaces the version in review.
    ProfileAction.SUBMIT: make_move(ALL, ProfileStatus.SUBMITTED, {Actor.TRAINER, Actor.SYSTEM}),
    ProfileAction.APPROVE: make_move(
        {ProfileStatus.SUBMITTED},
        ProfileStatus.APPROVED,
        {Actor.CURATOR},
        (not_by_lister, rubric_all_yes),
        not_by_owner=True,
    ),
    ProfileAction.REQUEST_CHANGES: make_move(
        {ProfileStatus.SUBMITTED},
        ProfileStatus.CHANGES_REQUESTED,
        {Actor.CURATOR},
        (MessageGiven(_("Say what the trainer should change.")),),
        not_by_owner=True,
    ),
    ProfileAction.REJECT: make_move(
        {ProfileStatus.SUBMITTED},
        ProfileStatus.REJECTED,
        {Actor.CURATOR},
        (MessageGiven(_("Give the trainer the reason for the rejection.")),),
        not_by_owner=True,
    ),
}
DECISIONS = tuple(action for action, move in MOVES.items() if move.not_by_owner)


def roles_for(user, expert):
    return roles_of(user, expert.user_id, PERMISSION)


def allowed_actions(expert, user):
    return moves_from(MOVES, expert.profile_status, roles_for(user, expert))


def who_refusal(expert, action, by):
    move = MOVES[ProfileAction(action)]
    roles = roles_for(by, expert)
    if refused_to_owner(move, roles):
        return Refusal("own_profile", OWN_PROFILE)
    if actor_among(move, roles) is None:
        return Refusal("not_allowed", _("You are not allowed to do this."))
    return None


def _wrong_state(expert, action):
    return WrongState(
        _("This profile is “%(status)s”: “%(action)s” is not possible from that state; nothing was changed.")
        % {"status": expert.get_profile_status_display(), "action": ProfileAction(action).label}
    )


def _stale(expert, seen_version=None):
    """StaleVersion for a curator who saw `seen_version`: what changed in the profile since."""
    seen = expert.profile_transitions.filter(version=seen_version, snapshot__isnull=False).first()
    changes = profile_review.diff(seen.snapshot, profile_review.pending_content(expert)) if seen else []
    what = "; ".join(f"{c.label}: “{c.after[:80]}”" for c in changes)
    return StaleVersion(
        elide(
            _("The profile of %(name)s changed since you opened it%(what)s. Nothing was decided: look at it again.")
            % {"name": expert.name, "what": f" ({what})" if what else ""}
        ),
        changes,
    )


def check(expert, action, by, *, message=None, rubric=None, version=None):
    """Every reason `action` by `by` would be refused now (empty: allowed)."""
    move = MOVES[ProfileAction(action)]
    refusal = who_refusal(expert, action, by)
    if refusal:
        return [refusal]
    if version is not None and version != expert.profile_version:
        return [Refusal("stale_version", str(_stale(expert, version)))]
    if expert.profile_status not in move.sources:
        return [Refusal("wrong_state", str(_wrong_state(expert, action)))]
    return guard_refusals(move, expert, by, message, rubric)


def _lock(expert):
    return Expert.objects.select_for_update().get(pk=expert.pk)


def _record(locked, previous, by, now, message="", rubric=None):
    return ProfileTransition.objects.create(
        expert=locked,
        from_status=previous,
        to_status=locked.profile_status,
        by=by,
        at=now,
        message=message,
        rubric=rubric,
        version=locked.profile_version,
        snapshot=profile_review.pending_content(locked),
    )


def submit(expert, content, *, by, recorded_by=None):
    """Send `content` (the reviewed fields, plain data) to the curators' queue.

    Nothing is submitted when it equals the approved copy of an approved profile.
    `by` None: the system (a curator's listing, recorded as `recorded_by`).
    Returns the recorded ProfileTransition, or None when there was nothing to review.
    """
    refusal = who_refusal(expert, ProfileAction.SUBMIT, by)
    if refusal:
        raise NotAllowed(refusal.message, refusal.code, [refusal])
    with transaction.atomic():
        locked = _lock(expert)
        approved = profile_review.approved_content(locked)
        proposal = {key: value for key, value in content.items() if key in profile_review.REVIEWED_FIELDS}
        if locked.is_approved and {**approved, **proposal} == approved:
            if locked.proposed is not None and locked.profile_status != ProfileStatus.APPROVED:
                # Back to the approved copy: nothing left to review.
                locked.proposed = None
                locked.profile_status = ProfileStatus.APPROVED
                locked.profile_version += 1
                locked.save(update_fields=["proposed", "profile_status", "profile_version", "updated_at"])
            _copy(locked, expert)
            return None
        previous = locked.profile_status
        locked.proposed = proposal
        locked.profile_status = ProfileStatus.SUBMITTED
        locked.profile_version += 1
        locked.save(update_fields=["proposed", "profile_status", "profile_version", "updated_at"])
        record = _record(locked, previous, by or recorded_by, timezone.now())
    _copy(locked, expert)
    return record


def submit_draft(expert, *, by):
    """Send a profile never submitted (as it stands) to review; None if it was submitted before."""
    if expert.profile_status != ProfileStatus.DRAFT:
        return None
    return submit(expert, profile_review.pending_content(expert), by=by)


_STATE = ("proposed", "profile_status", "profile_version", "reviewed_at", "review_message", "claim_pending")


def _copy(locked, expert):
    for name in (*_STATE, *profile_review.TEXT_FIELDS, "photo", "user_id", "email_confirmed_at"):
        setattr(expert, name, getattr(locked, name))


def claim(expert, user):
    """Attach `user` (whose address the claim link confirmed) to the unclaimed listing `expert`,
    and send the claim to review: visitors keep the approved listing, and it receives no brief
    until a curator approves the claim."""
    with transaction.atomic():
        locked = _lock(expert)
        if not locked.is_unclaimed_listing or Expert.objects.filter(user=user).exists():
            raise WrongState(_("This listing can no longer be claimed with this account."))
        now = timezone.now()
        previous = locked.profile_status
        locked.user = user
        locked.email_confirmed_at = now
        locked.claim_pending = True
        locked.profile_status = ProfileStatus.SUBMITTED
        locked.profile_version += 1
        locked.save(update_fields=[*_STATE, "user", "email_confirmed_at", "updated_at"])
        record = _record(locked, previous, user, now, message=str(_("Listing claimed by its trainer.")))
    _copy(locked, expert)
    return record


def transition(expert, action, *, by, message="", rubric=None, version=None):
    """A curator's decision on the version `version` they saw. Raises NotAllowed, StaleVersion, WrongState."""
    action = ProfileAction(action)
    move = MOVES[action]
    message = (message or "").strip()
    refusal = who_refusal(expert, action, by)
    if refusal:
        raise NotAllowed(refusal.message, refusal.code, [refusal])
    with transaction.atomic():
        locked = _lock(expert)
        if version is not None and version != locked.profile_version:
            raise _stale(locked, version)
        if locked.profile_status not in move.sources:
            raise _wrong_state(locked, action)
        refusals = guard_refusals(move, locked, by, message, rubric)
        if refusals:
            raise NotAllowed(" ".join(str(r) for r in refusals), refusals[0].code, refusals)
        now = timezone.now()
        previous = locked.profile_status
        unused_photo = ""
        fields = [*_STATE, "updated_at"]
        if move.target == ProfileStatus.APPROVED:
            unused_photo = profile_review.apply(locked, profile_review.pending_content(locked))
            locked.proposed = None
            locked.reviewed_at = now
            locked.claim_pending = False
        elif move.target == ProfileStatus.REJECTED and locked.claim_pending:
            # A refused claim: the account that claimed the listing lets go of it.
            locked.user = None
            locked.email_confirmed_at = None
            locked.claim_pending = False
            fields += ["user", "email_confirmed_at"]
        locked.profile_status = move.target
        locked.profile_version += 1
        locked.review_message = message
        locked.save(update_fields=fields)
        record = _record(locked, previous, by, now, message, rubric)
        if unused_photo:
            storage = locked.photo.storage
            transaction.on_commit(lambda: storage.delete(unused_photo))
        transaction.on_commit(lambda: notify(record))
    _copy(locked, expert)
    return record


DECIDED = {ProfileStatus.APPROVED, ProfileStatus.CHANGES_REQUESTED, ProfileStatus.REJECTED}


def recipient(expert):
    if expert.user_id:
        return expert.user.email
    return expert.listing_email


def notify(record):
    """Tell the trainer a curator's decision, in their language (experts.profile_emails)."""
    from . import profile_emails

    to = recipient(record.expert)
    if record.to_status not in DECIDED or not to:
        return
    profile_emails.queue_decision(record, to)
    ProfileTransition.objects.filter(pk=record.pk).update(email_sent_at=timezone.now())

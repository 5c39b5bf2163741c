"""A trainer's offers: saving content and sessions, and the trainer's side of the workflow.

Status changes, and what a trainer must have done before each (a confirmed email,
an upcoming session), are `catalogue.workflow`'s: this module asks it and
re-checks nothing. Editing a live offer sends it back to review.
"""

from django.db import IntegrityError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from catalogue import workflow
from catalogue.enums import Status
from catalogue.models import Training
from catalogue.workflow import Action

from . import profile_workflow

# The buttons a trainer sees on an offer (EDIT_PUBLISHED happens by saving the form).
BUTTON_ACTIONS = (Action.SUBMIT, Action.RESUBMIT, Action.WITHDRAW, Action.ARCHIVE, Action.REOPEN)
# The move that sends an offer in this status to a curator (its guards are "what to do first").
REVIEW_ACTION = {Status.DRAFT: Action.SUBMIT, Status.CHANGES_REQUESTED: Action.RESUBMIT}

NEXT_STEPS = {
    Status.DRAFT: _("Finish the draft, then submit it for review."),
    Status.SUBMITTED: _("A curator is reviewing it. You can withdraw it to keep editing."),
    Status.CHANGES_REQUESTED: _("Read the curator's message, edit the offer, then resubmit it."),
    Status.PUBLISHED: _("It is live. Editing it sends it back for review."),
    Status.REJECTED: _("Read the curator's reason. You can reopen it as a draft."),
    Status.ARCHIVED: _("It is archived. Reopen it as a draft to offer it again."),
}
# Dashboard order: what needs the trainer first.
STATUS_ORDER = [
    Status.CHANGES_REQUESTED,
    Status.DRAFT,
    Status.SUBMITTED,
    Status.PUBLISHED,
    Status.REJECTED,
    Status.ARCHIVED,
]


# Tries at a fresh slug when another save took the one we picked meanwhile.
SLUG_ATTEMPTS = 5


class OfferError(Exception):
    """A trainer action refused before it reached the workflow; `str()` is for the user."""


def unique_training_slug(title, exclude_pk=None):
    base = slugify(title)[:160] or "offer"
    slug, n = base, 2
    others = Training.objects.exclude(pk=exclude_pk)
    while others.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def is_editable(training):
    return workflow.editable(training)


def button_actions(training, user):
    return [action for action in workflow.allowed_actions(training, user) if action in BUTTON_ACTIONS]


def review_problems(training, user):
    """What the workflow says must be done before `training` can go to a curator (empty when nothing)."""
    action = REVIEW_ACTION.get(training.status)
    if action is None or training.pk is None:
        return []
    return [str(refusal) for refusal in workflow.check(training, action, user)]


def save_offer(form, formset, *, expert, user):
    """Save the offer and its sessions in one transaction.

    A published offer that changed goes back to review (Action.EDIT_PUBLISHED):
    it is hidden from visitors until a curator approves the new version.
    The slug follows the title until the offer is first published, then never changes.
    Returns (training, sent_back_to_review).
    """
    training = form.instance
    was_published = training.pk is not None and training.status == Status.PUBLISHED
    changed = form.has_changed() or formset.has_changed()
    with transaction.atomic():
        if training.pk is not None:
            workflow.begin_edit(training)  # a new version, or WrongState if it moved meanwhile
        training = form.save(commit=False)
        training.trainer = expert
        if training.published_at is None and (not training.slug or "title" in form.changed_data):
            _save_with_unique_slug(training)
        else:
            training.save()
        form.save_m2m()
        formset.instance = training
        formset.save()
        training.refresh_search_fields()
        if was_published and changed:
            workflow.transition(training, Action.EDIT_PUBLISHED, by=user)
    return training, was_published and changed


def _save_with_unique_slug(training):
    """Save under a free slug. Two saves can pick the same one at once: the
    loser's insert fails on the unique index, and it tries the next suffix."""
    for attempt in range(1, SLUG_ATTEMPTS + 1):
        training.slug = unique_training_slug(training.title, exclude_pk=training.pk)
        try:
            with transaction.atomic():  # a savepoint: the outer transaction survives a failed try
                training.save()
            return
        except IntegrityError:
            slug_taken = Training.objects.exclude(pk=training.pk).filter(slug=training.slug).exists()
            if not slug_taken or attempt == SLUG_ATTEMPTS:
                raise


def run_action(training, action, *, user, message=""):
    """Perform a trainer's button action through the workflow; raises OfferError or TransitionError."""
    # Every move but the one that saving the form makes; the workflow says whether this one is allowed.
    if action not in Action.values or action == Action.EDIT_PUBLISHED:
        raise OfferError(_("This action is not available for this offer now."))
    record = workflow.transition(training, Action(action), by=user, message=message)
    if record.to_status == Status.SUBMITTED:
        # An offer is published only under an approved profile: a profile never sent to review goes with it.
        profile_workflow.submit_draft(training.trainer, by=user)
    return record

"""Briefs: a visitor's request to a trainer, sent before hiring them.

The one place that decides what a brief's focus is, stores it, and emails it.
A brief is stored first; its two emails (to the trainer, with the visitor as
reply-to, and a confirmation to the visitor) go out after the transaction
commits, through Django's tasks framework. A failed send never loses the
brief: it is marked `failed` and `manage.py retry_brief_emails` tries again.
"""

import logging
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from catalogue import matching, ranking
from catalogue.enums import Focus
from catalogue.models import Objective

from .models import Brief

logger = logging.getLogger(__name__)

# A brief still `pending` this long after it was stored lost its task (queue
# down, process killed): the retry command picks it up too.
STALE_PENDING_AFTER = timedelta(minutes=15)

FOCUS_LABELS = {
    "mixed": _("Both social media and social networking"),
    "unknown": _("Not recognised"),
}


def focus_label(code):
    if code in Focus.values:
        return Focus(code).label
    return FOCUS_LABELS.get(code, FOCUS_LABELS["unknown"])


@dataclass
class FocusCheck:
    """What the visitor's objective is about, and whether this trainer covers it."""

    focus: str  # media | network | mixed | unknown
    explanation: str
    objective: Objective | None  # the picked or best recognised curated objective
    missing: list = field(default_factory=list)  # focuses the objective needs that the trainer does not declare
    alternatives: list = field(default_factory=list)  # experts declaring a missing focus, best first (ranking)

    @property
    def label(self):
        return focus_label(self.focus)

    @property
    def mismatch(self):
        return bool(self.missing)

    @property
    def missing_labels(self):
        return [focus_label(code) for code in self.missing]


def check_focus(expert, objective=None, objective_text="", lang="fr", max_alternatives=5):
    """Detect the focus of the visitor's objective and compare it with the trainer's."""
    objectives = list(Objective.objects.active())
    query = objective.slug if objective is not None else objective_text
    analysis = matching.analyse(query, objectives, lang)
    focus = analysis.focus
    if objective is not None and focus == "unknown":
        focus = objective.focus  # a curated objective always says its focus
    if objective is None and analysis.objectives:
        objective = analysis.objectives[0].objective
    needed = {"media": ["media"], "network": ["network"], "mixed": ["media", "network"]}.get(focus, [])
    missing = [code for code in needed if not expert.declares(code)]
    alternatives = []
    if missing:
        recognised = [r.objective for r in analysis.objectives if r.objective.focus in missing]
        if objective is not None and objective.focus in missing and objective not in recognised:
            recognised.append(objective)
        # The trainer never declares a missing focus, so is never proposed to themselves.
        ranked = ranking.rank_experts_for(missing, recognised, limit=max_alternatives)
        alternatives = [r.expert for r in ranked]
    return FocusCheck(
        focus=focus,
        explanation=analysis.explanation,
        objective=objective,
        missing=missing,
        alternatives=alternatives,
    )


def submit_brief(*, expert, data, focus_check, training=None, visitor_language="fr"):
    """Store a brief, then email it once the transaction has committed.

    `data` is a valid BriefForm's cleaned_data. Returns the stored Brief.
    """
    objective = focus_check.objective
    objective_text = data.get("objective_text") or ""
    if not objective_text and objective is not None:
        with translation.override(visitor_language):
            objective_text = objective.name
    with transaction.atomic():
        brief = Brief.objects.create(
            expert=expert,
            training=training,
            objective=objective,
            objective_text=objective_text[:500],
            detected_focus=focus_check.focus,
            audience=data.get("audience") or "",
            group_size=data.get("group_size"),
            preferred_format=data.get("preferred_format") or "",
            dates=data.get("dates") or "",
            budget=data.get("budget") or "",
            language=data["language"],
            message=data["message"],
            name=data["name"],
            email=data["email"],
            consent=data["consent"],
            visitor_language=visitor_language,
        )
        transaction.on_commit(lambda: enqueue_brief_emails(brief.pk))
    return brief


def enqueue_brief_emails(brief_id):
    """Hand the emails to the task backend; if that fails, the retry command sends them."""
    try:
        send_brief_emails.enqueue(brief_id)
    except Exception:
        logger.exception("Could not enqueue the emails of brief %s; retry_brief_emails will send them.", brief_id)


@task()
def send_brief_emails(brief_id):
    return deliver(brief_id)


def deliver(brief_id):
    """Send whichever of the brief's two emails has not gone out yet.

    Idempotent: an email already sent is never sent again. Returns the brief's
    email status afterwards.
    """
    with transaction.atomic():
        brief = (
            Brief.objects.select_for_update(of=("self",))
            .select_related("expert__user", "training", "objective")
            .filter(pk=brief_id)
            .first()
        )
        if brief is None or brief.email_status == Brief.EmailStatus.SENT:
            return brief.email_status if brief else None
        errors = []
        now = timezone.now
        if brief.trainer_emailed_at is None:
            try:
                _trainer_email(brief).send()
                brief.trainer_emailed_at = now()
            except Exception as exc:
                errors.append(f"trainer: {_describe(exc)}")
        if brief.visitor_emailed_at is None:
            try:
                _visitor_email(brief).send()
                brief.visitor_emailed_at = now()
            except Exception as exc:
                errors.append(f"visitor: {_describe(exc)}")
        brief.email_attempts += 1
        brief.email_error = "\n".join(errors)
        brief.email_status = Brief.EmailStatus.FAILED if errors else Brief.EmailStatus.SENT
        brief.save(
            update_fields=["trainer_emailed_at", "visitor_emailed_at", "email_attempts", "email_error", "email_status"]
        )
        if errors:
            logger.warning("Emails of brief %s failed (attempt %s): %s", brief.pk, brief.email_attempts, errors)
        return brief.email_status


def briefs_to_retry(now=None):
    """Briefs whose emails failed, or whose task never ran, and are worth another try."""
    now = now or timezone.now()
    stale = Q(email_status=Brief.EmailStatus.PENDING, created_at__lt=now - STALE_PENDING_AFTER)
    # A trainer without an address (a profile no account has claimed yet) is
    # not retried in vain; their brief goes out once the account has an email.
    trainer_unreachable = Q(trainer_emailed_at__isnull=True) & (
        Q(expert__user__isnull=True) | Q(expert__user__email="")
    )
    nothing_else_to_send = Q(visitor_emailed_at__isnull=False)
    return (
        Brief.objects.filter(Q(email_status=Brief.EmailStatus.FAILED) | stale)
        .filter(email_attempts__lt=settings.BRIEF_EMAIL_MAX_ATTEMPTS)
        .exclude(trainer_unreachable & nothing_else_to_send)
        .order_by("created_at", "pk")
    )


def retry_failed(now=None):
    """Try again every brief that needs it; returns (sent, still_failing) counts."""
    sent = failing = 0
    for brief_id in briefs_to_retry(now).values_list("pk", flat=True):
        if deliver(brief_id) == Brief.EmailStatus.SENT:
            sent += 1
        else:
            failing += 1
    return sent, failing


def _describe(exc):
    return f"{type(exc).__name__}: {exc}"[:1000]


def _one_line(text):
    return " ".join(str(text).split())


def _absolute(path):
    return f"{settings.SITE_URL}{path}"


def _context(brief):
    return {
        "brief": brief,
        "expert": brief.expert,
        "training": brief.training,
        "focus": focus_label(brief.detected_focus),
        "objective_name": brief.objective.name if brief.objective else "",
        "expert_url": _absolute(brief.expert.get_absolute_url()),
        "training_url": _absolute(brief.training.get_absolute_url()) if brief.training else "",
        "dashboard_url": _absolute(reverse("experts:dashboard")),
    }


def _trainer_email(brief):
    """The brief, in the trainer's language; replying answers the visitor."""
    user = brief.expert.user
    address = user.email if user else ""
    if not address:
        raise ValueError("the trainer has no email address")
    with translation.override(brief.expert.preferred_language or settings.LANGUAGE_CODE):
        context = _context(brief)
        objective = brief.objective_text
        if brief.objective is not None and objective in (brief.objective.name_fr, brief.objective.name_en):
            # A picked objective (not the visitor's own words) reads in the trainer's language.
            objective = brief.objective.name
        subject = _one_line(_("Brief from %(name)s: %(objective)s") % {"name": brief.name, "objective": objective})[
            :200
        ]
        body = render_to_string("experts/emails/brief_to_trainer.txt", context)
    return EmailMessage(subject=subject, body=body, to=[address], reply_to=[brief.email])


def _visitor_email(brief):
    """The confirmation, in the language of the page the visitor wrote in."""
    with translation.override(brief.visitor_language or settings.LANGUAGE_CODE):
        context = _context(brief)
        subject = _one_line(_("Your brief to %(expert)s was sent") % {"expert": brief.expert.name})
        body = render_to_string("experts/emails/brief_confirmation.txt", context)
    return EmailMessage(subject=subject, body=body, to=[brief.email])

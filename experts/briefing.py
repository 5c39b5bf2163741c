"""Briefs: a visitor's request to a trainer, sent before hiring them.

The one place that decides what a brief's focus is, who may receive one, stores
it, and e-mails it. A brief goes only to a trainer who can receive it (an account
with a confirmed e-mail). It is stored first, so it is always in the trainer's
inbox; its two e-mails (to the trainer, with the visitor as reply-to, and a
confirmation to the visitor) go through the outbox (`catalogue.outbox`), which
sends them after the transaction commits and retries a failed send.
"""

import logging
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from catalogue import matching, outbox
from catalogue.enums import Competence, Focus
from catalogue.models import Objective, Training

from . import ranking
from .models import Brief, Expert

logger = logging.getLogger(__name__)

TO_TRAINER = "brief.to_trainer"
CONFIRMATION = "brief.confirmation"

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
    missing_competences: list = field(default_factory=list)  # asked, and taught by none of the trainer's offers

    @property
    def label(self):
        return focus_label(self.focus)

    @property
    def mismatch(self):
        return bool(self.missing)

    @property
    def missing_labels(self):
        return [focus_label(code) for code in self.missing]

    @property
    def missing_competence_labels(self):
        return [Competence(code).label for code in self.missing_competences]


def check_focus(expert, objective=None, objective_text="", lang="fr", max_alternatives=5, competences=()):
    """Detect the focus of the visitor's objective and compare it with the trainer's.

    Also says which of the `competences` asked none of the trainer's published offers teach.
    """
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
        ranked = ranking.rank_experts_for(missing, recognised, limit=max_alternatives * 3)
        alternatives = [r.expert for r in ranked if r.expert.can_receive_briefs][:max_alternatives]
    explanation = analysis.explanation
    if query and query == getattr(objective, "slug", None):
        # A picked objective arrives as its slug: an internal code, never shown (« d’après « slug » »).
        explanation = re.sub(rf"\s*\([^()]*{re.escape(query)}[^()]*\)", "", explanation)
    published = Training.objects.published().filter(trainer=expert)
    missing_competences = [
        code
        for code in Competence.values
        if code in set(competences) and not published.filter(**{f"teaches_{code}": True}).exists()
    ]
    return FocusCheck(
        focus=focus,
        explanation=explanation,
        objective=objective,
        missing=missing,
        alternatives=alternatives,
        missing_competences=missing_competences,
    )


class NotReceivable(Exception):
    """The trainer has no account with a confirmed e-mail: a brief would reach nobody."""


def receivers_like(expert, limit=5):
    """Experts who can receive a brief and share a focus with `expert` (by name)."""
    candidates = Expert.objects.public().receiving_briefs().exclude(pk=expert.pk)
    focused = Expert.objects.none()
    for code in expert.focuses or []:
        focused = focused | candidates.with_focus(code)
    return list((focused if expert.focuses else candidates).distinct().order_by("name", "pk")[:limit])


def submit_brief(*, expert, data, focus_check, training=None, visitor_language="fr"):
    """Store a brief, then e-mail it once the transaction has committed.

    `data` is a valid BriefForm's cleaned_data. Returns the stored Brief.
    Raises NotReceivable (and stores nothing) if the trainer cannot receive it.
    """
    if not expert.can_receive_briefs:
        raise NotReceivable(expert.slug)
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
            competences=[code for code in Competence.values if code in set(data.get("competences") or ())],
        )
        if data.get("platforms"):
            brief.platforms.set(data["platforms"])
        _queue_emails(brief)
    return brief


def delivery(brief):
    """What the visitor is told: `delivered` (the trainer's e-mail went out) or `delayed`
    (stored in their inbox; the e-mail is being retried)."""
    return "delivered" if outbox.outcome(brief, TO_TRAINER) == "sent" else "delayed"


def _queue_emails(brief):
    trainer_language = brief.expert.preferred_language or settings.LANGUAGE_CODE
    with translation.override(trainer_language):
        objective = brief.objective_text
        if brief.objective is not None and objective in (brief.objective.name_fr, brief.objective.name_en):
            # A picked objective (not the visitor's own words) reads in the trainer's language.
            objective = brief.objective.name
        outbox.queue_email(
            kind=TO_TRAINER,
            to=brief.expert.user.email,
            template="emails/brief_to_trainer",
            context={**_context(brief), "objective": _one_line(objective)},
            language=trainer_language,
            reply_to=brief.email,
            related=brief,
        )
    visitor_language = brief.visitor_language or settings.LANGUAGE_CODE
    with translation.override(visitor_language):
        outbox.queue_email(
            kind=CONFIRMATION,
            to=brief.email,
            template="emails/brief_confirmation",
            context=_context(brief),
            language=visitor_language,
            related=brief,
        )


def _one_line(text):
    # Line breaks and runs of spaces go; French no-break spaces (before ':') stay.
    return " ".join(re.split(r"[ \t\r\n\f\v]+", str(text).strip()))


def _absolute(path):
    return f"{settings.SITE_URL}{path}"


def _context(brief):
    """Built in the recipient's language: the links carry its prefix."""
    return {
        "brief": brief,
        "expert": brief.expert,
        "training": brief.training,
        "focus": focus_label(brief.detected_focus),
        "objective_name": brief.objective.name if brief.objective else "",
        # What the visitor named besides the objective, in the recipient's language.
        "platforms": ", ".join(str(platform.name) for platform in brief.platforms.order_by("order", "pk")),
        "competences": ", ".join(
            str(Competence(code).label) for code in Competence.values if code in set(brief.competences or ())
        ),
        "expert_url": _absolute(brief.expert.get_absolute_url()),
        "training_url": _absolute(brief.training.get_absolute_url()) if brief.training else "",
        "dashboard_url": _absolute(reverse("experts:dashboard")),
    }

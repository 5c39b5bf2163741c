"""E-mail alerts: a visitor's saved search or objective, and what was already sent for it."""

from datetime import timedelta

from django.db import models
from django.utils.translation import gettext_lazy as _

from catalogue.models import Training

MAX_QUERY_LENGTH = 1000
MAX_LABEL_LENGTH = 300


class Frequency(models.TextChoices):
    DAILY = "daily", _("Daily")
    WEEKLY = "weekly", _("Weekly")


PERIODS = {Frequency.DAILY: timedelta(days=1), Frequency.WEEKLY: timedelta(days=7)}


class Kind(models.TextChoices):
    FILTERS = "filters", _("Catalogue search")
    MATCH = "match", _("Objective")


class Alert(models.Model):
    email = models.EmailField(_("email"), max_length=254, db_index=True)
    language = models.CharField(_("language"), max_length=2, default="fr")
    frequency = models.CharField(_("frequency"), max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    # FILTERS: the validated catalogue query string. MATCH: the visitor's words.
    query = models.CharField(_("query"), max_length=MAX_QUERY_LENGTH)
    # MATCH: what the matcher read, so that later changes to the matcher do not change the alert.
    objectives = models.JSONField(_("objectives"), default=list, blank=True)
    focus = models.CharField(_("focus"), max_length=10, blank=True)
    platforms = models.JSONField(_("platforms"), default=list, blank=True)
    training_language = models.CharField(_("training language"), max_length=2, blank=True)
    label = models.CharField(_("label"), max_length=MAX_LABEL_LENGTH)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    # "New" means published after this: the confirmation, then each digest.
    since = models.DateTimeField(_("new since"), null=True, blank=True)
    next_digest_at = models.DateTimeField(_("next digest"), null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("alert")
        verbose_name_plural = _("alerts")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.email}: {self.label}"

    @property
    def period(self):
        return PERIODS[self.frequency]


class SentTraining(models.Model):
    """A training listed in one of an alert's digests: never listed again for that alert."""

    alert = models.ForeignKey(Alert, on_delete=models.CASCADE, related_name="sent")
    training = models.ForeignKey(Training, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["alert", "training"], name="alert_training_sent_once")]

    def __str__(self):
        return f"{self.alert_id} → {self.training_id}"

"""The catalogue's vocabulary: stable codes in English, labels translated."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Focus(models.TextChoices):
    MEDIA = "media", _("Social media")
    NETWORK = "network", _("Social networking")


class Format(models.TextChoices):
    CONFERENCE = "conference", _("Conference")
    COURSE = "course", pgettext_lazy("format", "Course")
    WORKSHOP = "workshop", _("Workshop")


class Competence(models.TextChoices):
    KNOWLEDGE = "knowledge", _("Knowledge (savoir)")
    KNOW_HOW = "know_how", _("Know-how (savoir-faire)")
    INTERPERSONAL = "interpersonal", _("Interpersonal skills (savoir-être)")


class Level(models.TextChoices):
    BEGINNER = "beginner", _("Beginner")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")


class Mode(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid")


class Language(models.TextChoices):
    FR = "fr", _("French")
    EN = "en", _("English")


class Currency(models.TextChoices):
    CAD = "CAD", "CAD"
    EUR = "EUR", "EUR"
    USD = "USD", "USD"


class SessionTimeZone(models.TextChoices):
    """Where a session's clock is read: trainers teach in Québec, the rest of Canada and France."""

    EASTERN = "America/Montreal", _("Québec, Ontario (Eastern time)")
    ATLANTIC = "America/Halifax", _("Atlantic Canada (Atlantic time)")
    CENTRAL = "America/Winnipeg", _("Manitoba (Central time)")
    MOUNTAIN = "America/Edmonton", _("Alberta (Mountain time)")
    PACIFIC = "America/Vancouver", _("British Columbia (Pacific time)")
    EUROPE = "Europe/Paris", _("France, Belgium, Switzerland (Central European time)")


class Status(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("offer status", "Draft")
    SUBMITTED = "submitted", pgettext_lazy("offer status", "Submitted for review")
    CHANGES_REQUESTED = "changes_requested", pgettext_lazy("offer status", "Changes requested")
    PUBLISHED = "published", pgettext_lazy("offer status", "Published")
    REJECTED = "rejected", pgettext_lazy("offer status", "Not accepted")
    ARCHIVED = "archived", pgettext_lazy("offer status", "Archived")

    @classmethod
    def editable_by_trainer(cls):
        """Statuses in which the trainer may change the offer's content."""
        return {cls.DRAFT, cls.CHANGES_REQUESTED, cls.PUBLISHED, cls.REJECTED}

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from catalogue.bounds import validate_single_line
from catalogue.enums import Competence, Focus, Format, Language
from catalogue.models import Platform
from catalogue.text import fold


def photo_upload_to(instance, filename):
    # Never trust the uploaded name: the storage gets a generated one.
    import uuid

    return f"experts/photos/{uuid.uuid4().hex}.jpg"


def declares_focus(code):
    """An expert who declares the focus `code` (for filters and conditional expressions)."""
    # `focuses` is a JSON list of codes; its text form contains '"media"' on every database.
    return Q(focuses__icontains=f'"{code}"')


class ExpertQuerySet(models.QuerySet):
    def with_focus(self, *codes):
        """Experts who declare one of the focuses `codes`."""
        declared = Q()
        for code in codes:
            declared |= declares_focus(code)
        return self.filter(declared)

    def approved(self):
        """Profiles a curator has approved at least once (their public columns hold the approved copy)."""
        return self.filter(reviewed_at__isnull=False)

    def public(self):
        """Experts a visitor may see: an approved profile with at least one published training."""
        from catalogue.models import Training

        return self.approved().filter(Exists(Training.objects.published().filter(trainer=OuterRef("pk"))))

    def receiving_briefs(self):
        """Experts a brief can reach: an approved profile (no claim in review) whose active account
        has a confirmed e-mail."""
        return (
            self.approved()
            .filter(user__isnull=False, user__is_active=True, email_confirmed_at__isnull=False, claim_pending=False)
            .exclude(user__email="")
        )

    def in_review(self):
        return self.filter(profile_status=ProfileStatus.SUBMITTED)


class ProfileStatus(models.TextChoices):
    DRAFT = "draft", _("Not submitted yet")
    SUBMITTED = "submitted", _("In review")
    APPROVED = "approved", _("Approved")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    REJECTED = "rejected", _("Rejected")


class Expert(models.Model):
    """A trainer's public profile. `user` is the account that owns it."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="expert"
    )
    name = models.CharField(_("public name"), max_length=120, validators=[validate_single_line])
    slug = models.SlugField(_("slug"), max_length=140, unique=True)
    headline = models.CharField(_("headline"), max_length=200, blank=True, validators=[validate_single_line])
    bio = models.TextField(_("bio"), blank=True, help_text=_("Markdown."))
    photo = models.ImageField(_("photo"), upload_to=photo_upload_to, blank=True)
    focuses = models.JSONField(_("focuses"), default=list, help_text=_("media, network or both."))
    platforms = models.ManyToManyField(Platform, verbose_name=_("platforms"), related_name="experts", blank=True)
    # The platform × use grid (experts.approaches): [{"platform": slug, "uses": [code, …]}, …].
    # `platforms` holds the grid's platforms (set on approval), so the platform filter reads the grid.
    approaches = models.JSONField(_("approaches taught"), default=list, blank=True)
    city = models.CharField(_("city"), max_length=80, blank=True, validators=[validate_single_line])
    city_folded = models.CharField(max_length=80, blank=True, editable=False, db_index=True)
    languages = models.JSONField(_("languages"), default=list)
    website = models.URLField(_("website"), blank=True)
    social_links = models.JSONField(_("social links"), default=list, blank=True)
    preferred_language = models.CharField(
        _("language for emails"), max_length=2, choices=Language.choices, default=Language.FR
    )
    email_confirmed_at = models.DateTimeField(_("email confirmed"), null=True, blank=True)
    # Review (experts.profile_workflow): the columns above that a visitor reads hold the copy a curator
    # approved last; a trainer's edits wait in `proposed` until a curator approves that version.
    profile_status = models.CharField(
        _("profile status"), max_length=20, choices=ProfileStatus.choices, default=ProfileStatus.DRAFT
    )
    profile_version = models.PositiveIntegerField(_("profile version"), default=1)
    proposed = models.JSONField(_("proposed changes"), null=True, blank=True, editable=False)
    reviewed_at = models.DateTimeField(_("approved"), null=True, blank=True, editable=False)
    review_message = models.TextField(_("message from the curators"), blank=True, editable=False)
    # A listing a curator made for a trainer without an account: another curator approves it,
    # and the trainer claims it by confirming `listing_email`.
    listed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("listed by"),
        editable=False,
    )
    listing_email = models.EmailField(_("trainer's email (listing)"), blank=True)
    # An account claimed the listing: a curator confirms it is the trainer (no briefs until then).
    claim_pending = models.BooleanField(_("claim in review"), default=False, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ExpertQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("expert")
        verbose_name_plural = _("experts")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.city_folded = fold(self.city)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("experts:expert_detail", kwargs={"slug": self.slug})

    def declares(self, focus):
        return focus in (self.focuses or [])

    def get_focuses_display(self):
        return [Focus(code).label for code in self.focuses or [] if code in Focus.values]

    @property
    def is_approved(self):
        return self.reviewed_at is not None

    @property
    def can_receive_briefs(self):
        """The same rule as `Expert.objects.receiving_briefs()`, for one profile."""
        user = self.user if self.user_id else None
        return bool(
            self.is_approved
            and not self.claim_pending
            and user
            and user.is_active
            and user.email
            and self.email_confirmed_at
        )

    @property
    def is_unclaimed_listing(self):
        """Listed by a curator; no trainer account holds it yet."""
        return self.user_id is None and bool(self.listing_email)


class ProfileTransition(models.Model):
    """One move of a profile's review: who, when, why, on which version, with which rubric answers."""

    expert = models.ForeignKey(Expert, on_delete=models.CASCADE, related_name="profile_transitions")
    from_status = models.CharField(max_length=20, choices=ProfileStatus.choices)
    to_status = models.CharField(max_length=20, choices=ProfileStatus.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField()
    message = models.TextField(blank=True)
    rubric = models.JSONField(null=True, blank=True)
    version = models.PositiveIntegerField()
    snapshot = models.JSONField(null=True, blank=True)
    email_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("profile review")
        verbose_name_plural = _("profile reviews")

    def __str__(self):
        return f"{self.expert} {self.from_status} → {self.to_status}"


class Brief(models.Model):
    """A visitor's request to a trainer, sent before hiring them."""

    expert = models.ForeignKey(Expert, on_delete=models.CASCADE, related_name="briefs", verbose_name=_("expert"))
    training = models.ForeignKey(
        "catalogue.Training",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="briefs",
        verbose_name=_("training"),
    )
    objective_text = models.CharField(_("your objective"), max_length=500)
    detected_focus = models.CharField(_("detected focus"), max_length=10, blank=True)
    objective = models.ForeignKey(
        "catalogue.Objective", null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("objective")
    )
    platforms = models.ManyToManyField(
        "catalogue.Platform", verbose_name=_("platforms"), related_name="briefs", blank=True
    )
    competences = models.JSONField(_("competences"), default=list, blank=True)  # Competence codes asked
    audience = models.CharField(_("audience"), max_length=200, blank=True, validators=[validate_single_line])
    group_size = models.PositiveIntegerField(_("group size"), null=True, blank=True)
    preferred_format = models.CharField(_("preferred format"), max_length=12, choices=Format.choices, blank=True)
    dates = models.CharField(_("preferred dates"), max_length=200, blank=True, validators=[validate_single_line])
    budget = models.CharField(_("budget"), max_length=100, blank=True, validators=[validate_single_line])
    language = models.CharField(_("language"), max_length=2, choices=Language.choices, default=Language.FR)
    message = models.TextField(_("message"))
    name = models.CharField(_("your name"), max_length=120, validators=[validate_single_line])
    email = models.EmailField(_("your email"))
    consent = models.BooleanField(_("consent to be contacted"), default=False)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    # The language of the page the visitor wrote in: their confirmation email's language.
    visitor_language = models.CharField(
        _("visitor's language"), max_length=2, choices=Language.choices, default=Language.FR
    )
    # The trainer's mark "this brief led to a booking": the follow-up goes 7 days after this session ends.
    booked_session = models.ForeignKey(
        "catalogue.Session",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("booked session"),
    )
    # The trainer's first reply, from the inbox or marked "answered by e-mail or phone" (response times).
    first_reply_at = models.DateTimeField(_("first reply"), null=True, blank=True)
    # When the follow-up e-mail was queued (or skipped for a suppressed address): never twice.
    followup_at = models.DateTimeField(_("follow-up handled"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("brief")
        verbose_name_plural = _("briefs")
        indexes = [models.Index(fields=["expert", "-created_at"])]

    def __str__(self):
        return f"{self.name} → {self.expert}"

    def get_competences_display(self):
        return [Competence(code).label for code in self.competences or [] if code in Competence.values]


class BriefReply(models.Model):
    """A trainer's reply to a brief, written in the inbox: e-mailed to the visitor through the outbox, and kept."""

    brief = models.ForeignKey(Brief, on_delete=models.CASCADE, related_name="replies", verbose_name=_("brief"))
    text = models.TextField(_("reply"))
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("reply to a brief")
        verbose_name_plural = _("replies to briefs")

    def __str__(self):
        return f"{self.brief_id}: {self.created_at:%Y-%m-%d}"


class Outcome(models.Model):
    """A visitor's answer to the follow-up of one brief: did the training reach the objective they stated?"""

    class Reached(models.TextChoices):
        YES = "yes", _("Yes")
        PARTLY = "partly", _("Partly")
        NO = "no", _("No")

    class CommentStatus(models.TextChoices):
        NONE = "", _("No comment")
        PENDING = "pending", _("Awaiting moderation")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")

    brief = models.OneToOneField(Brief, on_delete=models.CASCADE, related_name="outcome", verbose_name=_("brief"))
    hired = models.BooleanField(_("hired this trainer"))
    reached = models.CharField(_("objective reached"), max_length=6, choices=Reached.choices, blank=True)
    # Codes of catalogue.enums.Competence, the same vocabulary as the offers teach.
    competences = models.JSONField(_("competences gained"), default=list, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    comment_status = models.CharField(
        _("comment moderation"), max_length=8, choices=CommentStatus.choices, blank=True, db_index=True
    )
    reply = models.TextField(_("trainer's public reply"), blank=True)
    answered_at = models.DateTimeField(_("answered"), auto_now_add=True)

    class Meta:
        ordering = ["-answered_at", "-pk"]
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")

    def __str__(self):
        return f"{self.brief_id}: {self.reached or '-'}"

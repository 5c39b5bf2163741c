from decimal import Decimal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import connection, models
from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .bounds import validate_single_line
from .enums import Competence, Currency, Focus, Format, Language, Level, Mode, Status
from .search import SearchDocument, SearchVectorField
from .text import fold


def _localized(obj, field):
    """The French or English value of `field`, falling back to French."""
    lang = (get_language() or "fr")[:2]
    return getattr(obj, f"{field}_{lang}", "") or getattr(obj, f"{field}_fr", "")


class Use(models.Model):
    """What people do in the environment (second source text): diffuser, communiquer, réseauter, jouer, éduquer.

    Finer than focus: `broadcast` serves the media side, `networking` the
    network side, the others either. Objectives say which uses they need;
    trainings declare the uses they teach.
    """

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_fr = models.CharField(_("name (French)"), max_length=80, validators=[validate_single_line])
    name_en = models.CharField(_("name (English)"), max_length=80, validators=[validate_single_line])
    keywords_fr = models.TextField(_("keywords (French)"), blank=True, help_text=_("One keyword or phrase per line."))
    keywords_en = models.TextField(_("keywords (English)"), blank=True, help_text=_("One keyword or phrase per line."))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("use")
        verbose_name_plural = _("uses")

    def __str__(self):
        return self.name

    @property
    def slug(self):
        return self.code

    @property
    def name(self):
        return _localized(self, "name")

    def keyword_list(self, lang):
        raw = getattr(self, f"keywords_{lang}", "")
        return [line.strip() for line in raw.replace(",", "\n").splitlines() if line.strip()]


class ObjectiveQuerySet(models.QuerySet):
    def active(self):
        """The objectives curators keep active: the only ones visitors, trainers and the matcher see."""
        return self.filter(is_active=True)


class Objective(models.Model):
    """A curated objective a visitor may have; the matcher reads its keywords."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    focus = models.CharField(_("focus"), max_length=10, choices=Focus.choices, db_index=True)
    name_fr = models.CharField(_("name (French)"), max_length=120, validators=[validate_single_line])
    name_en = models.CharField(_("name (English)"), max_length=120, validators=[validate_single_line])
    description_fr = models.TextField(_("description (French)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    keywords_fr = models.TextField(_("keywords (French)"), blank=True, help_text=_("One keyword or phrase per line."))
    keywords_en = models.TextField(_("keywords (English)"), blank=True, help_text=_("One keyword or phrase per line."))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)
    uses = models.ManyToManyField(
        Use, verbose_name=_("uses"), related_name="objectives", blank=True, help_text=_("What this objective needs.")
    )

    objects = ObjectiveQuerySet.as_manager()

    class Meta:
        ordering = ["focus", "order", "slug"]
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")

    def __str__(self):
        return self.name

    @property
    def name(self):
        return _localized(self, "name")

    @property
    def description(self):
        return _localized(self, "description")

    def keyword_list(self, lang):
        raw = getattr(self, f"keywords_{lang}", "")
        return [line.strip() for line in raw.replace(",", "\n").splitlines() if line.strip()]


class Platform(models.Model):
    """A social platform a training or an expert covers (LinkedIn, TikTok, …)."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name_fr = models.CharField(_("name (French)"), max_length=80, validators=[validate_single_line])
    name_en = models.CharField(_("name (English)"), max_length=80, validators=[validate_single_line])
    keywords_fr = models.TextField(
        _("keywords (French)"), blank=True, help_text=_("Other spellings visitors use, one per line (“linked in”).")
    )
    keywords_en = models.TextField(
        _("keywords (English)"), blank=True, help_text=_("Other spellings visitors use, one per line (“insta”).")
    )
    note_fr = models.TextField(
        _("note (French)"), blank=True, max_length=400, help_text=_("A short nuance the match explanation shows.")
    )
    note_en = models.TextField(
        _("note (English)"), blank=True, max_length=400, help_text=_("A short nuance the match explanation shows.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("platform")
        verbose_name_plural = _("platforms")

    def __str__(self):
        return self.name

    @property
    def name(self):
        return _localized(self, "name")

    @property
    def note(self):
        return _localized(self, "note")

    def spellings(self):
        """Every way visitors write this platform's name: names and keywords, both languages."""
        lines = [self.name_fr, self.name_en]
        for lang in ("fr", "en"):
            lines += getattr(self, f"keywords_{lang}", "").replace(",", "\n").splitlines()
        return [line.strip() for line in lines if line.strip()]


class TrainingQuerySet(models.QuerySet):
    def published(self):
        """The only trainings a visitor, the API, feeds or the sitemap may see."""
        return self.filter(status=Status.PUBLISHED)

    def owned_by(self, user):
        """A trainer's own offers, whatever their status."""
        return self.filter(trainer__user=user)

    def with_next_session(self):
        """Annotate the next upcoming session's start and city (one query, no N+1)."""
        upcoming = Session.objects.upcoming().filter(training=OuterRef("pk"))
        first = upcoming.order_by("starts_at", "pk")
        return self.annotate(
            next_session_at=Subquery(first.values("starts_at")[:1]),
            next_session_city=Subquery(first.values("city")[:1]),
            next_session_online=Subquery(first.values("is_online")[:1]),
            next_session_timezone=Subquery(first.values("timezone")[:1]),
            has_upcoming=Exists(upcoming),
        )


# What a trainer writes about an offer: its texts, then its facts, in the order
# the offer form (experts.forms.offers), the API, the admin and the CSV export
# all list them. "competences" is the list form of the three teaches_* fields
# (Training.competences); OFFER_FACT_FIELDS names the model fields themselves.
OFFER_TEXTS = ("title", "summary", "description")
OFFER_FACTS = (
    "focus",
    "format",
    "competences",
    "level",
    "mode",
    "language",
    "city",
    "duration_hours",
    "price",
    "currency",
    "objectives",
    "uses",
    "platforms",
)
COMPETENCE_FIELDS = tuple(f"teaches_{code}" for code in Competence.values)
OFFER_FACT_FIELDS = tuple(
    name for fact in OFFER_FACTS for name in (COMPETENCE_FIELDS if fact == "competences" else (fact,))
)


class Training(models.Model):
    """An offer: a conference, course or workshop a trainer proposes."""

    title = models.CharField(_("title"), max_length=160, validators=[validate_single_line])
    slug = models.SlugField(_("slug"), max_length=180, unique=True)
    trainer = models.ForeignKey(
        "experts.Expert",
        verbose_name=_("trainer"),
        on_delete=models.PROTECT,
        related_name="trainings",
    )
    summary = models.CharField(_("summary"), max_length=300, help_text=_("One or two sentences."))
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    focus = models.CharField(_("focus"), max_length=10, choices=Focus.choices)
    format = models.CharField(_("format"), max_length=12, choices=Format.choices)
    teaches_knowledge = models.BooleanField(_("knowledge (savoir)"), default=False)
    teaches_know_how = models.BooleanField(_("know-how (savoir-faire)"), default=False)
    teaches_interpersonal = models.BooleanField(_("interpersonal skills (savoir-être)"), default=False)
    level = models.CharField(_("level"), max_length=12, choices=Level.choices, default=Level.BEGINNER)
    mode = models.CharField(_("delivery mode"), max_length=10, choices=Mode.choices, default=Mode.IN_PERSON)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices, default=Language.FR)
    city = models.CharField(
        _("city"),
        max_length=80,
        blank=True,
        help_text=_("Leave empty for online-only."),
        validators=[validate_single_line],
    )
    city_folded = models.CharField(max_length=80, blank=True, editable=False)
    # The title folded as search terms are (catalogue.text.fold), so a title hit ranks first on SQLite.
    title_folded = models.TextField(blank=True, editable=False)
    duration_hours = models.DecimalField(
        _("duration (hours)"), max_digits=5, decimal_places=1, validators=[MinValueValidator(Decimal("0.5"))]
    )
    price = models.DecimalField(
        _("price"),
        max_digits=9,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("0 means free."),
    )
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices, default=Currency.CAD)
    objectives = models.ManyToManyField(Objective, verbose_name=_("objectives"), related_name="trainings", blank=True)
    platforms = models.ManyToManyField(Platform, verbose_name=_("platforms"), related_name="trainings", blank=True)
    uses = models.ManyToManyField(Use, verbose_name=_("uses"), related_name="trainings", blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    featured = models.BooleanField(_("featured on the home page"), default=False)
    # Lower-cased, accent-free text that search compares on both databases.
    search_text = models.TextField(blank=True, editable=False)
    # Its French + English tsvector, kept by PostgreSQL itself, to rank text searches.
    search_document = models.GeneratedField(
        expression=SearchDocument("search_text"), output_field=SearchVectorField(), db_persist=True
    )
    # The content a curator last approved, to show what a re-submission changed.
    approved_snapshot = models.JSONField(null=True, blank=True, editable=False)
    # Bumped by every trainer edit and every workflow move: a curator's decision names the
    # version it was made on, and is refused if the offer changed since (catalogue.workflow).
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True, editable=False)
    published_at = models.DateTimeField(_("first published"), null=True, blank=True, editable=False)
    status_changed_at = models.DateTimeField(_("status changed"), default=timezone.now, editable=False)

    objects = TrainingQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("training")
        verbose_name_plural = _("trainings")
        permissions = [("moderate_training", _("Can publish, request changes to or reject offers"))]
        indexes = [
            models.Index(fields=["status", "focus"]),
            # Covers the facet counts (GROUP BY focus, format): an index-only scan, not a table scan.
            models.Index(fields=["status", "focus", "format"], name="training_facets_idx"),
            models.Index(fields=["status", "format"]),
            models.Index(fields=["status", "level"]),
            models.Index(fields=["status", "mode"]),
            models.Index(fields=["status", "language"]),
            models.Index(fields=["status", "city_folded"]),
            models.Index(fields=["status", "price"]),
            models.Index(fields=["status", "-published_at"]),
            # The home page's featured trainings: a handful among thousands, newest first.
            models.Index(fields=["status", "featured", "-published_at"], name="training_featured_idx"),
            models.Index(fields=["status", "submitted_at"]),
            models.Index(fields=["status", "teaches_knowledge"]),
            models.Index(fields=["status", "teaches_know_how"]),
            models.Index(fields=["status", "teaches_interpersonal"]),
            models.Index(fields=["status", "featured"]),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("catalogue:training_detail", kwargs={"slug": self.slug})

    @property
    def is_free(self):
        return self.price == 0

    @property
    def is_published(self):
        return self.status == Status.PUBLISHED

    @property
    def active_objectives(self):
        """The objectives visitors see: only those curators keep active (reads a prefetch of `objectives`)."""
        return [objective for objective in self.objectives.all() if objective.is_active]

    @property
    def competences(self):
        return [
            code
            for code, flag in (
                (Competence.KNOWLEDGE, self.teaches_knowledge),
                (Competence.KNOW_HOW, self.teaches_know_how),
                (Competence.INTERPERSONAL, self.teaches_interpersonal),
            )
            if flag
        ]

    @competences.setter
    def competences(self, codes):
        codes = set(codes or ())
        self.teaches_knowledge = Competence.KNOWLEDGE in codes
        self.teaches_know_how = Competence.KNOW_HOW in codes
        self.teaches_interpersonal = Competence.INTERPERSONAL in codes

    def get_competences_display(self):
        return [Competence(code).label for code in self.competences]

    def build_search_text(self, objectives=None, platforms=None, uses=None):
        """Folded text of everything a visitor may search for.

        Objectives, platforms and uses can be passed in (bulk seeding);
        otherwise they are read from the database, so call it after the m2m
        are saved. The names of the uses (« Réseauter ») make every word of
        their family find the training (catalogue.vocabulary).
        """
        if objectives is None:
            objectives = list(self.objectives.prefetch_related("uses")) if self.pk else []
        if platforms is None:
            platforms = list(self.platforms.all()) if self.pk else []
        if uses is None:
            uses = list(self.uses.all()) if self.pk else []
            uses += [use for objective in objectives for use in objective.uses.all()]
        parts = [self.title, self.summary, self.description, self.city]
        if self.trainer_id:
            parts.append(self.trainer.name)
        for item in [*objectives, *platforms, *dict.fromkeys(uses)]:
            parts += [item.name_fr, item.name_en]
        return fold(" ".join(filter(None, parts)))

    def refresh_search_fields(self, objectives=None, platforms=None, save=True, uses=None):
        self.city_folded = fold(self.city)
        self.title_folded = fold(self.title)
        self.search_text = self.build_search_text(objectives, platforms, uses)
        if save and self.pk:
            type(self).objects.filter(pk=self.pk).update(
                city_folded=self.city_folded, title_folded=self.title_folded, search_text=self.search_text
            )
            Revision.bump()  # what a text search finds has changed (update() sends no signal)


def upcoming_q(prefix=""):
    """A session that has not started yet; `prefix` reaches it through a relation ("sessions__")."""
    return Q(**{f"{prefix}starts_at__gte": timezone.now()})


class SessionQuerySet(models.QuerySet):
    def upcoming(self):
        """Sessions that have not started yet (a session under way is no longer offered)."""
        return self.filter(upcoming_q())


class Session(models.Model):
    """One dated occurrence of a training."""

    training = models.ForeignKey(
        Training, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("training")
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    timezone = models.CharField(_("time zone"), max_length=40, default="America/Montreal")
    is_online = models.BooleanField(_("online"), default=False)
    venue = models.CharField(_("venue"), max_length=160, blank=True, validators=[validate_single_line])
    address = models.CharField(_("address"), max_length=255, blank=True, validators=[validate_single_line])
    city = models.CharField(_("city"), max_length=80, blank=True, validators=[validate_single_line])
    online_url = models.URLField(_("online link"), blank=True)
    online_url_public = models.BooleanField(
        _("link shown publicly"),
        default=False,
        help_text=_("Otherwise the trainer sends the link to participants; it appears nowhere public."),
    )
    seats = models.PositiveIntegerField(_("seats"), null=True, blank=True)

    objects = SessionQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        indexes = [models.Index(fields=["training", "starts_at"]), models.Index(fields=["starts_at"])]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="session_ends_after_start"),
        ]

    def __str__(self):
        # In the session's own time zone, as the trainer entered it (the admin's inline titles show this).
        if self.starts_at is None:
            return str(self.training)
        try:
            start = self.starts_at.astimezone(ZoneInfo(self.timezone))
        except (ZoneInfoNotFoundError, ValueError):
            return f"{self.training} — {self.starts_at:%Y-%m-%d %H:%M} UTC"
        return f"{self.training} — {start:%Y-%m-%d %H:%M} ({self.timezone})"

    @property
    def public_online_url(self):
        """The online link as pages, the API, calendars and JSON-LD may show it: empty unless the trainer chose so."""
        return self.online_url if self.online_url_public else ""

    @property
    def is_upcoming(self):
        return self.starts_at >= timezone.now()

    @property
    def place(self):
        if self.is_online:
            return _("Online")
        return ", ".join(part for part in (self.venue, self.city) if part)


# What a trainer writes about each session, in the order the session form lists them.
SESSION_FACTS = (
    "starts_at",
    "ends_at",
    "timezone",
    "is_online",
    "venue",
    "address",
    "city",
    "online_url",
    "online_url_public",
    "seats",
)


class OfferTransition(models.Model):
    """One recorded move of an offer through the workflow (catalogue.workflow)."""

    training = models.ForeignKey(Training, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(_("from"), max_length=20, choices=Status.choices)
    to_status = models.CharField(_("to"), max_length=20, choices=Status.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("by")
    )
    at = models.DateTimeField(_("at"), default=timezone.now)
    message = models.TextField(_("message"), blank=True)
    rubric = models.JSONField(_("review rubric"), null=True, blank=True)
    # The offer's version after this move, and its content then (catalogue.review_rules.snapshot):
    # what a curator who saw an older version is shown as changed.
    version = models.PositiveIntegerField(_("version"), null=True, blank=True, editable=False)
    snapshot = models.JSONField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        indexes = [models.Index(fields=["training", "-at"])]

    def __str__(self):
        return f"{self.training}: {self.get_from_status_display()} → {self.get_to_status_display()}"


class ReviewAssessment(models.Model):
    """A curator's answers to the review rubric for one version of an offer.

    Publishing needs one answered all "yes" on the offer's current version
    (catalogue.workflow), whether from the review screen or the bulk page.
    """

    training = models.ForeignKey(Training, on_delete=models.CASCADE, related_name="assessments")
    version = models.PositiveIntegerField(_("version"))
    answers = models.JSONField(_("answers"))
    curator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("curator")
    )
    at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("review assessment")
        verbose_name_plural = _("review assessments")
        indexes = [models.Index(fields=["training", "version"])]

    def __str__(self):
        return f"{self.training} v{self.version}"


class ExchangeRate(models.Model):
    """A currency's value in Canadian dollars, kept by the curators (issue 19).

    Sorting by price and `price_max` compare prices at these rates
    (catalogue.currency); a currency without a row uses
    settings.PRICE_REFERENCE_RATES. Every training still shows its own price.
    """

    currency = models.CharField(
        _("currency"),
        max_length=3,
        unique=True,
        choices=[(code, label) for code, label in Currency.choices if code != Currency.CAD],
    )
    cad_value = models.DecimalField(
        _("value in Canadian dollars"),
        max_digits=10,
        decimal_places=4,
        validators=[MinValueValidator(Decimal("0.0001")), MaxValueValidator(Decimal(10000))],
        help_text=_("What one unit of this currency is worth in CAD, e.g. 1.50 for the euro."),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["currency"]
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")

    def __str__(self):
        return f"1 {self.currency} = {self.cad_value.normalize():f} CAD"


class Revision(models.Model):
    """One row counting the changes to what public pages show.

    The anonymous page cache (catalogue.page_cache) keys every page with this
    number; it is bumped in the same transaction as the change, so the next
    request in every server process sees the change, and never before it commits.
    """

    number = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("catalogue revision")
        verbose_name_plural = _("catalogue revisions")

    def __str__(self):
        return str(self.number)

    @classmethod
    def current(cls):
        # Read on every cached page view: plain SQL costs a third of the ORM's Python.
        # The table name is the model's (catalogue_revision, asserted in the page cache tests).
        with connection.cursor() as cursor:
            cursor.execute("SELECT number FROM catalogue_revision WHERE id = 1")
            row = cursor.fetchone()
        return row[0] if row else 0

    @classmethod
    def bump(cls):
        if not cls.objects.filter(pk=1).update(number=F("number") + 1):
            cls.objects.get_or_create(pk=1, defaults={"number": 1})


class OutgoingEmail(models.Model):
    """One e-mail of the outbox (catalogue.outbox): stored, then sent and retried until it goes out."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed, will retry")
        GAVE_UP = "gave_up", _("Gave up")

    kind = models.CharField(_("kind"), max_length=40, db_index=True)
    to = models.EmailField(_("to"), max_length=254)
    reply_to = models.EmailField(_("reply to"), max_length=254, blank=True)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices, default=Language.FR)
    template = models.CharField(_("template"), max_length=100)
    subject = models.CharField(_("subject"), max_length=250)
    # Empty for e-mails that carry a secret (a link with a token): rendered at each attempt, never stored.
    body = models.TextField(_("body"), blank=True)
    context = models.JSONField(_("reference"), default=dict, blank=True)
    headers = models.JSONField(_("headers"), default=dict, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    # When the worker may (re)try it; while sending, when the claim lapses.
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("queued at"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    related_type = models.ForeignKey(
        "contenttypes.ContentType", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    related_id = models.PositiveBigIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        indexes = [
            models.Index(fields=["status", "next_attempt_at"]),
            models.Index(fields=["related_type", "related_id"]),
        ]

    def __str__(self):
        return f"{self.kind} → {self.to}"


class PeriodicJobRun(models.Model):
    """When each periodic job (settings.PERIODIC_JOBS) last started, shared by every worker process."""

    name = models.CharField(max_length=200, unique=True)
    last_started_at = models.DateTimeField()

    class Meta:
        verbose_name = _("periodic job run")
        verbose_name_plural = _("periodic job runs")

    def __str__(self):
        return self.name


class Suppression(models.Model):
    """An address that asked for no more e-mails of `kind` ("all", "followup", "alerts"): catalogue.suppressions."""

    email = models.CharField(_("e-mail"), max_length=254)
    kind = models.CharField(_("kind"), max_length=20, default="all")
    created_at = models.DateTimeField(_("since"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("suppressed address")
        verbose_name_plural = _("suppressed addresses")
        constraints = [models.UniqueConstraint(fields=["email", "kind"], name="suppression_unique_email_kind")]

    def __str__(self):
        return f"{self.email} ({self.kind})"

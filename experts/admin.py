"""Experts and briefs in the admin: read by curators, exported as CSV."""

from django import forms
from django.contrib import admin
from django.db.models import Count
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from import_export import fields
from import_export.admin import ExportMixin
from import_export.formats.base_formats import CSV
from import_export.forms import ExportForm

from catalogue import outbox
from catalogue.admin.resources import SpreadsheetSafeResource
from catalogue.enums import Focus, Language

from .models import Brief, Expert

# Every value a curator reads is a label, never a stored code ("media", "network").
DETECTED_FOCUS_LABELS = {**dict(Focus.choices), "mixed": _("Both focuses"), "unknown": _("Not recognised")}


def _when(value):
    return date_format(timezone.localtime(value), "DATETIME_FORMAT") if value else "—"


class LabelledReadOnly:
    """Curators who may only view read labels where a field stores codes."""

    labelled = {}  # field name → display method showing its labels

    def get_fields(self, request, obj=None):
        fields = super().get_fields(request, obj)
        if obj is not None and not self.has_change_permission(request, obj):
            fields = [self.labelled.get(name, name) for name in fields]
        return fields

    def get_readonly_fields(self, request, obj=None):
        return (*super().get_readonly_fields(request, obj), *self.labelled.values())


class ExpertAdminForm(forms.ModelForm):
    """Focuses and languages as labelled boxes to tick, not raw JSON lists."""

    focuses = forms.MultipleChoiceField(
        label=_("focuses"), choices=Focus.choices, widget=forms.CheckboxSelectMultiple, required=False
    )
    languages = forms.MultipleChoiceField(
        label=_("languages"), choices=Language.choices, widget=forms.CheckboxSelectMultiple, required=False
    )

    class Meta:
        model = Expert
        fields = ("user", "focuses", "languages")  # the admin adds the others
        labels = {"user": _("Account")}


@admin.register(Expert)
class ExpertAdmin(LabelledReadOnly, admin.ModelAdmin):
    form = ExpertAdminForm
    labelled = {"focuses": "focus_labels", "languages": "language_labels"}
    list_display = ("name", "slug", "account_email", "city", "preferred_language", "training_count", "created")
    list_filter = ("preferred_language",)
    list_select_related = ("user",)
    search_fields = ("name", "slug", "city", "user__email")
    readonly_fields = ("created", "updated", "email_confirmed_at")
    raw_id_fields = ("user",)

    @admin.display(description=_("profile created"), ordering="created_at")
    def created(self, expert):
        return _when(expert.created_at)

    @admin.display(description=_("profile updated"))
    def updated(self, expert):
        return _when(expert.updated_at)

    @admin.display(description=_("focuses"))
    def focus_labels(self, expert):
        return ", ".join(str(label) for label in expert.get_focuses_display()) or "—"

    @admin.display(description=_("languages"))
    def language_labels(self, expert):
        names = dict(Language.choices)
        return ", ".join(str(names[code]) for code in expert.languages or [] if code in names) or "—"

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(training_count=Count("trainings", distinct=True))

    @admin.display(description=_("email"), ordering="user__email")
    def account_email(self, expert):
        return expert.user.email if expert.user_id else "—"

    @admin.display(description=_("trainings"), ordering="training_count")
    def training_count(self, expert):
        return expert.training_count


class BriefResource(SpreadsheetSafeResource):
    expert = fields.Field(attribute="expert__name", column_name="expert", readonly=True)
    expert_slug = fields.Field(attribute="expert__slug", column_name="expert_slug", readonly=True)
    training = fields.Field(attribute="training__slug", column_name="training", readonly=True)
    objective = fields.Field(attribute="objective__slug", column_name="objective", readonly=True)

    class Meta:
        model = Brief
        fields = (
            "id",
            "created_at",
            "expert",
            "expert_slug",
            "training",
            "objective",
            "objective_text",
            "detected_focus",
            "audience",
            "group_size",
            "preferred_format",
            "dates",
            "budget",
            "language",
            "message",
            "name",
            "email",
            "consent",
            "read_at",
        )
        export_order = fields

    def filter_export(self, queryset, **kwargs):
        return queryset.select_related("expert", "training", "objective")


class DetectedFocusFilter(admin.SimpleListFilter):
    title = _("detected focus")
    parameter_name = "detected_focus"

    def lookups(self, request, model_admin):
        return list(DETECTED_FOCUS_LABELS.items())

    def queryset(self, request, queryset):
        return queryset.filter(detected_focus=self.value()) if self.value() in DETECTED_FOCUS_LABELS else queryset


@admin.register(Brief)
class BriefAdmin(LabelledReadOnly, ExportMixin, admin.ModelAdmin):
    labelled = {"detected_focus": "focus_label"}
    list_display = ("created_at", "name", "email", "expert", "training", "focus_label")
    list_filter = (
        "language",
        DetectedFocusFilter,
        "preferred_format",
        ("created_at", admin.DateFieldListFilter),
    )
    list_select_related = ("expert", "training")
    search_fields = ("name", "email", "objective_text", "message", "expert__name")
    date_hierarchy = None
    readonly_fields = ("created_at", "read_at", "emails")
    raw_id_fields = ("expert", "training", "objective")

    resource_classes = (BriefResource,)
    formats = (CSV,)
    export_form_class = ExportForm
    skip_export_form = True

    @admin.display(description=_("e-mails"))
    def emails(self, brief):
        # Sending and retries live in the outbox; this only says where each e-mail stands.
        rows = outbox.for_object(brief).order_by("pk") if brief.pk else []
        return ", ".join(f"{row.kind}: {row.get_status_display()}" for row in rows) or "—"

    def has_export_permission(self, request):
        return self.has_view_permission(request)

    @admin.display(description=_("detected focus"), ordering="detected_focus")
    def focus_label(self, brief):
        return DETECTED_FOCUS_LABELS.get(brief.detected_focus, "—")

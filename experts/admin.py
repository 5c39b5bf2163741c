"""Experts and briefs in the admin: read by curators, exported as CSV."""

from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from import_export import fields
from import_export.admin import ExportMixin
from import_export.formats.base_formats import CSV
from import_export.forms import ExportForm

from catalogue import outbox
from catalogue.admin.resources import SpreadsheetSafeResource

from .models import Brief, Expert


@admin.register(Expert)
class ExpertAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "account_email", "city", "preferred_language", "training_count", "created_at")
    list_filter = ("preferred_language",)
    list_select_related = ("user",)
    search_fields = ("name", "slug", "city", "user__email")
    readonly_fields = ("created_at", "updated_at", "email_confirmed_at")
    raw_id_fields = ("user",)

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


@admin.register(Brief)
class BriefAdmin(ExportMixin, admin.ModelAdmin):
    list_display = ("created_at", "name", "email", "expert", "training", "detected_focus")
    list_filter = (
        "language",
        "detected_focus",
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

"""Trainings in the admin: the moderation queue, each offer's history, featuring, CSV export.

Content belongs to the trainer and status to the workflow: here only `featured`
is editable; decisions go through the review screen or the bulk actions
(catalogue/admin/review_screen.py), both asking catalogue.workflow.
"""

from zoneinfo import ZoneInfo

from django.contrib import admin
from django.db.models import Count
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from import_export.admin import ExportMixin
from import_export.formats.base_formats import CSV
from import_export.forms import ExportForm

from .. import workflow
from ..enums import Status
from ..models import OFFER_FACT_FIELDS, OfferTransition, Session, Training
from ..templatetags.cible import valid_timezone
from . import review_screen
from .resources import TrainingResource


class StatusFilter(admin.SimpleListFilter):
    """Status filter whose default is the moderation queue (submitted offers)."""

    title = _("status")
    parameter_name = "status"
    ALL = "all"

    def lookups(self, request, model_admin):
        return [(Status.SUBMITTED, Status.SUBMITTED.label)] + [
            (value, label) for value, label in Status.choices if value != Status.SUBMITTED
        ]

    def value(self):
        return super().value() or Status.SUBMITTED

    def choices(self, changelist):
        yield {
            "selected": self.value() == self.ALL,
            "query_string": changelist.get_query_string({self.parameter_name: self.ALL}),
            "display": _("All"),
        }
        for lookup, title in self.lookup_choices:
            yield {
                "selected": self.value() == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request, queryset):
        value = self.value()
        if value in Status.values:
            return queryset.filter(status=value)
        return queryset


def in_session_zone(session, value):
    """A session's time as its participants read it: in the session's own zone, zone named."""
    local = timezone.localtime(value, ZoneInfo(valid_timezone(session.timezone)))
    return f"{date_format(local, 'DATETIME_FORMAT')} ({local:%Z})"


class SessionInline(admin.TabularInline):
    model = Session
    fields = ("starts", "ends", "is_online", "venue", "city", "online_url", "online_url_public", "seats")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("Starts"), ordering="starts_at")
    def starts(self, session):
        return in_session_zone(session, session.starts_at)

    @admin.display(description=_("Ends"))
    def ends(self, session):
        return in_session_zone(session, session.ends_at)


class TransitionInline(admin.TabularInline):
    """The offer's change history, newest first (read-only)."""

    model = OfferTransition
    fields = ("at", "from_status", "to_status", "by", "message", "rubric_summary")
    readonly_fields = fields
    extra = 0
    can_delete = False
    ordering = ("-at", "-pk")
    verbose_name_plural = _("history")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("by").defer("snapshot")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("review rubric"))
    def rubric_summary(self, record):
        return review_screen.rubric_summary(record.rubric)


CONTENT_FIELDS = ("title", "slug", "trainer", "summary", "description", *OFFER_FACT_FIELDS)


# The changelist's label for each curator decision (the review screen uses the action's own label).
BULK_LABELS = {
    workflow.Action.PUBLISH: _("Publish selected offers"),
    workflow.Action.REQUEST_CHANGES: _("Request changes to selected offers"),
    workflow.Action.REJECT: _("Reject selected offers"),
}


def _bulk_decision(action):
    """The changelist action `<action>_selected` for one of `workflow.DECISIONS`."""

    def run(modeladmin, request, queryset):
        return review_screen.bulk_decision(modeladmin, request, queryset, action)

    run.__name__ = f"{action.value}_selected"
    return admin.action(description=BULK_LABELS[action], permissions=["moderate"])(run)


@admin.register(Training)
class TrainingAdmin(ExportMixin, admin.ModelAdmin):
    # The review action first, so it is never off-screen; the title gets the room.
    list_display = (
        "review_link",
        "title",
        "trainer",
        "status",
        "focus",
        "format",
        "submitted_at",
        "session_count",
        "featured",
    )
    list_display_links = ("title",)
    change_list_template = "admin/catalogue/training/change_list.html"  # the curators' CSS; export adds its button
    list_editable = ("featured",)
    list_filter = (
        StatusFilter,
        "focus",
        "format",
        ("trainer", admin.RelatedOnlyFieldListFilter),
        ("submitted_at", admin.DateFieldListFilter),
        "featured",
    )
    list_select_related = ("trainer",)
    search_fields = ("title", "slug", "summary", "trainer__name")
    search_help_text = _("Title, slug, summary or trainer's name.")
    actions = tuple(_bulk_decision(action) for action in workflow.DECISIONS)
    inlines = (SessionInline, TransitionInline)
    fieldsets = (
        (None, {"fields": ("review_link", "status", "featured")}),
        (_("Content"), {"fields": CONTENT_FIELDS}),
        (_("Dates"), {"fields": ("created_at", "updated_at", "submitted_at", "published_at", "status_changed_at")}),
    )
    readonly_fields = (
        "review_link",
        "status",
        *CONTENT_FIELDS,
        "created_at",
        "updated_at",
        "submitted_at",
        "published_at",
        "status_changed_at",
    )
    list_per_page = 50

    # CSV export of the list as filtered (django-import-export).
    resource_classes = (TrainingResource,)
    formats = (CSV,)
    export_form_class = ExportForm
    skip_export_form = True

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(session_count=Count("sessions", distinct=True))

    def get_export_queryset(self, request):
        # Exactly the list the curator sees (filters, search, order), with the CSV's m2m columns fetched at once.
        return super().get_export_queryset(request).prefetch_related("objectives", "platforms", "uses")

    def get_list_display(self, request):
        # In the queue every offer is submitted and none featured yet: those columns go.
        if self._in_queue(request):
            return ("review_link", "title", "trainer", "focus", "format", "submitted", "session_count")
        return super().get_list_display(request)

    @staticmethod
    def _in_queue(request):
        return request.GET.get(StatusFilter.parameter_name, Status.SUBMITTED) == Status.SUBMITTED

    @admin.display(description=_("submitted"), ordering="submitted_at")
    def submitted(self, training):
        return (
            date_format(timezone.localtime(training.submitted_at), "SHORT_DATE_FORMAT")
            if training.submitted_at
            else "—"
        )

    def get_ordering(self, request):
        # The queue: oldest submission first. Elsewhere: latest change first.
        if request.GET.get(StatusFilter.parameter_name, Status.SUBMITTED) == Status.SUBMITTED:
            return ("submitted_at", "pk")
        return ("-status_changed_at", "-pk")

    def changelist_view(self, request, extra_context=None):
        extra_context = extra_context or {}
        if request.GET.get(StatusFilter.parameter_name, Status.SUBMITTED) == Status.SUBMITTED:
            extra_context.setdefault("title", _("Moderation queue: offers awaiting review, oldest first"))
        return super().changelist_view(request, extra_context)

    def has_add_permission(self, request):
        return False  # trainers create offers from their dashboard

    def has_moderate_permission(self, request):
        return request.user.has_perm("catalogue.moderate_training")

    def has_export_permission(self, request):
        return self.has_view_permission(request)

    def view_on_site(self, training):
        # Only published offers have a public page; the others would answer 404.
        return training.get_absolute_url() if training.is_published else None

    def save_model(self, request, obj, form, change):
        # Only `featured` is editable here; never write status or content back.
        obj.save(update_fields=["featured", "updated_at"])

    @admin.display(description=_("sessions"), ordering="session_count")
    def session_count(self, training):
        return training.session_count

    @admin.display(description=_("review"))
    def review_link(self, training):
        url = reverse("admin:catalogue_training_review", args=[training.pk])
        return format_html('<a href="{}">{}</a>', url, _("Review"))

    def get_urls(self):
        return [
            path(
                "<path:object_id>/review/",
                self.admin_site.admin_view(self.review_view),
                name="catalogue_training_review",
            ),
            *super().get_urls(),
        ]

    def review_view(self, request, object_id):
        return review_screen.review_view(self, request, object_id)

"""Experts and briefs in the admin: read by curators, exported as CSV."""

from django import forms
from django.contrib import admin
from django.db.models import Count
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from import_export import fields
from import_export.admin import ExportMixin
from import_export.formats.base_formats import CSV
from import_export.forms import ExportForm

from catalogue import outbox
from catalogue.admin.resources import SpreadsheetSafeResource
from catalogue.enums import Focus, Language

from . import accounts, admin_review, outcomes, profile_review, profile_workflow
from .briefing import CONFIRMATION, TO_TRAINER
from .models import Brief, Expert, Outcome

# Curators read which e-mail it was, not the outbox's code; a dash reads the same in both languages.
BRIEF_EMAIL_LABELS = {TO_TRAINER: _("to the trainer"), CONFIRMATION: _("confirmation to the visitor")}

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
    """What a curator may change on a profile directly: the account and the trainer's own settings.
    What visitors read changes only through a curator's approval (experts.profile_workflow)."""

    class Meta:
        model = Expert
        fields = ("user", "preferred_language", "listing_email")
        labels = {"user": _("Account")}


class ListingForm(forms.ModelForm):
    """A curator lists a trainer who has no account yet; the listing goes to another curator's review."""

    focuses = forms.MultipleChoiceField(label=_("Focuses"), choices=Focus.choices, widget=forms.CheckboxSelectMultiple)
    languages = forms.MultipleChoiceField(
        label=_("Languages"), choices=Language.choices, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Expert
        fields = ["name", "headline", "bio", "focuses", "city", "languages", "website", "listing_email"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["listing_email"].required = True
        self.fields["listing_email"].help_text = _("The trainer claims the listing by confirming this address.")


@admin.register(Expert)
class ExpertAdmin(admin.ModelAdmin):
    form = ExpertAdminForm
    list_display = (
        "name",
        "slug",
        "profile_status",
        "account_email",
        "city",
        "preferred_language",
        "training_count",
        "created",
        "review_link",
    )
    list_filter = ("profile_status", "preferred_language")
    list_select_related = ("user",)
    search_fields = ("name", "slug", "city", "user__email")
    # The public columns change only through a curator's approval (experts.profile_workflow);
    # focuses and languages read as labels, never stored codes.
    readonly_fields = (
        "review_link",
        "profile_status",
        "name",
        "headline",
        "bio",
        "focus_labels",
        "city",
        "language_labels",
        "website",
        "social_links",
        "platforms",
        "photo",
        "reviewed_at",
        "listed_by",
        "created",
        "updated",
        "email_confirmed_at",
    )
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

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            return ListingForm
        return super().get_form(request, obj, change=change, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        return () if obj is None else self.readonly_fields

    def get_fields(self, request, obj=None):
        if obj is None:
            return ListingForm._meta.fields
        return super().get_fields(request, obj)

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        # A new listing: nothing public yet; its content goes to review, decided by another curator.
        content = {name: form.cleaned_data.get(name, getattr(obj, name)) for name in profile_review.TEXT_FIELDS}
        listing = Expert.objects.create(
            name=obj.name,
            slug=accounts.unique_expert_slug(obj.name),
            listed_by=request.user,
            listing_email=form.cleaned_data["listing_email"],
            preferred_language=obj.preferred_language,
        )
        profile_workflow.submit(listing, content, by=None, recorded_by=request.user)
        obj.pk = listing.pk
        obj.refresh_from_db()

    def save_related(self, request, form, formsets, change):
        if change:
            super().save_related(request, form, formsets, change)

    @admin.display(description=_("email"), ordering="user__email")
    def account_email(self, expert):
        return expert.user.email if expert.user_id else expert.listing_email or "—"

    @admin.display(description=_("trainings"), ordering="training_count")
    def training_count(self, expert):
        return expert.training_count

    @admin.display(description=_("review"))
    def review_link(self, expert):
        url = reverse("admin:experts_expert_review", args=[expert.pk])
        return format_html('<a href="{}">{}</a>', url, _("Review"))

    def get_urls(self):
        return [
            path(
                "<path:object_id>/review/", self.admin_site.admin_view(self.review_view), name="experts_expert_review"
            ),
            *super().get_urls(),
        ]

    def review_view(self, request, object_id):
        return admin_review.review_view(self, request, object_id)


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
        return (
            ", ".join(f"{BRIEF_EMAIL_LABELS.get(row.kind, row.kind)} — {row.get_status_display()}" for row in rows)
            or "—"
        )

    def has_export_permission(self, request):
        return self.has_view_permission(request)

    @admin.display(description=_("detected focus"), ordering="detected_focus")
    def focus_label(self, brief):
        return DETECTED_FOCUS_LABELS.get(brief.detected_focus, "—")


class CommentStatusFilter(admin.SimpleListFilter):
    """Comments awaiting moderation by default: the curators' queue of comments."""

    title = _("comment moderation")
    parameter_name = "comment"

    def lookups(self, request, model_admin):
        return [
            ("pending", _("Awaiting moderation")),
            ("accepted", _("Accepted")),
            ("rejected", _("Rejected")),
            ("all", _("All")),
        ]

    def choices(self, changelist):
        for lookup, title in self.lookup_choices:
            yield {
                "selected": (self.value() or "pending") == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request, queryset):
        value = self.value() or "pending"
        if value == "all":
            return queryset
        if value in Outcome.CommentStatus.values:
            return queryset.filter(comment_status=value)
        return queryset.none()


@admin.register(Outcome)
class OutcomeAdmin(admin.ModelAdmin):
    """Visitors' answers. Ratings count at once; comments reach visitors only once accepted here."""

    list_display = ("answered_at", "expert", "hired", "reached", "comment", "comment_status")
    list_filter = (CommentStatusFilter, "reached", "hired")
    list_select_related = ("brief__expert",)
    fields = ("expert", "hired", "reached", "competences", "comment", "comment_status", "reply", "answered_at")
    readonly_fields = fields
    actions = ("accept_comments", "reject_comments")
    change_form_template = "admin/experts/outcome/change_form.html"

    @admin.display(description=_("expert"), ordering="brief__expert__name")
    def expert(self, outcome):
        return outcome.brief.expert.name

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Accept the selected comments"), permissions=["change"])
    def accept_comments(self, request, queryset):
        self._decide(request, queryset, accept=True)

    @admin.action(description=_("Reject the selected comments"), permissions=["change"])
    def reject_comments(self, request, queryset):
        self._decide(request, queryset, accept=False)

    def response_change(self, request, obj):
        """The change page's « Accepter » / « Refuser » (every field is read-only): decide this comment,
        if it is still pending, then back to the queue."""
        if "_accept_comment" not in request.POST and "_reject_comment" not in request.POST:
            return super().response_change(request, obj)
        accept = "_accept_comment" in request.POST
        done, skipped = outcomes.moderate(Outcome.objects.filter(pk=obj.pk), request.user, accept)
        if done:
            self.message_user(
                request,
                _("Comment accepted: it now shows on the trainer's page.")
                if accept
                else _("Comment rejected: it will not be shown."),
            )
        elif skipped:
            self.message_user(
                request, _("This comment is about your own offers: another curator decides it."), level="warning"
            )
        else:
            self.message_user(request, _("This comment had already been decided: nothing changed."), level="warning")
        return HttpResponseRedirect(reverse("review_queue"))

    def _decide(self, request, queryset, accept):
        done, skipped = outcomes.moderate(queryset, request.user, accept)
        self.message_user(request, _("%(count)d comment(s) decided.") % {"count": done})
        if skipped:
            self.message_user(
                request,
                _("%(count)d comment(s) about your own offers were left to another curator.") % {"count": skipped},
                level="warning",
            )

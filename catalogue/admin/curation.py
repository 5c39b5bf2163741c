"""Objectives, uses, platforms and exchange rates: the data the matcher and the filters read.

Nothing caches objectives: the matcher reads them from the database on every
request, so a keyword edited here is used by the next match.
"""

from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import CSV
from import_export.forms import ExportForm
from import_export.tmp_storages import CacheStorage

from ..models import ExchangeRate, Objective, Platform, Use
from .resources import ObjectiveResource


@admin.register(Objective)
class ObjectiveAdmin(ImportExportMixin, admin.ModelAdmin):
    list_display = ("name_fr", "name_en", "slug", "focus", "order", "is_active", "training_count")
    list_editable = ("order", "is_active")
    list_filter = ("focus", "is_active")
    search_fields = ("slug", "name_fr", "name_en", "keywords_fr", "keywords_en")
    prepopulated_fields = {"slug": ("name_fr",)}
    filter_horizontal = ("uses",)
    fieldsets = (
        (None, {"fields": ("slug", "focus", "uses", "order", "is_active")}),
        (_("French"), {"fields": ("name_fr", "description_fr", "keywords_fr")}),
        (_("English"), {"fields": ("name_en", "description_en", "keywords_en")}),
    )

    resource_classes = (ObjectiveResource,)
    formats = (CSV,)
    # The uploaded file waits for confirmation in the shared cache (Redis in
    # production), not on one server's disk.
    tmp_storage_class = CacheStorage
    export_form_class = ExportForm
    skip_export_form = True

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(training_count=Count("trainings", distinct=True))

    @admin.display(description=_("trainings"), ordering="training_count")
    def training_count(self, objective):
        return objective.training_count

    def has_import_permission(self, request):
        # Importing creates and changes objectives: curators (and superusers) only.
        return request.user.has_perm("catalogue.add_objective") and request.user.has_perm("catalogue.change_objective")

    def has_export_permission(self, request):
        return self.has_view_permission(request)


@admin.register(Platform)
class PlatformAdmin(admin.ModelAdmin):
    list_display = ("name_fr", "name_en", "slug", "order", "training_count")
    list_editable = ("order",)
    search_fields = ("slug", "name_fr", "name_en", "keywords_fr", "keywords_en")
    prepopulated_fields = {"slug": ("name_fr",)}
    fieldsets = (
        (None, {"fields": ("slug", "order")}),
        (_("French"), {"fields": ("name_fr", "keywords_fr", "note_fr")}),
        (_("English"), {"fields": ("name_en", "keywords_en", "note_en")}),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(training_count=Count("trainings", distinct=True))

    @admin.display(description=_("trainings"), ordering="training_count")
    def training_count(self, platform):
        return platform.training_count


@admin.register(Use)
class UseAdmin(admin.ModelAdmin):
    """What people do on the platforms (diffuser, communiquer, réseauter, jouer, éduquer)."""

    list_display = ("name_fr", "name_en", "code", "order", "training_count")
    list_editable = ("order",)
    search_fields = ("code", "name_fr", "name_en", "keywords_fr", "keywords_en")
    fieldsets = (
        (None, {"fields": ("code", "order")}),
        (_("French"), {"fields": ("name_fr", "keywords_fr")}),
        (_("English"), {"fields": ("name_en", "keywords_en")}),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(training_count=Count("trainings", distinct=True))

    @admin.display(description=_("trainings"), ordering="training_count")
    def training_count(self, use):
        return use.training_count


@admin.register(ExchangeRate)
class ExchangeRateAdmin(admin.ModelAdmin):
    """The rates prices are compared at (catalogue.currency); a change reorders the catalogue at once."""

    list_display = ("currency", "cad_value", "updated_at")
    list_editable = ("cad_value",)
    fields = ("currency", "cad_value", "updated_at")
    readonly_fields = ("updated_at",)

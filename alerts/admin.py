"""Alerts for curators: who asked for what (read-only), and deleting one on request."""

from django.contrib import admin

from .models import Alert


@admin.register(Alert)
class AlertAdmin(admin.ModelAdmin):
    list_display = ("email", "label", "kind", "frequency", "language", "created_at", "confirmed_at")
    list_filter = ("kind", "frequency", "language")
    search_fields = ("email",)
    readonly_fields = [field.name for field in Alert._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

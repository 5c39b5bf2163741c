"""The e-mail outbox for curators: what was sent, what failed and why (read-only), and "retry now"."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .. import outbox
from ..models import OutgoingEmail, Suppression


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(admin.ModelAdmin):
    list_display = ("created_at", "kind", "to", "subject", "status", "attempts", "next_attempt_at", "sent_at")
    list_filter = ("status", "kind", "language")
    search_fields = ("to", "subject")
    # The body of an e-mail carrying a link is never stored, so nothing secret shows here.
    fields = (
        "kind",
        "to",
        "reply_to",
        "language",
        "subject",
        "body",
        "status",
        "attempts",
        "next_attempt_at",
        "last_error",
        "created_at",
        "sent_at",
    )
    readonly_fields = fields
    actions = ("retry_now",)
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Retry the selected failed e-mails now"), permissions=("change",))
    def retry_now(self, request, queryset):
        pks = outbox.retry_now(queryset)
        sent = sum(outbox.deliver(pk) == OutgoingEmail.Status.SENT for pk in pks)
        count = len(pks)
        self.message_user(
            request,
            ngettext(
                "%(count)d e-mail retried; sent now: %(sent)d.",
                "%(count)d e-mails retried; sent now: %(sent)d.",
                count,
            )
            % {"count": count, "sent": sent},
            messages.SUCCESS if count else messages.WARNING,
        )


@admin.register(Suppression)
class SuppressionAdmin(admin.ModelAdmin):
    """The one suppression list (catalogue.suppressions): addresses that opted out. Read-only here."""

    list_display = ("email", "kind", "created_at")
    list_filter = ("kind",)
    search_fields = ("email",)
    readonly_fields = ("email", "kind", "created_at")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

from django.apps import AppConfig


class AlertsConfig(AppConfig):
    name = "alerts"
    verbose_name = "Alerts"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Registers the alert e-mails with the outbox (rendered at send time: they carry links).
        from . import emails  # noqa: F401

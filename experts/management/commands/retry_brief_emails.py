"""Send again the emails of briefs whose sending failed. Safe to run as often as a scheduler likes."""

from django.core.management.base import BaseCommand

from experts import briefing


class Command(BaseCommand):
    help = "Retry the emails of briefs whose sending failed (or whose task never ran). Idempotent."

    def handle(self, *args, **options):
        sent, failing = briefing.retry_failed()
        self.stdout.write(f"Briefs emailed: {sent}; still failing: {failing}.")

from django.core.management.base import BaseCommand

from experts import followups


class Command(BaseCommand):
    help = (
        "Queue the follow-up e-mails that are due (7 days after a booked session ends, or 60 days after an "
        "unmarked brief). `manage.py worker` also runs it every hour (PERIODIC_JOBS)."
    )

    def handle(self, *args, **options):
        count = followups.send_due()
        self.stdout.write(f"{count} follow-up(s) queued.")

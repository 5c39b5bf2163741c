from django.core.management.base import BaseCommand

from alerts import digests, subscriptions


class Command(BaseCommand):
    help = (
        "Queue the due alert digests (trainings newly published for each confirmed alert, never twice) "
        "and delete alert requests not confirmed within 7 days. `manage.py worker` runs both periodically "
        "(PERIODIC_JOBS); this command is for a one-off run."
    )

    def handle(self, *args, **options):
        purged = subscriptions.purge_unconfirmed()
        queued = digests.send_due_digests()
        self.stdout.write(f"queued {queued} digest(s); deleted {purged} unconfirmed request(s).")

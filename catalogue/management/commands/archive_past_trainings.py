from django.core.management.base import BaseCommand

from catalogue import archiving


class Command(BaseCommand):
    help = (
        "Archive published trainings whose sessions are all past, through the offer workflow "
        "(as the system; each trainer is emailed). Trainings with no session at all are left alone: "
        "an offer may be published before its dates are set. Idempotent; `manage.py worker` runs it "
        "periodically (PERIODIC_JOBS)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List what would be archived; change nothing.")

    def handle(self, *args, dry_run=False, **options):
        if dry_run:
            slugs = list(archiving.past_trainings().values_list("slug", flat=True))
            for slug in slugs:
                self.stdout.write(f"would archive {slug}")
            self.stdout.write(f"would archive {len(slugs)} training(s); skipped 0.")
            return
        archived, skipped = archiving.archive_past_trainings()
        for slug in skipped:
            self.stderr.write(f"skipped {slug}")
        self.stdout.write(f"archived {len(archived)} training(s); skipped {len(skipped)}.")

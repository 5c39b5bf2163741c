from django.core.management.base import BaseCommand
from django.db.models import Exists, OuterRef
from django.utils import timezone

from catalogue import workflow
from catalogue.models import Session, Training


class Command(BaseCommand):
    help = (
        "Archive published trainings whose sessions are all past, through the offer workflow "
        "(as the system; each trainer is emailed). Trainings with no session at all are left alone: "
        "an offer may be published before its dates are set. Idempotent: run it daily from a scheduler."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List what would be archived; change nothing.")

    def handle(self, *args, dry_run=False, **options):
        now = timezone.now()
        sessions = Session.objects.filter(training=OuterRef("pk"))
        candidates = (
            Training.objects.published()
            .filter(Exists(sessions))
            .exclude(Exists(sessions.filter(ends_at__gte=now)))
            .order_by("pk")
        )
        archived = skipped = 0
        for training in candidates:
            if dry_run:
                self.stdout.write(f"would archive {training.slug}")
                archived += 1
                continue
            try:
                workflow.transition(training, workflow.Action.ARCHIVE, by=None)
            except workflow.TransitionError as error:
                # Someone changed it meanwhile (e.g. the trainer edited it): leave it.
                skipped += 1
                self.stderr.write(f"skipped {training.slug}: {error}")
            else:
                archived += 1
        verb = "would archive" if dry_run else "archived"
        self.stdout.write(f"{verb} {archived} training(s); skipped {skipped}.")

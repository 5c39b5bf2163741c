import time

from django.core.management.base import BaseCommand, CommandError

from catalogue.models import Training
from experts import demo


class Command(BaseCommand):
    help = "Fill a fresh database with a deterministic bilingual demo catalogue."

    def add_arguments(self, parser):
        parser.add_argument("--trainings", type=int, default=40, help="Published trainings to create.")
        parser.add_argument("--experts", type=int, default=12)
        parser.add_argument("--seed", type=int, default=1, help="Same seed, same catalogue.")
        parser.add_argument("--if-empty", action="store_true", help="Do nothing if trainings already exist.")

    def handle(self, *args, trainings, experts, seed, if_empty, **options):
        if trainings < 0 or experts < 1:
            raise CommandError("--trainings must be >= 0 and --experts >= 1.")
        if if_empty and Training.objects.exists():
            self.stdout.write("The database already has trainings; demo data not loaded again.")
            return
        started = time.monotonic()
        result = demo.seed(trainings=trainings, experts=experts, seed=seed)
        elapsed = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo catalogue: {trainings} published trainings by {experts} experts ({elapsed:.1f} s)."
            )
        )
        self.stdout.write(
            f"The demo trainer also has {len(result['pending'])} offers in progress (drafts and submitted for review)."
        )
        self.stdout.write(f"Curator (admin):  {demo.CURATOR_EMAIL} / {demo.DEMO_PASSWORD}  → /fr/admin/")
        self.stdout.write(f"Trainer:          {demo.TRAINER_EMAIL} / {demo.DEMO_PASSWORD}  → /fr/dashboard/")

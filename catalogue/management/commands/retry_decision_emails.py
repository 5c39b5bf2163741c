from django.core.management.base import BaseCommand

from catalogue import notifications


class Command(BaseCommand):
    help = (
        "Send the decision emails that have not gone out yet (curator decisions and archiving). "
        "Idempotent: an email is sent once, then marked sent; run it from a scheduler."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--max-attempts", type=int, default=10, help="Give up on an email after this many failed attempts."
        )

    def handle(self, *args, max_attempts=10, **options):
        sent = failed = given_up = 0
        for record in notifications.pending_decisions():
            if record.email_attempts >= max_attempts:
                given_up += 1
                continue
            if notifications.deliver(record.pk):
                sent += 1
            else:
                failed += 1
        self.stdout.write(f"sent {sent}; failed {failed}; gave up on {given_up}.")
        if failed:
            self.stderr.write(f"{failed} email(s) failed; see the log. They will be retried on the next run.")

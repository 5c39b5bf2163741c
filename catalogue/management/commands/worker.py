import logging
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from catalogue import worker

logger = logging.getLogger("catalogue.worker")


class Command(BaseCommand):
    help = (
        "The one background process: sends queued and failed e-mails (with backoff) and runs the "
        "periodic jobs of PERIODIC_JOBS. Runs until stopped; --once does a single pass."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Do one pass and exit (tests, cron).")
        parser.add_argument("--interval", type=float, default=10.0, help="Seconds between passes (default 10).")

    def handle(self, *args, once=False, interval=10.0, **options):
        while True:
            try:
                done = worker.run_once()
            except Exception:
                # The database is away, say: keep the process alive and try again.
                logger.exception("Worker pass failed; trying again in %s s.", interval)
                done = None
            if done and (done["emails"] or done["jobs"]):
                emails = ", ".join(f"{status} {count}" for status, count in sorted(done["emails"].items()))
                self.stdout.write(f"e-mails: {emails or 'none'}; jobs run: {', '.join(done['jobs']) or 'none'}")
            if once:
                return
            time.sleep(max(interval, 0.5))
            # Between passes, as Django does between requests: drop connections the database
            # closed (a restart, a failover) or that outlived CONN_MAX_AGE.
            close_old_connections()

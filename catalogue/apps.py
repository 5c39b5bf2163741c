from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _create_curators_group(sender, using="default", **kwargs):
    # Permissions exist only once every app has migrated; experts migrates
    # after catalogue, so its run sees them all. Idempotent.
    if sender.label not in {"catalogue", "experts"}:
        return
    from .permissions import ensure_curators_group

    ensure_curators_group(using=using)


def _text_index(sender, using="default", **kwargs):
    if sender.label == "catalogue":
        from .search import ensure_sqlite_text_index

        ensure_sqlite_text_index(using=using)


def _planner_statistics(sender, using="default", **kwargs):
    # SQLite plans with the statistics ANALYZE left (seed_demo runs it): an index a migration adds has
    # none, and the planner then prefers it for queries it does not fit (the expert list went from 40
    # to 180 ms at 10,000 trainings). So once statistics exist, refresh them after each migrate.
    from django.db import connections

    connection = connections[using]
    if sender.label != "catalogue" or connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")
        if cursor.fetchone():
            cursor.execute("ANALYZE")


def _create_cache_tables(sender, using="default", **kwargs):
    # The rate-limit counters' table (settings.CACHES["limits"]) comes with `migrate`, wherever it
    # runs: `make run`, a deployment, the test database. Idempotent; nothing to do for Redis.
    if sender.label != "catalogue":
        return
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=0)


class CatalogueConfig(AppConfig):
    name = "catalogue"
    verbose_name = _("Catalogue")

    def ready(self):
        post_migrate.connect(_create_curators_group, dispatch_uid="catalogue.curators_group")
        post_migrate.connect(_text_index, dispatch_uid="catalogue.sqlite_text_index")
        post_migrate.connect(_create_cache_tables, dispatch_uid="catalogue.cache_tables")
        post_migrate.connect(_planner_statistics, dispatch_uid="catalogue.planner_statistics")

        from config import checks  # noqa: F401  (registers the deployment checks)

        from . import page_cache
        from .models import ExchangeRate, Objective, Platform, Session, Training, Use

        # Uses and platform notes are public facts too (match explanations, filters),
        # and exchange rates order the catalogue by price.
        page_cache.connect(
            ExchangeRate,
            Training,
            Session,
            Objective,
            Platform,
            Use,
            m2m=(
                Training.objectives.through,
                Training.platforms.through,
                Training.uses.through,
                Objective.uses.through,
            ),
        )

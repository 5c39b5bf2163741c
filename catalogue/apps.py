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


class CatalogueConfig(AppConfig):
    name = "catalogue"
    verbose_name = _("Catalogue")

    def ready(self):
        post_migrate.connect(_create_curators_group, dispatch_uid="catalogue.curators_group")

        from . import page_cache
        from .models import Objective, Platform, Session, Training

        page_cache.connect(
            Training, Session, Objective, Platform, m2m=(Training.objectives.through, Training.platforms.through)
        )

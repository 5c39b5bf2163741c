from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExpertsConfig(AppConfig):
    name = "experts"
    verbose_name = _("Experts")

    def ready(self):
        from catalogue import page_cache, ranking

        from . import (
            accounts,  # noqa: F401  (registers the account e-mails that carry a link with the outbox)
            profile_emails,  # noqa: F401  (registers the listing claim e-mail, which carries a link)
        )
        from .models import Expert
        from .ranking import rank_experts

        # The match page and API rank experts through catalogue.ranking, which never imports this app.
        ranking.register_expert_ranker(rank_experts)

        # A trainer's public profile shows on the pages the page cache keeps.
        page_cache.connect(Expert, m2m=(Expert.platforms.through,))

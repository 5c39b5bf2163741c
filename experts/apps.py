from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExpertsConfig(AppConfig):
    name = "experts"
    verbose_name = _("Experts")

    def ready(self):
        from catalogue import comparison, page_cache, ranking

        from . import (
            accounts,  # noqa: F401  (registers the account e-mails that carry a link with the outbox)
            followups,  # noqa: F401  (registers the follow-up e-mail, which carries a link)
            outcomes,
            profile_emails,  # noqa: F401  (registers the listing claim e-mail, which carries a link)
            response_times,
        )
        from .models import Expert, Outcome
        from .outcomes import annotate_trainings
        from .ranking import rank_experts, refresh

        # The match page and API rank experts through catalogue.ranking, which never imports this app;
        # the training cards get their outcome figures the same way.
        ranking.register_expert_ranker(rank_experts, refresh=refresh)
        ranking.register_training_annotator(annotate_trainings)
        # The compare page shows both figures for each training and its trainer.
        comparison.register_annotator(outcomes.annotate_trainings)
        comparison.register_annotator(response_times.annotate_trainings)

        # A trainer's public profile shows on the pages the page cache keeps.
        page_cache.connect(Expert, m2m=(Expert.platforms.through,))
        # A visitor's answer counts at once in the figures those pages show.
        page_cache.connect(Outcome)

"""A trainer sees their profile and an offer as a visitor will, before
submitting: the public templates, rendered for the owner only (never cached:
the visitor is logged in), with a banner that says it is a preview. The profile
shows the version being edited or in review (experts.profile_review.preview),
as visitors will see it once a curator approves it."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView

from catalogue.enums import Competence
from catalogue.models import Session, Training

from .. import approaches, competences, profile_review
from .directory import PROFILE_SESSIONS
from .mixins import TrainerRequiredMixin


class ProfilePreviewView(TrainerRequiredMixin, TemplateView):
    template_name = "experts/expert_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Only what visitors would see: published trainings and their sessions.
        published = Training.objects.published().filter(trainer=self.expert)
        expert, platforms = profile_review.preview(self.expert)
        trainings = list(published.with_next_session().select_related("trainer").order_by("-published_at", "-pk"))
        expert.taught_competences = competences.from_trainings(trainings)
        shown = approaches.display(expert.approaches)
        expert.taught_use_list = approaches.taught_uses(shown)
        context.update(
            expert=expert,
            platforms=platforms,
            competences=competences.labels(expert.taught_competences),
            approaches=shown,
            taught_uses=approaches.taught_uses(shown),
            preview=True,
            trainings=trainings,
            upcoming_sessions=Session.objects.upcoming()
            .filter(training__in=published.values("pk"))
            .select_related("training")
            .order_by("starts_at", "pk")[:PROFILE_SESSIONS],
        )
        return context


class OfferPreviewView(TrainerRequiredMixin, TemplateView):
    template_name = "catalogue/training_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        upcoming = Session.objects.upcoming().order_by("starts_at", "pk")
        training = get_object_or_404(
            Training.objects.owned_by(self.request.user)
            .select_related("trainer")
            .prefetch_related("objectives", "platforms", Prefetch("sessions", upcoming, to_attr="upcoming_sessions")),
            pk=self.kwargs["pk"],
        )
        context.update(
            training=training,
            object=training,  # as the DetailView gives it (the SEO include reads it)
            preview=True,
            competences=[
                {"code": code, "label": label, "covered": code in training.competences}
                for code, label in Competence.choices
            ],
        )
        return context

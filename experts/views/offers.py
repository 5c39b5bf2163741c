from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views import View

from catalogue.enums import Status
from catalogue.models import Training
from catalogue.workflow import Action, TransitionError

from .. import offers
from ..forms.offers import OfferForm, SessionFormSet
from .mixins import TrainerRequiredMixin


class OwnOfferMixin(TrainerRequiredMixin):
    """Every lookup starts from the trainer's own offers: anyone else's id is a 404."""

    def get_training(self):
        return get_object_or_404(Training.objects.owned_by(self.request.user), pk=self.kwargs["pk"])


class OfferFormView(OwnOfferMixin, View):
    template_name = "experts/offer_form.html"

    def get_training(self):
        if "pk" not in self.kwargs:
            return Training(trainer=self.expert, status=Status.DRAFT)
        return super().get_training()

    def forms(self, training, data=None, files=None):
        form = OfferForm(data, files, instance=training)
        formset = SessionFormSet(
            data,
            instance=training,
            prefix="sessions",
            # Past dates only belong to an archived offer's record.
            allow_past=training.status == Status.ARCHIVED,
        )
        if training.pk is None:
            formset.extra = 2
        return form, formset

    def render_forms(self, training, form, formset, status=200):
        context = {"training": training, "form": form, "formset": formset, "expert": self.expert}
        if training.status in (Status.CHANGES_REQUESTED, Status.REJECTED):
            context["curator_message"] = training.transitions.values_list("message", flat=True).first()
        return render(self.request, self.template_name, context, status=status)

    def refuse_if_locked(self, training):
        if training.pk and not offers.is_editable(training):
            messages.error(
                self.request,
                _("An offer that is “%(status)s” cannot be edited.") % {"status": training.get_status_display()},
            )
            return redirect("experts:offer_detail", pk=training.pk)
        return None

    def get(self, request, *args, **kwargs):
        training = self.get_training()
        return self.refuse_if_locked(training) or self.render_forms(training, *self.forms(training))

    def post(self, request, *args, **kwargs):
        training = self.get_training()
        refused = self.refuse_if_locked(training)
        if refused:
            return refused
        form, formset = self.forms(training, request.POST, request.FILES)
        if not (form.is_valid() and formset.is_valid()):
            messages.error(request, _("Please correct the errors below."))
            return self.render_forms(training, form, formset)
        try:
            training, sent_back = offers.save_offer(form, formset, expert=self.expert, user=request.user)
        except (offers.OfferError, TransitionError) as error:
            messages.error(request, str(error))
            return self.render_forms(training, form, formset)
        if sent_back:
            messages.warning(
                request, _("Saved. The offer is back in review and hidden from visitors until a curator approves it.")
            )
        else:
            messages.success(request, _("The offer is saved."))
        return redirect("experts:offer_detail", pk=training.pk)


class OfferDetailView(OwnOfferMixin, View):
    def get(self, request, *args, **kwargs):
        training = self.get_training()
        context = {
            "training": training,
            "expert": self.expert,
            "sessions": training.sessions.all(),
            "transitions": training.transitions.select_related("by").defer("snapshot"),
            "actions": offers.button_actions(training, request.user),
            "review_problems": offers.review_problems(training, request.user),
            "editable": offers.is_editable(training),
            "next_step": offers.NEXT_STEPS[training.status],
            "Action": Action,
        }
        return render(request, "experts/offer_detail.html", context)

    def post(self, request, *args, **kwargs):
        # Someone else's id is a 404 whatever the method; one's own, "not allowed".
        self.get_training()
        return self.http_method_not_allowed(request, *args, **kwargs)


class OfferTransitionView(OwnOfferMixin, View):
    """The workflow buttons: POST only, through catalogue.workflow."""

    def get(self, request, *args, **kwargs):
        return redirect("experts:offer_detail", pk=self.get_training().pk)

    def post(self, request, *args, **kwargs):
        training = self.get_training()
        action = request.POST.get("action", "")
        message = request.POST.get("message", "")[:2000]
        try:
            offers.run_action(training, action, user=request.user, message=message)
        except (offers.OfferError, TransitionError) as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, _("Done: the offer is now “%(status)s”.") % {"status": training.get_status_display()}
            )
        return redirect("experts:offer_detail", pk=training.pk)

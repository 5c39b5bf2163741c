from django.contrib import messages
from django.contrib.messages.views import SuccessMessageMixin
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import UpdateView

from .. import profile_review
from ..forms.profile import ProfileForm
from ..models import ProfileStatus
from .mixins import TrainerRequiredMixin


class ProfileEditView(TrainerRequiredMixin, SuccessMessageMixin, UpdateView):
    """The trainer's own profile; there is no id in the URL to tamper with."""

    form_class = ProfileForm
    template_name = "experts/profile_form.html"
    success_url = reverse_lazy("experts:profile_edit")

    def get_object(self, queryset=None):
        return self.expert

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_success_message(self, cleaned_data):
        if self.object.profile_status == ProfileStatus.SUBMITTED:
            if self.object.is_approved:
                return _("Your changes are sent to the curators: visitors see your approved profile until then.")
            return _("Your profile is sent to the curators: it becomes public once approved.")
        return _("Your profile is saved.")

    def get_context_data(self, **kwargs):
        pending, platforms = profile_review.preview(self.expert)
        return super().get_context_data(pending=pending, pending_platforms=platforms, **kwargs)

    def form_invalid(self, form):
        messages.error(self.request, _("Please correct the errors below."))
        return super().form_invalid(form)

from django.contrib import messages
from django.contrib.messages.views import SuccessMessageMixin
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import UpdateView

from ..forms.profile import ProfileForm
from .mixins import TrainerRequiredMixin


class ProfileEditView(TrainerRequiredMixin, SuccessMessageMixin, UpdateView):
    """The trainer's own profile; there is no id in the URL to tamper with."""

    form_class = ProfileForm
    template_name = "experts/profile_form.html"
    success_url = reverse_lazy("experts:profile_edit")
    success_message = _("Your profile is saved.")

    def get_object(self, queryset=None):
        return self.expert

    def form_invalid(self, form):
        messages.error(self.request, _("Please correct the errors below."))
        return super().form_invalid(form)

from django.contrib.auth.mixins import LoginRequiredMixin
from django.template.response import TemplateResponse

from ..models import Expert


class TrainerRequiredMixin(LoginRequiredMixin):
    """Logged in with a trainer profile; sets `self.expert`.

    Anonymous visitors are sent to log in; an account without a profile (a
    curator, say) gets a page that says so.
    """

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.expert = Expert.objects.filter(user=request.user).first()
        if self.expert is None:
            return TemplateResponse(request, "experts/no_profile.html", status=403)
        return super().dispatch(request, *args, **kwargs)

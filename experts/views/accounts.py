from axes.utils import reset as reset_login_failures
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView, View
from django_ratelimit.decorators import ratelimit

from .. import accounts, recipient_limits
from ..forms.accounts import EmailAuthenticationForm, SignupForm, TrainerPasswordResetForm
from .mixins import TrainerRequiredMixin

TOO_MANY = _("Too many attempts from your connection. Please try again in an hour.")
TOO_MANY_FOR_ADDRESS = _("Too many emails were sent to this address recently. Please try again in an hour.")


# Each of these sends an email to an address a visitor types: limit them per
# client IP (config.client_ip, through RATELIMIT_IP_META_KEY).
limit_emails = ratelimit(key="ip", rate="10/h", method="POST", block=False)


@method_decorator(limit_emails, name="post")
class SignupView(FormView):
    template_name = "registration/signup.html"
    form_class = SignupForm
    success_url = reverse_lazy("experts:signup_done")

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            return redirect("experts:dashboard")
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        if getattr(self.request, "limited", False):
            form.add_error(None, TOO_MANY)
            return self.form_invalid(form)
        if recipient_limits.exceeded(self.request, form.cleaned_data["email"]):
            form.add_error(None, TOO_MANY_FOR_ADDRESS)
            return self.form_invalid(form)
        # The same page follows whether or not the email already had an account.
        accounts.register_trainer(
            email=form.cleaned_data["email"],
            password=form.cleaned_data["password"],
            name=form.cleaned_data["name"],
            language=(get_language() or "fr")[:2],
            build_url=self.request.build_absolute_uri,
        )
        return super().form_valid(form)


class SignupDoneView(TemplateView):
    template_name = "registration/signup_done.html"


def confirm_email(request, token):
    expert = accounts.confirm_email(token)
    if expert is None:
        return render(request, "registration/confirm_invalid.html", status=400)
    messages.success(request, _("Thank you, your email address is confirmed."))
    if request.user.is_authenticated:
        return redirect("experts:dashboard")
    return redirect("experts:login")


class ResendConfirmationView(TrainerRequiredMixin, View):
    @method_decorator(ratelimit(key="user", rate="5/h", method="POST", block=False))
    def post(self, request, *args, **kwargs):
        if self.expert.email_confirmed_at is not None:
            messages.info(request, _("Your email address is already confirmed."))
        elif getattr(request, "limited", False):
            messages.error(request, TOO_MANY)
        else:
            accounts.send_confirmation(self.expert)
            messages.success(
                request, _("We sent a new confirmation link to %(email)s.") % {"email": request.user.email}
            )
        return redirect("experts:dashboard")


class LoginView(auth_views.LoginView):
    authentication_form = EmailAuthenticationForm
    redirect_authenticated_user = True


@method_decorator(limit_emails, name="post")
class PasswordResetView(auth_views.PasswordResetView):
    form_class = TrainerPasswordResetForm
    success_url = reverse_lazy("experts:password_reset_done")

    def form_valid(self, form):
        if getattr(self.request, "limited", False):
            form.add_error(None, TOO_MANY)
            return self.form_invalid(form)
        if recipient_limits.exceeded(self.request, form.cleaned_data["email"]):
            form.add_error(None, TOO_MANY_FOR_ADDRESS)
            return self.form_invalid(form)
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    success_url = reverse_lazy("experts:password_reset_complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        # A new password lifts a log-in lock-out on this account.
        reset_login_failures(username=form.user.get_username())
        return response


class PasswordChangeView(auth_views.PasswordChangeView):
    success_url = reverse_lazy("experts:password_change_done")

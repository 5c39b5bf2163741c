"""A trainer claims the listing a curator made for them (experts.claims)."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.forms import SetPasswordMixin
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views import View

from .. import claims, profile_workflow
from ..models import Expert
from .accounts import TOO_MANY, limit_emails


class ClaimRequestForm(forms.Form):
    email = forms.EmailField(label=_("Your email address"), max_length=254)


class ClaimPasswordForm(SetPasswordMixin, forms.Form):
    password1, password2 = SetPasswordMixin.create_password_fields()

    def __init__(self, *args, user=None, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean(self):
        self.validate_passwords()
        self.validate_password_for_user(self.user)
        return super().clean()


@method_decorator(limit_emails, name="post")
class ClaimRequestView(View):
    """Ask for a claim link: sent only to the address the curators entered; the page never says which."""

    template_name = "experts/claim_request.html"

    def get_expert(self, slug):
        expert = get_object_or_404(Expert.objects.public(), slug=slug)
        if not expert.is_unclaimed_listing:
            raise Http404
        return expert

    def get(self, request, slug):
        return render(request, self.template_name, {"expert": self.get_expert(slug), "form": ClaimRequestForm()})

    def post(self, request, slug):
        expert = self.get_expert(slug)
        form = ClaimRequestForm(request.POST)
        if form.is_valid() and getattr(request, "limited", False):
            form.add_error(None, TOO_MANY)
        if not form.is_valid():
            return render(request, self.template_name, {"expert": expert, "form": form})
        claims.request_claim(expert, form.cleaned_data["email"])
        return render(request, "experts/claim_sent.html", {"expert": expert})


class ClaimConfirmView(View):
    """The link from the e-mail: choose a password (or use the account already logged in with that address)."""

    template_name = "experts/claim_confirm.html"

    def dispatch(self, request, token):
        found = claims.read_claim(token)
        if found is None:
            return render(request, "experts/claim_invalid.html", status=400)
        self.expert, self.email = found
        User = get_user_model()
        self.account = User.objects.filter(username=self.email).first()
        return super().dispatch(request, token)

    def _context(self, form=None):
        logged_in_as_owner = self.account is not None and self.request.user == self.account
        return {
            "expert": self.expert,
            "email": self.email,
            "form": form,
            "needs_login": bool(self.account and not logged_in_as_owner),
        }

    def get(self, request, token):
        form = None if self.account else ClaimPasswordForm()
        return render(request, self.template_name, self._context(form))

    def post(self, request, token):
        if self.account is not None:
            if request.user != self.account:
                return render(request, self.template_name, self._context())
            return self._claim(self.account)
        User = get_user_model()
        form = ClaimPasswordForm(request.POST, user=User(username=self.email, email=self.email))
        if not form.is_valid():
            return render(request, self.template_name, self._context(form))
        user = User.objects.create_user(username=self.email, email=self.email, password=form.cleaned_data["password1"])
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return self._claim(user)

    def _claim(self, user):
        try:
            profile_workflow.claim(self.expert, user)
        except profile_workflow.WrongState as error:
            messages.error(self.request, str(error))
            return redirect("experts:dashboard")
        messages.success(
            self.request,
            _("The profile is yours: a curator confirms the claim before visitors can send you requests."),
        )
        return redirect("experts:dashboard")

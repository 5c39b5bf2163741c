from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from catalogue import outbox
from catalogue.bounds import validate_single_line

from ..accounts import normalise_email, send_password_reset


class SignupForm(forms.Form):
    email = forms.EmailField(
        label=_("Email"),
        # The address is also the account's username, a shorter column than an e-mail's.
        max_length=get_user_model()._meta.get_field("username").max_length,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    name = forms.CharField(
        label=_("Public name"),
        max_length=120,
        validators=[validate_single_line],
        help_text=_("Your name or your company's, as visitors will see it."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password_confirm = forms.CharField(
        label=_("Confirm password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Type the same password again, to be sure of it."),
    )

    def clean_email(self):
        return normalise_email(self.cleaned_data["email"])

    def clean(self):
        cleaned = super().clean()
        password, email = cleaned.get("password"), cleaned.get("email")
        confirm = cleaned.get("password_confirm")
        if password and confirm is not None and confirm != password:
            self.add_error("password_confirm", _("The two passwords differ: type the same password in both fields."))
        if password:
            # Checked against an unsaved user so "too similar to your email" works.
            probe = get_user_model()(username=email or "", email=email or "")
            try:
                password_validation.validate_password(password, probe)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return cleaned


class EmailAuthenticationForm(AuthenticationForm):
    """Log in by email; the same message whatever was wrong."""

    username = forms.EmailField(
        label=_("Email"), widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True})
    )
    error_messages = {
        "invalid_login": _("This email and password do not match. Check both, or reset your password."),
        "inactive": _("This email and password do not match. Check both, or reset your password."),
    }

    def clean_username(self):
        return normalise_email(self.cleaned_data["username"])


class TrainerPasswordResetForm(PasswordResetForm):
    """Django's reset form; an unknown address gets a short note instead of nothing.

    The page looks the same either way, so it never reveals who has an account.
    """

    email = forms.EmailField(label=_("Email"), max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"}))

    def clean_email(self):
        return normalise_email(self.cleaned_data["email"])

    def save(self, *args, request=None, **kwargs):
        """Queue the reset link for each account of this address (rendered when sent), or a short note."""
        email = self.cleaned_data["email"]
        users = list(self.get_users(email))
        for user in users:
            send_password_reset(user)
        if not users:
            outbox.queue_email(
                kind="account.no_account",
                to=email,
                template="emails/no_account",
                context={"signup_link": _signup_link(request)},
                language=get_language(),
            )


def _signup_link(request):
    path = reverse("experts:signup")
    return request.build_absolute_uri(path) if request else path

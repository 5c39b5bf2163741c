"""The admin site as curators meet it: named Cible, log-in by e-mail address."""

from django import forms
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.utils.translation import gettext_lazy as _


class CuratorLoginForm(AdminAuthenticationForm):
    """Accounts log in with their e-mail address: the field says so."""

    username = forms.EmailField(
        label=_("Email"), max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True})
    )

    def clean_username(self):
        return self.cleaned_data["username"].strip().lower()


# Django's form label suffix: our French catalogue gives it its no-break space (« Courriel : »).
LABEL_SUFFIX = _(":")

admin.site.site_header = _("Cible — catalogue curation")
admin.site.site_title = _("Cible curators")
admin.site.index_title = _("Catalogue curation")
admin.site.login_form = CuratorLoginForm
# The queue needs the width; the index lists the same models.
admin.site.enable_nav_sidebar = False

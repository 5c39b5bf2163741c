"""Forms of the experts app."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Fieldset, Layout
from django import forms
from django.utils.translation import gettext_lazy as _

from catalogue.bounds import validate_single_line
from catalogue.enums import Competence, Focus, Format, Language
from catalogue.models import Objective, Platform


class BriefForm(forms.Form):
    """A visitor's brief to a trainer. Field names are a contract (benchmarks post them)."""

    objective = forms.ChoiceField(
        label=_("Pick an objective"),
        required=False,
        help_text=_("Or describe it in your own words below."),
    )
    objective_text = forms.CharField(
        label=_("Your objective, in your own words"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("For example: “spread our messages about a new product” or “keep in touch with our clients”."),
    )
    platforms = forms.ModelMultipleChoiceField(
        label=_("Platforms"),
        queryset=Platform.objects.all(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Where you want to act."),
    )
    competences = forms.MultipleChoiceField(
        label=_("Competences you need"),
        choices=Competence.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Savoir: knowledge. Savoir-faire: know-how. Savoir-être: how to behave with others."),
    )
    audience = forms.CharField(
        label=_("Audience"),
        required=False,
        max_length=200,
        help_text=_("Who will attend? For example: our sales team, association members."),
    )
    group_size = forms.IntegerField(label=_("Group size"), required=False, min_value=1, max_value=100000)
    preferred_format = forms.ChoiceField(
        label=_("Preferred format"), required=False, choices=[("", _("No preference")), *Format.choices]
    )
    dates = forms.CharField(
        label=_("Preferred dates"),
        required=False,
        max_length=200,
        help_text=_("For example: a morning in March, or any Friday this spring."),
    )
    budget = forms.CharField(
        label=_("Budget"), required=False, max_length=100, help_text=_("For example: 1,500 $ including taxes.")
    )
    language = forms.ChoiceField(label=_("Language of the training"), choices=Language.choices)
    message = forms.CharField(
        label=_("Message to the trainer"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Your context, your questions, what success would look like."),
    )
    name = forms.CharField(
        label=_("Your name"),
        max_length=120,
        validators=[validate_single_line],  # it goes into the e-mail's headers
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Your email"),
        max_length=254,
        help_text=_("The trainer replies to this address."),
        error_messages={"invalid": _("Enter a valid email address, for example name@example.com.")},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    consent = forms.BooleanField(
        label=_("I agree that this trainer contacts me by email about this brief."),
        error_messages={"required": _("We can only send your brief if the trainer may contact you.")},
    )
    # Honeypot: invisible to people (CSS class, aria-hidden, out of the tab
    # order); bots that fill every field give themselves away.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["objective"].choices = self._objective_choices()
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Fieldset(_("Your objective"), "objective", "objective_text", "platforms", "competences"),
            Fieldset(
                _("Your project"),
                "audience",
                "group_size",
                "preferred_format",
                "dates",
                "budget",
                "language",
                "message",
            ),
            Fieldset(_("How to reach you"), "name", "email", "consent"),
            Div("website", css_class="hp-field", aria_hidden="true"),
        )

    @staticmethod
    def _objective_choices():
        """Curated objectives grouped under their focus, by slug."""
        objectives = list(Objective.objects.active())
        groups = []
        for focus in Focus:
            options = [(o.slug, o.name) for o in objectives if o.focus == focus]
            if options:
                groups.append((focus.label, options))
        return [("", _("— Choose an objective —")), *groups]

    def clean_objective(self):
        slug = self.cleaned_data.get("objective")
        if not slug:
            return None
        objective = Objective.objects.active().filter(slug=slug).first()
        if objective is None:
            raise forms.ValidationError(_("Pick an objective from the list."))
        return objective

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    def clean(self):
        data = super().clean()
        if not data.get("objective") and not data.get("objective_text") and "objective" not in self.errors:
            self.add_error(
                "objective_text", _("Pick an objective from the list or describe your objective in your own words.")
            )
        return data

    @property
    def is_spam(self):
        """True when the honeypot was filled in."""
        return bool((self.data.get("website") or "").strip())

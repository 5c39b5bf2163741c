from django import forms
from django.utils.translation import gettext_lazy as _

from catalogue.enums import Competence

from ..followups import COMMENT_MAX
from ..models import Outcome


class FollowUpForm(forms.Form):
    """The visitor's answer: hired?, objective reached?, competences gained, an optional comment."""

    hired = forms.TypedChoiceField(
        label=_("Did you hire this trainer?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    reached = forms.ChoiceField(
        label=_("Did the training reach your objective?"),
        choices=Outcome.Reached.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    competences = forms.MultipleChoiceField(
        label=_("What did you gain?"),
        choices=Competence.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    comment = forms.CharField(
        label=_("Comment (optional)"),
        required=False,
        max_length=COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": COMMENT_MAX}),
        help_text=_("Shown to visitors once a catalogue curator accepts it."),
    )

    def clean(self):
        data = super().clean()
        if data.get("hired") and not data.get("reached"):
            self.add_error("reached", _("Say whether the training reached your objective."))
        return data

from datetime import datetime
from zoneinfo import ZoneInfo

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Layout, Row
from django import forms
from django.forms import BaseInlineFormSet, inlineformset_factory
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _

from catalogue.bounds import validate_date_in_bounds
from catalogue.enums import Competence, Focus, SessionTimeZone
from catalogue.models import OFFER_FACTS, OFFER_TEXTS, SESSION_FACTS, Objective, Platform, Session, Training, Use

from .profile import WebURLField

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"
FOCUS_HELP = _(
    "Social media are communication tools: choose it when the training teaches how to spread messages, "
    "run viral marketing or promote a product. Social networking is about people: choose it when the "
    "training teaches how to grow a business network and keep relationships alive. "
    "A media expert is not necessarily a networking expert: pick the one this offer really serves."
)


class ObjectiveCheckboxes(forms.CheckboxSelectMultiple):
    """Checkboxes that carry each objective's focus, for static/js/offer-form.js."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        instance = getattr(value, "instance", None)
        if instance is not None:
            option["attrs"]["data-focus"] = instance.focus
        return option


class OfferForm(forms.ModelForm):
    focus = forms.ChoiceField(label=_("Focus"), choices=Focus.choices, widget=forms.RadioSelect, help_text=FOCUS_HELP)
    competences = forms.MultipleChoiceField(
        label=_("Competences taught"),
        choices=Competence.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Savoir: knowledge. Savoir-faire: know-how. Savoir-être: how to behave with others."),
    )
    objectives = forms.ModelMultipleChoiceField(
        label=_("Objectives"),
        queryset=Objective.objects.active(),
        widget=ObjectiveCheckboxes,
        required=False,
        help_text=_("Only objectives of the offer's focus."),
    )
    uses = forms.ModelMultipleChoiceField(
        label=_("Uses taught"),
        queryset=Use.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_(
            "What participants learn to do on the platforms: broadcast, communicate, network, play, educate. "
            "Left empty, a new offer teaches the uses of its objectives."
        ),
    )
    platforms = forms.ModelMultipleChoiceField(
        label=_("Platforms"), queryset=Platform.objects.all(), widget=forms.CheckboxSelectMultiple, required=False
    )

    class Meta:
        model = Training
        fields = [*OFFER_TEXTS, *OFFER_FACTS]
        widgets = {"description": forms.Textarea(attrs={"rows": 8}), "summary": forms.Textarea(attrs={"rows": 2})}
        help_texts = {
            "description": _("Markdown: **bold**, *italic*, lists, [links](https://example.org). HTML is removed."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound and self.instance.pk:
            self.initial["competences"] = self.instance.competences
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True

    def clean(self):
        cleaned = super().clean()
        focus, objectives = cleaned.get("focus"), cleaned.get("objectives")
        if focus and objectives:
            other = [objective for objective in objectives if objective.focus != focus]
            if other:
                self.add_error(
                    "objectives",
                    forms.ValidationError(
                        _("These objectives belong to the other focus: %(names)s."),
                        code="wrong_focus",
                        params={"names": ", ".join(str(objective) for objective in other)},
                    ),
                )
        if self.instance.pk is None and objectives and not cleaned.get("uses"):
            # A new offer with no use ticked teaches what its objectives need (issue 13).
            cleaned["uses"] = Use.objects.filter(objectives__in=objectives).distinct()
        return cleaned

    def save(self, commit=True):
        self.instance.competences = self.cleaned_data["competences"]
        return super().save(commit)


class WallClockField(forms.DateTimeField):
    """A date and time as the trainer reads it on the session's own clock.

    Django reads a datetime in the site's time zone (Montréal); a session in
    Lyon is read in Paris time instead. Cleaned values are naive: SessionForm
    makes them aware in the time zone chosen next to them. `zone` shows an
    existing session's stored time on its own clock.
    """

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_FORMAT)
    default_validators = [validate_date_in_bounds]
    zone = ZoneInfo(SessionTimeZone.EASTERN)

    def prepare_value(self, value):
        if isinstance(value, datetime) and timezone.is_aware(value):
            return timezone.localtime(value, self.zone).replace(tzinfo=None)
        return value

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime):
            return self.prepare_value(value)
        try:
            parsed = parse_datetime(value.strip())
            if parsed is None:
                parsed = forms.DateTimeField.to_python(self, value).replace(tzinfo=None)
            return self.prepare_value(parsed)
        except (ValueError, OverflowError):  # OverflowError: a year-9999 time moved to another zone
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None

    def has_changed(self, initial, data):
        return super().has_changed(self.prepare_value(initial), data)


class SessionForm(forms.ModelForm):
    starts_at = WallClockField(label=_("Starts at"))
    ends_at = WallClockField(label=_("Ends at"))
    timezone = forms.ChoiceField(
        label=_("Time zone"),
        choices=SessionTimeZone.choices,
        initial=SessionTimeZone.EASTERN,
        required=False,  # a form posted without it is read in Eastern time, as before
        help_text=_("The times above are read on this clock: where the session takes place, or yours if online."),
    )
    online_url = WebURLField(label=_("Online link"), required=False, assume_scheme="https")

    class Meta:
        model = Session
        fields = list(SESSION_FACTS)
        labels = {"online_url_public": _("Show the link publicly")}
        help_texts = {
            "online_url_public": _(
                "Unchecked, the link stays private: you send it to the participants. Checked, anyone sees it."
            )
        }

    def __init__(self, *args, allow_past=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.allow_past = allow_past
        if self.instance.timezone in SessionTimeZone.values:
            for name in ("starts_at", "ends_at"):
                self.fields[name].zone = ZoneInfo(self.instance.timezone)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            Row(
                Column("starts_at", css_class="col-md-4"),
                Column("ends_at", css_class="col-md-4"),
                Column("timezone", css_class="col-md-4"),
            ),
            "is_online",
            Row(Column("venue", css_class="col-md-6"), Column("city", css_class="col-md-6")),
            "address",
            Row(Column("online_url", css_class="col-md-8"), Column("seats", css_class="col-md-4")),
            "online_url_public",
        )
        # The formset adds id, training and DELETE after __init__.
        self.helper.render_unmentioned_fields = True

    def clean(self):
        cleaned = super().clean()
        cleaned["timezone"] = cleaned.get("timezone") or SessionTimeZone.EASTERN
        zone = ZoneInfo(cleaned["timezone"])
        for name in ("starts_at", "ends_at"):
            if cleaned.get(name):
                cleaned[name] = timezone.make_aware(cleaned[name], zone)
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts_at and ends_at and ends_at <= starts_at:
            self.add_error("ends_at", forms.ValidationError(_("The end must come after the start."), code="order"))
        # A session kept as it was may lie in the past; a new or moved one may not.
        if starts_at and "starts_at" in self.changed_data and starts_at < timezone.now() and not self.allow_past:
            self.add_error("starts_at", forms.ValidationError(_("This date is in the past."), code="past"))
        return cleaned


class BaseSessionFormSet(BaseInlineFormSet):
    def __init__(self, *args, allow_past=False, **kwargs):
        self.allow_past = allow_past
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "allow_past": self.allow_past}


SessionFormSet = inlineformset_factory(
    Training,
    Session,
    form=SessionForm,
    formset=BaseSessionFormSet,
    extra=1,
    can_delete=True,
    max_num=50,
    validate_max=True,
    # A posted TOTAL_FORMS above this builds no more forms (Django's default is max_num + 1000).
    absolute_max=50,
)

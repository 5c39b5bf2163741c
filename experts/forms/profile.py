from django import forms
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from catalogue import links
from catalogue.enums import Focus, Language
from catalogue.models import Platform

from .. import photos
from ..models import Expert

# Only web links (catalogue.links): javascript:, data:, ftp: and the rest are refused.
web_url = URLValidator(
    schemes=list(links.WEB_SCHEMES), message=_("Enter a web address starting with http:// or https://.")
)
MAX_SOCIAL_LINKS = 8


class WebURLField(forms.URLField):
    default_validators = [web_url]

    def to_python(self, value):
        value = (value or "").strip()
        # Django would prepend https:// to "javascript:alert(1)"-like values
        # that have no "//"; refuse any explicit scheme other than http(s).
        if links.states_other_scheme(value):
            raise forms.ValidationError(web_url.message, code="invalid")
        return super().to_python(value)


class ProfileForm(forms.ModelForm):
    focuses = forms.MultipleChoiceField(
        label=_("Your focuses"),
        choices=Focus.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Social media: spreading messages, viral marketing, promoting a product. "
            "Social networking: building and keeping business relationships. Tick one or both."
        ),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages you teach in"), choices=Language.choices, widget=forms.CheckboxSelectMultiple
    )
    platforms = forms.ModelMultipleChoiceField(
        label=_("Platforms"), queryset=Platform.objects.all(), widget=forms.CheckboxSelectMultiple, required=False
    )
    website = WebURLField(label=_("Website"), required=False, assume_scheme="https")
    social_links = forms.CharField(
        label=_("Social links"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One address per line (LinkedIn, Mastodon, …), starting with https://."),
    )
    photo = forms.ImageField(
        label=_("Photo"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}),
        help_text=_("JPEG, PNG, WebP or GIF, 2 MB at most; it is resized to 800 pixels."),
    )

    class Meta:
        model = Expert
        fields = [
            "name",
            "headline",
            "photo",
            "bio",
            "focuses",
            "platforms",
            "city",
            "languages",
            "website",
            "social_links",
            "preferred_language",
        ]
        widgets = {"bio": forms.Textarea(attrs={"rows": 8})}
        help_texts = {
            "bio": _("Markdown: **bold**, *italic*, lists, [links](https://example.org). HTML is removed."),
            "preferred_language": _("The language of the emails Cible sends you."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["social_links"] = "\n".join(self.instance.social_links or [])

    def clean_photo(self):
        upload = self.cleaned_data.get("photo")
        # A new upload has a content type; the stored file or a cleared one has not.
        if upload and hasattr(upload, "content_type"):
            photos.validate_photo(upload)
        return upload

    def clean_social_links(self):
        field = WebURLField(assume_scheme="https")
        lines = [line.strip() for line in self.cleaned_data["social_links"].splitlines() if line.strip()]
        if len(lines) > MAX_SOCIAL_LINKS:
            raise forms.ValidationError(
                _("At most %(count)d links."), code="too_many", params={"count": MAX_SOCIAL_LINKS}
            )
        links = []
        for line in lines:
            try:
                links.append(field.clean(line))
            except forms.ValidationError:
                raise forms.ValidationError(
                    _("“%(link)s” is not a web address starting with http:// or https://."),
                    code="invalid",
                    params={"link": line[:80]},
                ) from None
        return links

    def save(self, commit=True):
        expert = super().save(commit=False)
        upload = self.cleaned_data.get("photo")
        if upload and hasattr(upload, "content_type"):
            old = self.initial.get("photo")
            expert.photo.save("photo.jpg", photos.resized_photo(upload), save=False)
            if old and old.name != expert.photo.name:
                old.storage.delete(old.name)
        elif upload is False and self.initial.get("photo"):  # "clear" ticked
            old = self.initial["photo"]
            old.storage.delete(old.name)
        if commit:
            expert.save()
            self.save_m2m()
        return expert

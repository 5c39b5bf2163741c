from django import forms
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from catalogue import links
from catalogue.enums import Focus, Language
from catalogue.models import Platform, Use

from .. import approaches, photos, profile_review, profile_workflow
from ..models import Expert, photo_upload_to

# Only web links (catalogue.links): javascript:, data:, ftp: and the rest are refused.
web_url = URLValidator(
    schemes=list(links.WEB_SCHEMES), message=_("Enter a web address starting with http:// or https://.")
)
MAX_SOCIAL_LINKS = 8
# The grid's inputs: one per platform, named grid_<platform slug>, its values use codes.
GRID_PREFIX = "grid_"
# The reviewed fields typed in the form; the grid gives `approaches`.
TYPED_FIELDS = tuple(name for name in profile_review.TEXT_FIELDS if name != "approaches")


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

    def __init__(self, *args, user=None, **kwargs):
        self.user = user
        instance = kwargs.get("instance")
        if instance is not None and instance.pk:
            # The trainer edits the version they last proposed, not the approved copy visitors see.
            kwargs["initial"] = {**_pending_initial(instance), **(kwargs.get("initial") or {})}
        super().__init__(*args, **kwargs)
        self._add_grid()
        if not self.is_bound and isinstance(self.initial.get("social_links"), list):
            self.initial["social_links"] = "\n".join(self.initial["social_links"])

    def _add_grid(self):
        # One field per platform, its uses as boxes; the template lays them out as a table.
        self.grid_platforms = list(Platform.objects.order_by("slug"))
        self.grid_uses = list(Use.objects.all())
        choices = [(use.code, use.name) for use in self.grid_uses]
        for platform in self.grid_platforms:
            self.fields[f"{GRID_PREFIX}{platform.slug}"] = forms.MultipleChoiceField(
                label=platform.name, choices=choices, required=False, widget=forms.CheckboxSelectMultiple
            )

    def grid_field_names(self):
        return [f"{GRID_PREFIX}{platform.slug}" for platform in self.grid_platforms]

    def grid_rows(self):
        """[(platform, [(use, input name, checked, id)])] for the compact table."""
        rows = []
        for platform in self.grid_platforms:
            bound = self[f"{GRID_PREFIX}{platform.slug}"]
            chosen = set(bound.value() or [])
            cells = [
                (use, bound.html_name, use.code in chosen, f"id_{GRID_PREFIX}{platform.slug}_{use.code}")
                for use in self.grid_uses
            ]
            rows.append((platform, cells))
        return rows

    def grid_value(self):
        rows = [
            {"platform": platform.slug, "uses": self.cleaned_data.get(f"{GRID_PREFIX}{platform.slug}") or []}
            for platform in self.grid_platforms
        ]
        return approaches.normalised(rows, [p.slug for p in self.grid_platforms], [u.code for u in self.grid_uses])

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

    def proposal(self, expert):
        """The reviewed fields as plain data (a new photo is stored now, under a new name)."""
        data = self.cleaned_data
        content = {name: data[name] for name in TYPED_FIELDS}
        content["approaches"] = self.grid_value()
        content["platforms"] = approaches.platforms_of(content["approaches"])
        pending = profile_review.pending_content(expert)["photo"]
        upload = data.get("photo")
        if upload and hasattr(upload, "content_type"):
            storage = Expert._meta.get_field("photo").storage
            content["photo"] = storage.save(photo_upload_to(None, "photo.jpg"), photos.resized_photo(upload))
        elif upload is False:  # "clear" ticked
            content["photo"] = ""
        else:
            content["photo"] = pending
        self._replaced_photo = pending if pending != content["photo"] else ""
        return content

    def save(self, commit=True):
        """Save the trainer's own settings, and send the reviewed fields to the curators' queue.

        The public columns keep the approved copy until a curator approves this version.
        """
        expert = Expert.objects.get(pk=self.instance.pk)
        content = self.proposal(expert)
        expert.preferred_language = self.cleaned_data["preferred_language"]
        expert.save(update_fields=["preferred_language", "updated_at"])
        self.record = profile_workflow.submit(expert, content, by=self.user)
        # A proposed photo replaced before approval is no longer anyone's; the approved one stays.
        if self._replaced_photo and self._replaced_photo != expert.photo.name:
            expert.photo.storage.delete(self._replaced_photo)
        self.instance = expert
        return expert


def _pending_initial(expert):
    content = profile_review.pending_content(expert)
    initial = {name: content[name] for name in TYPED_FIELDS}
    for row in content.get("approaches") or []:
        initial[f"{GRID_PREFIX}{row['platform']}"] = list(row["uses"])
    photo_field = Expert._meta.get_field("photo")
    initial["photo"] = photo_field.attr_class(expert, photo_field, content["photo"] or None)
    return initial

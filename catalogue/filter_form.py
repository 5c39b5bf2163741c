"""The filter sidebars' form: Bootstrap 5 markup from one plain template.

It replaces a crispy-forms layout, whose template-per-checkbox rendering was
the largest cost of a catalogue page. `templates/includes/filter_fields.html`
renders `fieldsets` with the same markup: labels, legends, `is-invalid`,
`aria-invalid` and `aria-describedby` pointing at each error.
"""

from django import forms

INPUT_CLASSES = {"checkbox": "form-check-input"}


class FilterForm(forms.Form):
    # (legend or None, field names): the sidebar's groups, in order. A field
    # that is not listed is not shown (e.g. `sort`, picked above the results).
    fieldsets = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if not isinstance(field.widget, (forms.Select, forms.CheckboxSelectMultiple)):
                field.widget.attrs.setdefault("class", INPUT_CLASSES.get(field.widget.input_type, "form-control"))

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                widget = self.fields[name].widget
                # Django adds aria-invalid and aria-describedby="<id>_error" itself.
                widget.attrs["class"] = f"{widget.attrs.get('class', '')} is-invalid".strip()

    def groups(self):
        """[(legend, [bound fields])] for the template; only the listed fields."""
        return [(legend, [self[name] for name in names]) for legend, names in self.fieldsets]

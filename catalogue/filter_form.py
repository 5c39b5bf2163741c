"""The filter sidebars' form: Bootstrap 5 markup written in Python.

A list page nobody asked for before renders its sidebar anew, so the markup is
built here with plain string joins instead of a template per field and widget
(a template include per checkbox was the largest cost of a catalogue page).
The markup is the one `templates/includes/filter_sidebar.html` always had:
labels, legends, `is-invalid`, `aria-invalid` and `aria-describedby` pointing
at each error (`<field id>_error`).
"""

from django import forms
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

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
        """[(legend, [bound fields])]: only the listed fields."""
        return [(legend, [self[name] for name in names]) for legend, names in self.fieldsets]

    def sidebar_fields(self):
        """The sidebar's fields as markup, group by group (autoescaped like a template)."""
        out = []
        for legend, fields in self.groups():
            if legend:
                out.append(f"<fieldset><legend>{_e(legend)}</legend>")
            out.append("\n")
            for field in fields:
                out.append("\n")
                out.append(_field(field))
            out.append("\n")
            if legend:
                out.append("</fieldset>")
        out.append("\n")
        return mark_safe("".join(out))  # noqa: S308  # nosec B308 B703 (every value escaped by _e)


def _e(value):
    return conditional_escape(value)


def _field(field):
    widget = field.field.widget
    errors = field.errors
    error_id = f"{field.auto_id}_error"
    feedback = "\n"  # includes/field_errors.html ends with a line break
    if errors:
        items = "".join(f'<p class="mb-0"><strong>{_e(error)}</strong></p>' for error in errors)
        feedback = f'<div id="{_e(error_id)}" class="invalid-feedback d-block">{items}</div>\n'
    invalid = " is-invalid" if errors else ""
    if isinstance(widget, forms.CheckboxSelectMultiple):
        described = f' aria-describedby="{_e(error_id)}"' if errors else ""
        help_text = f'<p class="form-text mt-0 mb-1">{_e(field.help_text)}</p>' if field.help_text else ""
        aria = ' aria-invalid="true"' if errors else ""
        name = _e(field.html_name)
        id_ = widget.attrs.get("id") or field.auto_id
        boxes = []
        for index, value, label, selected in _choices(field, multiple=True):
            box_id = _e(f"{id_}_{index}")
            checked = " checked" if selected else ""
            boxes.append(
                f'<div class="form-check"><input type="checkbox" class="form-check-input{invalid}" name="{name}"'
                f' value="{_e(value)}" id="{box_id}"{checked}{aria}> <label for="{box_id}" class="form-check-label">'
                f"{_e(label)}</label></div>\n"
            )
        return (
            f'\n<div class="mb-3"><fieldset{described}><legend class="form-label fs-6">{_e(field.label)}</legend>'
            f"{help_text}\n{''.join(boxes)}{feedback}</fieldset></div>\n"
        )
    if isinstance(widget, forms.Select):
        aria = f' aria-invalid="true" aria-describedby="{_e(error_id)}"' if errors else ""
        options = "".join(
            f'<option value="{_e(value)}"{" selected" if selected else ""}>{_e(label)}</option>'
            for _index, value, label, selected in _choices(field, multiple=False)
        )
        return (
            f'\n<div class="mb-3"><label for="{_e(field.auto_id)}" class="form-label">{_e(field.label)}</label>\n'
            f'<select name="{_e(field.html_name)}" id="{_e(field.auto_id)}" class="form-select{invalid}"{aria}>'
            f"{options}</select>\n{feedback}</div>\n"
        )
    label = f'<label for="{_e(field.auto_id)}" class="form-check-label">{_e(field.label)}</label>'
    if isinstance(widget, forms.CheckboxInput):
        return f'\n<div class="mb-3 form-check">{_input(field)} {label}{feedback}</div>\n'
    label = f'<label for="{_e(field.auto_id)}" class="form-label">{_e(field.label)}</label>'
    return f'\n<div class="mb-3">{label} {_input(field)}{feedback}</div>\n'


def _choices(field, multiple):
    """(index, value, label, selected) of a choice field, as Django's ChoiceWidget marks them."""
    widget = field.field.widget
    value = set(widget.format_value(field.value()))
    has_selected = False
    for index, (option_value, option_label) in enumerate(field.field.choices):
        if option_value is None:
            option_value = ""
        selected = (multiple or not has_selected) and str(option_value) in value
        has_selected |= selected
        yield index, option_value, option_label, selected


def _input(field):
    """`{{ field }}` of an <input> widget (django/forms/widgets/input.html), without its templates."""
    widget = field.field.widget
    attrs = field.build_widget_attrs({})
    if field.auto_id and "id" not in widget.attrs:
        attrs.setdefault("id", field.auto_id)
    context = widget.get_context(field.html_name, field.value(), attrs)["widget"]
    out = [f'<input type="{_e(context["type"])}" name="{_e(context["name"])}"']
    if context["value"] is not None:
        out.append(f' value="{_e(str(context["value"]))}"')
    for name, value in context["attrs"].items():
        if value is not False:
            out.append(f" {_e(name)}" if value is True else f' {_e(name)}="{_e(str(value))}"')
    out.append(">")
    return "".join(out)

"""The filter sidebars' form: Bootstrap 5 markup written in Python.

A list page nobody asked for before renders its sidebar anew, so the markup is
built here with plain string joins instead of a template per field and widget
(a template include per checkbox was the largest cost of a catalogue page).
The markup is the one `templates/includes/filter_sidebar.html` always had:
labels, legends, `is-invalid`, `aria-invalid` and `aria-describedby` pointing
at each error (`<field id>_error`).
"""

import copy
import html

import django_filters
from django import forms
from django.db.models import QuerySet
from django.http import QueryDict
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

INPUT_CLASSES = {"checkbox": "form-check-input"}


class FilterForm(forms.Form):
    # (legend or None, field names): the sidebar's groups, in order. A field
    # that is not listed is not shown (e.g. `sort`, picked above the results).
    fieldsets = ()
    # How a view keeps the choices of the model choice fields, e.g. per catalogue revision and
    # language (catalogue.fragments.value): `keep_choices(compute)` returns `compute()` or its copy.
    keep_choices = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if not isinstance(field.widget, (forms.Select, forms.CheckboxSelectMultiple)):
                field.widget.attrs.setdefault("class", INPUT_CLASSES.get(field.widget.input_type, "form-control"))

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                # This form's own copy of the field (it may be shared with other requests, see
                # SharedFieldsFilterSet) before marking its input invalid.
                field = self.fields[name] = copy.deepcopy(self.fields[name])
                self._bound_fields_cache.pop(name, None)
                widget = field.widget
                # Django adds aria-invalid and aria-describedby="<id>_error" itself.
                widget.attrs["class"] = f"{widget.attrs.get('class', '')} is-invalid".strip()

    def model_choices(self):
        """{name: [(value, label)]} of the model choice fields (a query each), as the sidebar lists them."""
        if not hasattr(self, "_model_choices"):

            def compute():
                return {
                    name: [("" if value is None else str(value), str(label)) for value, label in field.choices]
                    for name, field in self.fields.items()
                    if isinstance(field, forms.ModelChoiceField)
                }

            self._model_choices = self.keep_choices(compute) if self.keep_choices else compute()
        return self._model_choices

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
    # A plain str (most values here) straight through html.escape, as django.utils.html.escape
    # does, without its lazy-string and SafeString handling; anything else as a template would.
    if type(value) is str:
        return html.escape(value)
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
    choices = field.field.choices
    if isinstance(field.field, forms.ModelChoiceField) and isinstance(field.form, FilterForm):
        choices = field.form.model_choices()[field.name]
    for index, (option_value, option_label) in enumerate(choices):
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


class _SharedFields(dict):
    """A form class's `base_fields` that its forms share rather than deep-copy (SharedFieldsFilterSet)."""

    def __deepcopy__(self, memo):
        return dict(self)


_prepared = {}  # FilterSet class: (its filters with their fields built, its form class)


class SharedFieldsFilterSet(django_filters.FilterSet):
    """A FilterSet whose filters, form fields and form class are built once per process.

    django-filter deep-copies every filter per FilterSet, builds a form class with new
    fields, and Django deep-copies those fields per form: some 800 copies a request for
    objects no request changes. Here each filter is a shallow copy of a prepared one
    (its own `parent`), and the form's fields are the prepared filters' fields, shared
    read-only. The one per-request change, the `is-invalid` class of a field in error,
    is made on the form's own copy of that field (FilterForm.full_clean).
    """

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        # BaseFilterSet.__init__, with shallow copies of the prepared filters.
        prepared, self._form_class = _prepare(type(self))
        if queryset is None:
            queryset = self._meta.model._default_manager.all()
        model = queryset.model
        self.is_bound = data is not None
        self.data = data or QueryDict()
        self.queryset = queryset
        self.request = request
        self.form_prefix = prefix
        self.filters = {}
        for name, prototype in prepared.items():
            filter_ = copy.copy(prototype)
            filter_.model = model
            filter_.parent = self
            if prototype.method is not None:
                filter_.method = prototype.method  # a FilterMethod calling this FilterSet's method
            self.filters[name] = filter_

    def get_form_class(self):
        return self._form_class


def _prepare(filterset_class):
    found = _prepared.get(filterset_class)
    if found is None:
        filters = copy.deepcopy(filterset_class.base_filters)
        for filter_ in filters.values():
            filter_.model = filterset_class._meta.model
        fields = {name: filter_.field for name, filter_ in filters.items()}
        form_class = type(f"{filterset_class.__name__}Form", (filterset_class._meta.form,), fields)
        form_class.base_fields = _SharedFields(form_class.base_fields)
        found = _prepared[filterset_class] = (filters, form_class)
    return found


def given(value):
    """Whether a filter's cleaned value asks for something (a model choice field gives a queryset:
    `none()` when nothing was picked, read here without running or compiling it)."""
    if isinstance(value, QuerySet):
        return not value.query.is_empty()  # no query: an empty choice is `none()`
    return value not in (None, "", [], False)

"""What the public list pages (trainings, experts) share: forgiving pagination,
query strings that keep the filters, and the "active filter" chips."""

from django import forms
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _


def query_string(params, **changes):
    """`params` (a QueryDict) with some parameters replaced (None removes) and
    empty ones dropped, sorted so that one search has one URL: "?a=1&b=2" or "?"."""
    lists = {key: [v for v in values if v != ""] for key, values in params.lists()}
    for key, value in changes.items():
        lists[key] = [] if value in (None, "") else (value if isinstance(value, list) else [value])
    pairs = sorted((key, values) for key, values in lists.items() if values)
    return "?" + urlencode(pairs, doseq=True) if pairs else "?"


# What a visitor already said, carried from the catalogue's filters or the match to a training and its brief.
CARRIED = ("objective", "platform", "competence")
MAX_CARRIED = 5


def carried(params, defaults=()):
    """[(name, value)] of the CARRIED parameters in `params` (bounded), else those in `defaults`."""
    pairs = []
    for name in CARRIED:
        values = [value.strip()[:500] for value in params.getlist(name)[:MAX_CARRIED] if value.strip()]
        values = values or [value for key, value in defaults if key == name]
        pairs += [(name, value) for value in values]
    return pairs


class ForgivingPaginationMixin:
    """`page=abc` shows the first page, `page=99999` the last one: never a 404 or 500."""

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size, allow_empty_first_page=True)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()


def pagination_context(params, page_obj):
    """What templates/catalogue/includes/pagination.html needs."""
    query = query_string(params, page=None)
    return {
        "page_prefix": query + "&" if query != "?" else query,
        "page_range": page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1),
    }


def active_filters(filterset, params, ignore=("page", "sort")):
    """One chip per applied filter value, each with the URL that removes it."""
    if not filterset.is_bound:
        return []
    filterset.errors  # noqa: B018 (validates the form)
    chips = []
    cleaned = filterset.form.cleaned_data
    for name, field in filterset.form.fields.items():
        value = cleaned.get(name)
        if name in ignore or not params.get(name) or value in (None, "", [], False):
            continue
        if isinstance(field, (forms.MultipleChoiceField, forms.ModelMultipleChoiceField)):
            # Repeatable parameter: one chip per value, removing only that value.
            if isinstance(field, forms.ModelMultipleChoiceField):
                labels = {getattr(obj, field.to_field_name or "pk"): str(obj) for obj in value}
            else:
                labels = {str(code): str(label) for code, label in field.choices}
            raw_values = params.getlist(name)
            for raw in raw_values:
                if raw in labels:
                    remaining = [v for v in raw_values if v != raw]
                    url = query_string(params, page=None, **{name: remaining})
                    chips.append({"label": field.label, "value": labels[raw], "url": url})
            continue
        url = query_string(params, page=None, **{name: None})
        chips.append({"label": field.label, "value": _display(field, value), "url": url})
    return chips


def _display(field, value):
    if value is True:
        return _("yes")
    if hasattr(value, "isoformat"):
        return date_format(value, "SHORT_DATE_FORMAT")
    choices = getattr(field, "choices", None)
    if choices:
        labels = {str(code): str(label) for code, label in choices}
        return labels.get(str(value), str(value))
    return str(value)

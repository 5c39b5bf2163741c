"""What the public list pages (trainings, experts) share: pagination and query
strings that keep the filters, and the "active filter" chips."""

from django import forms
from django.utils.formats import date_format, localize
from django.utils.html import conditional_escape as escape
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
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


def pagination_context(params, page_obj):
    """What templates/catalogue/includes/pagination.html shows: `pagination`, its markup."""
    query = query_string(params, page=None)
    prefix = query + "&" if query != "?" else query
    page_range = page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
    return {"page_prefix": prefix, "pagination": pagination_markup(page_obj, prefix, page_range)}


def pagination_markup(page_obj, prefix, page_range):
    """Pagination keeping the filters (`prefix`: the query string up to `page=`), built with string
    joins rather than a template tag per link (a list page renders it anew for every search)."""
    if not page_obj.has_other_pages():
        return ""
    link = f"{escape(prefix)}page="
    previous, next_ = escape(gettext("Previous")), escape(gettext("Next"))
    items = []
    if page_obj.has_previous():
        number = number_text(page_obj.previous_page_number())
        items.append(f'<li class="page-item"><a class="page-link" href="{link}{number}" rel="prev">{previous}</a></li>')
    else:
        items.append(f'<li class="page-item disabled"><span class="page-link">{previous}</span></li>')
    current, ellipsis, page_word = page_obj.number, page_obj.paginator.ELLIPSIS, escape(gettext("Page"))
    for number in page_range:
        if number == current:
            items.append(
                f'<li class="page-item active" aria-current="page"><span class="page-link">{number_text(number)}</span></li>'
            )
        elif number == ellipsis:
            items.append('<li class="page-item disabled"><span class="page-link">…</span></li>')
        else:
            shown = number_text(number)
            items.append(
                f'<li class="page-item"><a class="page-link" href="{link}{shown}">'
                f'<span class="visually-hidden">{page_word} </span>{shown}</a></li>'
            )
    if page_obj.has_next():
        number = number_text(page_obj.next_page_number())
        items.append(f'<li class="page-item"><a class="page-link" href="{link}{number}" rel="next">{next_}</a></li>')
    else:
        items.append(f'<li class="page-item disabled"><span class="page-link">{next_}</span></li>')
    of = escape(
        gettext("Page %(number)s of %(total)s")
        % {"number": number_text(page_obj.number), "total": number_text(page_obj.paginator.num_pages)}
    )
    return mark_safe(  # noqa: S308  # nosec B308 B703 (escaped query, numbers and translated words)
        f'<nav aria-label="{escape(gettext("Pages"))}" class="mt-4">\n'
        f'<ul class="pagination flex-wrap justify-content-center">{"".join(items)}</ul>\n'
        f'<p class="text-center small text-body-secondary">{of}</p>\n</nav>'
    )


def number_text(number):
    """`{{ number }}` of a whole number: localized (grouped digits, if the settings group them) past 999."""
    return str(number) if number < 1000 else escape(localize(number))


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

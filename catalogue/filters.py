"""The catalogue's one FilterSet: the HTML list, the JSON API and the calendar
feed all filter with it, so a parameter means the same thing everywhere.

    f = TrainingFilter(request.GET, queryset=Training.objects.published())
    f.is_valid(); f.errors; f.qs  # ordered by `sort`

An invalid parameter is a form error; the other parameters still apply.
"""

import operator
import re
from collections import namedtuple
from datetime import datetime, time, timedelta
from functools import cached_property

import django_filters as filters
from django import forms
from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import currency
from .bounds import validate_date_in_bounds
from .enums import Competence, Focus, Format, Language, Level, Mode
from .filter_form import FilterForm, SharedFieldsFilterSet, given
from .models import Objective, Platform, Session, Training, Use
from .search import SQLITE_FTS, SQLITE_FTS_NEWEST, SQLITE_FTS_WHERE, sqlite_indexable, sqlite_match
from .text import fold
from .vocabulary import search_forms

MAX_QUERY_LENGTH = 200
MAX_PRICE = 1_000_000

# Facets shown next to the results: counts per value for the current search.
FACETS = ("focus", "format")
# Parameters an index counts exactly at any catalogue size (catalogue.models indexes); a search
# with any other (text, objectives, dates, price…) counts at most COUNT_CAP + 1 trainings.
EXACT_COUNTS = frozenset({"focus", "format", "level", "mode", "language", "competence", "free", "sort"})
COUNT_CAP = 1000


class BrowserValueMixin:
    """Echo only a value the browser's input accepts: "cheap" in a number input is invalid HTML.

    The field's error still says what was wrong; the input just comes back empty.
    """

    pattern = None

    def format_value(self, value):
        value = super().format_value(value)
        if isinstance(value, str) and not self.pattern.fullmatch(value):
            return None
        return value


class NumberInput(BrowserValueMixin, forms.NumberInput):
    pattern = re.compile(r"-?\d+(\.\d+)?")


class DateInput(BrowserValueMixin, forms.DateInput):
    pattern = re.compile(r"\d{4}-\d{2}-\d{2}")

    def __init__(self, attrs=None, format=None):
        super().__init__({"type": "date", **(attrs or {})}, format or "%Y-%m-%d")


class SortChoices:
    RELEVANCE = "relevance"
    SOONEST = "soonest"
    NEWEST = "newest"
    PRICE = "price"
    PRICE_DESC = "-price"
    choices = [
        (RELEVANCE, _("Relevance")),
        (SOONEST, _("Soonest session")),
        (NEWEST, _("Newest")),
        (PRICE, _("Price, lowest first")),
        (PRICE_DESC, _("Price, highest first")),
    ]


class TrainingFilterForm(FilterForm):
    """The filter sidebar's groups and cross-field checks."""

    # `sort` is picked above the results; the page keeps it in a hidden input.
    fieldsets = (
        (None, ("q",)),
        (_("What"), ("focus", "format", "competence", "level")),
        (_("Objectives, uses and platforms"), ("objective", "use", "platform")),
        (_("When and where"), ("starts_after", "starts_before", "mode", "city", "language")),
        (_("Price"), ("price_max", "free")),
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("starts_after"), data.get("starts_before")
        if start and end and end < start:
            self.add_error("starts_before", _("This date is before the “Sessions from” date."))
        return data


class TrainingFilter(SharedFieldsFilterSet):
    q = filters.CharFilter(
        label=_("Search"),
        method="filter_text",
        max_length=MAX_QUERY_LENGTH,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": _("Title, platform, objective, trainer…"), "autocomplete": "off"}
        ),
    )
    focus = filters.ChoiceFilter(label=_("Focus"), choices=Focus.choices, empty_label=_("Media or network"))
    format = filters.ChoiceFilter(label=_("Format"), choices=Format.choices, empty_label=_("Any format"))
    objective = filters.ModelMultipleChoiceFilter(
        label=_("Objective"),
        field_name="objectives",
        to_field_name="slug",
        queryset=Objective.objects.active(),
        method="filter_objectives",
        widget=forms.CheckboxSelectMultiple,
    )
    use = filters.ModelMultipleChoiceFilter(
        label=_("Use"),
        field_name="uses",
        to_field_name="code",
        queryset=Use.objects.all(),
        method="filter_uses",
        widget=forms.CheckboxSelectMultiple,
    )
    platform = filters.ModelMultipleChoiceFilter(
        label=_("Platform"),
        field_name="platforms",
        to_field_name="slug",
        queryset=Platform.objects.all(),
        method="filter_platforms",
        widget=forms.CheckboxSelectMultiple,
    )
    competence = filters.MultipleChoiceFilter(
        label=_("Competence"),
        choices=Competence.choices,
        method="filter_competences",
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Trainings that teach every competence ticked."),
    )
    level = filters.ChoiceFilter(label=_("Level"), choices=Level.choices, empty_label=_("Any level"))
    mode = filters.ChoiceFilter(label=_("Delivery mode"), choices=Mode.choices, empty_label=_("Any mode"))
    language = filters.ChoiceFilter(label=_("Language"), choices=Language.choices, empty_label=_("Any language"))
    city = filters.CharFilter(label=_("City"), method="filter_city", max_length=80)
    starts_after = filters.DateFilter(
        label=_("Sessions from"), method="filter_dates", widget=DateInput(), validators=[validate_date_in_bounds]
    )
    starts_before = filters.DateFilter(
        label=_("Sessions until"), method="filter_dates", widget=DateInput(), validators=[validate_date_in_bounds]
    )
    price_max = filters.NumberFilter(
        label=_("Maximum price"),
        method="filter_price_max",
        min_value=0,
        max_value=MAX_PRICE,
        decimal_places=2,
        widget=NumberInput(attrs={"min": 0, "step": 1, "inputmode": "numeric"}),
    )
    # `free=false` means "not only free ones", i.e. no filter (a filter's field is never required).
    free = filters.BooleanFilter(label=_("Free only"), method="filter_free", widget=forms.CheckboxInput)
    sort = filters.ChoiceFilter(
        label=_("Sort by"), choices=SortChoices.choices, method="filter_sort", empty_label=None, null_label=None
    )

    class Meta:
        model = Training
        fields = []
        form = TrainingFilterForm

    # -- filtering -------------------------------------------------------------

    def filter_queryset(self, queryset):
        return self.apply(queryset)

    def apply(self, queryset, exclude=()):
        """The queryset filtered by every valid parameter but those in `exclude`."""
        for name, value in self.form.cleaned_data.items():
            if name not in exclude:
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    def filter_text(self, queryset, name, value):
        # Each term, its stem or its word family (catalogue.vocabulary), as the matcher reads words.
        indexed = []  # SQLite: the terms the FTS5 index answers, in one MATCH (catalogue/search.py)
        for term in fold(value).split():
            forms = search_forms(term)
            if connection.vendor == "sqlite" and all(sqlite_indexable(form) for form in forms):
                indexed.append(forms)
                continue
            condition = Q()
            for form in forms:
                condition |= Q(search_text__contains=form)
            queryset = queryset.filter(condition)
        if indexed:
            # Joined, not `pk IN (…)`: the index hands over its matches one by one, so a
            # LIMIT (capped counts) stops reading them (catalogue/search.py).
            queryset = queryset.extra(  # noqa: S610  # nosec B610 (constant SQL, the terms as a parameter)
                tables=[SQLITE_FTS], where=SQLITE_FTS_WHERE, params=[sqlite_match(indexed)]
            )
        return queryset

    # `value` is a queryset of the choices picked: `none()` when there are none, which
    # `not value` would evaluate (compiling a query) where `given` reads it.
    def filter_objectives(self, queryset, name, value):
        if not given(value):
            return queryset
        through = Training.objectives.through.objects.filter(training=OuterRef("pk"), objective__in=value)
        return queryset.filter(Exists(through))

    def filter_platforms(self, queryset, name, value):
        if not given(value):
            return queryset
        through = Training.platforms.through.objects.filter(training=OuterRef("pk"), platform__in=value)
        return queryset.filter(Exists(through))

    def filter_uses(self, queryset, name, value):
        if not given(value):
            return queryset
        through = Training.uses.through.objects.filter(training=OuterRef("pk"), use__in=value)
        return queryset.filter(Exists(through))

    def filter_competences(self, queryset, name, value):
        # Every competence asked for (savoir and savoir-être: both taught).
        return queryset.filter(**{f"teaches_{code}": True for code in value})

    def filter_city(self, queryset, name, value):
        folded = fold(value)
        return queryset.filter(city_folded=folded) if folded else queryset

    def filter_dates(self, queryset, name, value):
        # Both bounds apply to the same session: one with a start in the range.
        if name == "starts_before" and self.form.cleaned_data.get("starts_after"):
            return queryset  # done together with starts_after
        start = self.form.cleaned_data.get("starts_after")
        end = self.form.cleaned_data.get("starts_before")
        sessions = Session.objects.filter(training=OuterRef("pk"))
        if start:
            sessions = sessions.filter(starts_at__gte=_start_of_day(start))
        if end:
            sessions = sessions.filter(starts_at__lt=_start_of_day(end + timedelta(days=1)))
        return queryset.filter(Exists(sessions))

    @cached_property
    def price_rates(self):
        # Read once per request: the filter, the sort and the page's note use the same rates.
        return currency.rates()

    def filter_price_max(self, queryset, name, value):
        # The same scale as sorting: euros and dollars compared in CAD at the curators’ rates (catalogue.currency).
        return queryset.alias(reference_price=currency.reference_price(self.price_rates)).filter(
            reference_price__lte=value
        )

    def filter_free(self, queryset, name, value):
        return queryset.filter(price=0) if value else queryset

    def filter_sort(self, queryset, name, value):
        # Ordering is applied in `qs` so that it also runs without a `sort`.
        return queryset

    # -- ordering --------------------------------------------------------------

    @property
    def qs(self):
        if not hasattr(self, "_ordered_qs"):
            queryset = super().qs
            # An invalid parameter is ignored, a valid `sort` still applies.
            sort = self.form.cleaned_data.get("sort") if self.is_bound else None
            self._ordered_qs = self.order(queryset, sort or SortChoices.RELEVANCE)
        return self._ordered_qs

    @property
    def search_terms(self):
        if not self.is_bound:
            return []
        self.errors  # noqa: B018 (validates the form)
        return fold(self.form.cleaned_data.get("q", "")).split()

    def order(self, queryset, sort):
        if sort == SortChoices.SOONEST:
            # Trainings without an upcoming session go last.
            upcoming = Session.objects.upcoming().filter(training=OuterRef("pk"))
            first = upcoming.order_by("starts_at").values("starts_at")[:1]
            return queryset.annotate(soonest=Subquery(first)).order_by(F("soonest").asc(nulls_last=True), "pk")
        if sort in (SortChoices.PRICE, SortChoices.PRICE_DESC):
            # CAD and EUR are not compared by their raw number: see catalogue/currency.py.
            queryset = queryset.alias(reference_price=currency.reference_price(self.price_rates))
            key = "reference_price" if sort == SortChoices.PRICE else "-reference_price"
            return queryset.order_by(key, "pk")
        if sort == SortChoices.RELEVANCE and self.search_terms:
            ranked = self._rank(queryset, self.search_terms)
            return ranked.order_by("-title_hit", "-relevance", "-published_at", "-pk")
        return queryset.order_by("-published_at", "-pk")

    def _rank(self, queryset, terms):
        # On both databases a title that contains the first term ranks first; both are folded,
        # so "medias" finds "Médias" in a title on SQLite (no unaccent) as on PostgreSQL.
        queryset = queryset.annotate(
            title_hit=Case(
                When(title_folded__contains=terms[0], then=Value(1)), default=Value(0), output_field=IntegerField()
            )
        )
        if connection.vendor == "postgresql":
            from django.contrib.postgres.search import SearchQuery, SearchRank

            # Then the French and English full-text rank over the stored tsvector (catalogue/search.py).
            text = " ".join(terms)
            query = SearchQuery(text, config="french") | SearchQuery(text, config="english")
            return queryset.annotate(relevance=SearchRank(F("search_document"), query))
        return queryset.annotate(relevance=Value(0))

    # -- facets ----------------------------------------------------------------

    def facets(self):
        """Counts per focus and per format for the current search, and its total.

        Each facet ignores its own parameter (so the other choices keep their
        counts) and applies all the others. One query: the trainings matching
        every other parameter, grouped by (focus, format).

        A search on text, objectives, uses, platforms, city, dates or price
        counts at most COUNT_CAP + 1 trainings, so a common word costs what a
        rare one does: past the cap, `capped` is set, the total is COUNT_CAP
        ("1,000+") and the other counts are lower bounds.
        """
        if self.is_bound:
            self.errors  # noqa: B018 (validates the form)
        queryset = self.queryset.all()
        selected = {}
        if self.is_bound:
            queryset = self.apply(queryset, exclude=set(FACETS))
            selected = {name: self.form.cleaned_data.get(name) for name in FACETS}
        if not self.counts_capped:
            rows = queryset.order_by().values_list(*FACETS).annotate(n=Count("*"))  # COUNT(*): index-only on PostgreSQL
            return self._facets(rows, selected)
        # At most COUNT_CAP + 1 rows each: the trainings matching all but the facets, and (when a
        # facet is picked) the search's own total; one statement.
        sample = self._sample(queryset).values_list(*FACETS)[: COUNT_CAP + 1]
        sql, params = sample.query.sql_with_params()
        statement = f"SELECT s.focus, s.format, COUNT(*) FROM ({sql}) s GROUP BY s.focus, s.format"  # noqa: S608  # nosec B608 (Django's SQL, values as parameters)
        if any(selected.values()):
            whole = self._sample(self.apply(self.queryset.all())).values_list("pk")[: COUNT_CAP + 1]
            whole_sql, whole_params = whole.query.sql_with_params()
            statement += f" UNION ALL SELECT NULL, NULL, COUNT(*) FROM ({whole_sql}) w"  # noqa: S608  # nosec B608 (as above)
            params = (*params, *whole_params)
        with connection.cursor() as cursor:
            cursor.execute(statement, params)
            rows = cursor.fetchall()
        total = None
        if any(selected.values()):
            total = next(n for focus, format_, n in rows if focus is None)
            rows = [row for row in rows if row[0] is not None]
        facets = self._facets(rows, selected)
        total = facets.total if total is None else total
        partial = sum(n for *_, n in rows) > COUNT_CAP
        return facets._replace(total=min(total, COUNT_CAP), capped=total > COUNT_CAP, partial=partial)

    # -- facets from counts kept per catalogue revision -------------------------------------------
    # A search on EXACT_COUNTS parameters only is answered from one table of counts per
    # combination of those columns (about 1,400 rows for any catalogue size), computed once per
    # catalogue revision (catalogue.fragments.value): no request counts trainings.

    CUBE = ("focus", "format", "level", "mode", "language", *(f"teaches_{code}" for code in Competence.values))

    def facet_cube(self):
        """[(focus, format, level, mode, language, teaches…, free, n)] of the published catalogue."""
        free = ExpressionWrapper(Q(price=0), output_field=BooleanField())
        rows = self.queryset.order_by().annotate(is_free=free).values_list(*self.CUBE, "is_free")
        return [tuple(row) for row in rows.annotate(n=Count("*"))]

    def facets_from_cube(self, cube):
        """`facets()` of a search on EXACT_COUNTS parameters, from `facet_cube()`."""
        data = self.form.cleaned_data if self.is_bound else {}
        if self.is_bound:
            self.errors  # noqa: B018 (validates the form)
        wanted = {}  # column index: value every counted row must have
        for name in ("level", "mode", "language"):
            if data.get(name):
                wanted[self.CUBE.index(name)] = data[name]
        for code in data.get("competence") or ():
            wanted[self.CUBE.index(f"teaches_{code}")] = True
        if data.get("free"):
            wanted[len(self.CUBE)] = True
        if wanted:
            # One C-level comparison per row: (level, …) == wanted (SQLite's 1 equals True).
            pick = operator.itemgetter(*wanted)
            target = tuple(wanted.values()) if len(wanted) > 1 else next(iter(wanted.values()))
            rows = [(row[0], row[1], row[-1]) for row in cube if pick(row) == target]
        else:
            rows = [(row[0], row[1], row[-1]) for row in cube]
        selected = {name: data.get(name) for name in FACETS}
        return self._facets(rows, selected)

    @property
    def counts_from_cube(self):
        """Whether `facets_from_cube` answers this search better than `facets`: it filters on
        EXACT_COUNTS only, one of them not focus or format (those two are one index-only scan)."""
        if not self.is_bound or self.counts_capped:
            return False
        return any(given(value) and name not in (*FACETS, "sort") for name, value in self.form.cleaned_data.items())

    @property
    def counts_capped(self):
        """Whether the search narrows rows no index counts (text, objectives, dates…): see `facets`."""
        if not self.is_bound:
            return False
        self.errors  # noqa: B018 (validates the form)
        return any(given(value) and name not in EXACT_COUNTS for name, value in self.form.cleaned_data.items())

    def _sample(self, queryset):
        # The rows in the order an index gives them, so the LIMIT stops the reading:
        # for a text search on SQLite, the newest matches first.
        queryset = queryset.order_by()
        if SQLITE_FTS in queryset.query.extra_tables:
            queryset = queryset.extra(order_by=[SQLITE_FTS_NEWEST])
        return queryset

    def candidates(self, sort):
        """`qs` for a search whose count is capped: its first COUNT_CAP trainings, sorted
        as `qs` is (a common word never sorts tens of thousands of rows)."""
        sql, params = self._sample(self.qs).values("pk")[:COUNT_CAP].query.sql_with_params()
        ids = RawSQL(sql, params)  # noqa: S611  # nosec B611 (Django's own SQL; as written, see search.SQLITE_FTS_WHERE)
        return self.order(self.queryset.filter(pk__in=ids), sort or SortChoices.RELEVANCE)

    @staticmethod
    def _facets(rows, selected):
        """Facets of (focus, format, count) rows: each facet's counts under the other facet's pick."""
        focus_picked, format_picked = selected.get("focus"), selected.get("format")
        by_focus, by_format = {}, {}
        total = 0
        for focus, format_, n in rows:
            focus_matches = not focus_picked or focus == focus_picked
            if not format_picked or format_ == format_picked:
                by_focus[focus] = by_focus.get(focus, 0) + n
                if focus_matches:
                    total += n
            if focus_matches:
                by_format[format_] = by_format.get(format_, 0) + n
        return Facets(by_focus, by_format, total)


# `capped`: the search found more than COUNT_CAP trainings (`total` is COUNT_CAP);
# `partial`: the per-value counts stopped at COUNT_CAP + 1 trainings (they are lower bounds).
Facets = namedtuple("Facets", "focus format total capped partial", defaults=(False, False))


def _start_of_day(day):
    return timezone.make_aware(datetime.combine(day, time.min))

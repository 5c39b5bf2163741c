"""The catalogue's one FilterSet: the HTML list, the JSON API and the calendar
feed all filter with it, so a parameter means the same thing everywhere."""

import django_filters as filters
from django import forms
from django.db import connection
from django.db.models import Case, Exists, F, IntegerField, OuterRef, Q, Subquery, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .enums import Competence, Focus, Format, Language, Level, Mode
from .models import Objective, Platform, Session, Training
from .text import fold

MAX_QUERY_LENGTH = 200


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


class TrainingFilter(filters.FilterSet):
    q = filters.CharFilter(
        label=_("Search"),
        method="filter_text",
        max_length=MAX_QUERY_LENGTH,
    )
    focus = filters.ChoiceFilter(label=_("Focus"), choices=Focus.choices, empty_label=_("Media or network"))
    format = filters.ChoiceFilter(label=_("Format"), choices=Format.choices, empty_label=_("Any format"))
    objective = filters.ModelMultipleChoiceFilter(
        label=_("Objective"),
        field_name="objectives__slug",
        to_field_name="slug",
        queryset=Objective.objects.filter(is_active=True),
        method="filter_objectives",
    )
    platform = filters.ModelMultipleChoiceFilter(
        label=_("Platform"),
        field_name="platforms__slug",
        to_field_name="slug",
        queryset=Platform.objects.all(),
        method="filter_platforms",
    )
    competence = filters.MultipleChoiceFilter(
        label=_("Competence"), choices=Competence.choices, method="filter_competences"
    )
    level = filters.ChoiceFilter(label=_("Level"), choices=Level.choices, empty_label=_("Any level"))
    mode = filters.ChoiceFilter(label=_("Delivery mode"), choices=Mode.choices, empty_label=_("Any mode"))
    language = filters.ChoiceFilter(label=_("Language"), choices=Language.choices, empty_label=_("Any language"))
    city = filters.CharFilter(label=_("City"), method="filter_city", max_length=80)
    starts_after = filters.DateFilter(label=_("Sessions from"), method="filter_starts_after")
    starts_before = filters.DateFilter(label=_("Sessions until"), method="filter_starts_before")
    price_max = filters.NumberFilter(label=_("Maximum price"), field_name="price", lookup_expr="lte", min_value=0)
    free = filters.BooleanFilter(label=_("Free only"), method="filter_free", widget=forms.CheckboxInput)
    sort = filters.ChoiceFilter(
        label=_("Sort by"), choices=SortChoices.choices, method="filter_sort", empty_label=None, null_label=None
    )

    class Meta:
        model = Training
        fields = []

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        # `free=false` means "not only free ones", i.e. no filter.
        self.filters["free"].field.required = False

    # -- filters -------------------------------------------------------------

    def filter_text(self, queryset, name, value):
        terms = fold(value).split()
        if not terms:
            return queryset
        for term in terms:
            queryset = queryset.filter(search_text__contains=term)
        return self._rank(queryset, terms)

    def _rank(self, queryset, terms):
        if connection.vendor == "postgresql":
            from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

            vector = SearchVector("search_text", config="french") + SearchVector("search_text", config="english")
            query = SearchQuery(" ".join(terms), config="french") | SearchQuery(" ".join(terms), config="english")
            return queryset.annotate(relevance=SearchRank(vector, query))
        # SQLite: a title that contains the first term ranks first.
        folded_title_hits = [When(title__icontains=term, then=Value(1)) for term in terms[:1]]
        return queryset.annotate(relevance=Case(*folded_title_hits, default=Value(0), output_field=IntegerField()))

    def filter_objectives(self, queryset, name, value):
        if not value:
            return queryset
        through = Training.objectives.through.objects.filter(training=OuterRef("pk"), objective__in=value)
        return queryset.filter(Exists(through))

    def filter_platforms(self, queryset, name, value):
        if not value:
            return queryset
        through = Training.platforms.through.objects.filter(training=OuterRef("pk"), platform__in=value)
        return queryset.filter(Exists(through))

    def filter_competences(self, queryset, name, value):
        # Any of the competences asked for.
        condition = Q()
        for code in value:
            condition |= Q(**{f"teaches_{code}": True})
        return queryset.filter(condition)

    def filter_city(self, queryset, name, value):
        folded = fold(value)
        return queryset.filter(city_folded=folded) if folded else queryset

    def _sessions_between(self, queryset, start=None, end=None):
        sessions = Session.objects.filter(training=OuterRef("pk"))
        if start:
            sessions = sessions.filter(starts_at__date__gte=start)
        if end:
            sessions = sessions.filter(starts_at__date__lte=end)
        return queryset.filter(Exists(sessions))

    def filter_starts_after(self, queryset, name, value):
        return self._sessions_between(queryset, start=value)

    def filter_starts_before(self, queryset, name, value):
        return self._sessions_between(queryset, end=value)

    def filter_free(self, queryset, name, value):
        return queryset.filter(price=0) if value else queryset

    def filter_sort(self, queryset, name, value):
        # Ordering is applied in `qs` so that it also runs without a `sort`.
        return queryset

    # -- ordering --------------------------------------------------------------

    @property
    def qs(self):
        queryset = super().qs
        sort = self.form.cleaned_data.get("sort") if self.form.is_valid() else None
        return self.order(queryset, sort or SortChoices.RELEVANCE)

    def order(self, queryset, sort):
        if sort == SortChoices.SOONEST:
            # Trainings without an upcoming session go last.
            upcoming = Session.objects.filter(training=OuterRef("pk"), starts_at__gte=timezone.now())
            first = upcoming.order_by("starts_at").values("starts_at")[:1]
            return queryset.annotate(soonest=Subquery(first)).order_by(F("soonest").asc(nulls_last=True), "pk")
        if sort == SortChoices.PRICE:
            return queryset.order_by("price", "pk")
        if sort == SortChoices.PRICE_DESC:
            return queryset.order_by("-price", "pk")
        if sort == SortChoices.RELEVANCE and "relevance" in queryset.query.annotations:
            return queryset.order_by("-relevance", "-published_at", "-pk")
        return queryset.order_by("-published_at", "-pk")

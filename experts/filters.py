"""Filters for the experts directory (HTML list and API)."""

import django_filters as filters
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from catalogue.enums import Focus, Language
from catalogue.models import Platform
from catalogue.text import fold

from .models import Expert


class ExpertFilter(filters.FilterSet):
    focus = filters.ChoiceFilter(
        label=_("Focus"), choices=Focus.choices, method="filter_focus", empty_label=_("Media or network")
    )
    platform = filters.ModelMultipleChoiceFilter(
        label=_("Platform"),
        field_name="platforms__slug",
        to_field_name="slug",
        queryset=Platform.objects.all(),
        method="filter_platforms",
    )
    city = filters.CharFilter(label=_("City"), method="filter_city", max_length=80)
    language = filters.ChoiceFilter(
        label=_("Language"), choices=Language.choices, method="filter_language", empty_label=_("Any language")
    )

    class Meta:
        model = Expert
        fields = []

    def filter_focus(self, queryset, name, value):
        return queryset.with_focus(value)

    def filter_platforms(self, queryset, name, value):
        if not value:
            return queryset
        through = Expert.platforms.through.objects.filter(expert=OuterRef("pk"), platform__in=value)
        return queryset.filter(Exists(through))

    def filter_city(self, queryset, name, value):
        folded = fold(value)
        return queryset.filter(city_folded=folded) if folded else queryset

    def filter_language(self, queryset, name, value):
        # `languages` is a JSON list of codes, like `focuses`.
        return queryset.filter(languages__icontains=f'"{value}"')

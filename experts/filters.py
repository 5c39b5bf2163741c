"""Filters of the expert directory: the HTML page and the API use the same one."""

import django_filters as filters
from django import forms
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from catalogue.enums import Competence, Focus, Language
from catalogue.filter_form import FilterForm, SharedFieldsFilterSet, given
from catalogue.models import Platform, Use
from catalogue.text import fold

from . import competences
from .models import Expert


@extend_schema_field(OpenApiTypes.STR)
class UseCodeFilter(filters.ModelChoiceFilter):
    """A use by its code (broadcast, communicate, networking, play, educate); the schema says so."""


class ExpertFilterForm(FilterForm):
    fieldsets = ((None, ("focus", "platform", "use", "competence", "city", "language")),)


class ExpertFilter(SharedFieldsFilterSet):
    focus = filters.ChoiceFilter(
        label=_("Focus"), choices=Focus.choices, empty_label=_("Media or network"), method="filter_focus"
    )
    platform = filters.ModelMultipleChoiceFilter(
        label=_("Platform"),
        field_name="platforms",
        to_field_name="slug",
        queryset=Platform.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        method="filter_platforms",
    )
    use = UseCodeFilter(
        label=_("Use taught"),
        queryset=Use.objects.all(),
        to_field_name="code",
        empty_label=_("Any use"),
        method="filter_use",
    )
    competence = filters.ChoiceFilter(
        label=_("Competence taught"),
        choices=Competence.choices,
        empty_label=_("Any competence"),
        method="filter_competence",
    )
    city = filters.CharFilter(label=_("City"), max_length=80, method="filter_city")
    language = filters.ChoiceFilter(
        label=_("Language"), choices=Language.choices, empty_label=_("Any language"), method="filter_language"
    )

    class Meta:
        model = Expert
        fields = []
        form = ExpertFilterForm

    def filter_focus(self, queryset, name, value):
        return queryset.with_focus(value)

    def filter_platforms(self, queryset, name, value):
        # Any of the platforms asked for (the parameter repeats).
        if not given(value):
            return queryset
        through = Expert.platforms.through.objects.filter(expert=OuterRef("pk"), platform__in=value)
        return queryset.filter(Exists(through))

    def filter_use(self, queryset, name, value):
        # `approaches` is JSON ([{"platform": …, "uses": [codes]}]); its text form holds '"broadcast"'.
        return queryset.filter(approaches__icontains=f'"{value.code}"') if value else queryset

    def filter_competence(self, queryset, name, value):
        # Derived from the published offers (experts.competences), not declared on the profile.
        return queryset.filter(competences.teaching(value))

    def filter_city(self, queryset, name, value):
        folded = fold(value)
        return queryset.filter(city_folded=folded) if folded else queryset

    def filter_language(self, queryset, name, value):
        # `languages` is a JSON list of codes; its text form contains '"fr"'.
        return queryset.filter(languages__icontains=f'"{value}"')

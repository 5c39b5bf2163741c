from functools import partial

from django.db.models import Prefetch
from django.utils.decorators import method_decorator
from django.utils.html import conditional_escape as escape
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from .. import currency, fragments, public_review
from ..enums import Competence, Focus, Format
from ..filters import TrainingFilter
from ..models import Session, Training
from ..page_cache import public_page
from ..shortlist import PARAM as SHORTLIST
from ..shortlist import for_request as shortlist_of
from .listing import CARRIED, active_filters, carried, number_text, pagination_context, query_string

# What a card shows (catalogue.cards): the texts and snapshots a card never shows (description,
# search text, approved snapshot, the trainer's bio and JSON profile) are neither read nor decoded.
CARD_FIELDS = (
    *("title", "slug", "trainer", "summary", "focus", "format", "level", "mode", "language", "city"),
    *("duration_hours", "price", "currency"),
    *("trainer__name", "trainer__slug", "trainer__photo"),
)


# `t` is the visitor's shortlist (catalogue.shortlist): kept in every link, never a filter.
@method_decorator(public_page(params=[*TrainingFilter.base_filters, "page", SHORTLIST]), name="dispatch")
class TrainingListView(ListView):
    """The public catalogue: one FilterSet, facets, sort and pagination.

    A fixed number of queries whatever the catalogue or page size: the catalogue
    revision (page cache), facets (which give the total), the page's ids, its
    cards, and the objective/platform choices of the form.
    """

    template_name = "catalogue/training_list.html"
    context_object_name = "trainings"
    paginate_by = 12

    def get_queryset(self):
        filters = self.request.GET.copy()
        filters.pop(SHORTLIST, None)
        self.filterset = TrainingFilter(filters or None, queryset=Training.objects.published())
        # The objective, use and platform choices the sidebar lists, kept per catalogue revision.
        self.filterset.form.keep_choices = partial(fragments.value, self.request, "training-filter-choices", ())
        return self.filterset.qs

    def paginate_queryset(self, queryset, page_size):
        # The facet query also gives the total, so the paginator needs no COUNT.
        # The same for every page and sort of one search (catalogue.fragments).
        search = sorted((k, v) for k, v in self.request.GET.lists() if k not in ("page", "sort"))
        filterset = self.filterset
        if fragments.enabled(self.request) and filterset.counts_from_cube:
            # Counts per combination of the indexed columns, kept per catalogue revision.
            cube = fragments.value(self.request, "facet-cube", (), filterset.facet_cube)
            self.facets = filterset.facets_from_cube(cube)
        else:
            self.facets = fragments.value(self.request, "facets", search, filterset.facets)
        if self.facets.capped and self.filterset.search_terms:
            # Past COUNT_CAP a text search's count stops, and so do its results: a common
            # word never sorts tens of thousands of rows (other filters keep their order).
            queryset = self.filterset.candidates(self.request.GET.get("sort"))
        paginator = self.get_paginator(queryset.values_list("pk", flat=True), page_size)
        paginator.count = self.facets.total
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        # Page through narrow ids, then load only that page's cards with their
        # next session and trainer: deep pages stay as fast as the first one.
        ids = list(page.object_list)
        cards = (
            Training.objects.published()
            .filter(pk__in=ids)
            .with_next_session()
            .select_related("trainer")
            .only(*CARD_FIELDS)
        )
        by_pk = {training.pk: training for training in cards}
        page.object_list = [by_pk[pk] for pk in ids if pk in by_pk]
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        params = self.request.GET
        filterset = self.filterset
        counts = {"focus": self.facets.focus, "format": self.facets.format}
        chips = active_filters(filterset, params)
        current_sort = params.get("sort") if params.get("sort") in dict(filterset.filters["sort"].field.choices) else ""
        context.update(
            filter=filterset,
            form=filterset.form,
            has_errors=filterset.is_bound and not filterset.is_valid(),
            active_filters=chips,
            facets=[
                self._facet("focus", Focus.choices, counts["focus"], params, self.facets),
                self._facet("format", Format.choices, counts["format"], params, self.facets),
            ],
            result_count=context["paginator"].count,
            # "1,000+ trainings": the search found more, the count stopped (catalogue.filters.COUNT_CAP).
            count_capped=self.facets.capped,
            sort_options=[
                {
                    "code": code,
                    "label": label,
                    "url": query_string(params, sort=code, page=None),
                    "active": code == (current_sort or "relevance"),
                }
                for code, label in filterset.filters["sort"].field.choices
                if code
            ],
            current_sort=current_sort,
            # All the filter sidebar shows besides the catalogue and the language: the path and
            # every parameter but the page, shortlist `t` included (catalogue.fragments).
            filters_key=(self.request.path, sorted((k, v) for k, v in self.request.GET.lists() if k != "page")),
            clear_url=_keep_shortlist(self.request, self.request.path),
            feed_query=query_string(params, page=None, **{SHORTLIST: None}).rstrip("?"),
            # The objective, platforms and competences filtered on travel to the training and its brief.
            card_query="?" + urlencode(carried(params)) if carried(params) else "",
            # Called (one query) only where the page states how prices compare.
            price_rates=lambda: currency.stated_rates(filterset.price_rates),
        )
        context.update(pagination_context(params, context["page_obj"]))
        # The facet links and the sort menu as markup (what the template's loops gave).
        context["facets_nav"] = _facets_markup(context["facets"])
        context["sort_label"] = next((option["label"] for option in context["sort_options"] if option["active"]), "")
        context["sort_items"] = _sort_markup(context["sort_options"])
        return context

    @staticmethod
    def _facet(name, choices, counts, params, facets):
        """A facet's links and counts. Past the count cap (`facets.partial`) only the link that
        stands for the page's own results keeps a count (its total, "1000+"); the others show none."""
        selected = params.get(name)
        all_active = selected not in dict(choices)
        total = f"{facets.total}+" if facets.capped else facets.total

        def shown(count, active):
            if active:
                return total
            return None if facets.partial else count

        return {
            "name": name,
            "all_url": query_string(params, page=None, **{name: None}),
            "all_active": all_active,
            "total": shown(sum(counts.values()), all_active),
            "options": [
                {
                    "code": code,
                    "label": label,
                    "count": shown(counts.get(code, 0), selected == code),
                    "active": selected == code,
                    "url": query_string(params, page=None, **{name: code}),
                }
                for code, label in choices
            ],
        }


@method_decorator(public_page(params=[*CARRIED, SHORTLIST]), name="dispatch")
class TrainingDetailView(DetailView):
    template_name = "catalogue/training_detail.html"
    context_object_name = "training"

    def get_queryset(self):
        upcoming = Session.objects.upcoming().order_by("starts_at", "pk")
        return (
            Training.objects.published()
            .select_related("trainer__user")
            .prefetch_related(
                "objectives",
                "platforms",
                Prefetch("sessions", queryset=upcoming, to_attr="upcoming_sessions"),
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        training = self.object
        context["competences"] = [
            {"code": code, "label": label, "covered": code in training.competences}
            for code, label in Competence.choices
        ]
        context["review"] = public_review.review_of(training)
        # The brief opens with what the visitor said, or else this training's objective and platform.
        defaults = [("objective", o.slug) for o in training.active_objectives[:1]]
        defaults += [("platform", p.slug) for p in training.platforms.all()[:1]]
        context["brief_query"] = urlencode([("training", training.slug), *carried(self.request.GET, defaults)])
        return context


def _facets_markup(facets):
    """The facet navigations: their links, the active one marked, and their counts."""
    out = []
    for facet in facets:
        name = escape(facet["name"])
        label, all_label = (
            (_("Focus"), _("All focuses")) if facet["name"] == "focus" else (_("Format"), _("All formats"))
        )
        active = facet["all_active"]
        out.append(
            f'\n      <nav class="facet mb-2" aria-label="{escape(label)}">\n'
            f'        <ul class="nav nav-pills flex-nowrap overflow-x-auto facet-{name}">\n'
            f'          <li class="nav-item"><a class="nav-link text-nowrap{" active" if active else ""}" '
            f'href="{escape(facet["all_url"])}"{_CURRENT if active else ""}>{all_label}{_count(facet["total"])}</a></li>\n'
            "          "
        )
        for option in facet["options"]:
            active = option["active"]
            out.append(
                f'\n            <li class="nav-item"><a class="nav-link text-nowrap{" active" if active else ""}" '
                f'href="{escape(option["url"])}" data-facet="{name}-{escape(option["code"])}"{_CURRENT if active else ""}>'
                f"{escape(option['label'])}{_count(option['count'])}</a></li>\n          "
            )
        out.append("\n        </ul>\n      </nav>\n    ")
    return mark_safe("".join(out))  # noqa: S308  # nosec B308 B703 (escaped values, translated words)


_CURRENT = ' aria-current="true"'


def _count(count):
    if count is None:
        return ""
    shown = escape(count) if isinstance(count, str) else number_text(count)
    return f' <span class="badge rounded-pill facet-count">{shown}</span>'


def _sort_markup(options):
    """The sort menu's items, the active one marked."""
    return mark_safe(  # noqa: S308  # nosec B308 B703 (escaped values)
        "".join(
            f'\n              <li><a class="dropdown-item{" active" if option["active"] else ""}" '
            f'href="{escape(option["url"])}"{_CURRENT if option["active"] else ""}>{escape(option["label"])}</a></li>\n            '
            for option in options
        )
    )


def _keep_shortlist(request, path):
    """`path` with the visitor's shortlist kept (clearing filters keeps it)."""
    query = shortlist_of(request).query()
    return f"{path}?{query}" if query else path

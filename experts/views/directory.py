from functools import partial

from django.db.models import Count, Q
from django.utils.decorators import method_decorator
from django.views.generic import DetailView, ListView

from catalogue import fragments
from catalogue.enums import Status
from catalogue.models import Session, Training
from catalogue.page_cache import public_page
from catalogue.views.listing import active_filters, pagination_context

from .. import approaches, competences, outcomes, profile_review, response_times
from ..cards import cards_for
from ..filters import ExpertFilter
from ..models import Expert

# Upcoming sessions listed on a profile, soonest first across the trainer's published trainings.
PROFILE_SESSIONS = 10


@method_decorator(public_page(params=[*ExpertFilter.base_filters, "page"]), name="dispatch")
class ExpertListView(ListView):
    """Experts with at least one published training, filtered; a fixed number of queries.

    `page=abc` shows the first page, `page=99999` the last one: never a 404 or 500.
    """

    template_name = "experts/expert_list.html"
    context_object_name = "experts"
    paginate_by = 12

    def get_queryset(self):
        self.filterset = ExpertFilter(self.request.GET or None, queryset=Expert.objects.public())
        # The platform and use choices the sidebar lists, kept per catalogue revision.
        self.filterset.form.keep_choices = partial(fragments.value, self.request, "expert-filter-choices", ())
        return self.filterset.qs.order_by("name", "pk")

    def paginate_queryset(self, queryset, page_size):
        # Count (kept per search and catalogue revision) and page through the experts alone; only
        # the page's experts count their published trainings (counting them for every expert
        # before sorting read the whole catalogue).
        paginator = self.get_paginator(queryset, page_size, allow_empty_first_page=True)
        search = sorted((key, values) for key, values in self.request.GET.lists() if key != self.page_kwarg)
        paginator.count = fragments.value(self.request, "expert-count", search, queryset.count)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        published = Count("trainings", filter=Q(trainings__status=Status.PUBLISHED))
        on_page = queryset.values("pk")[page.start_index() - 1 : page.end_index()] if paginator.count else []
        page.object_list = list(
            Expert.objects.filter(pk__in=on_page)
            .annotate(published_count=published)
            .prefetch_related("platforms")
            .order_by("name", "pk")
        )
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        params = self.request.GET
        context.update(
            filter=self.filterset,
            form=self.filterset.form,
            has_errors=self.filterset.is_bound and not self.filterset.is_valid(),
            active_filters=active_filters(self.filterset, params, ignore=("page",)),
            result_count=context["paginator"].count,
            # [(expert, card markup)]: built in Python, kept per expert, revision and language (experts.cards).
            expert_cards=cards_for(self.request, context["experts"]),
            clear_url=self.request.path,
        )
        context.update(pagination_context(params, context["page_obj"]))
        return context


# `t`: the visitor's shortlist (catalogue.shortlist), kept by the training cards' links.
@method_decorator(public_page(params=["t"]), name="dispatch")
class ExpertDetailView(DetailView):
    """Only public experts (with a published training); others answer 404."""

    template_name = "experts/expert_detail.html"
    context_object_name = "expert"

    def get_queryset(self):
        return Expert.objects.public().select_related("user").prefetch_related("platforms")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        trainings = list(
            Training.objects.published()
            .filter(trainer=self.object)
            .with_next_session()
            .select_related("trainer")
            .order_by("-published_at", "-pk")
        )
        # Derived from the trainings just read: no query of its own (the JSON-LD reads it too).
        self.object.taught_competences = competences.from_trainings(trainings)
        context["trainings"] = trainings
        context["competences"] = competences.labels(self.object.taught_competences)
        context["approaches"] = approaches.display(self.object.approaches)
        context["taught_uses"] = approaches.taught_uses(context["approaches"])
        self.object.taught_use_list = context["taught_uses"]
        published = Training.objects.published().filter(trainer=self.object).values("pk")
        context["upcoming_sessions"] = (
            Session.objects.upcoming()
            .filter(training__in=published)
            .select_related("training")
            .order_by("starts_at", "pk")[:PROFILE_SESSIONS]
        )
        context["outcome"] = outcomes.figures_for("expert", [self.object.pk])[self.object.pk]
        context["comments"] = outcomes.public_comments(self.object)
        context["response_time"] = response_times.figures_for([self.object.pk])[self.object.pk]
        context["review"] = profile_review.public_review(self.object)
        return context

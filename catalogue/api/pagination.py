from django.core.paginator import InvalidPage
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination

# No list reaches this many pages at the largest page size; a bound the schema can state.
MAX_PAGE = 100_000


class CataloguePagination(PageNumberPagination):
    """`count`, `next`, `previous`, `results`; `page_size` is bounded."""

    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100
    invalid_page_message = _("Invalid page: %(reason)s")

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.page_query_param,
                "required": False,
                "in": "query",
                "description": (
                    f"A page number, from 1 to the last page (`count` / page size, rounded up) and at most {MAX_PAGE}."
                    " A page past the last one, 0, or not a number answers 400."
                ),
                "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE},
            },
            {
                "name": self.page_size_query_param,
                "required": False,
                "in": "query",
                "description": (
                    f"Results per page, 1 to {self.max_page_size}; {self.page_size} when missing or out of range."
                ),
                "schema": {"type": "integer", "minimum": 1, "maximum": self.max_page_size},
            },
        ]

    def paginate_queryset(self, queryset, request, view=None):
        # Like DRF's, but a bad page number is a 400 on the `page` field (the
        # same shape as every other invalid parameter), not a 404.
        page_size = self.get_page_size(request)
        if not page_size:
            return None
        paginator = self.django_paginator_class(queryset, page_size)
        page_number = self.get_page_number(request, paginator)
        try:
            self.page = paginator.page(page_number)
        except InvalidPage as exc:
            raise ValidationError({self.page_query_param: [self.invalid_page_message % {"reason": exc}]}) from exc
        if paginator.num_pages > 1 and self.template is not None:
            self.display_page_controls = True
        self.request = request
        return list(self.page)

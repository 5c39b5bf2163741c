"""Admin-only template helpers (the moderation counts on the admin index)."""

from django import template
from django.urls import reverse
from django.utils.http import urlencode

from ..enums import Status
from ..review_rules import status_counts

register = template.Library()


@register.simple_tag
def offer_status_counts():
    """[(label, count, changelist URL filtered on that status)] for every status (one query)."""
    counts = status_counts()
    url = reverse("admin:catalogue_training_changelist")
    return [(status.label, counts[status.value], f"{url}?{urlencode({'status': status.value})}") for status in Status]

"""The profiles waiting for a curator, shown next to the offers on the admin index."""

from django import template
from django.urls import reverse

from ..models import Expert

register = template.Library()


@register.simple_tag
def profiles_in_review():
    """(count, changelist URL filtered on profiles in review)."""
    url = reverse("admin:experts_expert_changelist") + "?profile_status=submitted"
    return Expert.objects.in_review().count(), url

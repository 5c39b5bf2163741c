"""Outcome figures for catalogue pages, which may not import the experts app (import-linter)."""

from django import template

from .. import outcomes

register = template.Library()


@register.simple_tag
def training_outcome(training):
    """All counted answers about `training` (one aggregate query)."""
    return outcomes.figures_for("training", [training.pk])[training.pk]

"""The demo objectives from catalogue/demo/reference.py, in memory or in the database."""

from catalogue.demo.reference import objective_fields
from catalogue.matching import analyse
from catalogue.models import Objective


def build_demo_objectives():
    """Unsaved Objective instances: enough for the pure matcher."""
    return [Objective(**fields) for fields in objective_fields()]


def create_demo_objectives():
    """The same objectives saved, as seed_demo writes them; {slug: Objective}."""
    return {o.slug: o for o in Objective.objects.bulk_create(build_demo_objectives())}


def analyse_with(text, objectives, lang="en"):
    """The matcher's analysis of `text` against the {slug: Objective} of the `objectives` fixture."""
    return analyse(text, list(objectives.values()), lang)

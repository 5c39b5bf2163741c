"""The demo objectives from catalogue/demo/reference.py, in memory or in the database."""

from catalogue.demo.reference import OBJECTIVES
from catalogue.models import Objective


def _fields(order, row):
    slug, focus, name_fr, name_en, desc_fr, desc_en, kw_fr, kw_en = row
    return dict(
        slug=slug,
        focus=focus,
        name_fr=name_fr,
        name_en=name_en,
        description_fr=desc_fr,
        description_en=desc_en,
        keywords_fr="\n".join(kw_fr),
        keywords_en="\n".join(kw_en),
        order=order,
    )


def build_demo_objectives():
    """Unsaved Objective instances: enough for the pure matcher."""
    return [Objective(**_fields(order, row)) for order, row in enumerate(OBJECTIVES)]


def create_demo_objectives():
    """The same objectives saved, as seed_demo writes them; {slug: Objective}."""
    return {o.slug: o for o in Objective.objects.bulk_create(build_demo_objectives())}

"""The competences (savoir, savoir-faire, savoir-être) an expert teaches: derived from their published
offers, never self-declared."""

from django.db.models import Exists, OuterRef, Q

from catalogue.enums import Competence
from catalogue.models import Training


def _teaches(code):
    return Q(**{f"teaches_{code}": True})


def taught(expert):
    """Competence codes that at least one of `expert`'s published trainings teaches, in enum order (one query)."""
    rows = (
        Training.objects.published()
        .filter(trainer=expert)
        .values_list(*(f"teaches_{code}" for code in Competence.values))
    )
    found = set()
    for row in rows:
        found.update(code for code, flag in zip(Competence.values, row, strict=True) if flag)
    return [code for code in Competence.values if code in found]


def from_trainings(trainings):
    """Competence codes taught by any of `trainings` (already read), in enum order."""
    found = {code for training in trainings for code in training.competences}
    return [code for code in Competence.values if code in found]


def labels(codes):
    """The Competence members of `codes` (a template shows `.label`, a test reads `.value`)."""
    return [Competence(code) for code in codes if code in Competence.values]


def teaching(code):
    """A condition on experts: a published training of theirs teaches competence `code`."""
    return Exists(Training.objects.published().filter(_teaches(code), trainer=OuterRef("pk")))

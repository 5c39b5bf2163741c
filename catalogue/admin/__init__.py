"""The curators' admin: moderation queue and review (trainings, moderation), curation
of objectives and platforms (curation). Registered on the default admin site."""

from . import curation, trainings  # noqa: F401 (registers the ModelAdmins)

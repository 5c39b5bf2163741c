"""The curators' admin: moderation queue and review (trainings, moderation), curation
of objectives and platforms (curation), the e-mail outbox (outbox). Registered on the default admin site."""

from . import curation, outbox, site, trainings  # noqa: F401 (registers the ModelAdmins, names the site)

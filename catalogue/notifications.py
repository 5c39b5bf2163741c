"""Emails that tell a trainer what happened to their offer.

Called by catalogue.workflow after a transition has committed.
"""


def transition_recorded(record):
    """Hook for the curator-decision emails (issue #5)."""

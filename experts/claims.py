"""Listings without an account (#15): a curator lists a trainer and enters their e-mail; the trainer
claims the listing by confirming that address. The claim goes to review like any profile change
(experts.profile_workflow.claim), and nothing tells a visitor which address the curators entered."""

from django.conf import settings
from django.core import signing

from . import profile_emails
from .accounts import normalise_email
from .models import Expert

CLAIM_SALT = "experts.claim-listing"


def claim_token(expert):
    return signing.dumps({"expert": expert.pk, "email": normalise_email(expert.listing_email)}, salt=CLAIM_SALT)


def request_claim(expert, email):
    """E-mail a claim link if `email` is the address the curators entered for this unclaimed listing.

    Returns whether a link was sent; the page says the same either way.
    """
    if not expert.is_unclaimed_listing or not expert.listing_email:
        return False
    if normalise_email(email) != normalise_email(expert.listing_email):
        return False
    profile_emails.queue_claim(expert, normalise_email(expert.listing_email))
    return True


def read_claim(token):
    """(expert, email) for a valid, unexpired link to a listing still unclaimed; None otherwise."""
    try:
        data = signing.loads(token, salt=CLAIM_SALT, max_age=settings.EMAIL_CONFIRMATION_MAX_AGE)
    except signing.BadSignature:
        return None
    expert = Expert.objects.filter(pk=data.get("expert")).first()
    if expert is None or not expert.is_unclaimed_listing:
        return None
    # A link sent to an address the curators changed since does not claim the listing.
    if normalise_email(expert.listing_email) != data.get("email"):
        return None
    return expert, data["email"]

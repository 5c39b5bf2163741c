"""A trainer claims the listing a curator made for them (#15)."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from experts.models import Expert, ProfileStatus
from tests.factories import approve_profile, make_curator, make_public_expert, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def listing():
    return make_public_expert(
        with_user=False,
        name="Sans Compte",
        slug="sans-compte",
        listing_email="Sans.Compte@example.org",
        listed_by=make_curator(),
        email_confirmed_at=None,
    )


def _ask(client, listing, email, capture):
    with capture(execute=True):
        return client.post(reverse("experts:claim_request", args=[listing.slug]), {"email": email})


def _link():
    return re.search(r"https?://\S+/claim/\S+/", mail.outbox[-1].body).group(0).replace("http://testserver", "")


def test_profile_says_it_is_an_unclaimed_listing(client, listing):
    page = client.get(listing.get_absolute_url()).content.decode()
    assert "unclaimed-listing" in page
    assert reverse("experts:claim_request", args=[listing.slug]) in page


def test_claim_link_goes_only_to_the_address_the_curators_entered(client, listing, django_capture_on_commit_callbacks):
    wrong = _ask(client, listing, "intrus@example.org", django_capture_on_commit_callbacks)
    right = _ask(client, listing, "sans.compte@EXAMPLE.org", django_capture_on_commit_callbacks)
    # The same page either way: nothing tells a visitor which address is on file.
    assert wrong.status_code == right.status_code == 200
    assert wrong.content.decode().count("<h1") == right.content.decode().count("<h1")
    assert [m.to for m in mail.outbox] == [["sans.compte@example.org"]]


def test_claim_goes_through_review_before_briefs(client, listing, django_capture_on_commit_callbacks):
    _ask(client, listing, "sans.compte@example.org", django_capture_on_commit_callbacks)
    response = client.post(_link(), {"password1": "un-long-mot-de-passe-9", "password2": "un-long-mot-de-passe-9"})
    assert response["Location"] == reverse("experts:dashboard")
    listing.refresh_from_db()
    assert listing.user.email == "sans.compte@example.org"
    assert (listing.claim_pending, listing.profile_status) == (True, ProfileStatus.SUBMITTED)
    assert listing.email_confirmed_at is not None
    assert not listing.can_receive_briefs
    client.logout()
    assert client.get(listing.get_absolute_url()).status_code == 200  # the approved listing stays public
    # No brief form while the claim waits (the page says the trainer cannot receive one yet).
    assert 'name="objective_text"' not in client.get(reverse("experts:brief", args=[listing.slug])).text

    curator = make_curator()
    client.force_login(curator)
    assert 'id="review-claim"' in client.get(f"/fr/admin/experts/expert/{listing.pk}/review/").content.decode()
    approve_profile(listing, curator)
    client.logout()
    assert 'name="objective_text"' in client.get(reverse("experts:brief", args=[listing.slug])).text
    # The link cannot be used twice.
    assert client.get(_link()).status_code == 400


def test_refused_claim_lets_go_of_the_listing(client, listing, django_capture_on_commit_callbacks):
    from experts import profile_workflow

    _ask(client, listing, "sans.compte@example.org", django_capture_on_commit_callbacks)
    client.post(_link(), {"password1": "un-long-mot-de-passe-9", "password2": "un-long-mot-de-passe-9"})
    listing.refresh_from_db()
    profile_workflow.transition(
        listing, "reject", by=make_curator(), message="Ce n’est pas la bonne personne.", version=listing.profile_version
    )
    listing.refresh_from_db()
    assert (listing.user, listing.claim_pending) == (None, False)
    assert listing.is_unclaimed_listing


def test_existing_account_must_log_in_before_claiming(client, listing, django_capture_on_commit_callbacks):
    user = make_user(email="sans.compte@example.org")
    _ask(client, listing, "sans.compte@example.org", django_capture_on_commit_callbacks)
    link = _link()
    client.post(link, {"password1": "x", "password2": "x"})
    assert Expert.objects.get(pk=listing.pk).user is None
    client.force_login(user)
    client.post(link, {"claim": "1"})
    assert Expert.objects.get(pk=listing.pk).user == user


def test_forged_claim_link_is_refused(client, listing):
    assert client.get("/fr/accounts/claim/forged/").status_code == 400


def test_a_profile_with_an_account_cannot_be_claimed(client):
    expert = make_public_expert()
    assert client.get(reverse("experts:claim_request", args=[expert.slug])).status_code == 404

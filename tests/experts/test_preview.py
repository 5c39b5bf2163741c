"""A trainer previews their profile and an offer as visitors will see them (issue 15)."""

import pytest

from catalogue.enums import Status
from tests.factories import make_expert, make_session, make_training

pytestmark = pytest.mark.django_db


@pytest.fixture
def alice():
    return make_expert(name="Alice Tremblay", slug="alice", headline="Stratège Instagram")


def test_a_profile_not_yet_public_can_be_previewed_by_its_owner(client, alice):
    make_training(title="Brouillon secret", trainer=alice, status=Status.DRAFT)
    assert client.get("/fr/experts/alice/").status_code == 404
    client.force_login(alice.user)
    response = client.get("/fr/dashboard/profile/preview/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "preview-banner" in page and "Stratège Instagram" in page
    assert "Brouillon secret" not in page  # only what visitors would see


def test_a_draft_offer_can_be_previewed_with_its_sessions(client, alice):
    draft = make_training(title="Atelier en préparation", trainer=alice, status=Status.DRAFT)
    make_session(draft, venue="Salle Gaspé")
    client.force_login(alice.user)
    response = client.get(f"/fr/dashboard/offers/{draft.pk}/preview/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "preview-banner" in page and "Atelier en préparation" in page and "Salle Gaspé" in page
    assert (
        f"/fr/dashboard/offers/{draft.pk}/preview/" in client.get(f"/fr/dashboard/offers/{draft.pk}/").content.decode()
    )


def test_nobody_else_can_preview_an_offer(client, alice):
    draft = make_training(trainer=alice, status=Status.SUBMITTED)
    client.force_login(make_expert().user)
    assert client.get(f"/fr/dashboard/offers/{draft.pk}/preview/").status_code == 404
    client.logout()
    response = client.get(f"/fr/dashboard/offers/{draft.pk}/preview/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client.get("/en/dashboard/profile/preview/").status_code == 302


def test_the_public_pages_show_no_preview_banner(client, alice):
    training = make_training(trainer=alice)
    assert "preview-banner" not in client.get(training.get_absolute_url()).content.decode()
    assert "preview-banner" not in client.get("/fr/experts/alice/").content.decode()

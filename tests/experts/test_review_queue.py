from datetime import timedelta

import pytest
from django.utils import timezone

from catalogue.enums import Status
from experts.models import Outcome
from tests.factories import make_brief, make_curator, make_expert, make_training, make_user
from tests.french import fr

pytestmark = pytest.mark.django_db

QUEUE = "/fr/admin/queue/"


def _world():
    offer = make_training(
        status=Status.SUBMITTED, title="Atelier LinkedIn", submitted_at=timezone.now() - timedelta(days=3)
    )
    make_training(status=Status.PUBLISHED, title="Déjà publiée")
    profile = make_expert(name="Annie Tremblay", profile_status="submitted")
    make_expert(name="Déjà approuvée")
    brief = make_brief(make_expert(name="Paul Roy"))
    outcome = Outcome.objects.create(
        brief=brief, hired=True, reached="yes", comment="Très utile", comment_status="pending"
    )
    Outcome.objects.create(
        brief=make_brief(brief.expert), hired=True, reached="no", comment="Déjà vu", comment_status="accepted"
    )
    return offer, profile, outcome


def test_review_queue_counts_each_kind_and_links_its_review(client):
    offer, profile, outcome = _world()
    client.force_login(make_curator())
    response = client.get(QUEUE)
    assert response.status_code == 200
    assert [count for _label, count in response.context["counts"]] == [1, 1, 1]
    items = response.context["items"]
    assert {item.kind: item.url for item in items} == {
        "offer": f"/fr/admin/catalogue/training/{offer.pk}/review/",
        "profile": f"/fr/admin/experts/expert/{profile.pk}/review/",
        "comment": f"/fr/admin/experts/outcome/{outcome.pk}/change/",
    }
    for title in ("Atelier LinkedIn", "Annie Tremblay", "Très utile"):
        assert title in response.text
    for other in ("Déjà publiée", "Déjà approuvée", "Déjà vu"):
        assert other not in response.text
    # Oldest first: the offer submitted three days ago leads.
    assert items[0].kind == "offer"
    assert fr("To review") in response.text


def test_review_queue_action_comes_before_the_title(client):
    _world()
    client.force_login(make_curator())
    text = client.get(QUEUE).text
    assert text.index(fr("Review the offer")) < text.index("Atelier LinkedIn")


def test_review_queue_is_linked_from_the_admin_index(client):
    client.force_login(make_curator())
    assert 'href="/fr/admin/queue/"' in client.get("/fr/admin/").text


def test_review_queue_refuses_a_trainer(client):
    trainer = make_expert().user
    client.force_login(trainer)
    response = client.get(QUEUE)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_review_queue_refuses_staff_without_curator_permissions(client):
    client.force_login(make_user(is_staff=True))
    assert client.get(QUEUE).status_code == 403

import pytest
from django.contrib.auth.models import Group

from catalogue.enums import Status
from catalogue.permissions import CURATORS_GROUP
from tests.factories import make_curator, make_training, make_user
from tests.french import fr

pytestmark = pytest.mark.django_db


def test_curators_group_exists_after_migrate_with_exactly_the_curator_permissions():
    group = Group.objects.get(name=CURATORS_GROUP)
    perms = set(group.permissions.values_list("content_type__app_label", "codename"))
    assert ("catalogue", "moderate_training") in perms
    assert ("catalogue", "change_objective") in perms
    assert ("experts", "view_brief") in perms
    assert not {codename for app, codename in perms if app == "auth"}
    assert ("catalogue", "delete_training") not in perms


def test_curator_is_staff_not_superuser_and_can_moderate():
    curator = make_curator()
    assert curator.is_staff and not curator.is_superuser
    assert curator.has_perm("catalogue.moderate_training")
    assert not curator.has_perm("auth.change_user")
    assert not curator.has_perm("auth.view_user")


def test_curator_reaches_the_queue_and_review_but_not_user_management(client):
    training = make_training(status=Status.SUBMITTED, title="Atelier LinkedIn")
    client.force_login(make_curator())
    queue = client.get("/fr/admin/catalogue/training/")
    assert queue.status_code == 200
    assert "Atelier LinkedIn" in queue.text
    review = client.get(f"/fr/admin/catalogue/training/{training.pk}/review/")
    assert review.status_code == 200
    assert fr("Review “%(title)s”", title="Atelier LinkedIn") in review.text
    assert client.get("/fr/admin/auth/user/").status_code == 403
    assert client.get("/fr/admin/auth/group/").status_code == 403
    assert "/admin/auth/user/" not in client.get("/fr/admin/").text


def test_trainer_cannot_reach_the_admin(client):
    training = make_training(status=Status.SUBMITTED)
    client.force_login(training.trainer.user)
    for url in ("/fr/admin/", "/fr/admin/catalogue/training/", f"/fr/admin/catalogue/training/{training.pk}/review/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/fr/admin/login/")


def test_staff_without_moderation_permission_cannot_review(client):
    training = make_training(status=Status.SUBMITTED)
    client.force_login(make_user(is_staff=True))
    assert client.get(f"/fr/admin/catalogue/training/{training.pk}/review/").status_code == 403


def test_superuser_keeps_everything(client):
    admin = make_user(is_staff=True, is_superuser=True, email="root@example.com")
    client.force_login(admin)
    users = client.get("/fr/admin/auth/user/")
    assert users.status_code == 200
    assert "root@example.com" in users.text
    assert admin.has_perm("catalogue.moderate_training")

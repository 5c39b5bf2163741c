"""Only published trainings are ever visible: list, detail, search, expert pages."""

import pytest

from catalogue.enums import Status
from tests.factories import make_expert, make_training

pytestmark = pytest.mark.django_db

HIDDEN = [Status.DRAFT, Status.SUBMITTED, Status.CHANGES_REQUESTED, Status.REJECTED, Status.ARCHIVED]


@pytest.fixture
def catalogue_with():
    def build(status):
        shown_trainer = make_expert(name="Visible Trainer", slug="visible-trainer")
        make_training(title="Published zebra", slug="published-zebra", trainer=shown_trainer)
        hidden_trainer = make_expert(name="Hidden Trainer", slug="hidden-trainer")
        hidden = make_training(title="Secret zebra", slug="secret-zebra", status=status, trainer=hidden_trainer)
        # The visible trainer also has an unpublished offer.
        make_training(title="Other secret zebra", slug="other-secret-zebra", status=status, trainer=shown_trainer)
        return hidden

    return build


@pytest.mark.parametrize("status", HIDDEN)
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_unpublished_training_is_invisible_everywhere(client, catalogue_with, status, lang):
    catalogue_with(status)

    listing = client.get(f"/{lang}/trainings/").content.decode()
    assert "Published zebra" in listing
    assert "Secret zebra" not in listing

    search = client.get(f"/{lang}/trainings/?q=zebra").content.decode()
    assert "Published zebra" in search
    assert "Secret zebra" not in search
    assert "Other secret zebra" not in search

    assert client.get(f"/{lang}/trainings/secret-zebra/").status_code == 404
    assert client.get(f"/{lang}/trainings/other-secret-zebra/").status_code == 404

    experts = client.get(f"/{lang}/experts/").content.decode()
    assert "Visible Trainer" in experts
    assert "Hidden Trainer" not in experts
    assert client.get(f"/{lang}/experts/hidden-trainer/").status_code == 404

    profile = client.get(f"/{lang}/experts/visible-trainer/").content.decode()
    assert "Published zebra" in profile
    assert "Other secret zebra" not in profile


@pytest.mark.parametrize("status", HIDDEN)
def test_unpublished_trainings_do_not_count_in_facets(client, catalogue_with, status):
    catalogue_with(status)
    response = client.get("/en/trainings/")
    assert response.context["result_count"] == 1
    focus = next(f for f in response.context["facets"] if f["name"] == "focus")
    assert focus["total"] == 1


def test_expert_without_any_training_is_a_404(client):
    make_expert(slug="nobody")
    assert client.get("/fr/experts/nobody/").status_code == 404

"""Uses (diffuser, communiquer, réseauter, jouer, éduquer): seeded, curated, declared, public."""

from datetime import timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from catalogue.demo.reference import OBJECTIVES
from catalogue.models import Objective, Platform, Revision, Training, Use
from experts import demo
from tests.factories import make_curator, make_objective, make_training

BEFORE, AFTER = ("catalogue", "0008_outbox"), ("catalogue", "0009_uses")


@pytest.mark.django_db
def test_migration_seeds_the_five_uses_of_the_source_text():
    assert list(Use.objects.values_list("code", flat=True)) == [
        "broadcast",
        "communicate",
        "networking",
        "play",
        "educate",
    ]
    assert Use.objects.get(code="networking").name_fr == "Réseauter"


@pytest.fixture
def latest_schema_after():
    """Later migrations (0010_exchange_rates…) are applied again for the tests that follow."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_migration_gives_existing_trainings_their_objectives_uses_without_touching_status(latest_schema_after):
    executor = MigrationExecutor(connection)
    executor.migrate([BEFORE])
    apps = executor.loader.project_state([BEFORE]).apps
    Expert = apps.get_model("experts", "Expert")
    OldObjective = apps.get_model("catalogue", "Objective")
    OldTraining = apps.get_model("catalogue", "Training")
    expert = Expert.objects.create(name="Nadia Roy", slug="nadia-roy", focuses=["network"])
    objective = OldObjective.objects.create(
        slug="diffuser-vos-messages",
        focus="media",
        name_fr="Diffuser vos messages",
        name_en="Spread your messages",
        keywords_fr="diffuser\ncommuniquer\nannonce",
        keywords_en="spread\ncommunicate",
    )
    updated = timezone.now() - timedelta(days=30)
    training = OldTraining.objects.create(
        title="Diffuser sur LinkedIn",
        slug="diffuser-linkedin",
        trainer=expert,
        summary="s",
        focus="media",
        format="workshop",
        duration_hours=3,
        status="published",
        search_text="diffuser sur linkedin",
    )
    training.objectives.add(objective)
    OldTraining.objects.filter(pk=training.pk).update(updated_at=updated)

    executor = MigrationExecutor(connection)
    executor.migrate([AFTER])

    training = Training.objects.get(slug="diffuser-linkedin")
    assert sorted(training.uses.values_list("code", flat=True)) == ["broadcast", "communicate"]
    assert training.status == "published"
    assert training.updated_at == updated
    assert {"diffuser", "communiquer", "broadcast"} <= set(training.search_text.split())
    objective = Objective.objects.get(slug="diffuser-vos-messages")
    assert "communiquer" not in objective.keyword_list("fr")
    assert "communicate" not in objective.keyword_list("en")
    assert "diffuser" in objective.keyword_list("fr")


def test_communicate_is_not_a_keyword_of_the_media_objective_spread_your_messages():
    spread = next(row for row in OBJECTIVES if row[0] == "diffuser-vos-messages")
    assert not {"communiquer", "communication", "communicate"} & {*spread[6], *spread[7]}


@pytest.mark.django_db
def test_demo_objectives_trainings_and_linkedin_declare_uses_and_notes():
    demo.seed(trainings=20, experts=4, seed=3)
    spread = Objective.objects.get(slug="diffuser-vos-messages")
    assert set(spread.uses.values_list("code", flat=True)) == {"broadcast", "communicate"}
    assert not Training.objects.published().filter(uses=None).exists()
    network = Training.objects.published().filter(focus="network").first()
    assert network.uses.filter(code="networking").exists()
    assert "réseau social" in Platform.objects.get(slug="linkedin").note_fr


@pytest.mark.django_db
def test_curator_edits_a_use_and_public_pages_change_at_once(client):
    client.force_login(make_curator())
    assert client.get("/fr/admin/catalogue/use/").status_code == 200
    use = Use.objects.get(code="play")
    before = Revision.current()
    response = client.post(
        f"/fr/admin/catalogue/use/{use.pk}/change/",
        {
            "code": "play",
            "order": 3,
            "name_fr": "Jouer",
            "name_en": "Play",
            "keywords_fr": "jouer\nconcours",
            "keywords_en": "play",
            "_save": "1",
        },
    )
    assert response.status_code == 302
    assert Use.objects.get(code="play").keyword_list("fr") == ["jouer", "concours"]
    assert Revision.current() > before


@pytest.mark.django_db
def test_linking_a_use_to_an_objective_or_a_training_bumps_the_revision():
    objective = make_objective()
    training = make_training()
    use = Use.objects.get(code="educate")
    before = Revision.current()
    objective.uses.add(use)
    middle = Revision.current()
    training.uses.add(use)
    assert before < middle < Revision.current()


@pytest.mark.django_db
def test_training_api_lists_its_use_codes(client):
    training = make_training(slug="jouer-tiktok")
    training.uses.set(Use.objects.filter(code__in=["play", "broadcast"]))
    body = client.get("/api/v1/trainings/jouer-tiktok/").json()
    assert sorted(body["uses"]) == ["broadcast", "play"]
    listed = client.get("/api/v1/trainings/?use=play").json()
    assert [row["slug"] for row in listed["results"]] == ["jouer-tiktok"]


@pytest.mark.django_db
def test_calendar_feed_takes_the_use_filter(client):
    from tests.factories import make_session

    played = make_training(title="Concours Instagram")
    played.uses.set(Use.objects.filter(code="play"))
    make_session(played)
    make_session(make_training(title="Autre chose"))

    body = client.get("/fr/trainings/feed.ics", {"use": "play"}).content.decode()

    assert "Concours Instagram" in body
    assert "Autre chose" not in body

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("experts", "0005_brief_platforms_competences")]
AFTER = [("experts", "0006_profile_review")]


@pytest.mark.django_db(transaction=True)
def test_existing_profiles_are_migrated_as_approved():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    state = executor.loader.project_state(BEFORE).apps
    old = state.get_model("experts", "Expert")
    expert = old.objects.create(name="Ancienne", slug="ancienne", focuses=["media", "network"], languages=["fr"])
    platform = state.get_model("catalogue", "Platform").objects.create(slug="mig-linkedin", name_fr="L", name_en="L")
    expert.platforms.add(platform)
    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps.get_model("experts", "Expert")
    expert = new.objects.get(slug="ancienne")
    assert expert.profile_status == "approved"
    assert expert.reviewed_at is not None and expert.reviewed_at <= timezone.now()
    # Today's platforms carried over to the grid, with the uses the declared focuses stand for.
    assert expert.approaches == [{"platform": "mig-linkedin", "uses": ["broadcast", "networking"]}]
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

"""Property-based fuzzing of the API against its own OpenAPI schema.

Schemathesis generates valid and invalid requests for every operation; any
5xx, undocumented status code, wrong content type or response that does not
match the schema fails the test. Bounded to stay well under a minute.
"""

from datetime import timedelta

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from catalogue.enums import Status
from tests.factories import make_expert, make_objective, make_platform, make_session, make_training

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


# The schema is generated without touching the database, so it can load at import.
schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", get_wsgi_application())


@pytest.fixture
def _keep_test_connection():
    """Like Django's test client: the WSGI app must not close the connection
    that holds the test's transaction at the end of each request."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def api_data(db, settings, _keep_test_connection):
    settings.API_THROTTLE_RATE = "100000/min"
    objective = make_objective(slug="marketing-viral")
    platform = make_platform(slug="linkedin")
    expert = make_expert(slug="anne", focuses=["media", "network"], languages=["fr", "en"])
    expert.platforms.set([platform])
    training = make_training(slug="viral", trainer=expert, objectives=[objective], platforms=[platform])
    make_session(training, starts_in=timedelta(days=3))
    make_session(training, starts_in=timedelta(days=3), is_online=True, online_url="https://meet.example/x")
    make_training(slug="free-course", trainer=expert, price=0, format="course")
    make_training(slug="draft", status=Status.DRAFT)


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_api_conforms_to_its_schema(api_data, case):
    case.call_and_validate(checks=CHECKS)

"""The schema states what the API refuses, so a client that reads it knows what is turned down.

Static bounds (page, slug shape, objective length and characters, `format`) are checked on the
schema itself. Schemathesis (in-process, through WSGI) then sends schema-valid requests and checks
every answer is documented. Two refusals depend on the data, so the schema states them in words,
and schemathesis's `positive_data_acceptance` check is left out: a page past the last one, and a
well-formed slug that names no objective or platform (both 400).
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from catalogue.api.pagination import MAX_PAGE
from tests.factories import make_api_world

pytestmark = pytest.mark.django_db

LISTS = ["/api/v1/trainings/", "/api/v1/experts/", "/api/v1/objectives/", "/api/v1/platforms/"]


@pytest.fixture(scope="module")
def openapi():
    return SchemaGenerator().get_schema(request=None, public=True)


def _parameter(openapi, path, name):
    (parameter,) = [p for p in openapi["paths"][path]["get"]["parameters"] if p["name"] == name]
    return parameter


@pytest.mark.parametrize("path", LISTS)
def test_schema_bounds_the_page_of_every_list(openapi, path):
    schema = _parameter(openapi, path, "page")["schema"]
    assert (schema["minimum"], schema["maximum"]) == (1, MAX_PAGE)
    assert _parameter(openapi, path, "page_size")["schema"]["minimum"] == 1


@pytest.mark.parametrize(
    ("path", "name"),
    [("/api/v1/trainings/", "platform"), ("/api/v1/trainings/", "objective"), ("/api/v1/experts/", "platform")],
)
def test_schema_states_the_slug_shape_of_repeatable_parameters(openapi, path, name):
    assert _parameter(openapi, path, name)["schema"]["items"]["pattern"] == r"^[-a-zA-Z0-9_]+$"


def test_schema_states_the_match_objective_length_and_characters(openapi, client):
    schema = _parameter(openapi, "/api/v1/match/", "objective")["schema"]
    assert schema["maxLength"] == 500
    assert "pattern" in schema
    assert client.get("/api/v1/match/", {"objective": "garder\x01le lien"}).status_code == 400
    assert client.get("/api/v1/match/", {"objective": "garder le lien"}).status_code == 200


def test_schema_and_docs_say_format_is_the_training_format(openapi, client):
    parameter = _parameter(openapi, "/api/v1/trainings/", "format")
    assert "json" not in parameter["schema"]["enum"]
    assert "?format=json" in parameter["description"]
    assert "Accept: application/json" in openapi["info"]["description"]
    assert "Accept: application/json" in client.get("/api/v1/docs/").content.decode()
    assert client.get("/api/v1/trainings/?format=json").status_code == 400
    assert client.get("/api/v1/trainings/", headers={"Accept": "application/json"}).status_code == 200


@pytest.mark.parametrize(("url", "status"), [("/api/v1/objectives/?page=0", 400), ("/api/v1/experts/?page=27100", 400)])
def test_page_outside_the_schema_bounds_or_past_the_last_is_a_400(client, url, status):
    assert client.get(url).status_code == status


# --- schemathesis: schema-valid requests must be accepted -------------------------------------

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", get_wsgi_application())


@pytest.fixture
def _keep_test_connection():
    """As Django's test client: the WSGI app must not close the test's connection after each request."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def api_data(db, settings, _keep_test_connection):
    settings.API_THROTTLE_RATE = "100000/min"
    make_api_world()


@schema.parametrize()
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_api_accepts_what_its_schema_allows(api_data, case):
    case.call_and_validate(checks=CHECKS)


def test_schema_documents_outcomes_review_and_response_time(openapi):
    schemas = openapi["components"]["schemas"]
    training, expert = schemas["Training"]["properties"], schemas["Expert"]["properties"]
    assert {"outcomes", "review"} <= set(training) and {"outcomes", "response_time_hours"} <= set(expert)
    outcomes = schemas["Outcomes"]["properties"]
    assert set(outcomes) == {"answered", "reached", "partly", "by_objective"}

"""Cross-cutting API behaviour: throttling, CORS, schema and docs."""

import pytest
import yaml

from tests.factories import make_training

pytestmark = pytest.mark.django_db


def test_anonymous_clients_are_throttled_per_ip_with_retry_after(client, settings):
    settings.API_THROTTLE_RATE = "3/min"
    make_training()
    for _ in range(3):
        assert client.get("/api/v1/trainings/", REMOTE_ADDR="10.0.0.1").status_code == 200
    response = client.get("/api/v1/trainings/", REMOTE_ADDR="10.0.0.1")
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    assert "detail" in response.json()
    # Another address has its own budget; with no trusted proxy (the local
    # default) a forged X-Forwarded-For does not help.
    assert settings.TRUSTED_PROXIES == 0
    assert client.get("/api/v1/platforms/", REMOTE_ADDR="10.0.0.2").status_code == 200
    forged = client.get("/api/v1/platforms/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert forged.status_code == 429


def test_behind_a_load_balancer_the_throttle_counts_each_client(client, settings):
    settings.API_THROTTLE_RATE = "2/min"
    settings.TRUSTED_PROXIES = 1
    balancer = "10.0.0.254"
    for _ in range(2):
        assert (
            client.get("/api/v1/platforms/", REMOTE_ADDR=balancer, HTTP_X_FORWARDED_FOR="203.0.113.7").status_code
            == 200
        )
    assert client.get("/api/v1/platforms/", REMOTE_ADDR=balancer, HTTP_X_FORWARDED_FOR="203.0.113.7").status_code == 429
    # The proxy appends the real client last; a forged first entry changes nothing.
    forged = client.get("/api/v1/platforms/", REMOTE_ADDR=balancer, HTTP_X_FORWARDED_FOR="1.1.1.1, 203.0.113.7")
    assert forged.status_code == 429
    other = client.get("/api/v1/platforms/", REMOTE_ADDR=balancer, HTTP_X_FORWARDED_FOR="198.51.100.9")
    assert other.status_code == 200


def test_api_answers_when_the_throttle_cache_is_unreachable(client, monkeypatch, caplog):
    from django.core.cache.backends.redis import RedisCache

    from catalogue.api.throttling import AnonymousRateThrottle

    # Nothing listens on port 1: every cache call fails as when Redis is down.
    monkeypatch.setattr(AnonymousRateThrottle, "cache", RedisCache("redis://127.0.0.1:1/0", {}))
    make_training(slug="still-served")
    response = client.get("/api/v1/trainings/")
    assert response.status_code == 200
    assert [t["slug"] for t in response.json()["results"]] == ["still-served"]
    assert "API throttle not checked: the cache is unreachable." in caplog.text


def test_default_throttle_rate_is_a_sane_per_minute_rate():
    from django.conf import settings

    assert settings.API_THROTTLE_RATE == "120/min"


def test_cors_allows_read_only_use_from_other_sites_without_credentials(client):
    make_training(slug="open")
    response = client.get("/api/v1/trainings/open/", HTTP_ORIGIN="https://partner.example")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    preflight = client.options(
        "/api/v1/trainings/",
        HTTP_ORIGIN="https://partner.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert set(preflight["Access-Control-Allow-Methods"].replace(" ", "").split(",")) == {"GET", "HEAD", "OPTIONS"}


def test_cors_is_not_granted_to_html_pages(client):
    response = client.get("/fr/", HTTP_ORIGIN="https://partner.example")
    assert "Access-Control-Allow-Origin" not in response


def test_api_is_read_only(client):
    make_training(slug="open")
    assert client.post("/api/v1/trainings/", {}).status_code == 405
    assert client.delete("/api/v1/trainings/open/").status_code == 405


def test_schema_describes_every_endpoint_and_filter_parameter(client):
    response = client.get("/api/v1/schema/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    schema = yaml.safe_load(response.content)
    assert schema["openapi"].startswith("3.")
    paths = schema["paths"]
    for path in [
        "/api/v1/trainings/",
        "/api/v1/trainings/{slug}/",
        "/api/v1/experts/",
        "/api/v1/experts/{slug}/",
        "/api/v1/objectives/",
        "/api/v1/platforms/",
    ]:
        assert set(paths[path]) == {"get"}, path
    trainings = paths["/api/v1/trainings/"]["get"]
    names = {parameter["name"] for parameter in trainings["parameters"]}
    assert names == {
        "q",
        "focus",
        "format",
        "objective",
        "platform",
        "use",
        "competence",
        "level",
        "mode",
        "language",
        "city",
        "starts_after",
        "starts_before",
        "price_max",
        "free",
        "sort",
        "page",
        "page_size",
    }
    assert set(trainings["responses"]) == {"200", "400", "429"}
    assert set(paths["/api/v1/trainings/{slug}/"]["get"]["responses"]) == {
        "200",
        "400",
        "404",
        "429",
    }  # 400: a NUL byte in the slug
    experts = {parameter["name"] for parameter in paths["/api/v1/experts/"]["get"]["parameters"]}
    assert experts == {"focus", "platform", "use", "competence", "city", "language", "page", "page_size"}
    assert "PaginatedTrainingList" in schema["components"]["schemas"]


def test_docs_page_loads_swagger_from_our_static_files_without_inline_script(client):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert "<script>" not in html and "<style" not in html and "style=" not in html
    assert "cdn" not in html.lower()
    script = client.get("/api/v1/docs/?script=")
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")
    assert "/api/v1/schema/" in script.content.decode()

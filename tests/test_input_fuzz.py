"""No GET parameter of a public page or of the API answers 5xx, whatever its value.

The parameters are not listed here: they come from what the code declares, so a
new filter or API parameter is fuzzed without anyone adding it.

- HTML pages: every URL whose view is a `public_page` (catalogue.page_cache), with the
  parameters it declares (the list pages declare their FilterSet's `base_filters`);
  the feeds, which take TrainingFilter's; the brief pages' own parameters.
- API: every GET operation of the OpenAPI schema (/api/v1/schema/), with its query
  parameters and its path parameters.

Every parameter gets every value of VALUES, also repeated: one parameter at a time
where one bad parameter refuses the whole request (API, feeds), all parameters at
once on HTML lists (see `all_at_once`). On SQLite and PostgreSQL (a NUL byte
gave a 500 there). About 1,000 requests.
"""

from datetime import timedelta
from functools import cache
from urllib.parse import quote

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import translation
from drf_spectacular.generators import SchemaGenerator

from catalogue.filters import TrainingFilter
from tests.factories import make_api_world, make_session

pytestmark = pytest.mark.django_db

# Already percent-encoded (the query string is sent as written): invalid UTF-8 must reach the app raw.
VALUES = [
    "",
    "%00",
    "a%00b",
    "9999-12-31",
    "0001-01-01",
    "10000-01-01",
    "2026-02-30",
    "99999999999999999999999999",
    "-99999999999999999999",
    "-1",
    "0",
    "1e309",
    "NaN",
    "%FF%FE%C3",
    "%ED%A0%80",  # a lone surrogate, also invalid UTF-8
    quote("x" * 5000),
    quote("🙂" * 300),
    quote("' OR 1=1 --<script>\u202e\r\n\t"),
]

# Pages that read parameters without being cached pages: each with where its parameters come from.
# Like the API, they refuse a whole request for one bad parameter: fuzzed one parameter at a time.
EXTRA_PAGES = {
    "/fr/trainings/feed.ics": TrainingFilter.base_filters,
    "/fr/trainings/feed.xml": TrainingFilter.base_filters,
    "/fr/experts/anne/brief/": ("objective", "training"),
    "/fr/experts/anne/brief/sent/": ("training",),
}

# Values of path parameters that exist in the test data, by parameter name.
REAL_PATH_VALUES = {"slug": "viral"}


@pytest.fixture
def world(settings):
    settings.API_THROTTLE_RATE = "1000000/min"
    training = make_api_world()
    make_session(training, starts_in=timedelta(days=5), is_online=True, online_url="https://meet.example/x")


def _walk(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry.callback


@cache
def public_pages():
    """{url: parameters} of every public page that declares the parameters it reads."""
    pages = {}
    with translation.override("fr"):
        for route, callback in _walk(get_resolver().url_patterns):
            view_class = getattr(callback, "view_class", None)
            declared = getattr(view_class.dispatch if view_class else callback, "public_params", None)
            if declared and "<" not in route:
                pages["/" + route.lstrip("^").rstrip("$")] = sorted(declared)
    return pages


@cache
def api_operations():
    """{url: parameters} of every GET operation of the schema, path parameters filled in and fuzzed."""
    schema = SchemaGenerator().get_schema(request=None, public=True)
    operations = {}
    for path, methods in schema["paths"].items():
        if "get" not in methods:
            continue
        parameters = methods["get"].get("parameters", [])
        query = sorted(p["name"] for p in parameters if p["in"] == "query")
        in_path = [p["name"] for p in parameters if p["in"] == "path"]
        real = path
        for name in in_path:
            real = real.replace("{" + name + "}", REAL_PATH_VALUES.get(name, "x"))
        operations[real] = query
        for name in in_path:  # each path parameter fuzzed too, the others real
            for value in VALUES:
                if value:
                    operations[real.replace(REAL_PATH_VALUES.get(name, "x"), value, 1) + "#path"] = []
    return operations


def one_at_a_time(params):
    """Each value in each parameter alone: an API refuses a whole request for one bad parameter,
    which would hide what another parameter does with its value."""
    for name in params:
        for value in VALUES:
            yield f"{name}={value}"
        yield f"{name}=a&{name}={VALUES[1]}&{name}={VALUES[3]}"  # repeated
    yield "unknown=%00&%FF=1"


def all_at_once(params):
    """len(VALUES) requests in which every parameter gets every value once (a Latin square),
    each parameter repeated with the next value too. Enough for an HTML page, where an invalid
    parameter is a form error and the others still apply; and far fewer requests."""
    n = len(VALUES)
    for i in range(n):
        parts = [f"{name}={VALUES[(i + j) % n]}&{name}={VALUES[(i + j + 1) % n]}" for j, name in enumerate(params)]
        yield "&".join([*parts, f"unknown{i}={VALUES[i]}"])


def _assert_no_server_error(client, url, queries):
    failures = []
    for query in queries:
        full = f"{url}?{query}" if query else url
        status = client.get(full).status_code
        if status >= 500:
            failures.append((status, full[:300]))
    assert not failures, failures


def test_every_public_page_and_api_operation_is_fuzzed():
    pages, operations = public_pages(), api_operations()
    assert {"/fr/trainings/", "/fr/experts/", "/fr/match/"} <= set(pages)
    assert set(TrainingFilter.base_filters) <= set(pages["/fr/trainings/"])
    assert {"/api/v1/trainings/", "/api/v1/experts/", "/api/v1/match/", "/api/v1/trainings/viral/"} <= set(operations)
    assert {"starts_before", "platform", "page"} <= set(operations["/api/v1/trainings/"])


@pytest.mark.parametrize("url", sorted(public_pages()))
def test_html_page_never_answers_5xx(client, world, url):
    _assert_no_server_error(client, url, all_at_once(public_pages()[url]))


@pytest.mark.parametrize("url", sorted(EXTRA_PAGES))
def test_feed_and_brief_page_never_answer_5xx(client, world, url):
    _assert_no_server_error(client, url, one_at_a_time(sorted(EXTRA_PAGES[url])))


@pytest.mark.parametrize("url", sorted(api_operations()))
def test_api_operation_never_answers_5xx(client, world, url):
    if url.endswith("#path"):
        _assert_no_server_error(client, url.removesuffix("#path"), [""])
    else:
        _assert_no_server_error(client, url, one_at_a_time(api_operations()[url]))

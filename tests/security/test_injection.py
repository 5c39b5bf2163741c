"""The injection corpus, stored and submitted everywhere, never comes back as executable markup.

These checks parse the HTML the server sends; tests/browser/test_injection.py
renders the same pages in Chromium and fails if any script runs.
"""

import pytest
from django.test import Client, override_settings
from django.utils import translation
from django.utils.html import escape

from catalogue.markup import render_markdown
from tests.security.html_safety import unsafe_markup
from tests.security.injection import FORMS, build_payload_world, payload_pages
from tests.security.payloads import PAYLOADS

pytestmark = pytest.mark.django_db


def test_corpus_has_at_least_thirty_distinct_payloads():
    assert len(set(PAYLOADS)) == len(PAYLOADS) >= 30


@pytest.mark.parametrize(
    ("context", "payload"),
    [
        ("<p>{}</p>", "<script>window.__xss=1</script>"),
        ("<p>{}</p>", "<img src=x onerror=window.__xss=1>"),
        ("<p>{}</p>", '<a href=" JaVaScRiPt:window.__xss=1">x</a>'),
        ("<p>{}</p>", '<iframe srcdoc="<script>parent.__xss=1</script>">'),
        ('<input value="{}">', '" autofocus onfocus="window.__xss=1'),
        ('<script type="application/ld+json">{{"name": "{}"}}</script>', '"}</script><script>window.__xss=1</script>'),
        ('<script type="application/ld+json">{{"name": "{}"}}</script>', 'a "quoted" name'),
    ],
)
def test_checker_finds_executable_markup(context, payload):
    """The check can fail: unescaped payloads are reported."""
    assert unsafe_markup(context.format(payload)) != []


def test_markdown_renderer_neutralises_every_payload():
    problems = {p: unsafe_markup(str(render_markdown(p))) for p in PAYLOADS}
    assert {p: found for p, found in problems.items() if found} == {}


def test_pages_showing_stored_payloads_contain_no_executable_markup():
    world = build_payload_world()
    clients = {}
    problems = {}
    for role, path in payload_pages(world):
        if role not in clients:
            clients[role] = Client()
            if user := world.user(role):
                clients[role].force_login(user)
        response = clients[role].get(path)
        assert response.status_code == 200, path
        if found := unsafe_markup(response.text):
            problems[path] = found
    assert problems == {}
    # The pages did show the payloads, escaped.
    detail = clients[None].get(world.trainings[0].get_absolute_url()).text
    assert escape(world.trainings[0].title) in detail


@pytest.mark.parametrize("form", FORMS, ids=str)
def test_form_answers_contain_no_executable_markup(form):
    world = build_payload_world()
    problems = {}
    with override_settings(**form.settings):
        _submit_everywhere(form, world, problems)
    assert problems == {}


def _submit_everywhere(form, world, problems):
    for payload in PAYLOADS:
        client = Client()
        if form.role:
            client.force_login(world.user(form.role))
        data = {**form.data, **form.hidden, **dict.fromkeys(form.fields, payload)}
        response = getattr(client, form.method)(form.path(world), data)
        assert response.status_code in (200, 302), f"{form.id} answered {response.status_code} to {payload!r}"
        pages = [("answer", response.text)]
        if form.confirm:
            response = client.post(form.path(world), {**data, **form.confirm})
            assert response.status_code in (200, 302), f"{form.id} confirmation answered {response.status_code}"
            pages.append(("confirmation", response.text))
        for shown_on in form.shown_on:
            role, path = shown_on(world)
            viewer = Client()
            if role:
                viewer.force_login(world.user(role))
            pages.append((path, viewer.get(path).text))
        if form.follow:
            target = form.follow(world)
            response = client.post(
                target, {**form.follow_data, **dict.fromkeys(form.follow_fields, payload)}, follow=True
            )
            assert response.status_code == 200, f"{form.id} follow-up answered {response.status_code}"
            pages.append((f"follow-up {target}", response.text))
        for where, html in pages:
            if found := unsafe_markup(html):
                problems[f"{payload!r} on {where}"] = found


def test_feeds_carry_the_payloads_as_text():
    """The .ics and Atom feeds are parsed as calendar and XML: each payload comes back as the exact text."""
    import xml.etree.ElementTree as ET  # noqa: S405 (our own feed, parsed in a test)

    import icalendar
    from django.urls import reverse

    world = build_payload_world()
    client = Client()
    titles = {t.title for t in world.trainings}
    with translation.override("fr"):
        calendar = icalendar.Calendar.from_ical(client.get(reverse("catalogue:training_feed_ics")).content)
        atom = ET.fromstring(client.get(reverse("catalogue:training_feed_atom")).content)  # noqa: S314
        one = icalendar.Calendar.from_ical(
            client.get(reverse("catalogue:training_ics", kwargs={"slug": world.trainings[0].slug})).content
        )
    summaries = {str(event["SUMMARY"]) for event in calendar.walk("VEVENT")}
    assert titles <= summaries
    assert {str(event["SUMMARY"]) for event in one.walk("VEVENT")} == {world.trainings[0].title}
    ns = {"atom": "http://www.w3.org/2005/Atom"}
    entries = atom.findall("atom:entry", ns)
    assert entries
    # Titles are plain text: no element was made of a payload's markup.
    assert {e.find("atom:title", ns).text for e in entries} <= titles
    assert all(len(e.find("atom:title", ns)) == 0 for e in entries)
    for entry in entries:
        summary = entry.find("atom:summary", ns)
        if summary is not None and summary.get("type") == "html":
            assert unsafe_markup(summary.text or "") == []

"""A visitor's journey with the keyboard only: Tab, Shift+Tab, Enter and typing, never the mouse.

`tab_to` presses Tab until the wanted element has focus, failing if it is never
reached, so every step also proves the element is in the tab order.
The whole visitor journey (home → objective → match → training → brief sent)
is one test.
"""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import translation

from experts.models import Brief
from tests.catalogue.objectives import create_demo_objectives
from tests.factories import make_match_world
from tests.pages import build_world

pytestmark = pytest.mark.django_db(transaction=True)


def focused_matches(page, selector):
    return page.evaluate("(s) => !!document.activeElement && document.activeElement.matches(s)", selector)


def tab_to(page, selector, limit=80):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if focused_matches(page, selector):
            return
    raise AssertionError(f"{selector!r} is not reachable with Tab ({limit} presses)")


def activate(page, key="Enter"):
    with page.expect_navigation():
        page.keyboard.press(key)


def test_skip_link_is_first_and_moves_focus_to_the_content(page, live_server):
    page.goto("/fr/trainings/")
    page.keyboard.press("Tab")
    assert focused_matches(page, "a.skip-link")
    assert page.locator("a.skip-link").is_visible()  # visible once focused
    with translation.override("fr"):
        label = translation.gettext("Skip to main content")
    assert page.evaluate("() => document.activeElement.textContent.trim()") == label
    page.keyboard.press("Enter")
    assert focused_matches(page, "main#content")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.closest('header') === null")


def test_language_switch_with_the_keyboard(page, live_server):
    page.goto("/fr/trainings/")
    tab_to(page, "header a[hreflang=en]")
    activate(page)
    assert page.url.endswith("/en/trainings/")
    assert page.locator("html").get_attribute("lang") == "en"
    tab_to(page, "header a[hreflang=fr]")
    activate(page)
    assert page.url.endswith("/fr/trainings/")


def test_visitor_reaches_the_catalogue_and_opens_a_training(page, live_server):
    world = build_world()
    page.goto("/fr/")
    tab_to(page, "header a[href='/fr/trainings/']")
    activate(page)
    assert page.url.endswith("/fr/trainings/")
    tab_to(page, f"main a[href='{world.training.get_absolute_url()}']")
    activate(page)
    assert page.locator("h1").first.inner_text() == world.training.title


def test_visitor_filters_the_catalogue_with_the_keyboard(page, live_server):
    world = build_world()
    page.goto("/fr/trainings/")
    tab_to(page, "main form [name=q]", limit=40)
    page.keyboard.type("réseau")
    activate(page)
    assert "q=r%C3%A9seau" in page.url
    # Only the networking training is listed; open it.
    assert page.locator(f"main a[href='{world.training.get_absolute_url()}']").count() == 0
    tab_to(page, f"main a[href='{world.other_training.get_absolute_url()}']")
    activate(page)
    assert page.locator("h1").first.inner_text() == world.other_training.title


def test_phone_visitor_opens_the_menu_with_the_keyboard(page, live_server):
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto("/fr/")
    assert not page.locator("#main-nav a[href='/fr/experts/']").is_visible()
    tab_to(page, "button.navbar-toggler")
    page.keyboard.press("Enter")
    page.locator("#main-nav.show").wait_for()
    tab_to(page, "#main-nav a[href='/fr/experts/']")
    activate(page)
    assert page.url.endswith("/fr/experts/")


def type_into(page, selector, text):
    tab_to(page, selector)
    page.keyboard.type(text)


def test_visitor_journey_from_home_to_a_sent_brief_with_the_keyboard(page, live_server):
    objectives = create_demo_objectives()
    training = make_match_world(objectives, decoy=False)
    expert = training.trainer

    # Home: type the objective in the visitor's words, press Enter.
    page.goto("/fr/")
    type_into(page, "main input[name=objective]", "garder contact avec mes clients")
    activate(page)
    assert "/fr/match/?objective=" in page.url
    assert page.locator(".match-analysis").get_attribute("data-focus") == "network"

    # Match: open the training.
    tab_to(page, f"main a[href^='{training.get_absolute_url()}?objective=']")
    activate(page)
    assert page.locator("h1").first.inner_text() == training.title

    # Training: send a brief to its trainer.
    tab_to(page, "main a.send-brief")
    activate(page)
    url = urlsplit(page.url)
    assert url.path == "/fr/experts/nadia-roy/brief/"
    assert parse_qs(url.query)["training"] == [training.slug]
    assert parse_qs(url.query)["objective"] == ["garder contact avec mes clients"]

    # Brief form: the required fields, the consent box with Space, then review and send.
    type_into(page, "main [name=message]", "Bonjour, un atelier en mars ?")
    type_into(page, "main [name=name]", "Denise Visiteuse")
    type_into(page, "main [name=email]", "denise@example.com")
    tab_to(page, "main [name=consent]")
    page.keyboard.press("Space")
    tab_to(page, "main form [type=submit]")
    activate(page)
    tab_to(page, "main [type=submit][name=confirm]")
    activate(page)
    assert "/fr/experts/nadia-roy/brief/sent/" in page.url
    brief = Brief.objects.get()
    assert (brief.expert, brief.training, brief.name, brief.email) == (
        expert,
        training,
        "Denise Visiteuse",
        "denise@example.com",
    )
    assert brief.message == "Bonjour, un atelier en mars ?"
    # The objective typed on the home page came along to the brief.
    assert brief.objective_text == "garder contact avec mes clients"

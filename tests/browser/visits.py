"""Visiting a tests/pages.py Page in the browser: log in as its role, open it, submit its form."""

from django.conf import settings
from django.test import Client
from django.utils import translation


def log_in(page, base_url, user):
    """Give the browser a session for `user` without going through the login form."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": base_url}])


def visit(page, base_url, world, entry, lang="fr"):
    """Open `entry` (a tests.pages.Page) in `lang` as its role; submit its form if it has one."""
    user = world.user(entry.role)
    if user is not None:
        log_in(page, base_url, user)
    with translation.override(lang):
        url = entry.url(world)
    response = page.goto(url)
    expected = 200 if entry.form else entry.status
    assert response.status == expected, f"{url} answered {response.status}, expected {expected}"
    if entry.ready:
        page.locator(entry.ready).first.wait_for()
    if entry.form:
        submit_form(page, entry.form_data(world))
    return url


def submit_form(page, data):
    """Fill the main form's fields by name, then press its submit button, as a person would; the answer."""
    first = next(iter(data))
    form = page.locator(f"main form:has([name='{first}'])")
    # Let the server answer invalid values: the browser's own checks (type=email, required) would stop them.
    form.evaluate("(f) => { f.noValidate = true; }")
    for name, value in data.items():
        field = form.locator(f"[name='{name}']").first
        kind = field.evaluate("(e) => e.type")
        if kind == "radio":
            form.locator(f"[name='{name}'][value='{value}']").check()
        elif kind == "checkbox":
            field.set_checked(bool(value))
        elif kind.startswith("select"):
            field.select_option(str(value))
        else:
            field.fill(str(value))
    with page.expect_navigation() as navigation:
        form.locator("[type=submit]").first.click()
    return navigation.value

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_home_page_offers_language_switch(page):
    page.goto("/fr/")
    assert page.locator("html").get_attribute("lang") == "fr"
    page.locator("header a[hreflang=en]").click()
    page.wait_for_url("**/en/")
    assert page.locator("html").get_attribute("lang") == "en"

"""Points visitors noticed (issue 19): targets, contrast, the phone layout, online session times."""

from datetime import timedelta

import pytest

from catalogue.enums import Mode, Status
from tests.factories import make_expert, make_session, make_training

CONTRAST = """e => {
  const rgb = (c) => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = (c) => {
    const [r, g, b] = rgb(c).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const style = getComputedStyle(e);
  const [a, b] = [lum(style.color), lum(style.backgroundColor)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}"""


@pytest.fixture
def catalogue():
    trainer = make_expert(name="Luc Gendron", city="Gatineau")
    trainings = [
        make_training(status=Status.PUBLISHED, trainer=trainer, title=f"Atelier {i}", slug=f"atelier-{i}")
        for i in range(14)
    ]
    for training in trainings:
        make_session(training, starts_in=timedelta(days=10))
    return trainings


def test_pagination_targets_are_at_least_44_px(page, catalogue):
    page.goto("/fr/trainings/")
    links = page.locator(".pagination .page-link")
    assert links.count() >= 2
    for index in range(links.count()):
        box = links.nth(index).bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44


def test_facet_count_badges_have_aa_contrast(page, catalogue):
    page.goto("/fr/trainings/")
    badges = page.locator(".facet .facet-count")
    assert badges.count() >= 2
    ratios = [badges.nth(i).evaluate(CONTRAST) for i in range(badges.count())]
    assert min(ratios) >= 4.5


def test_on_a_phone_price_and_brief_button_come_first(page, catalogue):
    page.set_viewport_size({"width": 375, "height": 700})
    page.goto(f"/fr/trainings/{catalogue[0].slug}/")
    # The summary card (price, button) still follows the description; the header repeats both.
    box = page.locator(".send-brief-top").bounding_box()
    assert box["y"] + box["height"] <= 700
    assert page.locator(".price-top").is_visible()


def test_online_session_shows_the_visitors_time(browser, live_server):
    trainer = make_expert(name="Luc Gendron", city="Gatineau")
    training = make_training(status=Status.PUBLISHED, trainer=trainer, mode=Mode.ONLINE, slug="en-ligne")
    make_session(training, starts_in=timedelta(days=10), timezone="Europe/Paris", is_online=True, city="")
    context = browser.new_context(base_url=live_server.url, locale="fr-CA", timezone_id="America/Toronto")
    page = context.new_page()
    page.goto("/fr/trainings/en-ligne/")
    local = page.locator(".visitor-time")
    local.wait_for()
    text = local.inner_text()
    context.close()
    assert text.startswith("Votre heure")
    assert "HNE" in text or "HAE" in text or "UTC−5" in text or "UTC−4" in text


def test_filter_pills_cut_on_a_phone_show_a_scroll_hint(page, catalogue):
    page.set_viewport_size({"width": 375, "height": 700})
    page.goto("/fr/trainings/")
    pills = page.locator(".facet .nav-pills").first
    assert pills.evaluate("e => e.scrollWidth > e.clientWidth")  # cut at the right edge…
    background = pills.evaluate("e => getComputedStyle(e).backgroundImage")
    assert background.count("gradient") >= 2  # …with an edge shadow that says there is more
    assert pills.evaluate("e => getComputedStyle(e).overflowX") == "auto"

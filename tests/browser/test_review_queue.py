"""A curator opens « À évaluer » (/fr/admin/queue/) at 1366 px and 1024 px: the count of each kind in
view, offers, profiles and outcome comments mixed oldest first, each row's review action first, in view
and leading to that item's own screen, and no sideways scroll even with long titles and an unbroken URL."""

from datetime import timedelta

import pytest
from django.utils import timezone

from catalogue.enums import Status
from experts.models import Expert, Outcome
from tests.browser.visits import log_in
from tests.factories import make_brief, make_curator, make_expert, make_training
from tests.french import fr

pytestmark = pytest.mark.django_db(transaction=True)

LONG = (
    "Vitrine et boutique sur Instagram pour les commerces d’ici, du premier abonné à la première vente, "
    "avec un budget publicitaire modeste"
)
URL = "https://www.exemple-de-boutique-en-ligne-du-quebec.ca/" + "parcours-de-formation-" * 6


def _ago(days):
    return timezone.now() - timedelta(days=days)


@pytest.fixture
def queue():
    """Two offers, two profiles and two comments, sent on alternating days; the oldest-first kinds."""
    trainer = make_expert(name="Marie-Ève Bélanger-Lévesque")
    offers = [
        make_training(
            status=Status.SUBMITTED, trainer=trainer, title=f"{LONG} ({n})", slug=f"vitrine-{n}", submitted_at=_ago(d)
        )
        for n, d in ((1, 12), (2, 6))
    ]
    profiles = []
    for n, days in ((1, 10), (2, 4)):
        profile = make_expert(
            name=f"Geneviève Tremblay-Bouchard-Lapointe {n}",
            headline=f"Formatrice en commerce en ligne et en réseaux sociaux pour les PME {n}",
            profile_status="submitted",
        )
        Expert.objects.filter(pk=profile.pk).update(updated_at=_ago(days))
        profiles.append(profile)
    comments = []
    for n, days in ((1, 8), (2, 2)):
        outcome = Outcome.objects.create(
            brief=make_brief(trainer),
            hired=True,
            reached="yes",
            comment=f"Très utile, voyez {URL}{n}",
            comment_status="pending",
        )
        Outcome.objects.filter(pk=outcome.pk).update(answered_at=_ago(days))
        comments.append(outcome)
    return {"offer": offers, "profile": profiles, "comment": comments}


def _no_sideways_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def _text(locator):
    return " ".join(locator.inner_text().split())


def _same(text):
    return " ".join(str(text).split())


@pytest.mark.parametrize("width", [1366, 1024])
def test_curator_works_through_the_review_queue(page, live_server, queue, width):
    page.set_viewport_size({"width": width, "height": 800})
    log_in(page, live_server.url, make_curator())
    page.goto("/fr/admin/")
    page.locator("#review-queue-link").get_by_role("link", name=fr("To review")).click()
    page.wait_for_url("**/fr/admin/queue/")
    assert _text(page.locator("h1")) == _same(fr("To review"))
    assert _no_sideways_scroll(page)

    # The count of each kind, in view above the list.
    counts = page.locator("#review-queue-counts li")
    assert [_text(counts.nth(i)) for i in range(counts.count())] == [
        f"2 {_same(fr('Offers'))}",
        f"2 {_same(fr('Trainer profiles'))}",
        f"2 {_same(fr('Outcome comments'))}",
    ]
    for i in range(3):
        assert counts.nth(i).is_visible()
        box = counts.nth(i).bounding_box()
        assert box["x"] + box["width"] <= width and box["y"] + box["height"] <= 800

    # Oldest first, kinds mixed: offer (12 days), profile (10), comment (8), offer (6), profile (4), comment (2).
    rows = page.locator(".review-queue tbody tr")
    kinds = [rows.nth(i).get_attribute("class") for i in range(rows.count())]
    assert kinds == ["queue-offer", "queue-profile", "queue-comment"] * 2
    # Nothing, not even the unbroken URL in a comment, pushes the table past the page.
    table = page.locator(".review-queue table").bounding_box()
    assert table["x"] + table["width"] <= width

    labels = {
        "offer": fr("Review the offer"),
        "profile": fr("Review the profile"),
        "comment": fr("Moderate the comment"),
    }
    expected_urls = {
        "offer": [f"/fr/admin/catalogue/training/{o.pk}/review/" for o in queue["offer"]],
        "profile": [f"/fr/admin/experts/expert/{e.pk}/review/" for e in queue["profile"]],
        "comment": [f"/fr/admin/experts/outcome/{o.pk}/change/" for o in queue["comment"]],
    }
    for i in range(rows.count()):
        row = rows.nth(i)
        kind = kinds[i].removeprefix("queue-")
        action = row.get_by_role("link", name=labels[kind])
        # The review action is the row's first cell, whole and inside the window.
        assert action.evaluate("a => a.closest('td').cellIndex") == 0
        box = action.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width
        assert box["height"] >= 44
        assert action.get_attribute("href") == expected_urls[kind][i // 3]

    # Each kind's action leads to that item's own screen, which does not scroll sideways either.
    offer, profile, comment = queue["offer"][0], queue["profile"][0], queue["comment"][0]
    rows.nth(0).get_by_role("link", name=labels["offer"]).click()
    page.wait_for_url(f"**/fr/admin/catalogue/training/{offer.pk}/review/")
    assert _text(page.locator("h1")) == _same(fr("Review “%(title)s”", title=offer.title))
    assert _no_sideways_scroll(page)

    page.go_back()
    rows.nth(1).get_by_role("link", name=labels["profile"]).click()
    page.wait_for_url(f"**/fr/admin/experts/expert/{profile.pk}/review/")
    assert _text(page.locator("h1")) == _same(fr("Review the profile of %(name)s", name=profile.name))
    assert _no_sideways_scroll(page)

    page.go_back()
    rows.nth(2).get_by_role("link", name=labels["comment"]).click()
    page.wait_for_url(f"**/fr/admin/experts/outcome/{comment.pk}/change/")
    assert _text(page.locator(".field-comment .readonly")) == _same(comment.comment)
    assert _no_sideways_scroll(page)

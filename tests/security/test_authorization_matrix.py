"""Who gets what: every URL, every role, exactly the expected answer.

MATRIX is the table to extend when a URL lands: one Row per URL with the answer
each role gets. Answers: OK (200), LOGIN (302 to the trainers' login page with
?next=), ADMIN_LOGIN (302 to the admin's login page), FORBIDDEN (403),
NOT_FOUND (404), NOT_ALLOWED (405). Paths are built in French from the world of
tests/pages.py (alice = trainer_a owns the published training and every unpublished
offer; bruno = trainer_b owns another published training).
"""

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests.pages import PUBLIC_PAGES, build_world

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "trainer_a", "trainer_b", "curator", "superuser")
OK, FORBIDDEN, NOT_FOUND, NOT_ALLOWED = 200, 403, 404, 405
LOGIN, ADMIN_LOGIN = "login", "admin-login"


def expect(anonymous, trainer_a, trainer_b, curator, superuser):
    return dict(zip(ROLES, (anonymous, trainer_a, trainer_b, curator, superuser)))


EVERYONE = expect(OK, OK, OK, OK, OK)
NOBODY = expect(NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND)
ACCOUNT = expect(LOGIN, OK, OK, OK, OK)
STAFF = expect(ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, OK, OK)
SUPERUSER = expect(ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, FORBIDDEN, OK)
# Pages for trainers, as the trainers branch answers: accounts without an expert profile get 403.
DASHBOARD = "302 to /fr/dashboard/"
TRAINER = expect(LOGIN, OK, OK, FORBIDDEN, FORBIDDEN)
OWNER = expect(LOGIN, OK, NOT_FOUND, FORBIDDEN, FORBIDDEN)


@dataclass(frozen=True)
class Row:
    id: str
    path: Callable
    expected: dict
    method: str = "get"
    data: dict | Callable | None = None

    def __str__(self):
        return self.id


def _training(attr):
    return lambda w: getattr(w, attr).get_absolute_url()


def _offer(name, attr):
    return lambda w: reverse(f"experts:{name}", kwargs={"pk": getattr(w, attr).pk})


def _api(name, attr):
    return lambda w: reverse(f"api:{name}", kwargs={"slug": getattr(w, attr).slug})


def _status(slug_suffix):
    return lambda w: reverse("catalogue:training_detail", kwargs={"slug": f"{slug_suffix}-a"})


MATRIX = [
    # Public pages.
    Row("home", lambda w: reverse("catalogue:home"), EVERYONE),
    Row("match", lambda w: reverse("catalogue:match") + "?objective=diffuser", EVERYONE),
    Row("training-list", lambda w: reverse("catalogue:training_list"), EVERYONE),
    Row("training-published", _training("training"), EVERYONE),
    Row("training-of-trainer-b", _training("other_training"), EVERYONE),
    Row("expert-list", lambda w: reverse("experts:expert_list"), EVERYONE),
    Row("expert-published", lambda w: w.expert_a.get_absolute_url(), EVERYONE),
    Row("healthz", lambda w: "/healthz", EVERYONE),
    # Unpublished content never has a public page, not even for its owner or a curator
    # (they see it in the dashboard and the admin).
    Row("training-draft", _status("draft"), NOBODY),
    Row("training-submitted", _status("submitted"), NOBODY),
    Row("training-changes-requested", _status("changes_requested"), NOBODY),
    Row("training-rejected", _status("rejected"), NOBODY),
    Row("training-archived", _status("archived"), NOBODY),
    Row("expert-without-published-training", lambda w: w.unpublished_expert.get_absolute_url(), NOBODY),
    Row("missing-page", lambda w: "/fr/no-such-page/", NOBODY),
    # Trainer pages.
    # Accounts without an expert profile (curators, the superuser) get the "no profile" page, 403.
    Row("dashboard", lambda w: reverse("experts:dashboard"), TRAINER),
    Row("logout-by-get", lambda w: reverse("experts:logout"), expect(*[NOT_ALLOWED] * 5)),
    # Administration: curators moderate; only the superuser manages accounts.
    Row("admin-index", lambda w: reverse("admin:index"), STAFF),
    Row("admin-users", lambda w: reverse("admin:auth_user_changelist"), SUPERUSER),
    Row("admin-groups", lambda w: reverse("admin:auth_group_changelist"), SUPERUSER),
    Row("login", lambda w: reverse("experts:login"), expect(OK, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD)),
    Row("signup", lambda w: reverse("experts:signup"), expect(OK, DASHBOARD, DASHBOARD, DASHBOARD, DASHBOARD)),
    Row("password-reset", lambda w: reverse("experts:password_reset"), EVERYONE),
    Row("password-change", lambda w: reverse("experts:password_change"), ACCOUNT),
    Row("brief", lambda w: reverse("experts:brief", kwargs={"slug": w.expert_a.slug}), EVERYONE),
    Row(
        "brief-unpublished-expert",
        lambda w: reverse("experts:brief", kwargs={"slug": w.unpublished_expert.slug}),
        NOBODY,
    ),
    Row("profile-edit", lambda w: reverse("experts:profile_edit"), TRAINER),
    Row("offer-create", lambda w: reverse("experts:offer_create"), TRAINER),
    Row("offer-own-draft", _offer("offer_detail", "draft"), OWNER),
    Row("offer-edit-own-draft", _offer("offer_edit", "draft"), OWNER),
    Row("offer-own-published", _offer("offer_detail", "training"), OWNER),
    Row(
        "offer-of-trainer-b",
        _offer("offer_detail", "other_training"),
        expect(LOGIN, NOT_FOUND, OK, FORBIDDEN, FORBIDDEN),
    ),
    Row(
        "offer-edit-of-trainer-b",
        _offer("offer_edit", "other_training"),
        expect(LOGIN, NOT_FOUND, OK, FORBIDDEN, FORBIDDEN),
    ),
    Row(
        "offer-submit-draft-of-trainer-a",
        _offer("offer_transition", "draft"),
        expect(LOGIN, "302 to /fr/dashboard/offers/{draft}/", NOT_FOUND, FORBIDDEN, FORBIDDEN),
        method="post",
        data={"action": "submit"},
    ),
    Row("brief-inbox", lambda w: reverse("experts:brief_list"), TRAINER),
    Row("brief-detail-of-trainer-a", lambda w: reverse("experts:brief_detail", kwargs={"pk": w.brief.pk}), OWNER),
    # Feeds, sitemap and robots.
    Row("feed-ics", lambda w: reverse("catalogue:training_feed_ics"), EVERYONE),
    Row("feed-atom", lambda w: reverse("catalogue:training_feed_atom"), EVERYONE),
    Row("training-ics", lambda w: reverse("catalogue:training_ics", kwargs={"slug": w.training.slug}), EVERYONE),
    Row("training-ics-draft", lambda w: reverse("catalogue:training_ics", kwargs={"slug": w.draft.slug}), NOBODY),
    Row("sitemap", lambda w: "/sitemap.xml", EVERYONE),
    Row("robots", lambda w: "/robots.txt", EVERYONE),
    # The JSON API: published content only, whoever asks.
    Row("api-trainings", lambda w: reverse("api:training_list"), EVERYONE),
    Row("api-training-published", _api("training_detail", "training"), EVERYONE),
    Row("api-training-draft", _api("training_detail", "draft"), NOBODY),
    Row("api-training-submitted", _api("training_detail", "submitted"), NOBODY),
    Row("api-experts", lambda w: reverse("api:expert_list"), EVERYONE),
    Row("api-expert-published", _api("expert_detail", "expert_a"), EVERYONE),
    Row("api-expert-unpublished", _api("expert_detail", "unpublished_expert"), NOBODY),
    Row("api-objectives", lambda w: reverse("api:objective_list"), EVERYONE),
    Row("api-platforms", lambda w: reverse("api:platform_list"), EVERYONE),
    Row("api-match", lambda w: reverse("api:match") + "?objective=diffuser", EVERYONE),
    Row("api-schema", lambda w: reverse("api:schema"), EVERYONE),
    Row("api-docs", lambda w: reverse("api:docs"), EVERYONE),
    Row("api-training-create", lambda w: reverse("api:training_list"), expect(*[NOT_ALLOWED] * 5), method="post"),
    # Moderation: curators and the superuser only.
    Row("admin-trainings", lambda w: reverse("admin:catalogue_training_changelist"), STAFF),
    Row("admin-training-draft", lambda w: reverse("admin:catalogue_training_change", args=[w.draft.pk]), STAFF),
    Row("admin-review", lambda w: reverse("admin:catalogue_training_review", args=[w.submitted.pk]), STAFF),
    Row("admin-trainings-csv", lambda w: reverse("admin:catalogue_training_export"), STAFF),
    Row("admin-briefs", lambda w: reverse("admin:experts_brief_changelist"), STAFF),
    Row("admin-briefs-csv", lambda w: reverse("admin:experts_brief_export"), STAFF),
    Row("admin-experts", lambda w: reverse("admin:experts_expert_changelist"), STAFF),
    Row(
        "admin-publish-action",
        lambda w: reverse("admin:catalogue_training_changelist"),
        STAFF,
        method="post",
        data=lambda w: {"action": "publish_selected", "_selected_action": [w.submitted.pk]},
    ),
    Row(
        "admin-reject-action",
        lambda w: reverse("admin:catalogue_training_changelist"),
        STAFF,
        method="post",
        data=lambda w: {"action": "reject_selected", "_selected_action": [w.submitted.pk]},
    ),
]


def answer(client, row, world):
    with translation.override("fr"):
        path = row.path(world)
        data = row.data(world) if callable(row.data) else row.data
        response = getattr(client, row.method)(path, data or {})
        if response.status_code == 302:
            location = response.headers["Location"]
            if location.startswith(reverse("experts:login") + "?next="):
                return LOGIN
            if location.startswith(reverse("admin:login") + "?next="):
                return ADMIN_LOGIN
            return f"302 to {location}"
    return response.status_code


def client_for(world, role):
    client = Client()
    user = world.user(role)
    if user is not None:
        client.force_login(user)
    return client


@pytest.mark.parametrize("row", MATRIX, ids=str)
def test_each_role_gets_exactly_the_expected_answer(row):
    world = build_world()
    actual = {role: answer(client_for(world, role), row, world) for role in ROLES}
    # Redirects to an object's page name it as {draft}.
    expected = {role: a.format(draft=world.draft.pk) if isinstance(a, str) else a for role, a in row.expected.items()}
    assert actual == expected


def test_matrix_rows_have_every_role_and_unique_ids():
    assert all(tuple(row.expected) == ROLES for row in MATRIX)
    assert len({row.id for row in MATRIX}) == len(MATRIX)


@pytest.mark.parametrize("role", ROLES)
def test_unpublished_content_never_appears_on_public_pages(role):
    world = build_world()
    client = client_for(world, role)
    secrets = [t.title for t in world.unpublished] + [world.unpublished_expert.name]
    for lang in ("fr", "en"):
        for entry in PUBLIC_PAGES:
            with translation.override(lang):
                url = entry.url(world)
            html = client.get(url).text
            assert [s for s in secrets if s in html] == [], f"{role} sees unpublished content on {url}"
            if entry.id in ("training-list", "training-detail"):
                assert world.training.title in html  # the check looks at a page that shows trainings


# Private views where unpublished content does appear, to its owner and curators only:
# (id, path, {role: sees it?}).
PRIVATE_VIEWS = [
    ("dashboard-offers", lambda w: reverse("experts:dashboard"), expect(False, True, False, False, False)),
    (
        "admin-trainings-all",
        lambda w: reverse("admin:catalogue_training_changelist") + "?status=all",
        expect(False, False, False, True, True),
    ),
    (
        "admin-moderation-queue-draft-filter",
        lambda w: reverse("admin:catalogue_training_changelist") + "?status=draft",
        expect(False, False, False, True, True),
    ),
    ("api-trainings", lambda w: reverse("api:training_list"), expect(False, False, False, False, False)),
]


@pytest.mark.parametrize(("view_id", "path", "sees"), PRIVATE_VIEWS)
def test_unpublished_content_appears_only_to_owner_and_curators(view_id, path, sees):
    world = build_world()
    for role in ROLES:
        with translation.override("fr"):
            html = client_for(world, role).get(path(world)).text
        assert (world.draft.title in html) is sees[role], f"{view_id} as {role}"

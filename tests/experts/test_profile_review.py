"""Trainer profiles are reviewed like offers (#15): visitors read the approved copy only."""

import pytest
from django.core import mail
from django.urls import reverse

from catalogue import workflow
from catalogue.enums import Status
from experts import profile_review, profile_workflow
from experts.models import Expert, ProfileStatus
from experts.profile_workflow import ProfileAction
from tests.factories import (
    approve_profile,
    make_curator,
    make_expert,
    make_public_expert,
    make_session,
    make_training,
    make_user,
)
from tests.french import fr

pytestmark = pytest.mark.django_db

EDIT_URL = reverse("experts:profile_edit")
ALL_YES = {f"rubric_{key}": "yes" for key in profile_review.RUBRIC_KEYS}
ALL_YES_ANSWERS = dict.fromkeys(profile_review.RUBRIC_KEYS, True)


def _form(expert, **overrides):
    data = {
        "name": expert.name,
        "headline": expert.headline,
        "bio": expert.bio,
        "focuses": expert.focuses,
        "city": expert.city,
        "languages": expert.languages,
        "website": expert.website,
        "social_links": "",
        "preferred_language": expert.preferred_language,
    }
    data.update(overrides)
    return data


def _review_url(expert, lang="fr"):
    return f"/{lang}/admin/experts/expert/{expert.pk}/review/"


def _decide(client, expert, decision, capture, message="", version=None, rubric=None):
    version = Expert.objects.get(pk=expert.pk).profile_version if version is None else version
    data = {**(ALL_YES if rubric is None else rubric), "decision": decision, "message": message, "version": version}
    with capture(execute=True):
        return client.post(_review_url(expert), data)


@pytest.fixture
def public(client):
    expert = make_public_expert(name="Léa Tremblay", slug="lea", headline="Ancienne accroche")
    return expert


def _visible(client, expert, text):
    """Whether `text` reaches visitors: the page, the directory and the API."""
    page = client.get(expert.get_absolute_url()).content.decode()
    directory = client.get(reverse("experts:expert_list")).content.decode()
    api = client.get(f"/api/v1/experts/{expert.slug}/").json()
    return [text in page, text in directory, api["headline"] == text]


def test_edited_headline_stays_invisible_to_visitors_until_approved(client, public):
    trainer = Client_for(public)
    trainer.post(EDIT_URL, _form(public, headline="Nouvelle accroche"))
    public.refresh_from_db()
    assert public.profile_status == ProfileStatus.SUBMITTED
    # Still public, in its approved version.
    assert _visible(client, public, "Ancienne accroche") == [True, True, True]
    assert _visible(client, public, "Nouvelle accroche") == [False, False, False]
    assert "Nouvelle accroche" in trainer.get(reverse("experts:profile_preview")).content.decode()

    approve_profile(public)
    assert _visible(client, public, "Nouvelle accroche") == [True, True, True]
    assert Expert.objects.get(pk=public.pk).proposed is None


def Client_for(expert):
    from django.test import Client

    client = Client()
    client.force_login(expert.user)
    return client


def test_saving_only_the_email_language_sends_nothing_to_review(public):
    Client_for(public).post(EDIT_URL, _form(public, preferred_language="en"))
    public.refresh_from_db()
    assert (public.profile_status, public.preferred_language) == (ProfileStatus.APPROVED, "en")


def test_first_profile_is_not_public_before_approval(client):
    expert = make_expert(reviewed_at=None, profile_status=ProfileStatus.DRAFT, slug="nouvelle")
    make_training(trainer=expert)  # even with a published offer
    assert not Expert.objects.public().filter(pk=expert.pk).exists()
    assert client.get(expert.get_absolute_url()).status_code == 404
    assert client.get("/api/v1/experts/nouvelle/").status_code == 404
    assert "nouvelle" not in client.get("/sitemap.xml").content.decode()

    Client_for(expert).post(EDIT_URL, _form(expert, headline="Formatrice"))
    approve_profile(expert)
    assert client.get(expert.get_absolute_url()).status_code == 200


def test_offer_is_not_published_under_a_profile_never_approved():
    expert = make_expert(reviewed_at=None, profile_status=ProfileStatus.SUBMITTED)
    training = make_training(status=Status.SUBMITTED, trainer=expert)
    make_session(training)
    curator = make_curator()
    workflow.assess(training, dict.fromkeys(workflow.review_rules.RUBRIC_KEYS, True), by=curator, version=1)
    codes = [r.code for r in workflow.check(training, workflow.Action.PUBLISH, curator)]
    assert codes == ["profile_not_approved"]
    with pytest.raises(workflow.NotAllowed):
        workflow.transition(training, workflow.Action.PUBLISH, by=curator, version=training.version)


def test_trainer_cannot_approve_their_own_profile(client, public, django_capture_on_commit_callbacks):
    public.user.is_staff = True
    public.user.save()
    from catalogue.permissions import ensure_curators_group

    public.user.groups.add(ensure_curators_group())
    Client_for(public).post(EDIT_URL, _form(public, headline="Je m’approuve"))
    public.refresh_from_db()
    refusals = profile_workflow.check(public, ProfileAction.APPROVE, public.user, rubric=ALL_YES_ANSWERS)
    assert [r.code for r in refusals] == ["own_profile"]
    client.force_login(public.user)
    assert "own_profile" not in client.get(_review_url(public)).content.decode()
    _decide(client, public, "approve", django_capture_on_commit_callbacks)
    public.refresh_from_db()
    assert (public.profile_status, public.headline) == (ProfileStatus.SUBMITTED, "Ancienne accroche")


def test_stale_decision_is_refused(client, public, django_capture_on_commit_callbacks):
    trainer = Client_for(public)
    trainer.post(EDIT_URL, _form(public, headline="Première version"))
    seen = Expert.objects.get(pk=public.pk).profile_version
    trainer.post(EDIT_URL, _form(public, headline="Seconde version"))
    client.force_login(make_curator())
    response = _decide(client, public, "approve", django_capture_on_commit_callbacks, version=seen)
    assert response.status_code == 302
    public.refresh_from_db()
    assert (public.profile_status, public.headline) == (ProfileStatus.SUBMITTED, "Ancienne accroche")
    with pytest.raises(profile_workflow.StaleVersion) as refused:
        profile_workflow.transition(
            public, ProfileAction.APPROVE, by=make_curator(), rubric=ALL_YES_ANSWERS, version=seen
        )
    assert [(c.key, c.after) for c in refused.value.changes] == [("headline", "Seconde version")]


def test_decision_from_the_wrong_state_is_refused(public):
    with pytest.raises(profile_workflow.WrongState):
        profile_workflow.transition(public, ProfileAction.APPROVE, by=make_curator(), rubric=ALL_YES_ANSWERS)


def test_approval_needs_every_rubric_item_and_changes_need_a_message(public):
    Client_for(public).post(EDIT_URL, _form(public, headline="Seule bonne façon"))
    public.refresh_from_db()
    curator = make_curator()
    answers = {**ALL_YES_ANSWERS, "no_single_right_way": False}
    assert [r.code for r in profile_workflow.check(public, ProfileAction.APPROVE, curator, rubric=answers)] == [
        "rubric_not_met"
    ]
    assert [r.code for r in profile_workflow.check(public, ProfileAction.REQUEST_CHANGES, curator, message=" ")] == [
        "message_required"
    ]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_trainer_sees_the_state_and_the_curators_message_on_the_dashboard(
    client, lang, django_capture_on_commit_callbacks
):
    expected = fr(ProfileStatus.CHANGES_REQUESTED.label) if lang == "fr" else "Changes requested"
    expert = make_public_expert(preferred_language=lang)
    Client_for(expert).post(EDIT_URL, _form(expert, headline="Seule bonne façon de publier"))
    client.force_login(make_curator())
    _decide(client, expert, "request_changes", django_capture_on_commit_callbacks, message="Nuancez l’accroche.")
    trainer = Client_for(expert)
    page = trainer.get(f"/{lang}/" + reverse("experts:dashboard").split("/", 2)[2]).content.decode()
    assert 'data-profile-status="changes_requested"' in page
    assert "Nuancez l’accroche." in page
    assert expected in page
    assert [m.to for m in mail.outbox] == [[expert.user.email]]
    assert "Nuancez l’accroche." in mail.outbox[0].body


def test_review_screen_flags_names_close_to_another_public_expert(client, public):
    newcomer = make_expert(reviewed_at=None, profile_status=ProfileStatus.DRAFT, name="Nouvelle")
    Client_for(newcomer).post(EDIT_URL, _form(newcomer, name="Lea Tremblai"))
    client.force_login(make_curator())
    html = client.get(_review_url(newcomer)).content.decode()
    assert 'id="review-similar-names"' in html
    assert "Léa Tremblay" in html


@pytest.mark.parametrize(
    ("name", "flagged"),
    [("Léa Tremblay", True), ("LEA  TREMBLAY", True), ("Lea Tremblai", True), ("Léo Tremble", False), ("Marc", False)],
)
def test_similar_names_are_equal_once_folded_or_two_edits_apart(public, name, flagged):
    assert bool(profile_review.similar_names(name)) is flagged


def test_listing_by_a_curator_is_approved_by_another_curator(client, django_capture_on_commit_callbacks):
    lister = make_curator()
    client.force_login(lister)
    response = client.post(
        "/fr/admin/experts/expert/add/",
        {
            "name": "Sans Compte",
            "headline": "Formateur réseaux",
            "bio": "",
            "focuses": ["network"],
            "city": "Laval",
            "languages": ["fr"],
            "website": "",
            "listing_email": "sans.compte@example.org",
        },
    )
    assert response.status_code == 302
    listing = Expert.objects.get(listing_email="sans.compte@example.org")
    assert (listing.user, listing.listed_by, listing.profile_status) == (None, lister, ProfileStatus.SUBMITTED)
    assert [r.code for r in profile_workflow.check(listing, ProfileAction.APPROVE, lister, rubric=ALL_YES_ANSWERS)] == [
        "own_listing"
    ]
    _decide(client, listing, "approve", django_capture_on_commit_callbacks)
    assert Expert.objects.get(pk=listing.pk).reviewed_at is None

    client.force_login(make_curator())
    _decide(client, listing, "approve", django_capture_on_commit_callbacks)
    listing.refresh_from_db()
    assert (listing.profile_status, listing.headline) == (ProfileStatus.APPROVED, "Formateur réseaux")
    make_training(trainer=listing)
    page = client.get(listing.get_absolute_url()).content.decode()
    assert "unclaimed-listing" in page
    assert "send-brief" not in page


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_review_screen_shows_the_pending_version_in_both_languages(client, public, lang):
    Client_for(public).post(EDIT_URL, _form(public, headline="Nouvelle accroche"))
    client.force_login(make_curator())
    html = client.get(_review_url(public, lang)).content.decode()
    assert "Nouvelle accroche" in html
    assert 'class="review-change-headline"' in html
    assert 'name="decision" value="approve"' in html


def test_new_account_profile_starts_unreviewed(client):
    from experts import accounts

    expert = accounts.register_trainer(
        email="neuve@example.org", password="a-long-test-password", name="Neuve", language="fr", build_url=str
    )
    assert (expert.profile_status, expert.reviewed_at) == (ProfileStatus.DRAFT, None)
    assert make_user  # builders stay importable for the listing claim tests


def test_submitting_a_first_offer_sends_a_draft_profile_to_review(client):
    from experts import offers

    expert = make_expert(reviewed_at=None, profile_status=ProfileStatus.DRAFT)
    training = make_training(status=Status.DRAFT, trainer=expert)
    make_session(training)
    offers.run_action(training, "submit", user=expert.user)
    expert.refresh_from_db()
    assert expert.profile_status == ProfileStatus.SUBMITTED


def test_admin_index_counts_profiles_in_review_next_to_offers(client, public):
    Client_for(public).post(EDIT_URL, _form(public, headline="À évaluer"))
    client.force_login(make_curator())
    html = client.get("/fr/admin/").content.decode()
    block = html.split('id="profiles-in-review"')[1].split("</table>")[0]
    assert "profile_status=submitted" in block
    assert "<td>1</td>" in block

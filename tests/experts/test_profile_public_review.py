"""A public profile shows what a curator checked on its approved version, and when; a profile approved
before rubrics were recorded says only when it was reviewed; a pending edit's review never shows."""

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.timezone import localtime

from catalogue import grammar
from experts import profile_review, profile_workflow
from experts.profile_workflow import ProfileAction
from tests.factories import approve_profile, make_curator, make_public_expert
from tests.french import fr

pytestmark = pytest.mark.django_db


def _page(client, expert, lang="fr"):
    with translation.override(lang):
        url = expert.get_absolute_url()
    return client.get(url).content.decode()


def _shown_date(expert, lang):
    with translation.override(lang):
        return grammar.ordinal_dates(date_format(localtime(expert.reviewed_at), "DATE_FORMAT"))


def _edit(expert, headline):
    profile_workflow.submit(expert, {**profile_review.approved_content(expert), "headline": headline}, by=expert.user)


def _approved_with_rubric():
    expert = make_public_expert(headline="Ancienne accroche")
    _edit(expert, "Nouvelle accroche")
    approve_profile(expert)
    expert.refresh_from_db()
    return expert


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_profile_approved_with_a_rubric_shows_the_checks_and_date(client, lang):
    expert = _approved_with_rubric()
    html = _page(client, expert, lang)
    assert 'data-review="checked"' in html
    with translation.override(lang):
        heading = translation.gettext("Profile checked by a catalogue curator on %(date)s") % {
            "date": _shown_date(expert, lang)
        }
        single_way = str(profile_review.LABELS["no_single_right_way"])
    assert heading in html
    assert single_way in html


def test_profile_approved_before_rubrics_shows_only_the_date(client):
    expert = make_public_expert()
    html = _page(client, expert)
    assert 'data-review="reviewed"' in html
    assert fr("Profile reviewed on %(date)s", date=_shown_date(expert, "fr")) in html
    assert fr(profile_review.LABELS["no_single_right_way"]) not in html


def test_pending_edit_review_does_not_show(client):
    """A curator's answers on a version still in review (here: changes requested) are not the approved one's."""
    expert = make_public_expert(headline="Ancienne accroche")
    _edit(expert, "Nouvelle accroche")
    expert.refresh_from_db()
    profile_workflow.transition(
        expert,
        ProfileAction.REQUEST_CHANGES,
        by=make_curator(),
        message="Précisez votre accroche.",
        rubric=dict.fromkeys(profile_review.RUBRIC_KEYS, True),
        version=expert.profile_version,
    )
    html = _page(client, expert)
    assert 'data-review="reviewed"' in html
    assert fr(profile_review.LABELS["no_single_right_way"]) not in html


def test_trainer_preview_of_a_pending_edit_shows_no_review(client):
    expert = _approved_with_rubric()
    _edit(expert, "Encore une autre accroche")
    client.force_login(expert.user)
    with translation.override("fr"):
        html = client.get(reverse("experts:profile_preview")).content.decode()
    assert "Encore une autre accroche" in html
    assert "profile-review" not in html


def test_api_expert_detail_has_the_approved_versions_review(client):
    expert = _approved_with_rubric()
    review = client.get(f"/api/v1/experts/{expert.slug}/").json()["review"]
    assert review["reviewed_at"]
    assert "no_single_right_way" in review["checks"]
    older = make_public_expert()
    assert client.get(f"/api/v1/experts/{older.slug}/").json()["review"]["checks"] == []


def test_schema_documents_the_expert_review():
    from drf_spectacular.generators import SchemaGenerator

    components = SchemaGenerator().get_schema(request=None, public=True)["components"]["schemas"]
    assert "review" in components["ExpertDetail"]["properties"]
    assert set(components["ProfileReview"]["properties"]) == {"reviewed_at", "checks"}


def test_profile_rubric_speaks_of_the_profile_not_of_an_offer_in_french(client):
    """The offers' rubric item reads « Elle… » (une offre): a profile's has its own wording."""
    from catalogue import review_rules

    html = _page(client, _approved_with_rubric(), "fr")
    offer_wording = fr(dict(review_rules.RUBRIC)["no_single_right_way"])
    assert fr(profile_review.LABELS["no_single_right_way"]) in html
    assert offer_wording not in html

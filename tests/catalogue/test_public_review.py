"""A published training shows what a curator checked and when; older offers say only when they were published."""

import pytest

from catalogue import workflow
from catalogue.enums import Status
from tests.factories import make_assessment, make_curator, make_session, make_training

pytestmark = pytest.mark.django_db


def _published_after_review():
    training = make_training(status=Status.SUBMITTED)
    make_session(training)
    curator = make_curator()
    make_assessment(training, curator=curator, answers={"no_single_right_way": False})
    # A rubric with one "no" cannot publish: answer all yes on the version, as the review screen does.
    make_assessment(training, curator=curator)
    workflow.transition(training, workflow.Action.PUBLISH, by=curator)
    training.refresh_from_db()
    return training


@pytest.mark.parametrize("lang, text", [("fr", "Vérifiée par"), ("en", "Checked by a catalogue curator")])
def test_reviewed_training_shows_the_checks(client, lang, text):
    training = _published_after_review()
    html = client.get(f"/{lang}/trainings/{training.slug}/").content.decode()
    assert 'data-review="checked"' in html and text in html


def test_training_published_before_rubrics_says_only_published_on(client):
    training = make_training()
    html = client.get(f"/fr/trainings/{training.slug}/").content.decode()
    assert 'data-review="published"' in html and "Publiée le" in html


def test_api_training_has_review_codes(client):
    training = _published_after_review()
    item = client.get(f"/api/v1/trainings/{training.slug}/").json()
    assert "sessions_and_prices_complete" in item["review"]["checks"]
    assert item["review"]["reviewed_at"]
    assert client.get(f"/api/v1/trainings/{make_training().slug}/").json()["review"] is None
